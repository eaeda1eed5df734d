//! The JSON Schema of the definition format, generated from the Rust types. The
//! repository keeps a copy (`modules/forms/service-definition.schema.json`) that
//! editors use; a test fails when it is stale (`portal services schema` writes it).

use crate::definition::ServiceDefinition;

/// The schema as pretty-printed JSON, ending with a newline.
pub fn definition_schema() -> String {
    kernel::json_schema::pretty::<ServiceDefinition>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_schema_is_current() {
        let committed = include_str!("../service-definition.schema.json");
        assert!(
            committed == definition_schema(),
            "modules/forms/service-definition.schema.json is stale: run \
             `portal services schema > modules/forms/service-definition.schema.json`"
        );
    }
}
