//! Conditions checked against the answers their field can give: a yes/no field answers
//! `yes` or `no`, a number stays within its bounds, a date compares with dates, and a
//! field without an answer (an info text, a group) cannot be tested at all. A condition
//! that can never hold is an error: the part it shows would never be seen, and a field
//! it makes required never asked.

use super::{Findings, date_bounds};
use crate::{
    definition::{Condition, Field, FieldType},
    formats,
};

/// `greater_than` and `less_than` of a condition, by name.
pub(super) type Bounds<'a> = [(&'static str, &'a Option<String>); 2];

/// Checks the values `condition` (a test of one field, not `all`/`any`) compares
/// `target`'s answers with.
pub(super) fn check(f: &mut Findings, condition: &Condition, path: &str, target: &Field) {
    let name = &target.id;
    let named: Vec<&String> = condition
        .equals
        .iter()
        .chain(condition.one_of.iter().flatten())
        .collect();
    let bounds: Bounds<'_> = [
        ("greater_than", &condition.greater_than),
        ("less_than", &condition.less_than),
    ];
    match target.kind {
        FieldType::Info | FieldType::Group => {
            f.error(
                path,
                format!("\"{name}\" takes no answer, so a condition on it never holds"),
            );
        }
        FieldType::YesNo => {
            if let Some(other) = named.iter().find(|v| !["yes", "no"].contains(&v.as_str())) {
                f.error(
                    path,
                    format!(
                        "\"{other}\" is never the answer of \"{name}\": a yes/no field answers \"yes\" or \"no\""
                    ),
                );
            }
            compares_not(f, path, &bounds, name, "yes/no");
        }
        FieldType::Declaration => {
            if let Some(other) = named.iter().find(|v| v.as_str() != "yes") {
                f.error(
                    path,
                    format!(
                        "\"{other}\" is never the answer of \"{name}\": a declaration answers \"yes\""
                    ),
                );
            }
            compares_not(f, path, &bounds, name, "declaration");
        }
        FieldType::Number | FieldType::Amount => numbers(f, path, &named, &bounds, target),
        FieldType::Date => date_bounds(f, path, bounds),
        FieldType::Choice | FieldType::MultiChoice => {
            compares_not(f, path, &bounds, name, "choice");
        }
        FieldType::File => {
            if !named.is_empty() {
                f.error(
                    path,
                    format!("\"{name}\" is a file field: test it with is_set, not by a value"),
                );
            }
            compares_not(f, path, &bounds, name, "file");
        }
        _ => compares_not(f, path, &bounds, name, "text"),
    }
}

/// Values and bounds of a condition on a number or amount: numbers, and bounds the
/// field's `min` and `max` leave room for.
fn numbers(f: &mut Findings, path: &str, named: &[&String], bounds: &Bounds<'_>, target: &Field) {
    let name = &target.id;
    for value in named {
        if formats::amount_cents(value).is_none() {
            f.error(
                path,
                format!("\"{value}\" is not a number, and \"{name}\" answers numbers"),
            );
        }
    }
    for (setting, bound) in bounds {
        let Some(bound) = bound else { continue };
        let Some(cents) = formats::amount_cents(bound) else {
            f.error(
                &format!("{path}.{setting}"),
                format!("\"{bound}\" is not a number, and \"{name}\" answers numbers"),
            );
            continue;
        };
        let bound = cents as f64 / 100.0;
        let never = if *setting == "greater_than" {
            target.max.is_some_and(|max| max <= bound)
        } else {
            target.min.is_some_and(|min| min >= bound)
        };
        if never {
            f.error(
                &format!("{path}.{setting}"),
                format!(
                    "never holds: \"{name}\" lies between {} and {}",
                    shown(target.min),
                    shown(target.max)
                ),
            );
        }
    }
}

/// Refuses `greater_than`/`less_than` on a field that answers no number or date.
fn compares_not(f: &mut Findings, path: &str, bounds: &Bounds<'_>, name: &str, kind: &str) {
    for (setting, bound) in bounds {
        if bound.is_some() {
            f.error(
                &format!("{path}.{setting}"),
                format!("compares numbers, amounts and dates; \"{name}\" is a {kind} field"),
            );
        }
    }
}

fn shown(bound: Option<f64>) -> String {
    bound.map_or_else(|| "any".to_owned(), |b| b.to_string())
}
