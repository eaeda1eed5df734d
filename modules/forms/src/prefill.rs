//! Answers taken from the sign-in: the definition names the claim per field and
//! whether the citizen may change it.

use kernel::Profile;

use crate::{
    answers::{Address, Answer, Answers},
    definition::{Claim, Field, ServiceDefinition},
};

/// The value of `claim` for a person with `name` and `profile`.
fn value(claim: Claim, name: Option<&str>, profile: &Profile) -> Option<Answer> {
    let text = |v: &Option<String>| v.clone().filter(|s| !s.is_empty()).map(Answer::Text);
    match claim {
        Claim::GivenName => text(&profile.given_name),
        Claim::FamilyName => text(&profile.family_name),
        Claim::Name => name.map(|n| Answer::Text(n.to_owned())),
        Claim::Email => text(&profile.email),
        Claim::PostalCode => text(&profile.postal_code),
        Claim::Locality => text(&profile.locality),
        Claim::Address => {
            let street = profile.street_address.clone().unwrap_or_default();
            // "Marienplatz 8" → street and house number.
            let (street, number) = match street.rsplit_once(' ') {
                Some((s, n)) if n.chars().next().is_some_and(|c| c.is_ascii_digit()) => {
                    (s.to_owned(), n.to_owned())
                }
                _ => (street, String::new()),
            };
            let address = Address {
                street,
                house_number: number,
                postcode: profile.postal_code.clone().unwrap_or_default(),
                city: profile.locality.clone().unwrap_or_default(),
            };
            (!address.is_empty()).then_some(Answer::Address(address))
        }
    }
}

/// Answers for every prefilled field of `definition` the sign-in has a value for.
pub fn answers(definition: &ServiceDefinition, name: Option<&str>, profile: &Profile) -> Answers {
    definition
        .fields()
        .filter_map(|(_, field)| {
            let prefill = field.prefill?;
            Some((field.id.clone(), value(prefill.from, name, profile)?))
        })
        .collect()
}

/// Puts back the sign-in's value of fields the citizen may not change, whatever was
/// posted for them.
pub fn enforce(fields: &[Field], answers: &mut Answers, name: Option<&str>, profile: &Profile) {
    for field in fields {
        let Some(prefill) = field.prefill.filter(|p| !p.editable) else {
            continue;
        };
        if let Some(fixed) = value(prefill.from, name, profile) {
            answers.insert(field.id.clone(), fixed);
        }
    }
}
