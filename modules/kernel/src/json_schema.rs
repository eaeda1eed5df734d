//! The JSON Schema of a file format the portal reads (service definitions, rent index
//! editions), as the repository keeps it for editors: pretty-printed, ending with a
//! newline, so a test can compare the committed copy with the generated one.

/// The schema of `T`.
pub fn pretty<T: schemars::JsonSchema>() -> String {
    let schema = schemars::schema_for!(T);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
