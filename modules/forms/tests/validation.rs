//! Validation of every field type and rule, conditions, hidden fields and groups, on a
//! definition written as department staff write them.

#![expect(clippy::unwrap_used, reason = "a test fails loudly")]

use chrono::NaiveDate;
use forms::{
    Answer, Answers, FieldError, ServiceDefinition, answers::Address, validate_all, validate_step,
    visible_answers,
};

const DEFINITION: &str = include_str!("fixtures/every_field.toml");

fn definition() -> ServiceDefinition {
    toml::from_str(DEFINITION).unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

fn text(value: &str) -> Answer {
    Answer::Text(value.to_owned())
}

fn valid_first_step() -> Answers {
    Answers::from([("name".into(), text("Erika")), ("kind".into(), text("cat"))])
}

/// The error at `path` after changing `field` to `value` in a valid first step.
fn error_with(field: &str, value: Answer) -> Option<FieldError> {
    let mut answers = valid_first_step();
    answers.insert(field.into(), value);
    validate_step(&definition(), 0, &answers, today())
        .into_iter()
        .find(|p| p.path == field)
        .map(|p| p.error)
}

#[test]
fn the_definition_is_clean() {
    let findings = forms::check::check(&definition());
    assert!(findings.iter().all(|f| f.warning), "{findings:?}");
}

#[test]
fn a_valid_step_has_no_problems() {
    assert_eq!(
        validate_step(&definition(), 0, &valid_first_step(), today()),
        vec![]
    );
}

#[test]
fn required_and_lengths() {
    assert_eq!(error_with("name", text("")), Some(FieldError::Required));
    assert_eq!(error_with("name", text("E")), Some(FieldError::TooShort(2)));
    assert_eq!(
        error_with("name", text("Erika Mustermann")),
        Some(FieldError::TooLong(10))
    );
    assert_eq!(
        error_with("name", text("Ärger-Ölß")),
        None,
        "characters, not bytes"
    );
}

#[test]
fn patterns_match_the_whole_answer_and_carry_their_message() {
    assert_eq!(error_with("plate", text("M-AB 123")), None);
    let Some(FieldError::Pattern(message)) = error_with("plate", text("xM-AB 123")) else {
        panic!("pattern must match the whole answer");
    };
    assert_eq!(message.de(), "wie M-AB 123");
}

#[test]
fn numbers_and_amounts() {
    assert_eq!(error_with("count", text("3")), None);
    assert_eq!(
        error_with("count", text("0")),
        Some(FieldError::TooSmall("1".into()))
    );
    assert_eq!(
        error_with("count", text("6")),
        Some(FieldError::TooLarge("5".into()))
    );
    assert_eq!(
        error_with("count", text("drei")),
        Some(FieldError::NotANumber)
    );
    assert_eq!(error_with("fee", text("100,50")), None);
    assert_eq!(
        error_with("fee", text("100,51")),
        Some(FieldError::TooLarge("100,50".into()))
    );
    assert_eq!(
        error_with("fee", text("1,234")),
        Some(FieldError::NotAnAmount)
    );
}

#[test]
fn dates_with_relative_bounds() {
    assert_eq!(error_with("born", text("1990-05-17")), None);
    assert_eq!(error_with("born", text("17.05.1990")), None);
    assert_eq!(
        error_with("born", text("2026-11-28")),
        Some(FieldError::TooLate(today()))
    );
    assert_eq!(
        error_with("born", text("30.02.1990")),
        Some(FieldError::NotADate)
    );
}

#[test]
fn contact_formats() {
    assert_eq!(
        error_with("mail", text("erika@example")),
        Some(FieldError::NotAnEmail)
    );
    assert_eq!(error_with("tel", text("0")), Some(FieldError::NotAPhone));
    assert_eq!(
        error_with("plz", text("8033")),
        Some(FieldError::NotAPostcode)
    );
    assert_eq!(
        error_with("account", text("DE89 3704 0044 0532 0130 00")),
        None
    );
    assert_eq!(
        error_with("account", text("DE89 3704 0044 0532 0130 01")),
        Some(FieldError::NotAnIban)
    );
}

#[test]
fn choices_accept_only_their_options() {
    assert_eq!(
        error_with("kind", text("horse")),
        Some(FieldError::UnknownOption)
    );
    assert_eq!(
        error_with("extras", Answer::List(vec!["a".into(), "z".into()])),
        Some(FieldError::UnknownOption)
    );
    assert_eq!(
        error_with("owner_is_applicant", text("maybe")),
        Some(FieldError::UnknownOption)
    );
}

#[test]
fn show_if_hides_and_required_if_demands() {
    // `breed` is required, but only shown for dogs.
    assert_eq!(error_with("kind", text("cat")), None);
    let mut dog = valid_first_step();
    dog.insert("kind".into(), text("dog"));
    let problems = validate_step(&definition(), 0, &dog, today());
    assert_eq!(problems.len(), 1);
    assert_eq!(
        (problems[0].path.as_str(), &problems[0].error),
        ("breed", &FieldError::Required)
    );

    let mut not_owner = valid_first_step();
    not_owner.insert("owner_is_applicant".into(), text("no"));
    assert!(
        validate_step(&definition(), 0, &not_owner, today())
            .iter()
            .any(|p| p.path == "owner")
    );
    not_owner.insert(
        "owner".into(),
        Answer::Address(Address {
            street: "Marienplatz".into(),
            house_number: "8".into(),
            postcode: "8033".into(),
            city: "München".into(),
        }),
    );
    assert_eq!(
        error_with_answers(&not_owner, "owner.postcode"),
        Some(FieldError::AddressPart("postcode".into()))
    );
    // Only the wrong part: the others are not marked.
    assert_eq!(error_with_answers(&not_owner, "owner.street"), None);
    assert_eq!(error_with_answers(&not_owner, "owner"), None);
}

fn error_with_answers(answers: &Answers, path: &str) -> Option<FieldError> {
    validate_step(&definition(), 0, answers, today())
        .into_iter()
        .find(|p| p.path == path)
        .map(|p| p.error)
}

#[test]
fn answers_to_hidden_and_unknown_fields_are_dropped() {
    let mut answers = valid_first_step();
    answers.insert("breed".into(), text("<script>alert(1)</script>"));
    answers.insert("is_admin".into(), text("yes"));
    let kept = visible_answers(&definition(), &answers, today());
    assert!(!kept.contains_key("breed"), "hidden: kind is cat");
    assert!(!kept.contains_key("is_admin"), "no such field");
    assert!(kept.contains_key("name"));
}

#[test]
fn groups_count_items_and_check_each_with_its_own_conditions() {
    let item = |name: &str, born: &str| {
        Answers::from([
            ("child_name".into(), text(name)),
            ("child_born".into(), text(born)),
        ])
    };
    let step_two = |items: Vec<Answers>, count: &str| {
        let mut answers = valid_first_step();
        answers.insert("count".into(), text(count));
        answers.insert("children".into(), Answer::Items(items));
        answers.insert("truth".into(), text("yes"));
        validate_step(&definition(), 1, &answers, today())
    };
    let problems = step_two(vec![], "1");
    assert_eq!(problems[0].error, FieldError::TooFewItems(1));
    let problems = step_two(
        vec![item("Mia", ""), item("Paul", ""), item("Lena", "")],
        "1",
    );
    assert_eq!(problems[0].error, FieldError::TooManyItems(2));
    let problems = step_two(vec![item("Mia", ""), item("", "")], "1");
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, "children.1.child_name");
    // With more than two in the household, each named child needs a birth date.
    let problems = step_two(vec![item("Mia", "")], "3");
    assert_eq!(problems[0].path, "children.0.child_born");
    assert_eq!(problems[0].error, FieldError::Required);
}

