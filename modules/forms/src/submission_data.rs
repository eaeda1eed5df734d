//! A filed request's data for other systems (the REST interface, webhooks, FIT-Connect):
//! typed values by field id, and the JSON Schema (2020-12) that describes them for a
//! service definition. Both walk the definition the same way, so the data of every
//! submission of a version validates against that version's schema.
//!
//! Text stays text; whole numbers become numbers; amounts become a decimal string
//! in euro (`"12.50"`, no binary fractions); dates `YYYY-MM-DD`; yes/no and
//! declarations `true`/`false`; multiple choices arrays; addresses objects; groups
//! arrays of objects; files arrays of `{id, name, media_type, size, sha256}`.
//! Unanswered fields are left out. Information texts carry no data.

use serde_json::{Map, Value, json};

use crate::{
    answers::{Answer, Answers},
    definition::{Field, FieldType, ServiceDefinition},
    formats,
};

/// The JSON Schema of the submission data of `definition`.
pub fn schema(definition: &ServiceDefinition) -> Value {
    let fields = definition.steps.iter().flat_map(|step| &step.fields);
    let mut root = object_schema(fields);
    if let Some(object) = root.as_object_mut() {
        object.insert(
            "$schema".into(),
            json!("https://json-schema.org/draft/2020-12/schema"),
        );
        object.insert(
            "$id".into(),
            json!(format!("urn:portal:service:{}", definition.id)),
        );
        object.insert("title".into(), json!(definition.title.de()));
        if let Some(leika) = &definition.leika {
            object.insert("x-leika".into(), json!(leika));
        }
    }
    root
}

fn object_schema<'a>(fields: impl Iterator<Item = &'a Field>) -> Value {
    let mut properties = Map::new();
    for field in fields.filter(|f| f.kind != FieldType::Info) {
        properties.insert(field.id.clone(), field_schema(field));
    }
    json!({
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
    })
}

fn field_schema(field: &Field) -> Value {
    let mut schema = match field.kind {
        FieldType::Text | FieldType::Textarea | FieldType::Phone => json!({"type": "string"}),
        FieldType::Email => json!({"type": "string", "format": "email"}),
        FieldType::Number => json!({"type": "integer"}),
        FieldType::Amount => json!({"type": "string", "pattern": "^-?[0-9]+\\.[0-9]{2}$"}),
        FieldType::Date => json!({"type": "string", "format": "date"}),
        FieldType::Postcode => json!({"type": "string", "pattern": "^[0-9]{5}$"}),
        FieldType::Iban => {
            json!({"type": "string", "pattern": "^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$"})
        }
        FieldType::Choice => json!({"type": "string", "enum": option_values(field)}),
        FieldType::MultiChoice => json!({
            "type": "array",
            "items": {"type": "string", "enum": option_values(field)},
            "uniqueItems": true,
        }),
        FieldType::YesNo | FieldType::Declaration => json!({"type": "boolean"}),
        FieldType::Address => json!({
            "type": "object",
            "properties": {
                "street": {"type": "string"},
                "house_number": {"type": "string"},
                "postcode": {"type": "string"},
                "city": {"type": "string"},
            },
            "required": ["street", "house_number", "postcode", "city"],
            "additionalProperties": false,
        }),
        FieldType::File => json!({
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "id": {"type": "string"},
                    "name": {"type": "string"},
                    "media_type": {"type": "string"},
                    "size": {"type": "integer", "minimum": 0},
                    "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                },
                "required": ["id", "name", "media_type", "size", "sha256"],
                "additionalProperties": false,
            },
        }),
        FieldType::Group => json!({"type": "array", "items": object_schema(field.fields.iter())}),
        FieldType::Info => json!({}),
    };
    if let (Some(object), Some(label)) = (schema.as_object_mut(), &field.label) {
        object.insert("title".into(), json!(label.de()));
    }
    schema
}

fn option_values(field: &Field) -> Vec<&str> {
    field.options.iter().map(|o| o.value.as_str()).collect()
}

/// The submission data of `answers`, filed with `definition`.
pub fn data(definition: &ServiceDefinition, answers: &Answers) -> Value {
    object_data(
        definition.steps.iter().flat_map(|step| &step.fields),
        answers,
    )
}

fn object_data<'a>(fields: impl Iterator<Item = &'a Field>, answers: &Answers) -> Value {
    let mut object = Map::new();
    for field in fields {
        if let Some(value) = answers.get(&field.id).and_then(|a| field_data(field, a)) {
            object.insert(field.id.clone(), value);
        }
    }
    Value::Object(object)
}

