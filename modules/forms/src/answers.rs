//! A citizen's answers, and reading them from a posted form.
//!
//! Answers are kept as entered (so a page shows exactly what was typed); validation
//! reads them through [`crate::formats`]. Only fields of the step being posted are
//! read: names of fields that do not exist are ignored and never stored.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::definition::{Field, FieldType, Step};

/// Most characters kept of any single value; longer input is cut (and then fails the
/// field's length rule, so nothing is silently accepted).
const MAX_VALUE_CHARS: usize = 20_000;

/// Most items of a group read from one post, whatever the definition allows.
const MAX_ITEMS_READ: usize = 100;

/// The parts of an address answer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    /// Street.
    pub street: String,
    /// House number.
    pub house_number: String,
    /// Postcode.
    pub postcode: String,
    /// City.
    pub city: String,
}

impl Address {
    /// Whether nothing was entered.
    pub fn is_empty(&self) -> bool {
        [&self.street, &self.house_number, &self.postcode, &self.city]
            .iter()
            .all(|part| part.is_empty())
    }
}

/// An uploaded file as the form knows it.
pub use kernel::upload::StoredFile as FileRef;

/// One field's answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// Text as entered (also numbers, dates, single choices, yes/no).
    Text(String),
    /// The chosen values of a multiple choice.
    List(Vec<String>),
    /// An address.
    Address(Address),
    /// The items of a repeatable group.
    Items(Vec<Answers>),
    /// Uploaded files.
    Files(Vec<FileRef>),
}

impl Answer {
    /// Whether the answer is empty (nothing entered, chosen or uploaded).
    pub fn is_empty(&self) -> bool {
        match self {
            Self::Text(text) => text.is_empty(),
            Self::List(values) => values.is_empty(),
            Self::Address(address) => address.is_empty(),
            Self::Items(items) => items.is_empty(),
            Self::Files(files) => files.is_empty(),
        }
    }

    /// The text, for text-like answers.
    pub fn text(&self) -> Option<&str> {
        match self {
            Self::Text(text) => Some(text),
            _ => None,
        }
    }
}

/// The answers as text by path, for those who only read plain values (case routing):
/// texts as they are, choices joined with commas, address parts as
/// `<field>.street` and so on; files and repeated groups are left out.
pub fn as_text(answers: &Answers) -> Vec<(String, String)> {
    let mut flat = Vec::new();
    for (id, answer) in answers {
        match answer {
            Answer::Text(text) => flat.push((id.clone(), text.clone())),
            Answer::List(values) => flat.push((id.clone(), values.join(","))),
            Answer::Address(address) => {
                for (part, value) in [
                    ("street", &address.street),
                    ("house_number", &address.house_number),
                    ("postcode", &address.postcode),
                    ("city", &address.city),
                ] {
                    flat.push((format!("{id}.{part}"), value.clone()));
                }
            }
            Answer::Items(_) | Answer::Files(_) => {}
        }
    }
    flat
}

/// Answers by field id.
pub type Answers = BTreeMap<String, Answer>;

/// Reads the answers to `step` from form `pairs` (name, value). Values are trimmed;
/// unknown names are ignored. File fields keep `previous` answers (uploads arrive
/// separately).
pub fn read_step(step: &Step, pairs: &[(String, String)], previous: &Answers) -> Answers {
    read_fields(&step.fields, pairs, "", previous)
}

fn read_fields(
    fields: &[Field],
    pairs: &[(String, String)],
    prefix: &str,
    previous: &Answers,
) -> Answers {
    let mut answers = Answers::new();
    for field in fields {
        let name = format!("{prefix}{}", field.id);
        let answer = match field.kind {
            FieldType::Info => continue,
            FieldType::File => match previous.get(&field.id) {
                Some(files) => files.clone(),
                None => continue,
            },
            FieldType::MultiChoice => Answer::List(
                values(pairs, &name)
                    .filter(|v| !v.is_empty())
                    .map(str::to_owned)
                    .collect(),
            ),
            FieldType::Address => Answer::Address(Address {
                street: single(pairs, &format!("{name}.street")),
                house_number: single(pairs, &format!("{name}.house_number")),
                postcode: single(pairs, &format!("{name}.postcode")),
                city: single(pairs, &format!("{name}.city")),
            }),
            FieldType::Group => Answer::Items(read_items(field, pairs, &name, previous)),
            _ => Answer::Text(normalized(field, single(pairs, &name))),
        };
        answers.insert(field.id.clone(), answer);
    }
    answers
}

