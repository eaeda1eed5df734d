//! The edition as the calculator island takes it, with the location the page's address
//! was found in: every number in one list and every text, in the page's language, in
//! another. The browser then deserializes two lists
//! of plain values instead of the edition's nested types, each of which would bring
//! its own deserializer into the WebAssembly (kilobytes a type). The island unpacks it
//! into the same [`Published`] the server computes with, so both sides run the same
//! calculation on the same figures.

use kernel::{Locale, text::Text};
use serde::{Deserialize, Serialize};

use crate::{
    edition::{Amount, Band, Edition, Feature, LocationCategory},
    view::{Located, LocatedBy, Published},
};

/// A [`Published`] edition and a [`Located`] packed for the browser (see the module's
/// description).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Packed {
    numbers: Vec<f64>,
    texts: Vec<String>,
}

/// A feature's amount as a kind and a value.
const PERCENT: f64 = 0.0;
const EURO_PER_SQM: f64 = 1.0;

/// How the location was found, as a number: not at all, or by street or district.
const NOT_LOCATED: f64 = 0.0;
const BY_STREET: f64 = 1.0;
const BY_DISTRICT: f64 = 2.0;

impl Packed {
    /// `published` with its texts in `locale`, and the address's location `located`.
    /// What the browser does not compute with is left out: the street list and the
    /// districts (both looked up on the server).
    pub fn of(published: &Published, locale: Locale, located: Option<&Located>) -> Self {
        let edition = &published.edition;
        let mut numbers = vec![
            published.cap_percent,
            edition.spread_percent,
            f64::from(u8::from(edition.synthetic)),
        ];
        let mut texts = vec![
            edition.id.clone(),
            edition.title.get(locale).to_owned(),
            edition.valid_from.clone(),
            edition.valid_until.clone(),
            edition.source.get(locale).to_owned(),
            edition.legal_note.get(locale).to_owned(),
        ];
        for bands in [&edition.space_bands, &edition.year_bands] {
            numbers.push(count(bands.len()));
            numbers.extend(bands.iter().flat_map(|band| [band.from, band.to]));
        }
        numbers.push(count(edition.base.len()));
        for row in &edition.base {
            numbers.push(count(row.len()));
            numbers.extend(row);
        }
        numbers.push(count(edition.locations.len()));
        for location in &edition.locations {
            numbers.push(location.percent);
            texts.extend([location.id.clone(), location.label.get(locale).to_owned()]);
        }
        numbers.push(count(edition.features.len()));
        for feature in &edition.features {
            let (kind, value) = match feature.amount {
                Amount::Percent(value) => (PERCENT, value),
                Amount::EuroPerSqm(value) => (EURO_PER_SQM, value),
            };
            numbers.extend([kind, value]);
            texts.extend([
                feature.id.clone(),
                feature.question.get(locale).to_owned(),
                feature.explanation.get(locale).to_owned(),
            ]);
        }
        numbers.push(match located.map(|l| l.by) {
            None => NOT_LOCATED,
            Some(LocatedBy::Street) => BY_STREET,
            Some(LocatedBy::District) => BY_DISTRICT,
        });
        texts.extend(located.map(|l| l.category.clone()));
        Self { numbers, texts }
    }

