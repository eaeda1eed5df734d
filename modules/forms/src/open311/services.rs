//! `GET services.{format}` and `GET services/{code}.{format}`: the services Open311
//! clients may use, and each one's attributes (the form's fields that the standard
//! parameters do not fill).

use axum::{
    extract::{Path, State},
    http::StatusCode,
    response::Response,
};
use serde_json::{Value, json};

use super::{
    Open311State,
    format::{Format, answer, error, split, unknown_format},
};
use crate::definition::{Field, FieldType, ServiceDefinition};

/// The service list.
pub(super) fn list(state: &Open311State, format: Format) -> Response {
    let services: Vec<Value> = state
        .forms
        .published().catalogue
        .services
        .iter()
        .map(|s| &s.definition)
        .filter_map(|d| d.open311.as_ref().map(|o| (d, o)))
        .map(|(definition, open311)| {
            json!({
                "service_code": definition.id,
                "service_name": definition.title.de(),
                "description": definition.summary.de(),
                "metadata": !attributes(definition).is_empty(),
                "type": "realtime",
                "keywords": definition.keywords.de.join(", "),
                "group": open311.group.clone().unwrap_or_else(|| definition.department.to_uppercase()),
            })
        })
        .collect();
    answer(format, StatusCode::OK, "services", &Value::Array(services))
}

/// `GET services/{code}.{format}`.
pub(super) async fn definition(
    State(state): State<Open311State>,
    Path(file): Path<String>,
) -> Response {
    let Some((code, format)) = split(&file) else {
        return unknown_format();
    };
    let Some(definition) = state.service(code) else {
        return error(
            format,
            StatusCode::NOT_FOUND,
            &[format!("no service `{code}`")],
        );
    };
    let attributes: Vec<Value> = attributes(&definition)
        .into_iter()
        .enumerate()
        .map(|(order, field)| attribute(field, order + 1))
        .collect();
    answer(
        format,
        StatusCode::OK,
        "service_definition",
        &json!({"service_code": definition.id, "attributes": attributes}),
    )
}

/// The fields Open311 clients answer as attributes: every input of the form that no
/// standard parameter fills (files come as `media_url`, groups are not offered).
pub(super) fn attributes(definition: &ServiceDefinition) -> Vec<&Field> {
    let Some(open311) = &definition.open311 else {
        return Vec::new();
    };
    let standard = [
        Some(&open311.description),
        Some(&open311.address),
        open311.email.as_ref(),
    ];
    definition
        .steps
        .iter()
        .flat_map(|s| &s.fields)
        .filter(|f| {
            !matches!(
                f.kind,
                FieldType::Info | FieldType::File | FieldType::Group | FieldType::Address
            )
        })
        .filter(|f| !standard.contains(&Some(&f.id)))
        .collect()
}

fn attribute(field: &Field, order: usize) -> Value {
    let (datatype, values): (&str, Vec<Value>) = match field.kind {
        FieldType::Choice => ("singlevaluelist", options(field)),
        FieldType::MultiChoice => ("multivaluelist", options(field)),
        FieldType::YesNo | FieldType::Declaration => (
            "singlevaluelist",
            vec![
                json!({"key": "yes", "name": "Ja"}),
                json!({"key": "no", "name": "Nein"}),
            ],
        ),
        FieldType::Number | FieldType::Amount => ("number", Vec::new()),
        FieldType::Date => ("datetime", Vec::new()),
        FieldType::Textarea => ("text", Vec::new()),
        _ => ("string", Vec::new()),
    };
    let label = field
        .label
        .as_ref()
        .map(|l| l.de().to_owned())
        .unwrap_or_default();
    let mut attribute = json!({
        "variable": true,
        "code": field.id,
        "datatype": datatype,
        "required": field.required && field.show_if.is_none(),
        "datatype_description": field.hint.as_ref().map(|h| h.de().to_owned()).unwrap_or_default(),
        "order": order,
        "description": label,
    });
    if !values.is_empty() {
        attribute["values"] = Value::Array(values);
    }
    attribute
}

fn options(field: &Field) -> Vec<Value> {
    field
        .options
        .iter()
        .map(|o| json!({"key": o.value, "name": o.label.de()}))
        .collect()
}
