//! The designer's changes to a service file: a step or a field added, the basic facts
//! set. Each works on the file's text (the author's comments and layout stay) and
//! gives the new text; the checker then judges it like any other file.

mod rules;

use std::collections::BTreeMap;

use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

use crate::definition::{FieldType, ServiceDefinition};

/// Why a change could not be made; the page says it beside the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditRefused {
    /// The file is no TOML (fix it in the file box first).
    NotToml,
    /// There is no such step.
    NoStep,
    /// An id must be lower-case letters, digits and `_` or `-`, starting with a letter.
    BadId,
    /// Another step or field of the service has this id.
    TakenId,
    /// A label (or title) in German is needed.
    NoLabel,
    /// A choice needs at least two options.
    NoOptions,
    /// The condition names no field and value the service has.
    BadCondition,
    /// There is no such field (or it cannot move that way).
    NoField,
    /// A step's only field cannot be removed (a step without fields is no step).
    LastField,
    /// A group's fields move with it in the file box, not here.
    Nested,
    /// A length, size, count or bound is no number.
    BadNumber,
    /// A pattern needs the message citizens read when an answer does not match.
    NoPatternMessage,
    /// A rule's value is none of those it may take.
    BadRuleValue,
    /// A file or a group cannot be part of a repeatable group.
    NotInGroup,
}

impl EditRefused {
    /// The code the page's note is looked up by.
    pub fn code(self) -> &'static str {
        match self {
            Self::NotToml => "kein-toml",
            Self::NoStep => "kein-schritt",
            Self::BadId => "kennung",
            Self::TakenId => "kennung-vergeben",
            Self::NoLabel => "bezeichnung",
            Self::NoOptions => "optionen",
            Self::BadCondition => "bedingung",
            Self::NoField => "kein-feld",
            Self::LastField => "letztes-feld",
            Self::Nested => "gruppe",
            Self::BadNumber => "zahl",
            Self::NoPatternMessage => "muster-meldung",
            Self::BadRuleValue => "regel",
            Self::NotInGroup => "nicht-in-gruppe",
        }
    }
}

/// A text in German and, where given, English.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TwoLanguages {
    /// German (required wherever a text is).
    pub de: String,
    /// English; empty when not given.
    pub en: String,
}

impl TwoLanguages {
    fn value(&self) -> Value {
        let mut table = InlineTable::new();
        table.insert("de", self.de.trim().into());
        if !self.en.trim().is_empty() {
            table.insert("en", self.en.trim().into());
        }
        Value::InlineTable(table)
    }
}

/// A field as the designer's form gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewField {
    /// Its id.
    pub id: String,
    /// Its kind.
    pub kind: FieldType,
    /// Its label (for `info`, its text).
    pub label: TwoLanguages,
    /// A hint under the label; empty for none.
    pub hint: TwoLanguages,
    /// An answer is needed.
    pub required: bool,
    /// For choices: one option per line, `value | Label | English label`.
    pub options: String,
    /// Shown only when this field (`id`) has this value, picked from the fields before.
    pub shown_if: Option<(String, String)>,
}

fn is_id(text: &str) -> bool {
    text.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '-'))
}

fn document(source: &str) -> Result<DocumentMut, EditRefused> {
    source.parse().map_err(|_| EditRefused::NotToml)
}

/// The fields of step `step` (from 0) of `doc`, written as `[[steps.fields]]`.
fn step_fields(doc: &mut DocumentMut, step: usize) -> Result<&mut ArrayOfTables, EditRefused> {
    let Some(Item::ArrayOfTables(steps)) = doc.get_mut("steps") else {
        return Err(EditRefused::NoStep);
    };
    match steps
        .get_mut(step)
        .ok_or(EditRefused::NoStep)?
        .get_mut("fields")
    {
        Some(Item::ArrayOfTables(fields)) => Ok(fields),
        _ => Err(EditRefused::NoField),
    }
}

/// The ids of every step and field the file has.
fn ids(definition: Option<&ServiceDefinition>) -> Vec<String> {
    definition
        .into_iter()
        .flat_map(|d| d.steps.iter())
        .flat_map(|step| {
            std::iter::once(step.id.clone()).chain(step.fields.iter().map(|f| f.id.clone()))
        })
        .collect()
}