/// Group items are posted as `<group>.<index>.<field>`; indices need not be dense
/// (an item removed in the middle leaves a gap), their order is kept.
fn read_items(
    group: &Field,
    pairs: &[(String, String)],
    name: &str,
    previous: &Answers,
) -> Vec<Answers> {
    let prefix = format!("{name}.");
    let mut indices: Vec<usize> = pairs
        .iter()
        .filter_map(|(key, _)| key.strip_prefix(&prefix)?.split('.').next()?.parse().ok())
        .collect();
    indices.sort_unstable();
    indices.dedup();
    let old_items = match previous.get(&group.id) {
        Some(Answer::Items(items)) => items.as_slice(),
        _ => &[],
    };
    indices
        .into_iter()
        .take(MAX_ITEMS_READ)
        .map(|index| {
            let empty = Answers::new();
            let old = old_items.get(index).unwrap_or(&empty);
            read_fields(&group.fields, pairs, &format!("{prefix}{index}."), old)
        })
        .collect()
}

fn values<'a>(pairs: &'a [(String, String)], name: &'a str) -> impl Iterator<Item = &'a str> {
    pairs
        .iter()
        .filter(move |(key, _)| key == name)
        .map(|(_, value)| value.trim())
}

/// `text` as `field` takes it: inner runs of spaces made one in a one-line answer
/// ("M-AB  1234"), capitals where its pattern asks for them.
fn normalized(field: &Field, text: String) -> String {
    let text = if field.kind == FieldType::Textarea {
        text
    } else {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    match &field.pattern {
        Some(pattern) if pattern.upper_case => text.to_uppercase(),
        _ => text,
    }
}

/// The first value posted under `name`, trimmed and capped.
fn single(pairs: &[(String, String)], name: &str) -> String {
    values(pairs, name)
        .next()
        .unwrap_or_default()
        .chars()
        .take(MAX_VALUE_CHARS)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::definition::Text;

    fn field(id: &str, kind: FieldType) -> Field {
        serde_json::from_value(serde_json::json!({"id": id, "type": kind})).unwrap()
    }

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn reads_each_kind_and_ignores_unknown_names() {
        let mut children = field("children", FieldType::Group);
        children.fields = vec![field("name", FieldType::Text)];
        let step = Step {
            id: "s".into(),
            title: Text::default(),
            intro: None,
            fields: vec![
                field("name", FieldType::Text),
                field("topics", FieldType::MultiChoice),
                field("home", FieldType::Address),
                children,
                field("note", FieldType::Info),
            ],
        };
        let answers = read_step(
            &step,
            &pairs(&[
                ("name", "  Erika "),
                ("topics", "a"),
                ("topics", "b"),
                ("home.street", "Marienplatz"),
                ("home.postcode", "80331"),
                ("children.3.name", "Mia"),
                ("children.0.name", "Paul"),
                ("is_admin", "yes"),
                ("note", "x"),
            ]),
            &Answers::new(),
        );
        assert_eq!(answers["name"], Answer::Text("Erika".into()));
        assert_eq!(
            answers["topics"],
            Answer::List(vec!["a".into(), "b".into()])
        );
        let Answer::Address(home) = &answers["home"] else {
            panic!()
        };
        assert_eq!(
            (home.street.as_str(), home.city.as_str()),
            ("Marienplatz", "")
        );
        let Answer::Items(items) = &answers["children"] else {
            panic!()
        };
        assert_eq!(items.len(), 2);
        assert_eq!(items[0]["name"], Answer::Text("Paul".into()));
        assert_eq!(items[1]["name"], Answer::Text("Mia".into()));
        assert!(!answers.contains_key("is_admin") && !answers.contains_key("note"));
    }

    #[test]
    fn one_line_answers_are_normalised_before_they_are_checked() {
        let mut plate: Field = serde_json::from_value(serde_json::json!({
            "id": "plate", "type": "text",
            "pattern": {"regex": "M-[A-Z]{1,2} [0-9]{1,4}", "upper_case": true, "message": {"de": "wie M-AB 1234"}}
        }))
        .unwrap();
        let step = |fields| Step {
            id: "s".into(),
            title: Text::default(),
            intro: None,
            fields,
        };
        let notes = field("notes", FieldType::Textarea);
        let posted = pairs(&[("plate", " m-ab   1234 "), ("notes", "a  b")]);
        let answers = read_step(&step(vec![plate.clone(), notes]), &posted, &Answers::new());
        assert_eq!(answers["plate"], Answer::Text("M-AB 1234".into()));
        assert!(plate.pattern.as_ref().unwrap().matches("M-AB 1234"));
        // Several lines are the citizen's own layout.
        assert_eq!(answers["notes"], Answer::Text("a  b".into()));
        // Without `upper_case` the letters stay as typed.
        plate.pattern.as_mut().unwrap().upper_case = false;
        let answers = read_step(&step(vec![plate]), &posted, &Answers::new());
        assert_eq!(answers["plate"], Answer::Text("m-ab 1234".into()));
    }

    #[test]
    fn overlong_values_are_cut() {
        let step = Step {
            id: "s".into(),
            title: Text::default(),
            intro: None,
            fields: vec![field("name", FieldType::Text)],
        };
        let long = "x".repeat(MAX_VALUE_CHARS + 10);
        let answers = read_step(&step, &pairs(&[("name", &long)]), &Answers::new());
        assert_eq!(answers["name"].text().unwrap().len(), MAX_VALUE_CHARS);
    }
}
