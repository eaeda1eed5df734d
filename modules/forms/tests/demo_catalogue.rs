//! The demo catalogue shipped in `services/`: clean, and between its services every
//! field type, rule and condition is used, so the demo exercises the whole format.
#![cfg(feature = "ssr")]

use std::{collections::HashSet, path::Path};

use forms::{
    definition::{Condition, Field, FieldType},
    loader::load_dir,
};

fn catalogue() -> forms::loader::Catalogue {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../services");
    let (catalogue, problems) = load_dir(&dir);
    assert!(problems.is_empty(), "{problems:#?}");
    catalogue
}

fn all_fields(fields: &[Field]) -> Vec<&Field> {
    fields
        .iter()
        .flat_map(|f| std::iter::once(f).chain(all_fields(&f.fields)))
        .collect()
}

fn condition_tests(condition: &Condition, seen: &mut HashSet<&'static str>) {
    let tests = [
        ("equals", condition.equals.is_some()),
        ("one_of", condition.one_of.is_some()),
        ("is_set", condition.is_set.is_some()),
        ("greater_than", condition.greater_than.is_some()),
        ("less_than", condition.less_than.is_some()),
        ("all", condition.all.is_some()),
        ("any", condition.any.is_some()),
    ];
    seen.extend(
        tests
            .iter()
            .filter(|(_, used)| *used)
            .map(|(name, _)| *name),
    );
    for inner in condition.all.iter().chain(condition.any.iter()).flatten() {
        condition_tests(inner, seen);
    }
}

#[test]
fn six_services_from_different_departments_in_both_languages() {
    let catalogue = catalogue();
    assert!(catalogue.services.len() >= 6);
    let departments: HashSet<&str> = catalogue
        .services
        .iter()
        .map(|s| s.definition.department.as_str())
        .collect();
    assert!(departments.len() >= 4, "{departments:?}");
    assert!(
        catalogue
            .services
            .iter()
            .any(|s| s.definition.level == kernel::Level::High)
    );
}

#[test]
fn every_field_type_and_rule_is_used() {
    let catalogue = catalogue();
    let fields: Vec<&Field> = catalogue
        .services
        .iter()
        .flat_map(|s| {
            s.definition
                .steps
                .iter()
                .flat_map(|step| all_fields(&step.fields))
        })
        .collect();
    let kinds: HashSet<FieldType> = fields.iter().map(|f| f.kind).collect();
    for kind in [
        FieldType::Text,
        FieldType::Textarea,
        FieldType::Number,
        FieldType::Amount,
        FieldType::Date,
        FieldType::Email,
        FieldType::Phone,
        FieldType::Postcode,
        FieldType::Iban,
        FieldType::Choice,
        FieldType::MultiChoice,
        FieldType::YesNo,
        FieldType::Declaration,
        FieldType::Address,
        FieldType::File,
        FieldType::Group,
        FieldType::Info,
    ] {
        assert!(kinds.contains(&kind), "no demo service uses {kind:?}");
    }
    let rules = [
        ("required", fields.iter().any(|f| f.required)),
        ("min_length", fields.iter().any(|f| f.min_length.is_some())),
        ("max_length", fields.iter().any(|f| f.max_length.is_some())),
        ("pattern", fields.iter().any(|f| f.pattern.is_some())),
        ("min", fields.iter().any(|f| f.min.is_some())),
        ("max", fields.iter().any(|f| f.max.is_some())),
        (
            "earliest relative",
            fields.iter().any(|f| {
                f.earliest
                    .as_deref()
                    .is_some_and(|e| e.starts_with("today"))
            }),
        ),
        (
            "latest today",
            fields.iter().any(|f| f.latest.as_deref() == Some("today")),
        ),
        ("select display", fields.iter().any(|f| f.display.is_some())),
        (
            "prefill editable",
            fields.iter().any(|f| f.prefill.is_some_and(|p| p.editable)),
        ),
        (
            "prefill fixed",
            fields
                .iter()
                .any(|f| f.prefill.is_some_and(|p| !p.editable)),
        ),
        ("show_if", fields.iter().any(|f| f.show_if.is_some())),
        (
            "required_if",
            fields.iter().any(|f| f.required_if.is_some()),
        ),
    ];
    for (rule, used) in rules {
        assert!(used, "no demo service uses {rule}");
    }
    let mut tests = HashSet::new();
    for field in &fields {
        for condition in field.show_if.iter().chain(field.required_if.iter()) {
            condition_tests(condition, &mut tests);
        }
    }
    for test in ["equals", "one_of", "greater_than", "any"] {
        assert!(tests.contains(test), "no demo condition uses {test}");
    }
}

/// Every service written as a file reads back as the same service: between them the
/// demo services use the whole format, so an export loses nothing of any definition.
#[test]
fn every_service_written_as_a_file_reads_back_the_same() {
    for service in &catalogue().services {
        let file = forms::loader::to_file(&service.definition).unwrap();
        let again = forms::loader::parse(Path::new("exported.toml"), &file)
            .unwrap_or_else(|e| panic!("{e:?}\n{file}"));
        assert_eq!(again.definition, service.definition, "{file}");
    }
}