/// `source` with a new last step `id` titled `title`, and its first field `first`
/// (a step without fields is no step).
pub fn add_step(
    source: &str,
    definition: Option<&ServiceDefinition>,
    id: &str,
    title: &TwoLanguages,
    first: &NewField,
) -> Result<String, EditRefused> {
    if !is_id(id) {
        return Err(EditRefused::BadId);
    }
    if title.de.trim().is_empty() {
        return Err(EditRefused::NoLabel);
    }
    if ids(definition).iter().any(|taken| taken == id) {
        return Err(EditRefused::TakenId);
    }
    let field = field_table(first, &ids(definition), definition)?;
    let mut doc = document(source)?;
    let mut step = Table::new();
    step.insert("id", toml_edit::value(id));
    step.insert("title", toml_edit::value(title.value()));
    let mut fields = ArrayOfTables::new();
    fields.push(field);
    step.insert("fields", Item::ArrayOfTables(fields));
    match doc.get_mut("steps") {
        Some(Item::ArrayOfTables(steps)) => steps.push(step),
        Some(_) => return Err(EditRefused::NotToml),
        None => {
            let mut steps = ArrayOfTables::new();
            steps.push(step);
            doc.insert("steps", Item::ArrayOfTables(steps));
        }
    }
    Ok(doc.to_string())
}

/// `source` with `field` added at the end of step `step` (from 0).
pub fn add_field(
    source: &str,
    definition: Option<&ServiceDefinition>,
    step: usize,
    field: &NewField,
) -> Result<String, EditRefused> {
    let table = field_table(field, &ids(definition), definition)?;
    let mut doc = document(source)?;
    let Some(Item::ArrayOfTables(steps)) = doc.get_mut("steps") else {
        return Err(EditRefused::NoStep);
    };
    let step = steps.get_mut(step).ok_or(EditRefused::NoStep)?;
    match step.get_mut("fields") {
        Some(Item::ArrayOfTables(fields)) => fields.push(table),
        // `fields = []` written inline: becomes `[[steps.fields]]` tables.
        Some(Item::Value(Value::Array(inline))) if inline.is_empty() => {
            let mut fields = ArrayOfTables::new();
            fields.push(table);
            step.insert("fields", Item::ArrayOfTables(fields));
        }
        _ => return Err(EditRefused::NotToml),
    }
    Ok(doc.to_string())
}

/// `source` with `field` added at the end of the repeatable group `group` of step
/// `step` (from 0). A group holds neither files nor groups, and its fields are shown
/// for every item alike (no condition from here).
pub fn add_field_to_group(
    source: &str,
    definition: Option<&ServiceDefinition>,
    step: usize,
    group: &str,
    field: &NewField,
) -> Result<String, EditRefused> {
    if matches!(field.kind, FieldType::File | FieldType::Group) {
        return Err(EditRefused::NotInGroup);
    }
    let members: Vec<String> = definition
        .and_then(|d| d.steps.get(step))
        .and_then(|s| s.fields.iter().find(|f| f.id == group))
        .filter(|f| f.kind == FieldType::Group)
        .ok_or(EditRefused::NoField)?
        .fields
        .iter()
        .map(|f| f.id.clone())
        .collect();
    let table = field_table(field, &members, None)?;
    let mut doc = document(source)?;
    let group = step_fields(&mut doc, step)?
        .iter_mut()
        .find(|f| f.get("id").and_then(Item::as_str) == Some(group))
        .ok_or(EditRefused::NoField)?;
    match group.get_mut("fields") {
        Some(Item::ArrayOfTables(inner)) => inner.push(table),
        None => {
            let mut inner = ArrayOfTables::new();
            inner.push(table);
            group.insert("fields", Item::ArrayOfTables(inner));
        }
        Some(_) => return Err(EditRefused::NotToml),
    }
    Ok(doc.to_string())
}

