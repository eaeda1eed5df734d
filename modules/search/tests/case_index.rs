//! The case index on disk: a generation opens only with the schema and word list it was
//! built with, so a change of either makes the portal rebuild it; a generation names
//! the outbox position it is current to; searches stay within the departments asked.

#![cfg(feature = "ssr")]
#![expect(clippy::unwrap_used, reason = "a test fails loudly")]

use kernel::case_search::{CaseDocument, CaseQuery};
use search::case_index::{Build, CaseIndex, Generation, OpenError, SCHEMA_VERSION};

fn case(id: &str, department: &str, applicant: &str, text: &str) -> CaseDocument {
    CaseDocument {
        id: id.into(),
        reference: format!("M-2026-{id}"),
        applicant: applicant.into(),
        service_id: "sperrmuell".into(),
        service_title: "Sperrmüll abholen lassen".into(),
        state: "submitted".into(),
        department: department.into(),
        assignee: None,
        submitted_at: 1_800_000_000,
        due_at: 1_800_000_000 + 14 * 86_400,
        text: text.into(),
    }
}

fn built(root: &std::path::Path, parts: &[String]) -> Generation {
    let mut build = Build::start(root, parts, 41).unwrap();
    build
        .add(&[
            case(
                "000001",
                "awm",
                "Erika Huber",
                "Ein altes Sofa und zwei Sessel",
            ),
            case("000002", "kvr", "Jonas Huber", "Ein Sofa"),
        ])
        .unwrap();
    build.finish().unwrap()
}

/// Changes the recorded payload of the current generation as `change` says.
fn edit_payload(root: &std::path::Path, change: impl Fn(&str) -> String) {
    let name = search::case_index::current_name(root).unwrap();
    let meta = root.join(name).join("meta.json");
    let text = std::fs::read_to_string(&meta).unwrap();
    std::fs::write(&meta, change(&text)).unwrap();
}

#[test]
fn a_generation_opens_with_its_position_and_finds_within_the_departments() {
    let dir = tempfile::tempdir().unwrap();
    let generation = built(dir.path(), &[]);
    assert_eq!((generation.position(), generation.len()), (41, 2));
    drop(generation);
    let opened = Generation::open(dir.path(), &[]).unwrap();
    assert_eq!(opened.position(), 41);
    let index = CaseIndex::new(&[]).unwrap();
    index.set(opened);
    let find = |departments: &[&str]| {
        index
            .find(&CaseQuery {
                words: "Huber Sofa".into(),
                departments: departments.iter().map(|d| (*d).to_owned()).collect(),
                limit: 10,
                ..CaseQuery::default()
            })
            .unwrap()
    };
    let awm = find(&["awm"]);
    assert_eq!((awm.ids, awm.total), (vec!["000001".to_owned()], 1));
    assert_eq!(find(&["awm", "kvr"]).total, 2);
    assert_eq!(find(&[]).total, 0, "no department, nothing");
}

#[test]
fn another_schema_version_or_word_list_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    drop(built(dir.path(), &[]));
    edit_payload(dir.path(), |meta| {
        meta.replace(
            &format!("\\\"schema\\\":{SCHEMA_VERSION}"),
            "\\\"schema\\\":1",
        )
    });
    assert!(matches!(
        Generation::open(dir.path(), &[]),
        Err(OpenError::OldSchema(1))
    ));

    let dir = tempfile::tempdir().unwrap();
    drop(built(dir.path(), &[]));
    assert!(matches!(
        Generation::open(dir.path(), &["sperr".into(), "mull".into()]),
        Err(OpenError::OtherWords)
    ));
    assert!(matches!(
        Generation::open(tempfile::tempdir().unwrap().path(), &[]),
        Err(OpenError::Missing)
    ));
}
