//! Validation of answers against a definition: the one implementation that runs on
//! the server for every post and, after hydration, in the browser as people type.
//!
//! Hidden fields (their `show_if` does not hold) are neither validated nor kept:
//! [`visible_answers`] drops them, so an answer a stranger posts for a hidden field is
//! never stored.

use std::cmp::Ordering;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{
    answers::{Answer, Answers},
    definition::{Condition, Field, FieldType, ServiceDefinition, Text},
    formats,
};

/// Default most characters of a one-line text.
pub const DEFAULT_TEXT_MAX: u32 = 200;
/// Default most characters of a multi-line text.
pub const DEFAULT_TEXTAREA_MAX: u32 = 4000;
/// Default most items of a group.
pub const DEFAULT_MAX_ITEMS: u32 = 10;
/// Default most files of a file field.
pub const DEFAULT_MAX_FILES: u32 = 1;

/// What is wrong with one answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldError {
    /// An answer is needed.
    Required,
    /// Fewer characters than allowed.
    TooShort(u32),
    /// More characters than allowed.
    TooLong(u32),
    /// The definition's pattern does not match; its message says why.
    Pattern(Text),
    /// Not a whole number.
    NotANumber,
    /// Not an amount in euro.
    NotAnAmount,
    /// Smaller than the minimum (as written in the definition).
    TooSmall(String),
    /// Larger than the maximum.
    TooLarge(String),
    /// Not a date.
    NotADate,
    /// Before the earliest date.
    TooEarly(NaiveDate),
    /// After the latest date.
    TooLate(NaiveDate),
    /// Not an e-mail address.
    NotAnEmail,
    /// Not a phone number.
    NotAPhone,
    /// Not a German postcode.
    NotAPostcode,
    /// Not a valid IBAN.
    NotAnIban,
    /// Not one of the options.
    UnknownOption,
    /// A declaration that must be confirmed was not.
    NotConfirmed,
    /// Fewer group items than needed.
    TooFewItems(u32),
    /// More group items than allowed.
    TooManyItems(u32),
    /// More files than allowed.
    TooManyFiles(u32),
    /// A file larger than allowed (KiB).
    FileTooLarge(u32),
    /// A file whose content is not of an accepted type.
    FileTypeNotAccepted,
    /// An empty file.
    FileEmpty,
    /// A file that could not be received.
    FileUnreadable,
    /// A file that arrived but could not be stored now.
    FileNotStored,
    /// An address part is missing or wrong (the part's name).
    AddressPart(String),
}

impl From<kernel::upload::UploadError> for FieldError {
    fn from(error: kernel::upload::UploadError) -> Self {
        use kernel::upload::UploadError;
        match error {
            UploadError::TooLarge(kb) => FieldError::FileTooLarge(kb),
            UploadError::TypeNotAccepted => FieldError::FileTypeNotAccepted,
            UploadError::Empty => FieldError::FileEmpty,
            UploadError::Unreadable => FieldError::FileUnreadable,
            UploadError::NotStored => FieldError::FileNotStored,
        }
    }
}

/// A problem at a field: `path` is the field id, or `<group>.<index>.<field>` inside a
/// group (the same names the form posts).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    /// Where.
    pub path: String,
    /// What.
    pub error: FieldError,
}

/// What conditions are evaluated against.
struct Scope<'a> {
    answers: &'a Answers,
    item: Option<&'a Answers>,
    today: NaiveDate,
}

impl Condition {
    /// Whether the condition holds for `answers` (and, inside a group, the item).
    pub fn holds(&self, answers: &Answers, item: Option<&Answers>, today: NaiveDate) -> bool {
        self.holds_in(&Scope {
            answers,
            item,
            today,
        })
    }

    fn holds_in(&self, scope: &Scope<'_>) -> bool {
        if let Some(all) = &self.all {
            return all.iter().all(|c| c.holds_in(scope));
        }
        if let Some(any) = &self.any {
            return any.iter().any(|c| c.holds_in(scope));
        }
        let Some(field) = &self.field else {
            return false;
        };
        let answer = scope
            .item
            .and_then(|item| item.get(field))
            .or_else(|| scope.answers.get(field))
            .filter(|a| !a.is_empty());
        if let Some(expected) = self.is_set {
            return answer.is_some() == expected;
        }
        let Some(answer) = answer else {
            return false;
        };
        let values: Vec<&str> = match answer {
            Answer::Text(text) => vec![text.as_str()],
            Answer::List(list) => list.iter().map(String::as_str).collect(),
            _ => Vec::new(),
        };
        if let Some(expected) = &self.equals {
            return values.contains(&expected.as_str());
        }
        if let Some(options) = &self.one_of {
            return values.iter().any(|v| options.iter().any(|o| o == v));
        }
        let compare = |bound: &str| values.first().and_then(|v| compare(v, bound, scope.today));
        if let Some(bound) = &self.greater_than {
            return compare(bound) == Some(Ordering::Greater);
        }
        if let Some(bound) = &self.less_than {
            return compare(bound) == Some(Ordering::Less);
        }
        false
    }
}

