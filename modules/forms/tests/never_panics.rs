//! Whatever a stranger posts, reading and validating it never panics.

use forms::{ServiceDefinition, answers::read_step, validate_all, validate_step};
use proptest::prelude::*;

fn definition() -> ServiceDefinition {
    toml::from_str(include_str!("fixtures/every_field.toml")).unwrap_or_else(|e| panic!("{e}"))
}

proptest! {
    #[test]
    fn arbitrary_posts_never_panic(
        pairs in proptest::collection::vec(
            (
                prop_oneof![
                    Just("name".to_owned()), Just("count".to_owned()), Just("fee".to_owned()),
                    Just("born".to_owned()), Just("account".to_owned()), Just("kind".to_owned()),
                    Just("owner.postcode".to_owned()), Just("children.0.child_name".to_owned()),
                    Just("children.99999999999999999999.x".to_owned()), "\\PC{0,12}",
                ],
                "\\PC{0,40}",
            ),
            0..24,
        ),
        day in 0u32..100_000,
    ) {
        let definition = definition();
        let today = chrono::NaiveDate::from_num_days_from_ce_opt(700_000 + day as i32)
            .unwrap_or_default();
        let mut answers = forms::Answers::new();
        for (index, step) in definition.steps.iter().enumerate() {
            answers.extend(read_step(step, &pairs, &answers));
            let _ = validate_step(&definition, index, &answers, today);
        }
        let _ = validate_all(&definition, &answers, today);
    }

    #[test]
    fn value_readers_never_panic(text in "\\PC{0,60}") {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
        let _ = forms::formats::number(&text);
        let _ = forms::formats::amount_cents(&text);
        let _ = forms::formats::date(&text);
        let _ = forms::formats::date_bound(&text, today);
        let _ = forms::formats::iban(&text);
        let _ = forms::formats::email(&text) || forms::formats::phone(&text);
    }
}
