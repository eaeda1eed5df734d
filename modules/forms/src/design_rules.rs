//! The rules a field of each kind can be given in the designer (lengths, ranges, a
//! pattern, date bounds, file types and sizes, how a choice is shown, filling from the
//! sign-in, filling from the link) and what a field has now, for its edit form.
//! The form's names are the file's keys, so a rule reads the same in both.

use serde::{Deserialize, Serialize};

use crate::definition::{Field, FieldType, spelling};

/// How the edit form asks for a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RuleInput {
    /// A whole number from 0 (lengths, sizes, counts).
    Count,
    /// A number, a comma or a point before the decimals.
    Decimal,
    /// A date bound: `YYYY-MM-DD`, `today`, `today-18y`, `today+14d`.
    Bound,
    /// A line of text.
    Text,
    /// A checkbox.
    Flag,
    /// One of the rule's choices, or none.
    OneOf,
}

/// One rule of a field's edit form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    /// The form's name, which is the file's key (`pattern_message_de` and the like
    /// are parts of one key).
    pub key: &'static str,
    /// How it is asked for.
    pub input: RuleInput,
    /// The values it may take, for [`RuleInput::OneOf`].
    pub choices: &'static [&'static str],
}

const fn rule(key: &'static str, input: RuleInput) -> Rule {
    Rule {
        key,
        input,
        choices: &[],
    }
}

const fn one_of(key: &'static str, choices: &'static [&'static str]) -> Rule {
    Rule {
        key,
        input: RuleInput::OneOf,
        choices,
    }
}

/// The claims of the sign-in a text field can be filled from.
pub const TEXT_CLAIMS: &[&str] = &[
    "given_name",
    "family_name",
    "name",
    "email",
    "postal_code",
    "locality",
];

const LENGTHS: [Rule; 2] = [
    rule("min_length", RuleInput::Count),
    rule("max_length", RuleInput::Count),
];
const PREFILL_FIXED: Rule = rule("prefill_fixed", RuleInput::Flag);
const FROM_LINK: Rule = rule("from_link", RuleInput::Flag);

const TEXT: &[Rule] = &[
    LENGTHS[0],
    LENGTHS[1],
    rule("pattern", RuleInput::Text),
    rule("pattern_message_de", RuleInput::Text),
    rule("pattern_message_en", RuleInput::Text),
    rule("upper_case", RuleInput::Flag),
    one_of("prefill", TEXT_CLAIMS),
    PREFILL_FIXED,
    FROM_LINK,
];
const TEXTAREA: &[Rule] = &[LENGTHS[0], LENGTHS[1], FROM_LINK];
const RANGE: &[Rule] = &[
    rule("min", RuleInput::Decimal),
    rule("max", RuleInput::Decimal),
];
const DATE: &[Rule] = &[
    rule("earliest", RuleInput::Bound),
    rule("latest", RuleInput::Bound),
];
const EMAIL: &[Rule] = &[one_of("prefill", &["email"]), PREFILL_FIXED];
const POSTCODE: &[Rule] = &[
    one_of("prefill", &["postal_code"]),
    PREFILL_FIXED,
    FROM_LINK,
];
const ADDRESS: &[Rule] = &[one_of("prefill", &["address"]), PREFILL_FIXED];
const FILE: &[Rule] = &[
    rule("accept", RuleInput::Text),
    rule("max_size_kb", RuleInput::Count),
    rule("max_files", RuleInput::Count),
];
const CHOICE: &[Rule] = &[one_of("display", &["radios", "select"])];
const GROUP: &[Rule] = &[
    rule("min_items", RuleInput::Count),
    rule("max_items", RuleInput::Count),
];

/// The rules a field of `kind` can be given here.
pub fn rules_of(kind: FieldType) -> &'static [Rule] {
    match kind {
        FieldType::Text => TEXT,
        FieldType::Textarea => TEXTAREA,
        FieldType::Number | FieldType::Amount => RANGE,
        FieldType::Date => DATE,
        FieldType::Email => EMAIL,
        FieldType::Postcode => POSTCODE,
        FieldType::Address => ADDRESS,
        FieldType::File => FILE,
        FieldType::Choice => CHOICE,
        FieldType::Group => GROUP,
        _ => &[],
    }
}

/// A rule with what the field has now, for its edit form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleValue {
    /// The rule's key (the form's name).
    pub key: String,
    /// How it is asked for.
    pub input: RuleInput,
    /// The values it may take, for [`RuleInput::OneOf`].
    pub choices: Vec<String>,
    /// Its value as the form shows it: empty for none, `1` for a set flag.
    pub value: String,
}

/// What `field` has of each of its rules.
pub fn rule_values(field: &Field) -> Vec<RuleValue> {
    let number = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    let decimal = |n: Option<f64>| n.map(|n| n.to_string()).unwrap_or_default();
    let flag = |set: bool| if set { "1".to_owned() } else { String::new() };
    let pattern = field.pattern.as_ref();
    let message = |language: kernel::Locale| {
        pattern
            .and_then(|p| p.message.written_in(language))
            .unwrap_or_default()
            .to_owned()
    };
    rules_of(field.kind)
        .iter()
        .map(|rule| RuleValue {
            key: rule.key.to_owned(),
            input: rule.input,
            choices: rule.choices.iter().map(|c| (*c).to_owned()).collect(),
            value: match rule.key {
                "min_length" => number(field.min_length),
                "max_length" => number(field.max_length),
                "max_size_kb" => number(field.max_size_kb),
                "max_files" => number(field.max_files),
                "min_items" => number(field.min_items),
                "max_items" => number(field.max_items),
                "min" => decimal(field.min),
                "max" => decimal(field.max),
                "earliest" => field.earliest.clone().unwrap_or_default(),
                "latest" => field.latest.clone().unwrap_or_default(),
                "pattern" => pattern.map(|p| p.regex.clone()).unwrap_or_default(),
                "pattern_message_de" => message(kernel::Locale::DE),
                "pattern_message_en" => message(kernel::Locale::EN),
                "upper_case" => flag(pattern.is_some_and(|p| p.upper_case)),
                "prefill" => field.prefill.map(|p| spelling(p.from)).unwrap_or_default(),
                "prefill_fixed" => flag(field.prefill.is_some_and(|p| !p.editable)),
                "from_link" => flag(field.from_link),
                "accept" => field.accept.join(", "),
                "display" => field.display.map(spelling).unwrap_or_default(),
                _ => String::new(),
            },
        })
        .collect()
}