/// The basic facts of a service as the designer's form gives them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Basics {
    /// Title.
    pub title: TwoLanguages,
    /// One or two sentences for the catalogue.
    pub summary: TwoLanguages,
    /// What the service is.
    pub what: TwoLanguages,
    /// Who may apply.
    pub who: TwoLanguages,
    /// Level of assurance (`low`, `substantial`, `high`).
    pub level: String,
    /// The responsible department.
    pub department: String,
    /// Target processing time in days, if any.
    pub processing_days: Option<u32>,
    /// The catalogue service booked after filing, if any.
    pub appointment: Option<String>,
    /// A second caseworker confirms every decision.
    pub four_eyes: bool,
}

/// Sets `text` at `key` of `table`: German and English; other languages the file has
/// stay.
fn set_text(table: &mut dyn toml_edit::TableLike, key: &str, text: &TwoLanguages) {
    if let Some(Item::Value(Value::InlineTable(existing))) = table.get_mut(key) {
        existing.insert("de", text.de.trim().into());
        if text.en.trim().is_empty() {
            existing.remove("en");
        } else {
            existing.insert("en", text.en.trim().into());
        }
        return;
    }
    table.insert(key, toml_edit::value(text.value()));
}

/// `source` with the basic facts `basics`.
pub fn set_basics(source: &str, basics: &Basics) -> Result<String, EditRefused> {
    let texts = [&basics.title, &basics.summary, &basics.what, &basics.who];
    if texts.iter().any(|t| t.de.trim().is_empty()) {
        return Err(EditRefused::NoLabel);
    }
    let mut doc = document(source)?;
    set_text(doc.as_table_mut(), "title", &basics.title);
    set_text(doc.as_table_mut(), "summary", &basics.summary);
    doc.insert("level", toml_edit::value(basics.level.as_str()));
    doc.insert("department", toml_edit::value(basics.department.as_str()));
    match basics.processing_days {
        Some(days) => doc.insert("processing_days", toml_edit::value(i64::from(days))),
        None => doc.remove("processing_days"),
    };
    match &basics.appointment {
        Some(service) => doc.insert("appointment", toml_edit::value(service.as_str())),
        None => doc.remove("appointment"),
    };
    if basics.four_eyes {
        doc.insert("four_eyes", toml_edit::value(true));
    } else {
        doc.remove("four_eyes");
    }
    let description = doc
        .entry("description")
        .or_insert_with(|| Item::Table(Table::new()));
    let Some(description) = description.as_table_like_mut() else {
        return Err(EditRefused::NotToml);
    };
    set_text(description, "what", &basics.what);
    set_text(description, "who", &basics.who);
    Ok(doc.to_string())
}

/// A field's texts, whether it must be answered and its rules, as its edit form gives
/// them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldTexts {
    /// Label (an information text's text).
    pub label: TwoLanguages,
    /// Hint; German empty for none.
    pub hint: TwoLanguages,
    /// An answer is needed (not for an information text).
    pub required: bool,
    /// The posted value of each rule of the field's kind, by its key
    /// ([`crate::design_rules::rules_of`]); an empty or missing one takes the rule
    /// away. `None` when the form had no rules: the field's stay.
    pub rules: Option<BTreeMap<String, String>>,
}

/// `source` with field `field` of step `step` (both from 0) given `texts`; its other
/// settings and the languages beyond German and English stay.
pub fn edit_field(
    source: &str,
    step: usize,
    field: usize,
    texts: &FieldTexts,
) -> Result<String, EditRefused> {
    if texts.label.de.trim().is_empty() {
        return Err(EditRefused::NoLabel);
    }
    let mut doc = document(source)?;
    let table = step_fields(&mut doc, step)?
        .get_mut(field)
        .ok_or(EditRefused::NoField)?;
    let info = table.get("type").and_then(Item::as_str) == Some("info");
    set_text(table, if info { "text" } else { "label" }, &texts.label);
    if texts.hint.de.trim().is_empty() {
        table.remove("hint");
    } else {
        set_text(table, "hint", &texts.hint);
    }
    if texts.required && !info {
        table.insert("required", toml_edit::value(true));
    } else {
        table.remove("required");
    }
    let kind = table
        .get("type")
        .and_then(Item::as_str)
        .and_then(crate::definition::from_spelling);
    if let (Some(kind), Some(posted)) = (kind, &texts.rules) {
        rules::set_rules(table, kind, posted)?;
    }
    Ok(doc.to_string())
}

