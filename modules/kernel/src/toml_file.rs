//! Reading definition files that departments write in TOML (services, processes): a
//! syntax or type error names its line and its place in the definition, and
//! [`schema_problems`] lists every departure from the format at once; [`write`] gives a
//! definition back as such a file.

use serde::{Serialize, de::DeserializeOwned};

/// Why a file could not be read as a definition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TomlProblem {
    /// Line number (1-based), where known.
    pub line: Option<usize>,
    /// Place in the definition, e.g. `steps[2].fields[3].max`; empty for the whole file.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

/// `value` as a TOML file that [`parse`] reads back into the same value.
pub fn write<T: Serialize>(value: &T) -> Result<String, String> {
    toml::to_string_pretty(value).map_err(|e| e.to_string())
}

/// Parses `text` as a `T`.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, TomlProblem> {
    let deserializer = toml::de::Deserializer::parse(text).map_err(|e| TomlProblem {
        line: line_of(text, e.span()),
        path: String::new(),
        message: e.message().trim().to_owned(),
    })?;
    serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        TomlProblem {
            line: line_of(text, inner.span()),
            path: if path == "." { String::new() } else { path },
            message: inner.message().trim().to_owned(),
        }
    })
}

fn line_of(text: &str, span: Option<std::ops::Range<usize>>) -> Option<usize> {
    let start = span?.start;
    Some(text.get(..start)?.matches('\n').count() + 1)
}

/// Parses `text` as a `T`; when it is no `T`, every departure from `T`'s format at once
/// (see [`schema_problems`]), or the one problem reading stopped at where the format's
/// schema sees nothing more precise (a syntax error, a rule of the type's own).
pub fn parse_reporting_all<T: DeserializeOwned + schemars::JsonSchema>(
    text: &str,
) -> Result<T, Vec<TomlProblem>> {
    parse(text).map_err(|first| {
        let schema = serde_json::to_value(schemars::schema_for!(T)).unwrap_or_default();
        let all = schema_problems(text, &schema);
        if all.is_empty() { vec![first] } else { all }
    })
}

/// Every place where `text` departs from `schema` (the file format's JSON Schema,
/// draft 2020-12), each with its line: what [`parse`] reports one at a time (a missing
/// field, then the next) all at once. Empty when `text` is no TOML at all (then
/// [`parse`]'s syntax error is the one to show) or fits the schema.
pub fn schema_problems(text: &str, schema: &serde_json::Value) -> Vec<TomlProblem> {
    let (Ok(value), Ok(validator), Ok(spans)) = (
        toml::from_str::<serde_json::Value>(text),
        jsonschema::draft202012::new(schema),
        toml::de::DeTable::parse(text),
    ) else {
        return Vec::new();
    };
    let mut found: Vec<TomlProblem> = validator
        .iter_errors(&value)
        .map(|error| {
            let pointer = error.instance_path().as_str().to_owned();
            let segments: Vec<String> = pointer
                .split('/')
                .skip(1)
                .map(|s| s.replace("~1", "/").replace("~0", "~"))
                .collect();
            let message = match (
                error.instance().as_ref(),
                allowed(schema, error.schema_path().as_str()),
            ) {
                (serde_json::Value::String(given), Some(allowed)) => {
                    format!(
                        "unknown value \"{given}\", expected one of: {}",
                        allowed.join(", ")
                    )
                }
                _ => error.to_string(),
            };
            TomlProblem {
                line: line_of(text, span_at(&spans, &segments)),
                path: dotted(&segments),
                message,
            }
        })
        .collect();
    found.sort_by(|a, b| (a.line, &a.path).cmp(&(b.line, &b.path)));
    found.dedup();
    found
}

/// The values a choice of fixed words allows (`oneOf` alternatives that are each one
/// `const`), found by following the failed keyword's schema path through `$ref`s.
fn allowed(schema: &serde_json::Value, schema_path: &str) -> Option<Vec<String>> {
    let mut node = schema;
    for segment in schema_path.split('/').skip(1) {
        node = match segment {
            "$ref" => {
                let target = node.get("$ref")?.as_str()?.strip_prefix('#')?;
                schema.pointer(target)?
            }
            _ => match node {
                serde_json::Value::Array(items) => items.get(segment.parse::<usize>().ok()?)?,
                _ => node.get(segment)?,
            },
        };
    }
    node.as_array()?
        .iter()
        .map(|alternative| alternative.get("const")?.as_str().map(str::to_owned))
        .collect()
}

/// The line of `text` where the value at `path` (`steps[0].fields[2].show_if`, as
/// problems name places) is written; the deepest part that exists where the rest does
/// not. `None` when `text` is no TOML.
pub fn line_at(text: &str, path: &str) -> Option<usize> {
    let spans = toml::de::DeTable::parse(text).ok()?;
    line_of(text, span_at(&spans, &segments_of(path)))
}

/// The segments `steps`, `0`, `fields`, `2` of `steps[0].fields[2]`.
fn segments_of(path: &str) -> Vec<String> {
    path.split('.')
        .filter(|part| !part.is_empty())
        .flat_map(|part| {
            part.split(['[', ']'])
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// `steps[0].fields[2]` for the segments `steps`, `0`, `fields`, `2`.
fn dotted(segments: &[String]) -> String {
    let mut path = String::new();
    for segment in segments {
        if segment.parse::<usize>().is_ok() {
            path.push_str(&format!("[{segment}]"));
        } else {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(segment);
        }
    }
    path
}

/// Where in the file the value at `segments` is written (the deepest part found; the
/// file's start for the whole file).
fn span_at(
    root: &toml::Spanned<toml::de::DeTable<'_>>,
    segments: &[String],
) -> Option<std::ops::Range<usize>> {
    use toml::de::DeValue;
    let Some((first, rest)) = segments.split_first() else {
        return Some(root.span());
    };
    let value = root
        .get_ref()
        .iter()
        .find(|(key, _)| key.get_ref().as_ref() == first.as_str())
        .map(|(_, value)| value)?;
    let mut current = value;
    let mut rest = rest;
    loop {
        let Some((next, after)) = rest.split_first() else {
            return Some(current.span());
        };
        let inner = match current.get_ref() {
            DeValue::Table(inner) => inner
                .iter()
                .find(|(key, _)| key.get_ref().as_ref() == next.as_str())
                .map(|(_, value)| value),
            DeValue::Array(items) => next.parse::<usize>().ok().and_then(|i| items.get(i)),
            _ => None,
        };
        match inner {
            Some(inner) => {
                current = inner;
                rest = after;
            }
            None => return Some(current.span()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::line_at;

    const FILE: &str = "id = \"x\"\n\n[[steps]]\nid = \"a\"\n\n[[steps.fields]]\nid = \"f\"\nshow_if = { field = \"g\", equals = \"ja\" }\n";

    #[test]
    fn a_place_is_found_on_its_line() {
        assert_eq!(line_at(FILE, "id"), Some(1));
        assert_eq!(line_at(FILE, "steps[0].fields[0].show_if"), Some(8));
        assert_eq!(line_at(FILE, "steps[0].fields[0].show_if.equals"), Some(8));
        // A place the file does not have: its deepest written part.
        assert_eq!(line_at(FILE, "steps[0].fields[0].hint"), Some(6));
        assert_eq!(line_at("not = [toml", "id"), None);
    }
}
