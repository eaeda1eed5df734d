//! Answers taken from the sign-in: the definition names the claim per field and
//! whether the citizen may change it.

use kernel::Profile;

use crate::{
    answers::{Address, Answer, Answers},
    definition::{Claim, Field, ServiceDefinition},
};

/// A value from the sign-in, and whether the provider supplied it as it stands. Only a
/// supplied value fixes a field; one the portal derived (a given name split off the
/// full name, an address with parts missing) is a suggestion the citizen may correct.
struct Prefilled {
    answer: Answer,
    supplied: bool,
}

impl Prefilled {
    fn supplied(answer: Answer) -> Self {
        Self {
            answer,
            supplied: true,
        }
    }

    fn derived(answer: Answer) -> Self {
        Self {
            answer,
            supplied: false,
        }
    }
}

/// `"Maria Anna Schmidt"` as given names and family name, split before the last word.
/// Names are not always so (`"María de la Cruz"`), so the split is only a suggestion.
fn split_name(name: Option<&str>) -> Option<(&str, &str)> {
    let (given, family) = name?.trim().rsplit_once(char::is_whitespace)?;
    let given = given.trim();
    (!given.is_empty() && !family.is_empty()).then_some((given, family))
}

/// The value of `claim` for a person with `name` and `profile`.
fn value(claim: Claim, name: Option<&str>, profile: &Profile) -> Option<Prefilled> {
    let text = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| Prefilled::supplied(Answer::Text(s.to_owned())))
    };
    let part_of_name = |pick: for<'n> fn((&'n str, &'n str)) -> &'n str| {
        split_name(name).map(|parts| Prefilled::derived(Answer::Text(pick(parts).to_owned())))
    };
    match claim {
        Claim::GivenName => text(&profile.given_name).or_else(|| part_of_name(|(given, _)| given)),
        Claim::FamilyName => {
            text(&profile.family_name).or_else(|| part_of_name(|(_, family)| family))
        }
        Claim::Name => text(&name.map(str::to_owned)),
        Claim::Email => text(&profile.email),
        Claim::PostalCode => text(&profile.postal_code),
        Claim::Locality => text(&profile.locality),
        Claim::Address => {
            let street = profile.street_address.clone().unwrap_or_default();
            // "Marienplatz 8" → street and house number.
            let (street, number) = match street.trim().rsplit_once(' ') {
                Some((s, n)) if n.chars().next().is_some_and(|c| c.is_ascii_digit()) => {
                    (s.trim().to_owned(), n.to_owned())
                }
                _ => (street.trim().to_owned(), String::new()),
            };
            let address = Address {
                street,
                house_number: number,
                postcode: profile.postal_code.clone().unwrap_or_default(),
                city: profile.locality.clone().unwrap_or_default(),
            };
            let complete = [
                &address.street,
                &address.house_number,
                &address.postcode,
                &address.city,
            ]
            .iter()
            .all(|part| !part.trim().is_empty());
            (!address.is_empty()).then_some(Prefilled {
                answer: Answer::Address(address),
                supplied: complete,
            })
        }
    }
}

/// Answers for every prefilled field of `definition` the sign-in has a value for.
pub fn answers(definition: &ServiceDefinition, name: Option<&str>, profile: &Profile) -> Answers {
    definition
        .fields()
        .filter_map(|(_, field)| {
            let prefill = field.prefill?;
            Some((field.id.clone(), value(prefill.from, name, profile)?.answer))
        })
        .collect()
}

/// The value of `field` the citizen may not change: the sign-in supplied it and the
/// definition fixes it.
fn fixed(field: &Field, name: Option<&str>, profile: &Profile) -> Option<Answer> {
    let prefill = field.prefill.filter(|p| !p.editable)?;
    value(prefill.from, name, profile)
        .filter(|v| v.supplied)
        .map(|v| v.answer)
}