#[test]
fn declarations_must_be_confirmed_and_submit_checks_every_step() {
    let problems = validate_all(&definition(), &valid_first_step(), today());
    assert!(
        problems
            .iter()
            .any(|p| p.path == "truth" && p.error == FieldError::NotConfirmed)
    );
    assert!(problems.iter().any(|p| p.path == "children"));
}

#[test]
fn hidden_fields_follow_the_answers_on_this_page_and_before() {
    let answers = valid_first_step(); // kind = cat
    // `breed` depends on `kind` on the same page: hidden until the answer is a dog.
    let hidden = forms::validate::hidden_fields(&definition(), 0, &answers, today());
    assert_eq!(hidden, vec!["breed".to_owned()]);
    let mut dog = answers.clone();
    dog.insert("kind".into(), text("dog"));
    assert!(forms::validate::hidden_fields(&definition(), 0, &dog, today()).is_empty());
    // A condition on an earlier page: hidden too.
    let text = include_str!("fixtures/every_field.toml").replacen(
        "id = \"truth\"\ntype = \"declaration\"",
        "id = \"truth\"\ntype = \"declaration\"\nshow_if = { field = \"kind\", equals = \"dog\" }",
        1,
    );
    let definition: ServiceDefinition = toml::from_str(&text).unwrap();
    // (The group's one empty item hides its notes too.)
    let hidden = forms::validate::hidden_fields(&definition, 1, &answers, today());
    assert_eq!(hidden, ["children.0.child_notes", "truth"]);
}

#[test]
fn group_children_hide_per_item() {
    let mut answers = valid_first_step();
    answers.insert(
        "children".into(),
        Answer::Items(vec![
            Answers::from([("child_name".into(), text("Mia"))]),
            Answers::new(),
        ]),
    );
    let hidden = forms::validate::hidden_fields(&definition(), 1, &answers, today());
    assert_eq!(hidden, vec!["children.1.child_notes".to_owned()]);
    // No items answered yet: the one empty item the page shows hides it.
    answers.remove("children");
    let hidden = forms::validate::hidden_fields(&definition(), 1, &answers, today());
    assert_eq!(hidden, vec!["children.0.child_notes".to_owned()]);
}

#[test]
fn questions_a_step_opens_are_found_until_answered() {
    let before = valid_first_step(); // kind = cat: no breed asked
    let mut dog = before.clone();
    dog.insert("kind".into(), text("dog"));
    let opened = forms::validate::newly_shown(&definition(), 0, &before, &dog, today());
    assert_eq!(opened, vec!["breed".to_owned()]);
    // Answered in the same post (the browser showed it): nothing to come back for.
    let mut answered = dog.clone();
    answered.insert("breed".into(), text("Dackel"));
    assert!(forms::validate::newly_shown(&definition(), 0, &before, &answered, today()).is_empty());
    // Sent again after coming back: shown before, so judged like any other field.
    assert!(forms::validate::newly_shown(&definition(), 0, &dog, &dog, today()).is_empty());
    // In a group item: the child's name opens its notes.
    let no_name = Answers::from([("children".into(), Answer::Items(vec![Answers::new()]))]);
    let named = Answers::from([(
        "children".into(),
        Answer::Items(vec![Answers::from([("child_name".into(), text("Mia"))])]),
    )]);
    let opened = forms::validate::newly_shown(&definition(), 1, &no_name, &named, today());
    assert_eq!(opened, vec!["children.0.child_notes".to_owned()]);
}