impl Condition {
    /// Every field the condition looks at.
    pub fn fields(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.field.as_deref().into_iter().collect();
        for inner in self.all.iter().chain(self.any.iter()).flatten() {
            names.extend(inner.fields());
        }
        names
    }
}

/// The paths of `step`'s fields to hide for `answers`: fields whose condition does not
/// hold, and inside group items (`children.0.details`) children whose condition does
/// not hold for their item. The server renders the page with them hidden, and the
/// browser shows them as answers change; without JavaScript a field revealed by this
/// step's answers is shown when the step is sent (see [`newly_shown`]).
pub fn hidden_fields(
    definition: &ServiceDefinition,
    step: usize,
    answers: &Answers,
    today: NaiveDate,
) -> Vec<String> {
    let Some(step) = definition.steps.get(step) else {
        return Vec::new();
    };
    let visible = visible_answers(definition, answers, today);
    let hides = |field: &Field, item: Option<&Answers>| {
        field
            .show_if
            .as_ref()
            .is_some_and(|condition| !condition.holds(&visible, item, today))
    };
    let mut hidden = Vec::new();
    for field in &step.fields {
        if hides(field, None) {
            hidden.push(field.id.clone());
            continue;
        }
        if field.kind != FieldType::Group {
            continue;
        }
        for (index, item) in shown_items(field, visible.get(&field.id))
            .iter()
            .enumerate()
        {
            for child in &field.fields {
                if hides(child, Some(item)) {
                    hidden.push(format!("{}.{index}.{}", field.id, child.id));
                }
            }
        }
    }
    hidden
}

/// The paths of `step`'s fields that `after` shows and `before` hid and that have no
/// answer yet: questions the step's own answers opened, which a page sent without
/// JavaScript has not shown the citizen.
pub fn newly_shown(
    definition: &ServiceDefinition,
    step: usize,
    before: &Answers,
    after: &Answers,
    today: NaiveDate,
) -> Vec<String> {
    let was_hidden = hidden_fields(definition, step, before, today);
    let now_hidden = hidden_fields(definition, step, after, today);
    let Some(fields) = definition.steps.get(step).map(|s| &s.fields) else {
        return Vec::new();
    };
    was_hidden
        .into_iter()
        .filter(|path| !now_hidden.contains(path))
        .filter(|path| is_open_question(fields, after, path))
        .collect()
}

/// Whether the field at `path` (`name` or `group.0.child`) asks something and has no
/// answer in `answers`.
fn is_open_question(fields: &[Field], answers: &Answers, path: &str) -> bool {
    let mut parts = path.split('.');
    let Some(field) = parts
        .next()
        .and_then(|id| fields.iter().find(|f| f.id == id))
    else {
        return false;
    };
    let (field, answer) = match (
        parts.next().and_then(|i| i.parse::<usize>().ok()),
        parts.next(),
    ) {
        (Some(index), Some(child)) => {
            let item = match answers.get(&field.id) {
                Some(Answer::Items(items)) => items.get(index),
                _ => None,
            };
            let Some(child) = field.fields.iter().find(|f| f.id == child) else {
                return false;
            };
            (child, item.and_then(|item| item.get(&child.id)))
        }
        _ => (field, answers.get(&field.id)),
    };
    field.kind != FieldType::Info && answer.is_none_or(Answer::is_empty)
}

/// The items a group shows: those answered, or as many empty ones as it needs at
/// least (one when it has no minimum), so there is always one to fill in.
pub fn shown_items(field: &Field, answer: Option<&Answer>) -> Vec<Answers> {
    match answer {
        Some(Answer::Items(items)) if !items.is_empty() => items.clone(),
        _ => vec![Answers::new(); field.min_items.unwrap_or(1).max(1) as usize],
    }
}

