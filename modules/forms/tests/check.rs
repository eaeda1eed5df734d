//! `check` names every mistake a department author can make, with its place.

use forms::{ServiceDefinition, check::check};

const BASE: &str = include_str!("fixtures/every_field.toml");

/// The errors (not warnings) after appending `extra` TOML to the fixture's last step,
/// or replacing `from` by `to` in it.
fn errors(from: &str, to: &str) -> Vec<String> {
    assert!(BASE.contains(from), "fixture lacks {from}");
    let text = BASE.replacen(from, to, 1);
    let definition: ServiceDefinition = toml::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    check(&definition)
        .into_iter()
        .filter(|f| !f.warning)
        .map(|f| format!("{}: {}", f.path, f.message))
        .collect()
}

#[test]
fn conditions_must_name_earlier_fields() {
    let found = errors(
        r#"show_if = { field = "kind", equals = "dog" }"#,
        r#"show_if = { field = "kinder", equals = "dog" }"#,
    );
    assert_eq!(
        found,
        vec![
            r#"steps[0].fields[10].show_if.field: unknown field "kinder" (conditions refer to fields asked before)"#
        ]
    );
    let later = errors(
        r#"required_if = { field = "owner_is_applicant", equals = "no" }"#,
        r#"required_if = { field = "truth", is_set = true }"#,
    );
    assert!(later[0].contains(r#"unknown field "truth""#), "{later:?}");
}

#[test]
fn condition_values_must_be_options_and_tests_single() {
    let found = errors(r#"equals = "dog" }"#, r#"equals = "horse" }"#);
    assert_eq!(
        found,
        vec![r#"steps[0].fields[10].show_if: "horse" is not an option of "kind""#]
    );
    let found = errors(r#"equals = "dog" }"#, r#"equals = "dog", is_set = true }"#);
    assert!(found[0].contains("exactly one of"), "{found:?}");
}

#[test]
fn settings_must_fit_the_type() {
    let found = errors("min = 1\nmax = 5", "min = 1\nmax = 5\nmax_length = 3");
    assert_eq!(
        found,
        vec!["steps[0].fields[2].max_length: does not apply to a number field"]
    );
    let found = errors(
        "min_length = 2\nmax_length = 10",
        "min_length = 20\nmax_length = 10",
    );
    assert_eq!(
        found,
        vec!["steps[0].fields[0].min_length: is larger than max_length"]
    );
}

#[test]
fn patterns_bounds_and_ids_are_checked() {
    let found = errors(
        r#"regex = "M-[A-Z]{1,2} [0-9]{1,4}""#,
        r#"regex = "M-[A-Z""#,
    );
    assert!(
        found[0].starts_with("steps[0].fields[1].pattern.regex: does not compile"),
        "{found:?}"
    );
    let found = errors(r#"latest = "today""#, r#"latest = "tomorrow""#);
    assert!(
        found[0].starts_with("steps[0].fields[4].latest"),
        "{found:?}"
    );
    let found = errors(r#"id = "plate""#, r#"id = "name""#);
    assert_eq!(
        found,
        vec![r#"steps[0].fields[1].id: field id "name" is used twice"#]
    );
    let found = errors(r#"slug = "probe""#, r#"slug = "Probe Seite""#);
    assert_eq!(
        found,
        vec!["slug: must be lowercase letters, digits and single hyphens"]
    );
}

#[test]
fn a_pattern_no_answer_can_follow_is_an_error() {
    let plate =
        r#"pattern = { regex = "M-[A-Z]{1,2} [0-9]{1,4}", message = { de = "wie M-AB 123" } }"#;
    let with = |regex: &str, more: &str| {
        errors(
            plate,
            &format!("pattern = {{ regex = \"{regex}\", message = {{ de = \"x\" }} }}\n{more}"),
        )
    };
    let place = "steps[0].fields[1].pattern.regex: no answer can follow it";
    // Longer than a line of text may be (200 characters).
    assert_eq!(
        with("M-[A-Z]{1,2} [0-9]{250}", ""),
        vec![format!(
            "{place}: it needs at least 254 characters, the field takes at most 200"
        )]
    );
    // Shorter than the field's own least.
    assert_eq!(
        with("[0-9]{1,4}", "min_length = 6"),
        vec![format!(
            "{place}: it takes at most 4 characters, the field needs at least 6"
        )]
    );
    // A class of what is neither space nor not space: nothing at all.
    assert_eq!(
        with(r"[^\\s\\S]", ""),
        vec![format!("{place}: it matches nothing")]
    );
    // Within reach: nothing said.
    assert!(with("[0-9]{5}", "max_length = 5").is_empty());
}

#[test]
fn missing_english_is_a_warning_only() {
    let definition: ServiceDefinition = toml::from_str(BASE).unwrap_or_else(|e| panic!("{e}"));
    let findings = check(&definition);
    assert!(findings.iter().all(|f| f.warning));
    assert!(
        findings
            .iter()
            .any(|f| f.path == "steps[0].fields[0].label" && f.message.contains("English"))
    );
}

#[test]
fn conditions_that_can_never_hold_are_errors() {
    // A yes/no field answers "yes" or "no", in every language.
    let found = errors(r#"equals = "no" }"#, r#"equals = "nein" }"#);
    assert_eq!(
        found,
        vec![
            r#"steps[0].fields[13].required_if: "nein" is never the answer of "owner_is_applicant": a yes/no field answers "yes" or "no""#
        ]
    );
    // A number beyond the field's bounds.
    let found = errors(r#"greater_than = "2" }"#, r#"greater_than = "5" }"#);
    assert_eq!(
        found,
        vec![
            r#"steps[1].fields[0].fields[1].required_if.all[1].greater_than: never holds: "count" lies between 1 and 5"#
        ]
    );
    let found = errors(r#"greater_than = "2" }"#, r#"greater_than = "zwei" }"#);
    assert!(found[0].contains(r#""zwei" is not a number"#), "{found:?}");
    // Comparing a text, testing a choice's value with a bound.
    let found = errors(
        r#"show_if = { field = "kind", equals = "dog" }"#,
        r#"show_if = { field = "plate", less_than = "5" }"#,
    );
    assert_eq!(
        found,
        vec![
            r#"steps[0].fields[10].show_if.less_than: compares numbers, amounts and dates; "plate" is a text field"#
        ]
    );
    let found = errors(r#"greater_than = "2" }"#, r#"less_than = "2" }"#);
    assert!(found.is_empty(), "1 to 5 can be less than 2: {found:?}");
    let found = errors(
        r#"show_if = { field = "kind", equals = "dog" }"#,
        r#"show_if = { field = "born", greater_than = "gestern" }"#,
    );
    assert!(found[0].contains(r#""gestern" is not a date"#), "{found:?}");
    let found = errors(
        r#"show_if = { field = "kind", equals = "dog" }"#,
        r#"show_if = { field = "born", greater_than = "today-18y" }"#,
    );
    assert!(found.is_empty(), "{found:?}");
}

/// The warnings after replacing `from` by `to` in the fixture.
fn warnings(from: &str, to: &str) -> Vec<String> {
    assert!(BASE.contains(from), "fixture lacks {from}");
    let text = BASE.replacen(from, to, 1);
    let definition: ServiceDefinition = toml::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    check(&definition)
        .into_iter()
        .filter(|f| f.warning)
        .map(|f| format!("{}: {}", f.path, f.message))
        .collect()
}

#[test]
fn what_is_legal_but_likely_wrong_is_a_warning() {
    let untouched = warnings("id = \"probe\"", "id = \"probe\"");
    let new = |found: Vec<String>| -> Vec<String> {
        found
            .into_iter()
            .filter(|w| !untouched.contains(w))
            .collect()
    };
    let found = new(warnings(
        r#"show_if = { field = "kind", equals = "dog" }"#,
        r#"show_if = { field = "kind", equals = "dog" }
pattern = { regex = ".*", message = { de = "x", en = "x" } }"#,
    ));
    assert_eq!(
        found,
        vec!["steps[0].fields[10].pattern.regex: lets every answer through, so it checks nothing"]
    );
    let found = new(warnings(
        r#"show_if = { field = "kind", equals = "dog" }"#,
        r#"show_if = { field = "name", is_set = true }"#,
    ));
    assert!(
        found
            == vec![
                r#"steps[0].fields[10].show_if: always holds: "name" is required and always shown"#
                    .to_owned()
            ],
        "{found:?}"
    );
}

#[test]
fn date_bounds_must_be_days_or_spans_from_today() {
    let found = errors(
        r#"latest = "today"
earliest = "1900-01-01""#,
        r#"latest = "morgen"
earliest = "today-2w""#,
    );
    assert_eq!(
        found,
        vec![
            r#"steps[0].fields[4].earliest: "today-2w" is not a date (YYYY-MM-DD, today, today-18y, today+14d)"#,
            r#"steps[0].fields[4].latest: "morgen" is not a date (YYYY-MM-DD, today, today-18y, today+14d)"#,
        ]
    );
}