/// What is done to a field of the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldChange {
    /// Removed.
    Remove,
    /// Moved before the one before it.
    Up,
    /// Moved after the one after it.
    Down,
}

/// Whether `table` holds tables of its own (a group's fields), which stand apart
/// from it in the file.
fn holds_tables(table: &Table) -> bool {
    table
        .iter()
        .any(|(_, item)| item.is_table() || item.is_array_of_tables())
}

/// `source` with field `field` of step `step` (both from 0) removed or moved within
/// its step. The comments before a field's header go with it.
pub fn change_field(
    source: &str,
    step: usize,
    field: usize,
    change: FieldChange,
) -> Result<String, EditRefused> {
    let mut doc = document(source)?;
    let fields = step_fields(&mut doc, step)?;
    if field >= fields.len() {
        return Err(EditRefused::NoField);
    }
    let other = match change {
        FieldChange::Remove if fields.len() == 1 => return Err(EditRefused::LastField),
        FieldChange::Remove => {
            if fields.get(field).is_some_and(holds_tables) {
                return Err(EditRefused::Nested);
            }
            fields.remove(field);
            return Ok(doc.to_string());
        }
        FieldChange::Up => field.checked_sub(1).ok_or(EditRefused::NoField)?,
        FieldChange::Down => Some(field + 1)
            .filter(|next| *next < fields.len())
            .ok_or(EditRefused::NoField)?,
    };
    let (first, second) = (field.min(other), field.max(other));
    if [first, second]
        .iter()
        .any(|i| fields.get(*i).is_some_and(holds_tables))
    {
        return Err(EditRefused::Nested);
    }
    // The file is written in the order of the tables' positions: the two swap places
    // and positions.
    let mut later = fields.remove(second);
    let mut earlier = fields.remove(first);
    let (early_at, late_at) = (earlier.position(), later.position());
    later.set_position(early_at);
    earlier.set_position(late_at);
    fields.insert(first, later);
    fields.insert(second, earlier);
    Ok(doc.to_string())
}

/// The values a field's answer can take that a condition may name: yes/no, a
/// choice's options. Other kinds are compared in the file.
pub fn condition_values(field: &crate::definition::Field) -> Vec<String> {
    match field.kind {
        FieldType::YesNo => vec!["yes".into(), "no".into()],
        FieldType::Choice | FieldType::MultiChoice => {
            field.options.iter().map(|o| o.value.clone()).collect()
        }
        _ => Vec::new(),
    }
}

/// The table of `field`, whose id none of `taken` may have; its condition names a
/// field of `definition` (none: it may have no condition).
fn field_table(
    field: &NewField,
    taken: &[String],
    definition: Option<&ServiceDefinition>,
) -> Result<Table, EditRefused> {
    if !is_id(&field.id) {
        return Err(EditRefused::BadId);
    }
    if taken.contains(&field.id) {
        return Err(EditRefused::TakenId);
    }
    if field.label.de.trim().is_empty() {
        return Err(EditRefused::NoLabel);
    }
    let mut table = Table::new();
    table.insert("id", toml_edit::value(field.id.as_str()));
    table.insert(
        "type",
        toml_edit::value(crate::check::type_name(field.kind)),
    );
    let text_key = if field.kind == FieldType::Info {
        "text"
    } else {
        "label"
    };
    table.insert(text_key, toml_edit::value(field.label.value()));
    if !field.hint.de.trim().is_empty() {
        table.insert("hint", toml_edit::value(field.hint.value()));
    }
    if field.required && field.kind != FieldType::Info {
        table.insert("required", toml_edit::value(true));
    }
    if matches!(field.kind, FieldType::Choice | FieldType::MultiChoice) {
        table.insert("options", toml_edit::value(options(&field.options)?));
    }
    if let Some((on, equals)) = &field.shown_if {
        let known = definition
            .into_iter()
            .flat_map(|d| d.steps.iter().flat_map(|s| s.fields.iter()))
            .find(|f| f.id == *on)
            .is_some_and(|f| condition_values(f).contains(equals));
        if !known {
            return Err(EditRefused::BadCondition);
        }
        let mut condition = InlineTable::new();
        condition.insert("field", on.as_str().into());
        condition.insert("equals", equals.as_str().into());
        table.insert("show_if", toml_edit::value(Value::InlineTable(condition)));
    }
    Ok(table)
}

