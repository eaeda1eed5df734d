//! A field's rules written into its table of the file: the values its edit form
//! posts, checked for their form (a number is a number, a choice one of its values);
//! what they mean together the checker judges.

use std::collections::BTreeMap;

use toml_edit::{Array, InlineTable, Table, Value};

use super::{EditRefused, TwoLanguages, set_text};
use crate::{
    definition::FieldType,
    design_rules::{RuleInput, rules_of},
};

/// Parts of the pattern and the prefill, written with them.
const PARTS: [&str; 4] = [
    "pattern_message_de",
    "pattern_message_en",
    "upper_case",
    "prefill_fixed",
];

/// Gives `table` (a field of `kind`) the `posted` rules: each rule of the kind is set
/// to its posted value or, empty or missing, taken away.
pub(super) fn set_rules(
    table: &mut Table,
    kind: FieldType,
    posted: &BTreeMap<String, String>,
) -> Result<(), EditRefused> {
    let given = |key: &str| posted.get(key).map_or("", |v| v.trim());
    for rule in rules_of(kind) {
        let text = given(rule.key);
        match (rule.key, rule.input) {
            (part, _) if PARTS.contains(&part) => {}
            ("pattern", _) => set_pattern(
                table,
                text,
                &TwoLanguages {
                    de: given("pattern_message_de").to_owned(),
                    en: given("pattern_message_en").to_owned(),
                },
                given("upper_case") == "1",
            )?,
            (key, _) if text.is_empty() => {
                table.remove(key);
            }
            (_, RuleInput::OneOf) if !rule.choices.contains(&text) => {
                return Err(EditRefused::BadRuleValue);
            }
            ("prefill", _) => {
                let mut prefill = InlineTable::new();
                prefill.insert("from", text.into());
                if given("prefill_fixed") == "1" {
                    prefill.insert("editable", false.into());
                }
                table.insert("prefill", toml_edit::value(Value::InlineTable(prefill)));
            }
            ("accept", _) => {
                let types: Array = text
                    .split([',', ';', ' '])
                    .filter(|t| !t.is_empty())
                    .collect();
                table.insert("accept", toml_edit::value(types));
            }
            (key, RuleInput::Count) => {
                let count: u32 = text.parse().map_err(|_| EditRefused::BadNumber)?;
                table.insert(key, toml_edit::value(i64::from(count)));
            }
            (key, RuleInput::Decimal) => {
                table.insert(key, toml_edit::value(decimal(text)?));
            }
            (key, RuleInput::Flag) => {
                table.insert(key, toml_edit::value(true));
            }
            (key, RuleInput::Bound | RuleInput::Text | RuleInput::OneOf) => {
                table.insert(key, toml_edit::value(text));
            }
        }
    }
    Ok(())
}

/// A number as typed (`1,5` as well as `1.5`): whole numbers stay whole in the file.
fn decimal(text: &str) -> Result<Value, EditRefused> {
    let number: f64 = text
        .replace(',', ".")
        .parse()
        .map_err(|_| EditRefused::BadNumber)?;
    if !number.is_finite() {
        return Err(EditRefused::BadNumber);
    }
    // Whole numbers within the range where f64 is exact are written without ".0".
    if number.fract() == 0.0 && number.abs() < 9.0e15 {
        #[expect(clippy::cast_possible_truncation, reason = "whole and within range")]
        return Ok(Value::from(number as i64));
    }
    Ok(Value::from(number))
}

/// The pattern `regex` with its `message`; an empty regex takes the pattern away. A
/// pattern written as its own table keeps its place and its other languages.
fn set_pattern(
    table: &mut Table,
    regex: &str,
    message: &TwoLanguages,
    upper_case: bool,
) -> Result<(), EditRefused> {
    if regex.is_empty() {
        table.remove("pattern");
        return Ok(());
    }
    if message.de.trim().is_empty() {
        return Err(EditRefused::NoPatternMessage);
    }
    let pattern = table
        .entry("pattern")
        .or_insert_with(|| toml_edit::value(InlineTable::new()));
    let Some(pattern) = pattern.as_table_like_mut() else {
        return Err(EditRefused::NotToml);
    };
    pattern.insert("regex", toml_edit::value(regex));
    set_text(pattern, "message", message);
    if upper_case {
        pattern.insert("upper_case", toml_edit::value(true));
    } else {
        pattern.remove("upper_case");
    }
    Ok(())
}