    /// The edition again, its texts in `locale`, and the location; `None` for lists
    /// that [`Packed::of`] did not make.
    pub fn unpack(&self, locale: Locale) -> Option<(Published, Option<Located>)> {
        let mut numbers = self.numbers.iter().copied();
        let mut texts = self.texts.iter().cloned();
        let mut number = move || numbers.next();
        let mut text = move || texts.next();
        let in_language = |text: String| Text::german(text.clone()).with(locale, text);
        let cap_percent = number()?;
        let spread_percent = number()?;
        let synthetic = number()? != 0.0;
        let (id, title, valid_from, valid_until, source, legal_note) =
            (text()?, text()?, text()?, text()?, text()?, text()?);
        let mut bands = || -> Option<Vec<Band>> {
            (0..times(number()?)?)
                .map(|_| {
                    Some(Band {
                        from: number()?,
                        to: number()?,
                    })
                })
                .collect()
        };
        let space_bands = bands()?;
        let year_bands = bands()?;
        let base = (0..times(number()?)?)
            .map(|_| (0..times(number()?)?).map(|_| number()).collect())
            .collect::<Option<Vec<Vec<f64>>>>()?;
        let locations = (0..times(number()?)?)
            .map(|_| {
                Some(LocationCategory {
                    percent: number()?,
                    id: text()?,
                    label: in_language(text()?),
                })
            })
            .collect::<Option<Vec<_>>>()?;
        let features = (0..times(number()?)?)
            .map(|_| {
                let amount = match (number()?, number()?) {
                    (kind, value) if kind == PERCENT => Amount::Percent(value),
                    (_, value) => Amount::EuroPerSqm(value),
                };
                Some(Feature {
                    amount,
                    id: text()?,
                    question: in_language(text()?),
                    explanation: in_language(text()?),
                })
            })
            .collect::<Option<Vec<_>>>()?;
        let by = match number()? {
            NOT_LOCATED => None,
            BY_STREET => Some(LocatedBy::Street),
            _ => Some(LocatedBy::District),
        };
        let located = match by {
            Some(by) => Some(Located {
                category: text()?,
                by,
            }),
            None => None,
        };
        let published = Published {
            edition: Edition {
                id,
                title: in_language(title),
                synthetic,
                valid_from,
                valid_until,
                source: in_language(source),
                legal_note: in_language(legal_note),
                spread_percent,
                space_bands,
                year_bands,
                base,
                locations,
                districts: Default::default(),
                features,
                streets: None,
            },
            districts: Vec::new(),
            cap_percent,
        };
        Some((published, located))
    }
}

/// A length as a number of the list.
fn count(length: usize) -> f64 {
    f64::from(u32::try_from(length).unwrap_or(u32::MAX))
}

/// A number of the list as a length (none for one that is not).
fn times(number: f64) -> Option<u32> {
    // In range and whole, so the conversion is exact.
    (number.fract() == 0.0 && (0.0..=f64::from(u16::MAX)).contains(&number))
        .then_some(number as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::{Flat, estimate};

    fn demo() -> Published {
        Published {
            edition: toml::from_str(include_str!("../editions/demo-2025.toml")).unwrap(),
            districts: vec!["Maxvorstadt".into()],
            cap_percent: 15.0,
        }
    }

    #[test]
    fn the_unpacked_edition_computes_every_flat_as_the_original() {
        let published = demo();
        for locale in [Locale::DE, Locale::EN] {
            let (unpacked, _) = Packed::of(&published, locale, None).unpack(locale).unwrap();
            let (original, again) = (&published.edition, &unpacked.edition);
            assert_eq!(again.title.get(locale), original.title.get(locale));
            assert_eq!(
                again.legal_note.get(locale),
                original.legal_note.get(locale)
            );
            assert_eq!(unpacked.cap_percent, published.cap_percent);
            for feature in &original.features {
                let back = again.feature(&feature.id).unwrap();
                assert_eq!(back.question.get(locale), feature.question.get(locale));
                assert_eq!(back.amount, feature.amount);
            }
            let features: Vec<String> = original.features.iter().map(|f| f.id.clone()).collect();
            for location in &original.locations {
                for space in [20.0, 35.5, 60.0, 95.0, 160.0] {
                    for year in [1900, 1949, 1962, 1990, 2015, 2024] {
                        for chosen in [0, 1, features.len()] {
                            let flat = Flat {
                                living_space: space,
                                year,
                                location: location.id.clone(),
                                features: features[..chosen].iter().cloned().collect(),
                            };
                            assert_eq!(
                                estimate(again, &flat),
                                estimate(original, &flat),
                                "{flat:?}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn the_location_comes_back_as_it_went() {
        let published = demo();
        let street = Located {
            category: "best".into(),
            by: LocatedBy::Street,
        };
        let district = Located {
            category: "average".into(),
            by: LocatedBy::District,
        };
        for located in [None, Some(street), Some(district)] {
            let packed = Packed::of(&published, Locale::EN, located.as_ref());
            let (_, back) = packed.unpack(Locale::EN).unwrap();
            assert_eq!(back, located);
        }
    }

    #[test]
    fn lists_it_did_not_make_unpack_to_nothing() {
        let packed = Packed::of(&demo(), Locale::DE, None);
        let cut = Packed {
            numbers: packed.numbers[..packed.numbers.len() - 1].to_vec(),
            texts: packed.texts.clone(),
        };
        assert_eq!(cut.unpack(Locale::DE), None);
        let huge = Packed {
            numbers: [vec![15.0, 10.0, 1.0], vec![1e12]].concat(),
            texts: packed.texts,
        };
        assert_eq!(huge.unpack(Locale::DE), None);
    }
}
