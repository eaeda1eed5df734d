//! Warnings for what a definition may say but an author rarely means: a pattern that
//! lets every answer through, a choice with a single option, a `required_if` on a field that is always required, a condition that
//! always holds, a step whose every field may be hidden. None of them stops the portal.

use super::Findings;
use crate::definition::{Condition, Field, FieldType, Step};

/// Answers of every sort: if a pattern takes all of them, it checks nothing.
const SAMPLE_ANSWERS: [&str; 6] = ["", "a", "Zz9", "ä ß-", "!?.,;", "1234567890"];

/// The warnings about `field` at `path`; `earlier` are the fields asked before it.
pub(super) fn field(f: &mut Findings, field: &Field, path: &str, earlier: &[&Field]) {
    if let Some(pattern) = &field.pattern
        && regex_lite::Regex::new(&pattern.regex).is_ok()
        && SAMPLE_ANSWERS.iter().all(|answer| pattern.matches(answer))
    {
        f.warning(
            &format!("{path}.pattern.regex"),
            "lets every answer through, so it checks nothing",
        );
    }
    if matches!(field.kind, FieldType::Choice | FieldType::MultiChoice) && field.options.len() == 1
    {
        f.warning(
            &format!("{path}.options"),
            "offers a single option; a yes/no field or a declaration may fit better",
        );
    }
    if field.required && field.required_if.is_some() {
        f.warning(
            &format!("{path}.required_if"),
            "has no effect: the field is always required",
        );
    }
    for (setting, condition) in [
        ("show_if", &field.show_if),
        ("required_if", &field.required_if),
    ] {
        if let Some(condition) = condition
            && let Some(always) = always_holds(condition, earlier)
        {
            f.warning(
                &format!("{path}.{setting}"),
                format!("always holds: \"{always}\" is required and always shown"),
            );
        }
    }
}

/// A warning when every field of `step` may be hidden: the citizen may then see a
/// step with nothing to answer.
pub(super) fn step(f: &mut Findings, step: &Step, path: &str) {
    if !step.fields.is_empty() && step.fields.iter().all(|field| field.show_if.is_some()) {
        f.warning(
            &format!("{path}.fields"),
            "every field has a show_if: when none holds, the step is empty",
        );
    }
}

/// The field an `is_set = true` test names when that field is always answered
/// (required, without a condition of its own).
fn always_holds<'a>(condition: &'a Condition, earlier: &[&Field]) -> Option<&'a str> {
    if condition.is_set != Some(true) {
        return None;
    }
    let name = condition.field.as_deref()?;
    let target = earlier.iter().rev().find(|field| field.id == name)?;
    (target.required && target.show_if.is_none() && target.required_if.is_none()).then_some(name)
}
