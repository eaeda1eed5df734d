//! A language the portal speaks, and choosing one for a request.
//!
//! The portal's languages are not listed in code: every folder `locales/<tag>/` the host
//! embeds is one (see [`super::languages`]). A [`Locale`] is the language's primary
//! subtag (`de`, `en`, `tr`); only offered languages can be parsed, so a `Locale` is
//! always one the portal has texts for.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::languages::{Language, offered};

/// A language the portal offers, by its primary language subtag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Locale(&'static str);

impl Default for Locale {
    fn default() -> Self {
        Self::DE
    }
}

impl Locale {
    /// German: the default language, the official one, and the fallback for every text.
    pub const DE: Locale = Locale("de");
    /// English: the language of the open interface's messages.
    pub const EN: Locale = Locale("en");

    /// A locale for a tag the host found a folder for (see [`super::languages`]).
    pub(super) fn discovered(tag: &'static str) -> Self {
        Self(tag)
    }

    /// The BCP 47 primary language subtag (`de`, `en`, `tr`).
    pub fn code(self) -> &'static str {
        self.0
    }

    /// What the portal knows of this language: its name and writing direction.
    pub fn language(self) -> Language {
        offered()
            .iter()
            .find(|l| l.locale == self)
            .copied()
            .unwrap_or_else(|| Language::unnamed(self))
    }

    /// The language's name in that language, for the language switch.
    pub fn native_name(self) -> &'static str {
        self.language().name
    }

    /// Parses a language tag such as `de`, `de-DE` or `TR-tr`; `None` when the portal
    /// does not offer the language.
    pub fn parse(tag: &str) -> Option<Self> {
        parse_among(offered(), tag)
    }

    /// Chooses the page language: an explicit choice (cookie) wins, then the best
    /// offered entry of an `Accept-Language` header, then German.
    pub fn negotiate(choice: Option<&str>, accept_language: Option<&str>) -> Self {
        negotiate_among(offered(), choice, accept_language)
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl Serialize for Locale {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

impl<'de> Deserialize<'de> for Locale {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let tag = String::deserialize(deserializer)?;
        Self::parse(&tag).ok_or_else(|| {
            serde::de::Error::custom(format!("the portal does not offer the language `{tag}`"))
        })
    }
}

fn parse_among(languages: &[Language], tag: &str) -> Option<Locale> {
    let primary = tag.trim().split(['-', '_']).next()?;
    languages
        .iter()
        .map(|l| l.locale)
        .find(|l| l.0.eq_ignore_ascii_case(primary))
}

fn negotiate_among(
    languages: &[Language],
    choice: Option<&str>,
    accept_language: Option<&str>,
) -> Locale {
    choice
        .and_then(|tag| parse_among(languages, tag))
        .or_else(|| accept_language.and_then(|header| best_accepted(languages, header)))
        .unwrap_or_default()
}

/// The offered language with the highest quality value in an `Accept-Language` header.
/// Entries with `q=0` are refused languages; malformed entries are skipped.
fn best_accepted(languages: &[Language], header: &str) -> Option<Locale> {
    let mut best: Option<(Locale, f32)> = None;
    for entry in header.split(',').take(32) {
        let mut parts = entry.split(';');
        let Some(locale) = parts.next().and_then(|tag| parse_among(languages, tag)) else {
            continue;
        };
        let quality = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())
            .filter(|q| (0.0..=1.0).contains(q));
        match quality {
            Some(q) if q > 0.0 && best.is_none_or(|(_, b)| q > b) => best = Some((locale, q)),
            _ => {}
        }
    }
    best.map(|(locale, _)| locale)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::languages::Direction;

    const TURKISH: Locale = Locale("tr");

    fn three() -> Vec<Language> {
        [Locale::DE, Locale::EN, TURKISH]
            .into_iter()
            .map(|locale| Language {
                locale,
                name: locale.0,
                direction: Direction::LeftToRight,
            })
            .collect()
    }

    fn negotiate(choice: Option<&str>, accept: Option<&str>) -> Locale {
        negotiate_among(&three(), choice, accept)
    }

    #[test]
    fn parses_offered_tags_case_insensitively() {
        let offered = three();
        assert_eq!(parse_among(&offered, "de"), Some(Locale::DE));
        assert_eq!(parse_among(&offered, "EN-gb"), Some(Locale::EN));
        assert_eq!(parse_among(&offered, "tr_TR"), Some(TURKISH));
        assert_eq!(parse_among(&offered, "fr"), None);
        assert_eq!(parse_among(&offered, ""), None);
    }

    #[test]
    fn a_language_without_a_folder_is_not_offered() {
        let german_only = &three()[..1];
        assert_eq!(parse_among(german_only, "tr"), None);
        assert_eq!(
            negotiate_among(german_only, Some("tr"), Some("tr")),
            Locale::DE
        );
    }

    #[test]
    fn cookie_choice_wins_over_header() {
        assert_eq!(negotiate(Some("tr"), Some("de-DE")), TURKISH);
    }

    #[test]
    fn unoffered_cookie_falls_back_to_header() {
        assert_eq!(negotiate(Some("xx"), Some("en-US,en;q=0.9")), Locale::EN);
    }

    #[test]
    fn header_quality_values_are_respected() {
        assert_eq!(negotiate(None, Some("fr-FR, de;q=0.5, tr;q=0.8")), TURKISH);
    }

    #[test]
    fn refused_and_malformed_entries_are_ignored() {
        assert_eq!(negotiate(None, Some("en;q=0, de;q=0.1")), Locale::DE);
        assert_eq!(negotiate(None, Some("en;q=abc")), Locale::DE);
        assert_eq!(negotiate(None, Some("en;q=7")), Locale::DE);
        assert_eq!(negotiate(None, Some(";;,,")), Locale::DE);
    }

    #[test]
    fn german_is_the_default() {
        assert_eq!(negotiate(None, None), Locale::DE);
        assert_eq!(negotiate(None, Some("fr, it")), Locale::DE);
    }
}