/// The typed value of one answer; `None` when empty or not of the field's shape
/// (a validated submission has none of those).
fn field_data(field: &Field, answer: &Answer) -> Option<Value> {
    if answer.is_empty() {
        return None;
    }
    Some(match (field.kind, answer) {
        (FieldType::Number, Answer::Text(text)) => json!(formats::number(text)?),
        (FieldType::Amount, Answer::Text(text)) => {
            let cents = formats::amount_cents(text)?;
            let sign = if cents < 0 { "-" } else { "" };
            json!(format!(
                "{sign}{}.{:02}",
                cents.abs() / 100,
                cents.abs() % 100
            ))
        }
        (FieldType::Date, Answer::Text(text)) => {
            json!(formats::date(text)?.format("%Y-%m-%d").to_string())
        }
        (FieldType::Iban, Answer::Text(text)) => json!(formats::iban(text)?),
        (FieldType::YesNo | FieldType::Declaration, Answer::Text(text)) => json!(text == "yes"),
        (FieldType::Info, _) => return None,
        (_, Answer::Text(text)) => json!(text),
        (FieldType::MultiChoice, Answer::List(values)) => json!(values),
        (FieldType::Address, Answer::Address(address)) => json!(address),
        (FieldType::Group, Answer::Items(items)) => Value::Array(
            items
                .iter()
                .map(|item| object_data(field.fields.iter(), item))
                .collect(),
        ),
        (FieldType::File, Answer::Files(files)) => Value::Array(
            files
                .iter()
                .map(|f| {
                    json!({
                        "id": f.id,
                        "name": f.name,
                        "media_type": f.media_type,
                        "size": f.size,
                        "sha256": f.sha256,
                    })
                })
                .collect(),
        ),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{answers::Address, loader::load_dir};

    fn demo_services() -> crate::loader::Catalogue {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../services");
        let (catalogue, problems) = load_dir(&dir);
        assert!(problems.is_empty(), "{problems:?}");
        catalogue
    }

    #[test]
    fn sample_requests_of_every_demo_service_match_their_schema() {
        for service in &demo_services().services {
            let definition = &service.definition;
            let schema = schema(definition);
            let validator = jsonschema::draft202012::new(&schema).unwrap();
            for round in 0..20_usize {
                let mut n = round;
                let answers = crate::seed::sample_answers(definition, &mut |below| {
                    n = n.wrapping_mul(31).wrapping_add(7);
                    n % below
                });
                let data = data(definition, &answers);
                let errors: Vec<String> = validator
                    .iter_errors(&data)
                    .map(|e| e.to_string())
                    .collect();
                assert!(errors.is_empty(), "{}: {errors:?}\n{data}", definition.id);
                assert!(data.as_object().is_some_and(|o| !o.is_empty()));
            }
        }
    }

    #[test]
    fn values_are_typed() {
        let catalogue = demo_services();
        let definition = &catalogue.by_id("sperrmuell").unwrap().definition;
        let mut answers = Answers::new();
        answers.insert("volume".into(), Answer::Text("3".into()));
        answers.insert("kinds".into(), Answer::List(vec!["furniture".into()]));
        answers.insert(
            "address".into(),
            Answer::Address(Address {
                street: "Marienplatz".into(),
                house_number: "8".into(),
                postcode: "80331".into(),
                city: "München".into(),
            }),
        );
        answers.insert("description".into(), Answer::Text(String::new()));
        let data = data(definition, &answers);
        assert_eq!(data["volume"], json!(3));
        assert_eq!(data["kinds"], json!(["furniture"]));
        assert_eq!(data["address"]["city"], json!("München"));
        assert!(
            data.get("description").is_none(),
            "unanswered fields are left out"
        );
    }

    #[test]
    fn amounts_are_decimal_strings_and_dates_iso() {
        let field = |kind| Field {
            id: "x".into(),
            kind,
            ..serde_json::from_value::<Field>(json!({"id": "x", "type": "text"})).unwrap()
        };
        let text = |t: &str| Answer::Text(t.into());
        assert_eq!(
            field_data(&field(FieldType::Amount), &text("12,5")),
            Some(json!("12.50"))
        );
        assert_eq!(
            field_data(&field(FieldType::Amount), &text("0,05")),
            Some(json!("0.05"))
        );
        assert_eq!(
            field_data(&field(FieldType::YesNo), &text("no")),
            Some(json!(false))
        );
        assert_eq!(
            field_data(&field(FieldType::Date), &text("2026-03-01")),
            Some(json!("2026-03-01"))
        );
        assert_eq!(field_data(&field(FieldType::Info), &text("x")), None);
    }
}