/// The options of a choice from lines `value | Label | English label`.
fn options(lines: &str) -> Result<Array, EditRefused> {
    let mut options = Array::new();
    for line in lines.lines().filter(|l| !l.trim().is_empty()) {
        let mut parts = line.split('|').map(str::trim);
        let value = parts.next().unwrap_or_default();
        let label = TwoLanguages {
            de: parts.next().unwrap_or(value).to_owned(),
            en: parts.next().unwrap_or_default().to_owned(),
        };
        if !is_id(value) {
            return Err(EditRefused::BadId);
        }
        let mut option = InlineTable::new();
        option.insert("value", value.into());
        option.insert("label", label.value());
        options.push(Value::InlineTable(option));
    }
    if options.len() < 2 {
        return Err(EditRefused::NoOptions);
    }
    Ok(options)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"# The party.
id = "fest"
slug = "fest"
department = "kvr"
level = "low"
title = { de = "Fest", en = "Party" }
summary = { de = "Ein Fest.", en = "A party." }

[description]
what = { de = "Fest.", en = "Party." }
who = { de = "Alle.", en = "All." }

[[steps]]
id = "eins"
title = { de = "Eins" }

[[steps.fields]]
id = "musik"
type = "yes_no"
label = { de = "Musik?" }
"#;

    fn definition(source: &str) -> ServiceDefinition {
        crate::loader::parse(std::path::Path::new(""), source)
            .map(|s| (*s.definition).clone())
            .unwrap_or_else(|e| panic!("{e}\n{source}"))
    }

    fn field(id: &str, kind: FieldType) -> NewField {
        NewField {
            id: id.into(),
            kind,
            label: TwoLanguages {
                de: "Frage".into(),
                en: "Question".into(),
            },
            hint: TwoLanguages::default(),
            required: true,
            options: String::new(),
            shown_if: None,
        }
    }

    #[test]
    fn a_field_with_a_picked_condition_is_added_and_the_comment_stays() {
        let before = definition(FILE);
        let new = NewField {
            shown_if: Some(("musik".into(), "yes".into())),
            ..field("boxen", FieldType::Number)
        };
        let after = add_field(FILE, Some(&before), 0, &new).unwrap();
        assert!(after.starts_with("# The party."), "{after}");
        let parsed = definition(&after);
        let added = &parsed.steps[0].fields[1];
        assert_eq!(added.id, "boxen");
        assert!(added.required);
        assert!(
            crate::check::check(&parsed).iter().all(|f| f.warning),
            "{after}"
        );
    }

    #[test]
    fn the_basics_change_german_and_english_and_keep_other_languages() {
        let with_turkish = FILE.replace(
            r#"title = { de = "Fest", en = "Party" }"#,
            r#"title = { de = "Fest", en = "Party", tr = "Şenlik" }"#,
        );
        let two = |de: &str, en: &str| TwoLanguages {
            de: de.into(),
            en: en.into(),
        };
        let basics = Basics {
            title: two("Straßenfest", "Street party"),
            summary: two("Ein Fest auf der Straße.", ""),
            what: two("Anmeldung.", "Registration."),
            who: two("Alle.", "All."),
            level: "substantial".into(),
            department: "awm".into(),
            processing_days: Some(14),
            appointment: None,
            four_eyes: true,
        };
        let after = set_basics(&with_turkish, &basics).unwrap();
        let parsed = definition(&after);
        assert_eq!(parsed.title.get(kernel::Locale::DE), "Straßenfest");
        assert!(after.contains(r#"tr = "Şenlik""#), "{after}");
        assert_eq!(parsed.level, kernel::Level::Substantial);
        assert_eq!(parsed.department, "awm");
        assert_eq!(parsed.processing_days, Some(14));
        assert!(parsed.four_eyes);
        assert!(
            !after.contains("A party."),
            "English left empty is removed: {after}"
        );
        let empty = Basics {
            title: two("", ""),
            ..basics
        };
        assert_eq!(set_basics(FILE, &empty), Err(EditRefused::NoLabel));
    }

    #[test]
    fn fields_move_within_their_step_and_are_removed_with_their_comment() {
        let three = format!(
            "{FILE}\n# Where.\n[[steps.fields]]\nid = \"ort\"\ntype = \"text\"\nlabel = {{ de = \"Ort\" }}\n\n[[steps]]\nid = \"zwei\"\ntitle = {{ de = \"Zwei\" }}\n\n[[steps.fields]]\nid = \"mail\"\ntype = \"email\"\nlabel = {{ de = \"Mail\" }}\n"
        );
        let ids = |source: &str, n: usize| {
            definition(source).steps[n]
                .fields
                .iter()
                .map(|f| f.id.clone())
                .collect::<Vec<_>>()
        };
        let up = change_field(&three, 0, 1, FieldChange::Up).unwrap();
        assert_eq!(ids(&up, 0), ["ort", "musik"], "{up}");
        assert_eq!(ids(&up, 1), ["mail"], "{up}");
        assert!(up.find("# Where.") < up.find("id = \"ort\""), "{up}");
        let down = change_field(&up, 0, 0, FieldChange::Down).unwrap();
        assert_eq!(ids(&down, 0), ["musik", "ort"], "{down}");
        let removed = change_field(&three, 0, 1, FieldChange::Remove).unwrap();
        assert_eq!(ids(&removed, 0), ["musik"], "{removed}");
        assert!(!removed.contains("# Where."), "{removed}");
        assert_eq!(
            change_field(&three, 1, 0, FieldChange::Remove),
            Err(EditRefused::LastField)
        );
        assert_eq!(
            change_field(&three, 0, 0, FieldChange::Up),
            Err(EditRefused::NoField)
        );
        assert_eq!(
            change_field(&three, 0, 1, FieldChange::Down),
            Err(EditRefused::NoField)
        );
    }

    #[test]
    fn a_field_gets_new_texts_and_keeps_its_other_settings() {
        let texts = FieldTexts {
            label: TwoLanguages {
                de: "Mit Musik?".into(),
                en: "With music?".into(),
            },
            hint: TwoLanguages {
                de: "Auch vom Band.".into(),
                en: String::new(),
            },
            required: true,
            rules: None,
        };
        let after = edit_field(FILE, 0, 0, &texts).unwrap();
        let parsed = definition(&after);
        let field = &parsed.steps[0].fields[0];
        assert_eq!(field.label.as_ref().unwrap().de(), "Mit Musik?");
        assert_eq!(field.hint.as_ref().unwrap().de(), "Auch vom Band.");
        assert!(field.required);
        assert_eq!(field.kind, FieldType::YesNo);
        let optional = FieldTexts {
            required: false,
            hint: TwoLanguages::default(),
            ..texts
        };
        let after = edit_field(&after, 0, 0, &optional).unwrap();
        assert!(
            !after.contains("required") && !after.contains("hint"),
            "{after}"
        );
        assert_eq!(edit_field(FILE, 0, 5, &optional), Err(EditRefused::NoField));
    }

    /// `FILE` with a text, a number, a date and a file field on a second step.
    fn with_rules_to_give() -> String {
        let mut source = format!("{FILE}\n[[steps]]\nid = \"zwei\"\ntitle = {{ de = \"Zwei\" }}\n");
        for (id, kind) in [
            ("kennzeichen", "text"),
            ("boxen", "number"),
            ("tag", "date"),
            ("plan", "file"),
        ] {
            source.push_str(&format!(
                "\n[[steps.fields]]\nid = \"{id}\"\ntype = \"{kind}\"\nlabel = {{ de = \"{id}\" }}\n"
            ));
        }
        source.push_str("accept = [\"application/pdf\"]\n");
        source
    }

    fn rules(pairs: &[(&str, &str)]) -> FieldTexts {
        FieldTexts {
            label: TwoLanguages {
                de: "Feld".into(),
                en: String::new(),
            },
            rules: Some(
                pairs
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                    .collect(),
            ),
            ..FieldTexts::default()
        }
    }

    #[test]
    fn a_fields_rules_are_written_as_the_file_spells_them_and_taken_away_empty() {
        let source = with_rules_to_give();
        let plate = rules(&[
            ("max_length", "12"),
            ("pattern", "[A-Z]{1,3}-[A-Z]{1,2} [0-9]{1,4}"),
            ("pattern_message_de", "Bitte wie M-AB 123"),
            ("pattern_message_en", "Please as M-AB 123"),
            ("upper_case", "1"),
            ("prefill", "family_name"),
            ("prefill_fixed", "1"),
            // Not a rule of a text field: left alone.
            ("max_files", "3"),
        ]);
        let after = edit_field(&source, 1, 0, &plate).unwrap();
        let after = edit_field(&after, 1, 1, &rules(&[("min", "1"), ("max", "2,5")])).unwrap();
        let after = edit_field(
            &after,
            1,
            2,
            &rules(&[("earliest", "today"), ("latest", "today+14d")]),
        )
        .unwrap();
        let after = edit_field(
            &after,
            1,
            3,
            &rules(&[
                ("accept", "application/pdf, image/jpeg"),
                ("max_size_kb", "2048"),
            ]),
        )
        .unwrap();
        let parsed = definition(&after);
        let fields = &parsed.steps[1].fields;
        assert_eq!(fields[0].max_length, Some(12));
        assert_eq!(fields[0].max_files, None);
        let pattern = fields[0].pattern.as_ref().unwrap();
        assert!(pattern.upper_case && pattern.matches("M-AB 123"));
        assert_eq!(
            pattern.message.written_in(kernel::Locale::EN),
            Some("Please as M-AB 123")
        );
        let prefill = fields[0].prefill.unwrap();
        assert!(prefill.from == crate::definition::Claim::FamilyName && !prefill.editable);
        assert_eq!((fields[1].min, fields[1].max), (Some(1.0), Some(2.5)));
        assert!(
            after.contains("min = 1\n"),
            "a whole number stays whole: {after}"
        );
        assert_eq!(fields[2].latest.as_deref(), Some("today+14d"));
        assert_eq!(fields[3].accept, ["application/pdf", "image/jpeg"]);
        assert_eq!(fields[3].max_size_kb, Some(2048));
        assert!(crate::check::check(&parsed).iter().all(|f| f.warning));
        // What the edit form shows is what was written.
        let shown = crate::design_rules::rule_values(&fields[0]);
        let value = |key: &str| {
            shown
                .iter()
                .find(|r| r.key == key)
                .map(|r| r.value.as_str())
        };
        assert_eq!(value("prefill"), Some("family_name"));
        assert_eq!(value("upper_case"), Some("1"));
        assert_eq!(value("max_length"), Some("12"));

        let cleared = edit_field(&after, 1, 0, &rules(&[])).unwrap();
        let parsed = definition(&cleared);
        let plain = &parsed.steps[1].fields[0];
        assert!(plain.pattern.is_none() && plain.prefill.is_none() && plain.max_length.is_none());
    }

    #[test]
    fn a_rule_that_is_no_number_or_no_choice_or_a_pattern_without_message_is_refused() {
        let source = with_rules_to_give();
        for (field, pairs, why) in [
            (0, &[("max_length", "zwölf")][..], EditRefused::BadNumber),
            (0, &[("max_length", "-1")][..], EditRefused::BadNumber),
            (1, &[("max", "NaN")][..], EditRefused::BadNumber),
            (0, &[("prefill", "address")][..], EditRefused::BadRuleValue),
            (
                0,
                &[("pattern", "[0-9]+")][..],
                EditRefused::NoPatternMessage,
            ),
        ] {
            assert_eq!(
                edit_field(&source, 1, field, &rules(pairs)),
                Err(why),
                "{pairs:?}"
            );
        }
    }

    #[test]
    fn a_group_is_added_empty_and_then_gets_its_fields() {
        let group = NewField {
            required: false,
            ..field("kinder", FieldType::Group)
        };
        let with_group = add_field(FILE, Some(&definition(FILE)), 0, &group).unwrap();
        let empty = definition(&with_group);
        assert!(
            crate::check::check(&empty)
                .iter()
                .any(|f| f.path == "steps[0].fields[1].fields" && !f.warning),
            "an empty group is named until it has fields"
        );
        let name = field("vorname", FieldType::Text);
        let one = add_field_to_group(&with_group, Some(&empty), 0, "kinder", &name).unwrap();
        let birthday = field("geburtstag", FieldType::Date);
        let two =
            add_field_to_group(&one, Some(&definition(&one)), 0, "kinder", &birthday).unwrap();
        // A field after the group on the same step stays outside it.
        let after = add_field(
            &two,
            Some(&definition(&two)),
            0,
            &field("ort", FieldType::Text),
        )
        .unwrap();
        let parsed = definition(&after);
        let fields = &parsed.steps[0].fields;
        let members: Vec<_> = fields[1].fields.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(members, ["vorname", "geburtstag"]);
        assert_eq!(fields.last().unwrap().id, "ort");
        assert!(
            crate::check::check(&parsed).iter().all(|f| f.warning),
            "{after}"
        );

        let known = definition(&two);
        for (target, new, why) in [
            (
                "kinder",
                field("plan", FieldType::File),
                EditRefused::NotInGroup,
            ),
            (
                "kinder",
                field("vorname", FieldType::Text),
                EditRefused::TakenId,
            ),
            ("musik", field("x", FieldType::Text), EditRefused::NoField),
            ("fehlt", field("x", FieldType::Text), EditRefused::NoField),
        ] {
            assert_eq!(
                add_field_to_group(&two, Some(&known), 0, target, &new),
                Err(why)
            );
        }
        let shown_if = NewField {
            shown_if: Some(("musik".into(), "yes".into())),
            ..field("x", FieldType::Text)
        };
        assert_eq!(
            add_field_to_group(&two, Some(&known), 0, "kinder", &shown_if),
            Err(EditRefused::BadCondition)
        );
    }

    #[test]
    fn a_field_added_to_an_earlier_step_stays_in_that_step() {
        let two = format!(
            "{FILE}\n[[steps]]\nid = \"zwei\"\ntitle = {{ de = \"Zwei\" }}\n\n[[steps.fields]]\nid = \"ort\"\ntype = \"text\"\nlabel = {{ de = \"Ort\" }}\n"
        );
        let before = definition(&two);
        let after = add_field(&two, Some(&before), 0, &field("boxen", FieldType::Number)).unwrap();
        let parsed = definition(&after);
        let ids = |n: usize| {
            parsed.steps[n]
                .fields
                .iter()
                .map(|f| f.id.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(0), ["musik", "boxen"], "{after}");
        assert_eq!(ids(1), ["ort"], "{after}");
    }

    #[test]
    fn a_condition_on_a_value_the_field_cannot_take_is_refused() {
        let before = definition(FILE);
        let new = NewField {
            shown_if: Some(("musik".into(), "ja".into())),
            ..field("boxen", FieldType::Number)
        };
        assert_eq!(
            add_field(FILE, Some(&before), 0, &new),
            Err(EditRefused::BadCondition)
        );
        let taken = field("musik", FieldType::Text);
        assert_eq!(
            add_field(FILE, Some(&before), 0, &taken),
            Err(EditRefused::TakenId)
        );
        assert_eq!(
            add_field(FILE, Some(&before), 3, &field("neu", FieldType::Text)),
            Err(EditRefused::NoStep)
        );
        assert_eq!(
            add_field(FILE, Some(&before), 0, &field("Neu!", FieldType::Text)),
            Err(EditRefused::BadId)
        );
    }

    #[test]
    fn a_choice_gets_its_options_and_a_step_its_first_field() {
        let before = definition(FILE);
        let choice = NewField {
            options: "strasse | Straße | Street\nhof | Hof\n".into(),
            ..field("ort", FieldType::Choice)
        };
        let title = TwoLanguages {
            de: "Zwei".into(),
            en: "Two".into(),
        };
        let after = add_step(FILE, Some(&before), "zwei", &title, &choice).unwrap();
        let parsed = definition(&after);
        assert_eq!(parsed.steps.len(), 2);
        let options = &parsed.steps[1].fields[0].options;
        assert_eq!(options.len(), 2);
        assert_eq!(options[1].value, "hof");
        let one = NewField {
            options: "strasse".into(),
            ..choice
        };
        assert_eq!(
            add_step(FILE, Some(&before), "drei", &title, &one),
            Err(EditRefused::NoOptions)
        );
    }
}
