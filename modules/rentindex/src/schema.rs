//! The JSON Schema of the edition format, generated from the Rust types; the
//! repository keeps a copy (`modules/rentindex/rent-index-edition.schema.json`) for
//! editors, and a test fails when it is stale (`portal rentindex schema` writes it).

/// The schema as pretty-printed JSON, ending with a newline.
pub fn edition_schema() -> String {
    kernel::json_schema::pretty::<crate::edition::Edition>()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_committed_schema_is_current() {
        assert!(
            include_str!("../rent-index-edition.schema.json") == super::edition_schema(),
            "modules/rentindex/rent-index-edition.schema.json is stale: run \
             `portal rentindex schema > modules/rentindex/rent-index-edition.schema.json`"
        );
    }
}