/// The ids of `fields` that are shown read-only: fixed by the definition and supplied
/// by the sign-in. A fixed field the sign-in has no value for is the citizen's to fill.
pub fn locked(fields: &[Field], name: Option<&str>, profile: &Profile) -> Vec<String> {
    fields
        .iter()
        .filter(|field| fixed(field, name, profile).is_some())
        .map(|field| field.id.clone())
        .collect()
}

/// Puts back the sign-in's value of fields the citizen may not change, whatever was
/// posted for them.
pub fn enforce(fields: &[Field], answers: &mut Answers, name: Option<&str>, profile: &Profile) {
    for field in fields {
        if let Some(answer) = fixed(field, name, profile) {
            answers.insert(field.id.clone(), answer);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(id: &str, from: Claim, editable: bool) -> Field {
        serde_json::from_value(serde_json::json!({
            "id": id, "type": "text",
            "prefill": {"from": from, "editable": editable},
        }))
        .unwrap_or_else(|e| panic!("{e}"))
    }

    fn names() -> Vec<Field> {
        vec![
            field("given", Claim::GivenName, false),
            field("family", Claim::FamilyName, false),
        ]
    }

    #[test]
    fn fixed_fields_lock_only_what_the_sign_in_supplied() {
        let split = Profile {
            given_name: Some("Erika".into()),
            family_name: Some("Mustermann".into()),
            ..Profile::default()
        };
        assert_eq!(
            locked(&names(), Some("Erika Mustermann"), &split),
            ["given", "family"]
        );
        // Only the full name: nothing is locked, and a typed value stays.
        let only_name = Profile::default();
        assert!(locked(&names(), Some("Ayşe Yılmaz"), &only_name).is_empty());
        let mut answers =
            Answers::from([("family".to_owned(), Answer::Text("Yılmaz-Demir".into()))]);
        enforce(&names(), &mut answers, Some("Ayşe Yılmaz"), &only_name);
        assert_eq!(answers["family"], Answer::Text("Yılmaz-Demir".into()));
        // A supplied value is put back whatever was posted.
        let mut answers = Answers::from([("given".to_owned(), Answer::Text("Mallory".into()))]);
        enforce(&names(), &mut answers, None, &split);
        assert_eq!(answers["given"], Answer::Text("Erika".into()));
    }

    #[test]
    fn the_full_name_suggests_given_and_family_name_where_it_can() {
        let text = |s: &str| Answer::Text(s.into());
        for (name, given, family) in [
            (Some("Ayşe Yılmaz"), Some("Ayşe"), Some("Yılmaz")),
            (
                Some("Maria Anna  Schmidt "),
                Some("Maria Anna"),
                Some("Schmidt"),
            ),
            (Some("Cher"), None, None),
            (Some("  "), None, None),
            (None, None, None),
        ] {
            let definition_fields = names();
            let got = |id: &str| {
                let field = definition_fields
                    .iter()
                    .find(|f| f.id == id)
                    .unwrap_or_else(|| panic!("{id}"));
                field
                    .prefill
                    .and_then(|p| value(p.from, name, &Profile::default()))
                    .map(|v| (v.answer, v.supplied))
            };
            assert_eq!(got("given"), given.map(|g| (text(g), false)), "{name:?}");
            assert_eq!(got("family"), family.map(|f| (text(f), false)), "{name:?}");
        }
    }

    #[test]
    fn an_address_with_parts_missing_is_a_suggestion() {
        let address = field("home", Claim::Address, false);
        let partial = Profile {
            street_address: Some("Marienplatz 8".into()),
            ..Profile::default()
        };
        assert!(locked(std::slice::from_ref(&address), None, &partial).is_empty());
        let complete = Profile {
            street_address: Some("Marienplatz 8".into()),
            postal_code: Some("80331".into()),
            locality: Some("München".into()),
            ..Profile::default()
        };
        assert_eq!(locked(&[address], None, &complete), ["home"]);
    }
}