/// Compares an answer with a bound as dates when both are dates, else as amounts.
fn compare(value: &str, bound: &str, today: NaiveDate) -> Option<Ordering> {
    if let (Some(value), Some(bound)) = (formats::date(value), formats::date_bound(bound, today)) {
        return Some(value.cmp(&bound));
    }
    Some(formats::amount_cents(value)?.cmp(&formats::amount_cents(bound)?))
}

/// Whether `field` is shown for these answers.
fn shown(field: &Field, scope: &Scope<'_>) -> bool {
    field.show_if.as_ref().is_none_or(|c| c.holds_in(scope))
}

/// The answers without those of hidden fields (in definition order, so a field hidden
/// because another is hidden goes too) and without answers to unknown fields.
pub fn visible_answers(
    definition: &ServiceDefinition,
    answers: &Answers,
    today: NaiveDate,
) -> Answers {
    let mut kept = Answers::new();
    for (_, field) in definition.fields() {
        let Some(answer) = answers.get(&field.id) else {
            continue;
        };
        let scope = Scope {
            answers: &kept,
            item: None,
            today,
        };
        if !shown(field, &scope) {
            continue;
        }
        let answer = match answer {
            Answer::Items(items) => Answer::Items(
                items
                    .iter()
                    .map(|item| visible_item(&field.fields, item, &kept, today))
                    .collect(),
            ),
            other => other.clone(),
        };
        kept.insert(field.id.clone(), answer);
    }
    kept
}

fn visible_item(fields: &[Field], item: &Answers, answers: &Answers, today: NaiveDate) -> Answers {
    let mut kept = Answers::new();
    for field in fields {
        let Some(answer) = item.get(&field.id) else {
            continue;
        };
        let scope = Scope {
            answers,
            item: Some(&kept),
            today,
        };
        if shown(field, &scope) {
            kept.insert(field.id.clone(), answer.clone());
        }
    }
    kept
}

/// The problems of step `step` (index) given all answers so far.
pub fn validate_step(
    definition: &ServiceDefinition,
    step: usize,
    answers: &Answers,
    today: NaiveDate,
) -> Vec<Problem> {
    let Some(step) = definition.steps.get(step) else {
        return Vec::new();
    };
    let visible = visible_answers(definition, answers, today);
    let scope = Scope {
        answers: &visible,
        item: None,
        today,
    };
    let mut problems = Vec::new();
    for field in &step.fields {
        if shown(field, &scope) {
            check_field(
                field,
                visible.get(&field.id),
                &scope,
                &field.id,
                &mut problems,
            );
        }
    }
    problems
}

/// The problems of every step, for the final check before submitting.
pub fn validate_all(
    definition: &ServiceDefinition,
    answers: &Answers,
    today: NaiveDate,
) -> Vec<Problem> {
    (0..definition.steps.len())
        .flat_map(|step| validate_step(definition, step, answers, today))
        .collect()
}

fn check_field(
    field: &Field,
    answer: Option<&Answer>,
    scope: &Scope<'_>,
    path: &str,
    problems: &mut Vec<Problem>,
) {
    let mut report = |error| {
        problems.push(Problem {
            path: path.to_owned(),
            error,
        });
    };
    let answer = answer.filter(|a| !a.is_empty());
    let required = field.required
        || field.kind == FieldType::Declaration
        || field
            .required_if
            .as_ref()
            .is_some_and(|c| c.holds_in(scope));
    let Some(answer) = answer else {
        match (field.kind, field.min_items) {
            (FieldType::Info, _) => {}
            (FieldType::Group, Some(min)) if min > 0 => report(FieldError::TooFewItems(min)),
            (FieldType::Declaration, _) => report(FieldError::NotConfirmed),
            _ if required => report(FieldError::Required),
            _ => {}
        }
        return;
    };
    match answer {
        Answer::Text(text) => {
            if let Some(error) = check_text(field, text, scope.today) {
                report(error);
            }
        }
        Answer::List(values) => {
            if values
                .iter()
                .any(|v| !field.options.iter().any(|o| &o.value == v))
            {
                report(FieldError::UnknownOption);
            }
        }
        Answer::Address(address) => {
            let parts = [
                ("street", address.street.as_str()),
                ("house_number", address.house_number.as_str()),
                ("postcode", address.postcode.as_str()),
                ("city", address.city.as_str()),
            ];
            // Each wrong part is reported at its own input (`home.postcode`), so the
            // summary and assistive technology lead to exactly what needs fixing.
            for (part, value) in parts {
                let wrong = value.is_empty()
                    || value.chars().count() > 100
                    || (part == "postcode" && !formats::postcode(value));
                if wrong {
                    problems.push(Problem {
                        path: format!("{path}.{part}"),
                        error: FieldError::AddressPart(part.to_owned()),
                    });
                }
            }
        }
        Answer::Files(files) => {
            let max = field.max_files.unwrap_or(DEFAULT_MAX_FILES);
            if files.len() > max as usize {
                report(FieldError::TooManyFiles(max));
            }
        }
        Answer::Items(items) => {
            let max = field.max_items.unwrap_or(DEFAULT_MAX_ITEMS);
            if let Some(min) = field.min_items.filter(|min| items.len() < *min as usize) {
                report(FieldError::TooFewItems(min));
            } else if items.len() > max as usize {
                report(FieldError::TooManyItems(max));
            }
            for (index, item) in items.iter().enumerate() {
                let item_scope = Scope {
                    answers: scope.answers,
                    item: Some(item),
                    today: scope.today,
                };
                for child in &field.fields {
                    if shown(child, &item_scope) {
                        let child_path = format!("{path}.{index}.{}", child.id);
                        check_field(
                            child,
                            item.get(&child.id),
                            &item_scope,
                            &child_path,
                            problems,
                        );
                    }
                }
            }
        }
    }
}

