//! Reading definition files that departments write in TOML (services, processes): a
//! syntax or type error names its line and its place in the definition.

use serde::de::DeserializeOwned;

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
