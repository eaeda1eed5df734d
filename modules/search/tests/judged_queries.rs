//! The judged query set (`tests/data/judged-queries.txt`) over the demo catalogue as the
//! portal indexes it: prints the share of queries that find their service where they
//! must (first, or among the first three) and fails below the agreed floor.

#![cfg(feature = "ssr")]
#![expect(clippy::unwrap_used, reason = "a test fails loudly")]

use std::path::PathBuf;

use kernel::Locale;
use search::service_index::{LanguageData, ServiceIndex};

/// The share of judged queries that must pass.
const FLOOR: f64 = 0.90;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn language(locale: Locale) -> LanguageData {
    search::words::language(&repo().join("locales").join(locale.code())).unwrap()
}

#[test]
fn the_judged_queries_find_their_services() {
    let (catalogue, problems) = forms::loader::load_dir(&repo().join("services"));
    assert!(problems.iter().all(|p| p.warning), "{problems:?}");
    let documents: Vec<_> = catalogue
        .services
        .iter()
        .flat_map(|service| forms::search_documents::of(&service.definition))
        .collect();
    let index = ServiceIndex::build(
        &documents,
        &[
            (Locale::DE, language(Locale::DE)),
            (Locale::EN, language(Locale::EN)),
        ],
    )
    .unwrap();
    let judged = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/judged-queries.txt"),
    )
    .unwrap();
    let mut total = 0;
    let mut failed = Vec::new();
    for line in judged
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let fields: Vec<&str> = line.split('|').map(str::trim).collect();
        let [locale, query, expected, rank] = fields[..] else {
            panic!("not `language | query | service | first or top3`: {line}");
        };
        let locale = match locale {
            "de" => Locale::DE,
            "en" => Locale::EN,
            other => panic!("language `{other}` in: {line}"),
        };
        let within = match rank {
            "first" => 1,
            "top3" => 3,
            other => panic!("rank `{other}` in: {line}"),
        };
        let found: Vec<String> = index
            .search(locale, query, within)
            .unwrap()
            .into_iter()
            .map(|hit| hit.id)
            .collect();
        total += 1;
        if !found.iter().any(|id| id == expected) {
            failed.push(format!("{line}  → {found:?}"));
        }
    }
    let share = f64::from(total - u32::try_from(failed.len()).unwrap()) / f64::from(total);
    println!(
        "judged queries: {} of {total} pass ({:.0} %); floor {:.0} %",
        total - failed.len() as u32,
        share * 100.0,
        FLOOR * 100.0
    );
    for failure in &failed {
        println!("  failed: {failure}");
    }
    assert!(total >= 40, "the set has {total} queries");
    assert!(share >= FLOOR, "below the floor:\n{}", failed.join("\n"));
}
