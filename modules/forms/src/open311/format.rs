//! JSON or XML, as the address's extension (`.json`, `.xml`) asks, and the Open311
//! error list. XML is written from the same JSON value: an object's members become
//! elements, a list `attributes` holds one `attribute` element per entry.

use axum::{
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use serde_json::{Value, json};

/// The answer format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `.json`.
    Json,
    /// `.xml`.
    Xml,
}

/// `name` without its extension, and the format the extension names; `None` for
/// other extensions.
pub fn split(name: &str) -> Option<(&str, Format)> {
    let (stem, extension) = name.rsplit_once('.')?;
    let format = match extension {
        "json" => Format::Json,
        "xml" => Format::Xml,
        _ => return None,
    };
    Some((stem, format))
}

/// `value` (a list of `item`s inside `root`, or one object as `root`) with `status`.
pub fn answer(format: Format, status: StatusCode, root: &str, value: &Value) -> Response {
    match format {
        Format::Json => (
            status,
            [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
            value.to_string(),
        )
            .into_response(),
        Format::Xml => {
            let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
            element(&mut xml, root, value);
            (
                status,
                [(header::CONTENT_TYPE, "text/xml; charset=utf-8")],
                xml,
            )
                .into_response()
        }
    }
}

/// The answer to an address without `.json` or `.xml`.
pub fn unknown_format() -> Response {
    error(
        Format::Json,
        StatusCode::NOT_FOUND,
        &["format must be json or xml".into()],
    )
}

/// Open311's error answer: a list of `{code, description}`.
pub fn error(format: Format, status: StatusCode, descriptions: &[String]) -> Response {
    let errors: Vec<Value> = descriptions
        .iter()
        .map(|d| json!({"code": status.as_u16(), "description": d}))
        .collect();
    answer(format, status, "errors", &Value::Array(errors))
}

/// The singular of a list's name: `attributes` holds `attribute`s, `services`
/// `service`s; Open311's request lists hold `request`s.
fn item_name(list: &str) -> &str {
    match list {
        "service_requests" => "request",
        other => other.strip_suffix('s').unwrap_or(other),
    }
}

fn element(xml: &mut String, name: &str, value: &Value) {
    match value {
        Value::Null => {
            xml.push_str(&format!("<{name}/>"));
        }
        Value::Array(items) => {
            xml.push_str(&format!("<{name}>"));
            for item in items {
                element(xml, item_name(name), item);
            }
            xml.push_str(&format!("</{name}>"));
        }
        Value::Object(members) => {
            xml.push_str(&format!("<{name}>"));
            for (key, member) in members {
                element(xml, key, member);
            }
            xml.push_str(&format!("</{name}>"));
        }
        Value::String(text) => {
            xml.push_str(&format!(
                "<{name}>{}</{name}>",
                quick_xml::escape::escape(text.as_str())
            ));
        }
        other => xml.push_str(&format!("<{name}>{other}</{name}>")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_name_the_format() {
        assert_eq!(split("services.json"), Some(("services", Format::Json)));
        assert_eq!(
            split("M-2026-000001.xml"),
            Some(("M-2026-000001", Format::Xml))
        );
        assert_eq!(split("services.html"), None);
        assert_eq!(split("services"), None);
    }

    #[test]
    fn lists_and_objects_become_elements_and_text_is_escaped() {
        let mut xml = String::new();
        let value = json!([{"service_code": "a<b", "metadata": true, "keywords": null}]);
        element(&mut xml, "services", &value);
        assert_eq!(
            xml,
            "<services><service><keywords/><metadata>true</metadata>\
             <service_code>a&lt;b</service_code></service></services>"
        );
        let mut xml = String::new();
        element(
            &mut xml,
            "service_definition",
            &json!({"attributes": [{"values": [{"key": "x"}]}]}),
        );
        assert_eq!(
            xml,
            "<service_definition><attributes><attribute><values><value><key>x</key></value>\
             </values></attribute></attributes></service_definition>"
        );
    }
}
