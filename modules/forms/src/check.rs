//! Checks of a service definition beyond its syntax: well-formed ids, settings that
//! fit the field type, conditions that name existing earlier fields, patterns and date
//! bounds that parse. Every finding names its place, e.g.
//! `steps[2].fields[3].show_if: unknown field "kinder"`.

mod condition_values;
mod likely_wrong;
#[cfg(feature = "ssr")]
mod pattern_reach;

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::{
    definition::{Claim, Condition, Field, FieldType, ServiceDefinition, Text},
    formats,
};

/// One finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Where in the definition, e.g. `steps[0].fields[2].options`.
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// A warning does not stop the portal (e.g. a missing English text).
    pub warning: bool,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = if self.warning { "warning" } else { "error" };
        write!(f, "{kind}: {}: {}", self.path, self.message)
    }
}

#[derive(Default)]
struct Findings(Vec<Finding>);

impl Findings {
    fn error(&mut self, path: &str, message: impl Into<String>) {
        self.0.push(Finding {
            path: path.to_owned(),
            message: message.into(),
            warning: false,
        });
    }

    fn warning(&mut self, path: &str, message: impl Into<String>) {
        self.0.push(Finding {
            path: path.to_owned(),
            message: message.into(),
            warning: true,
        });
    }

    fn text(&mut self, path: &str, text: &Text) {
        if text.de().trim().is_empty() {
            self.error(path, "German text (de) is empty");
        }
        if text
            .written_in(kernel::Locale::EN)
            .is_none_or(|en| en.trim().is_empty())
        {
            self.warning(path, "English text (en) is missing");
        }
    }
}

fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 80
        && text.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn is_field_id(text: &str) -> bool {
    text.len() <= 60
        && text.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Every finding for `definition`; it is usable when none is an error.
pub fn check(definition: &ServiceDefinition) -> Vec<Finding> {
    let mut findings = Findings::default();
    let f = &mut findings;
    if !is_slug(&definition.id) {
        f.error("id", "must be lowercase letters, digits and single hyphens");
    }
    if !is_slug(&definition.slug) {
        f.error(
            "slug",
            "must be lowercase letters, digits and single hyphens",
        );
    }
    if let Some(leika) = &definition.leika {
        let digits = leika.strip_prefix("urn:de:fim:leika:leistung:");
        if !digits.is_some_and(|d| d.len() == 14 && d.bytes().all(|b| b.is_ascii_digit())) {
            f.error(
                "leika",
                "must be urn:de:fim:leika:leistung: followed by 14 digits",
            );
        }
    }
    if !is_slug(&definition.department) {
        f.error("department", "must be a department id like kvr");
    }
    f.text("title", &definition.title);
    f.text("summary", &definition.summary);
    f.text("description.what", &definition.description.what);
    f.text("description.who", &definition.description.who);
    if definition.steps.is_empty() {
        f.error("steps", "a service needs at least one step");
    }
    let mut step_ids = HashSet::new();
    // Fields answered before the current one, which conditions may refer to.
    let mut earlier: Vec<&Field> = Vec::new();
    for (s, step) in definition.steps.iter().enumerate() {
        let path = format!("steps[{s}]");
        if !is_slug(&step.id) {
            f.error(
                &format!("{path}.id"),
                "must be lowercase letters, digits and hyphens",
            );
        }
        if !step_ids.insert(step.id.as_str()) {
            f.error(
                &format!("{path}.id"),
                format!("step id \"{}\" is used twice", step.id),
            );
        }
        f.text(&format!("{path}.title"), &step.title);
        if step.fields.is_empty() {
            f.error(&format!("{path}.fields"), "a step needs at least one field");
        }
        likely_wrong::step(f, step, &path);
        for (i, field) in step.fields.iter().enumerate() {
            let field_path = format!("{path}.fields[{i}]");
            if earlier.iter().any(|e| e.id == field.id) {
                f.error(
                    &format!("{field_path}.id"),
                    format!("field id \"{}\" is used twice", field.id),
                );
            }
            check_field(f, field, &field_path, &earlier, false);
            earlier.push(field);
        }
    }
    if let Some(open311) = &definition.open311 {
        check_open311(f, open311, &earlier);
    }
    findings.0
}

/// The Open311 table names text fields of the form's own steps.
fn check_open311(f: &mut Findings, open311: &crate::definition::Open311, fields: &[&Field]) {
    use FieldType as T;
    let mapped = [
        (
            "open311.description",
            Some(&open311.description),
            &[T::Text, T::Textarea][..],
        ),
        (
            "open311.address",
            Some(&open311.address),
            &[T::Text, T::Textarea][..],
        ),
        ("open311.email", open311.email.as_ref(), &[T::Email][..]),
    ];
    for (path, id, kinds) in mapped {
        let Some(id) = id else { continue };
        match fields.iter().find(|field| &field.id == id) {
            None => f.error(path, format!("unknown field \"{id}\"")),
            Some(field) if !kinds.contains(&field.kind) => f.error(
                path,
                format!("field \"{id}\" is a {} field", type_name(field.kind)),
            ),
            Some(_) => {}
        }
    }
}

fn check_field(f: &mut Findings, field: &Field, path: &str, earlier: &[&Field], in_group: bool) {
    use FieldType as T;
    likely_wrong::field(f, field, path, earlier);
    #[cfg(feature = "ssr")]
    pattern_reach::field(f, field, path);
    if !is_field_id(&field.id) {
        f.error(
            &format!("{path}.id"),
            "must start with a lowercase letter; lowercase letters, digits, underscores",
        );
    }
    match (&field.label, field.kind) {
        (Some(label), _) => f.text(&format!("{path}.label"), label),
        (None, T::Info) => {}
        (None, _) => f.error(&format!("{path}.label"), "a field needs a label"),
    }
    if let Some(hint) = &field.hint {
        f.text(&format!("{path}.hint"), hint);
    }
    if field.from_link && !matches!(field.kind, T::Text | T::Textarea | T::Postcode) {
        f.error(
            &format!("{path}.from_link"),
            "only text, textarea and postcode fields may be filled from the link",
        );
    }
    let kind = field.kind;
    let only = |f: &mut Findings, setting: &str, present: bool, allowed: &[FieldType]| {
        if present && !allowed.contains(&kind) {
            f.error(
                &format!("{path}.{setting}"),
                format!("does not apply to a {} field", type_name(kind)),
            );
        }
    };
    only(
        f,
        "min_length",
        field.min_length.is_some(),
        &[T::Text, T::Textarea],
    );
    only(
        f,
        "max_length",
        field.max_length.is_some(),
        &[T::Text, T::Textarea],
    );
    only(f, "pattern", field.pattern.is_some(), &[T::Text]);
    only(f, "min", field.min.is_some(), &[T::Number, T::Amount]);
    only(f, "max", field.max.is_some(), &[T::Number, T::Amount]);
    only(f, "earliest", field.earliest.is_some(), &[T::Date]);
    only(f, "latest", field.latest.is_some(), &[T::Date]);
    only(
        f,
        "options",
        !field.options.is_empty(),
        &[T::Choice, T::MultiChoice],
    );
    only(f, "display", field.display.is_some(), &[T::Choice]);
    only(f, "accept", !field.accept.is_empty(), &[T::File]);
    only(f, "max_size_kb", field.max_size_kb.is_some(), &[T::File]);
    only(f, "max_files", field.max_files.is_some(), &[T::File]);
    only(f, "fields", !field.fields.is_empty(), &[T::Group]);
    only(f, "min_items", field.min_items.is_some(), &[T::Group]);
    only(f, "max_items", field.max_items.is_some(), &[T::Group]);
    only(f, "text", field.text.is_some(), &[T::Info]);

    if let (Some(min), Some(max)) = (field.min_length, field.max_length)
        && min > max
    {
        f.error(&format!("{path}.min_length"), "is larger than max_length");
    }
    if let (Some(min), Some(max)) = (field.min, field.max)
        && min > max
    {
        f.error(&format!("{path}.min"), "is larger than max");
    }
    if let Some(pattern) = &field.pattern {
        if let Err(err) = regex_lite::Regex::new(&pattern.regex) {
            f.error(
                &format!("{path}.pattern.regex"),
                format!("does not compile: {err}"),
            );
        }
        f.text(&format!("{path}.pattern.message"), &pattern.message);
    }
    date_bounds(
        f,
        path,
        [("earliest", &field.earliest), ("latest", &field.latest)],
    );
    if matches!(kind, T::Choice | T::MultiChoice) {
        if field.options.is_empty() {
            f.error(&format!("{path}.options"), "a choice needs options");
        }
        let mut values = HashSet::new();
        for (o, option) in field.options.iter().enumerate() {
            if option.value.trim().is_empty() || !values.insert(option.value.as_str()) {
                f.error(
                    &format!("{path}.options[{o}].value"),
                    "option values must be set and unique",
                );
            }
            f.text(&format!("{path}.options[{o}].label"), &option.label);
        }
    }
    if kind == T::Info && field.text.is_none() {
        f.error(&format!("{path}.text"), "an info field needs a text");
    }
    if kind == T::File && field.accept.is_empty() {
        f.error(
            &format!("{path}.accept"),
            "name the accepted file types, e.g. [\"application/pdf\"]",
        );
    }
    if let (Some(min), Some(max)) = (field.min_items, field.max_items)
        && min > max
    {
        f.error(&format!("{path}.min_items"), "is larger than max_items");
    }
    if kind == T::Group {
        if in_group {
            f.error(path, "groups cannot contain groups");
        }
        if field.fields.is_empty() {
            f.error(&format!("{path}.fields"), "a group needs fields");
        }
        let mut inner: Vec<&Field> = earlier.to_vec();
        let mut ids = HashSet::new();
        for (i, child) in field.fields.iter().enumerate() {
            let child_path = format!("{path}.fields[{i}]");
            if !ids.insert(child.id.as_str()) {
                f.error(
                    &format!("{child_path}.id"),
                    format!("field id \"{}\" is used twice", child.id),
                );
            }
            if child.kind == T::File {
                f.error(&child_path, "file fields cannot be inside a group");
            }
            check_field(f, child, &child_path, &inner, true);
            inner.push(child);
        }
    }
    if let Some(prefill) = &field.prefill {
        let fits = match prefill.from {
            Claim::Address => kind == T::Address,
            Claim::Email => matches!(kind, T::Email | T::Text),
            Claim::PostalCode => matches!(kind, T::Postcode | T::Text),
            _ => kind == T::Text,
        };
        if !fits {
            f.error(
                &format!("{path}.prefill.from"),
                format!("does not fit a {} field", type_name(kind)),
            );
        }
    }
    for (setting, condition) in [
        ("show_if", &field.show_if),
        ("required_if", &field.required_if),
    ] {
        if let Some(condition) = condition {
            check_condition(f, condition, &format!("{path}.{setting}"), earlier);
        }
    }
}

fn check_condition(f: &mut Findings, condition: &Condition, path: &str, earlier: &[&Field]) {
    let tests = [
        condition.equals.is_some(),
        condition.one_of.is_some(),
        condition.is_set.is_some(),
        condition.greater_than.is_some(),
        condition.less_than.is_some(),
        condition.all.is_some(),
        condition.any.is_some(),
    ];
    if tests.iter().filter(|t| **t).count() != 1 {
        f.error(
            path,
            "needs exactly one of equals, one_of, is_set, greater_than, less_than, all, any",
        );
        return;
    }
    for (name, list) in [("all", &condition.all), ("any", &condition.any)] {
        if let Some(list) = list {
            if list.is_empty() {
                f.error(&format!("{path}.{name}"), "needs at least one condition");
            }
            for (i, inner) in list.iter().enumerate() {
                check_condition(f, inner, &format!("{path}.{name}[{i}]"), earlier);
            }
            if condition.field.is_some() {
                f.error(
                    &format!("{path}.field"),
                    format!("does not apply to {name}"),
                );
            }
            return;
        }
    }
    let Some(name) = &condition.field else {
        f.error(&format!("{path}.field"), "names no field");
        return;
    };
    let Some(target) = earlier.iter().rev().find(|e| &e.id == name) else {
        f.error(
            &format!("{path}.field"),
            format!("unknown field \"{name}\" (conditions refer to fields asked before)"),
        );
        return;
    };
    condition_values::check(f, condition, path, target);
    if matches!(target.kind, FieldType::Choice | FieldType::MultiChoice) {
        let known = |value: &String| target.options.iter().any(|o| &o.value == value);
        let named: Vec<&String> = condition
            .equals
            .iter()
            .chain(condition.one_of.iter().flatten())
            .collect();
        if let Some(unknown) = named.into_iter().find(|v| !known(v)) {
            f.error(
                path,
                format!("\"{unknown}\" is not an option of \"{name}\""),
            );
        }
    }
    if condition.one_of.as_ref().is_some_and(Vec::is_empty) {
        f.error(&format!("{path}.one_of"), "needs at least one value");
    }
}

pub(crate) fn type_name(kind: FieldType) -> String {
    crate::definition::spelling(kind)
}

/// Reports each of `bounds` (settings of the part at `path`) that is no date a date
/// field can compare with: a day, `today`, or today plus or minus a span.
fn date_bounds(f: &mut Findings, path: &str, bounds: condition_values::Bounds<'_>) {
    // Any day will do to see whether a relative bound parses.
    let today = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default();
    for (setting, bound) in bounds {
        if let Some(bound) = bound
            && formats::date_bound(bound, today).is_none()
        {
            f.error(
                &format!("{path}.{setting}"),
                format!("\"{bound}\" is not a date (YYYY-MM-DD, today, today-18y, today+14d)"),
            );
        }
    }
}
