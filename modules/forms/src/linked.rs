//! Answers the link that starts a service carries (`/leistungen/{slug}/antrag?street=…`),
//! for the fields whose definition allows it (`from_link`): another page hands over
//! what it knows, such as the toilet finder the place of a defect. Other parameters
//! are ignored; values are kept only within the field's length, and the step checks
//! them like typed answers.

use crate::{
    answers::{Answer, Answers},
    definition::{FieldType, ServiceDefinition},
};

/// Longest value of a field without its own `max_length`.
const DEFAULT_MOST: u32 = 200;

/// The parameters of `query` (form-encoded) that fill a `from_link` field of
/// `definition`, trimmed, each at most as long as its field allows.
pub fn from_query(definition: &ServiceDefinition, query: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(query.as_bytes())
        .filter_map(|(name, value)| {
            let field = definition.field(&name).filter(|f| f.from_link)?;
            let value = value.trim();
            let most = field.max_length.unwrap_or(match field.kind {
                FieldType::Textarea => 4000,
                _ => DEFAULT_MOST,
            });
            let fits = u32::try_from(value.chars().count()).is_ok_and(|n| n <= most);
            (fits && !value.is_empty() && !value.chars().any(char::is_control))
                .then(|| (name.into_owned(), value.to_owned()))
        })
        .collect()
}

/// `linked` as a query to carry through signing in (`?a=…&b=…`, empty when none).
pub fn query(linked: &[(String, String)]) -> String {
    if linked.is_empty() {
        return String::new();
    }
    let mut query = form_urlencoded::Serializer::new(String::new());
    query.extend_pairs(linked);
    format!("?{}", query.finish())
}

/// Puts the linked values into `answers`; whether any changed.
pub fn apply(answers: &mut Answers, linked: &[(String, String)]) -> bool {
    let mut changed = false;
    for (id, value) in linked {
        let answer = Answer::Text(value.clone());
        if answers.get(id) != Some(&answer) {
            answers.insert(id.clone(), answer);
            changed = true;
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The defect report, whose place fields allow the link.
    fn definition() -> ServiceDefinition {
        toml::from_str(include_str!("../../../services/maengelmelder.toml")).unwrap()
    }

    #[test]
    fn only_fields_that_allow_it_are_filled_within_their_length() {
        let linked = from_query(
            &definition(),
            "street=+Harras+&details=injected&unknown=1&postcode=81369&street=",
        );
        assert_eq!(
            linked,
            vec![
                ("street".to_owned(), "Harras".to_owned()),
                ("postcode".to_owned(), "81369".to_owned())
            ]
        );
        let long = format!("street={}", "x".repeat(201));
        assert!(from_query(&definition(), &long).is_empty());
        assert!(from_query(&definition(), "street=a%00b").is_empty());
    }

    #[test]
    fn linked_values_go_into_the_answers_and_through_sign_in() {
        let linked = vec![(
            "street".to_owned(),
            "Harras, Albert-Roßhaupter-Straße".to_owned(),
        )];
        assert_eq!(
            query(&linked),
            "?street=Harras%2C+Albert-Ro%C3%9Fhaupter-Stra%C3%9Fe"
        );
        let mut answers = Answers::new();
        assert!(apply(&mut answers, &linked));
        assert!(
            !apply(&mut answers, &linked),
            "the same again changes nothing"
        );
    }
}