/// Checks a text-like answer against its field's type and rules.
fn check_text(field: &Field, text: &str, today: NaiveDate) -> Option<FieldError> {
    let length = u32::try_from(text.chars().count()).unwrap_or(u32::MAX);
    match field.kind {
        FieldType::Text | FieldType::Textarea => {
            let default_max = if field.kind == FieldType::Text {
                DEFAULT_TEXT_MAX
            } else {
                DEFAULT_TEXTAREA_MAX
            };
            if let Some(min) = field.min_length.filter(|min| length < *min) {
                return Some(FieldError::TooShort(min));
            }
            let max = field.max_length.unwrap_or(default_max);
            if length > max {
                return Some(FieldError::TooLong(max));
            }
            let pattern = field.pattern.as_ref()?;
            (!pattern.matches(text)).then(|| FieldError::Pattern(pattern.message.clone()))
        }
        FieldType::Number => {
            let Some(value) = formats::number(text) else {
                return Some(FieldError::NotANumber);
            };
            bounds(field, value as f64)
        }
        FieldType::Amount => {
            let Some(cents) = formats::amount_cents(text) else {
                return Some(FieldError::NotAnAmount);
            };
            bounds(field, cents as f64 / 100.0)
        }
        FieldType::Date => {
            let Some(date) = formats::date(text) else {
                return Some(FieldError::NotADate);
            };
            let earliest = field
                .earliest
                .as_deref()
                .and_then(|b| formats::date_bound(b, today));
            let latest = field
                .latest
                .as_deref()
                .and_then(|b| formats::date_bound(b, today));
            match (earliest, latest) {
                (Some(earliest), _) if date < earliest => Some(FieldError::TooEarly(earliest)),
                (_, Some(latest)) if date > latest => Some(FieldError::TooLate(latest)),
                _ => None,
            }
        }
        FieldType::Email => (!formats::email(text)).then_some(FieldError::NotAnEmail),
        FieldType::Phone => (!formats::phone(text)).then_some(FieldError::NotAPhone),
        FieldType::Postcode => (!formats::postcode(text)).then_some(FieldError::NotAPostcode),
        FieldType::Iban => formats::iban(text)
            .is_none()
            .then_some(FieldError::NotAnIban),
        FieldType::Choice => {
            (!field.options.iter().any(|o| o.value == text)).then_some(FieldError::UnknownOption)
        }
        FieldType::YesNo => (!matches!(text, "yes" | "no")).then_some(FieldError::UnknownOption),
        FieldType::Declaration => (text != "yes").then_some(FieldError::NotConfirmed),
        // Structured kinds never hold text: a text here was posted by hand.
        FieldType::MultiChoice
        | FieldType::Address
        | FieldType::File
        | FieldType::Group
        | FieldType::Info => Some(FieldError::UnknownOption),
    }
}

fn bounds(field: &Field, value: f64) -> Option<FieldError> {
    let show = |bound: f64| {
        if bound.fract() == 0.0 {
            format!("{bound:.0}")
        } else {
            format!("{bound:.2}").replace('.', ",")
        }
    };
    match (field.min, field.max) {
        (Some(min), _) if value < min => Some(FieldError::TooSmall(show(min))),
        (_, Some(max)) if value > max => Some(FieldError::TooLarge(show(max))),
        _ => None,
    }
}
