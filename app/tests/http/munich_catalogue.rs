//! Munich's real service database export (287 services, 109 offices), where the shared
//! data folder exists: imported like any city's, searched with citizens' queries written
//! before the ranking was looked at, in a tuning half and a held-out half that is only
//! scored. Reports the share of each found in the first three; fails below the floor.

use std::path::PathBuf;

use crate::{
    info::import,
    support::{Backend, run, spawn_with, test_settings, within_moments},
};

/// The share of each half's judged queries that must find a right service among the
/// first three: the aim, which the ranking reaches, so it cannot slip back.
const FLOOR: f64 = 0.90;

#[path = "../../../modules/search/tests/support/munich_judged.rs"]
mod munich_judged;

fn munich_export() -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/data/munich-dldb/services_de.json");
    path.is_file().then_some(path)
}

#[test]
fn the_judged_queries_find_munich_services() {
    let Some(export) = munich_export() else {
        eprintln!("skipped: ../shared/data/munich-dldb is not here");
        return;
    };
    run(async {
        let (mut settings, dir) = test_settings(Backend::Sqlite).await;
        settings.demo_content_setting = Some(false);
        let app = spawn_with(settings, dir).await;
        let (code, said, errors) = import(&app, &export);
        assert_eq!(code, Some(0), "{said}{errors}");
        assert!(said.contains("287 new"), "{said}");
        assert!(said.contains("109 written"), "{said}");

        let links =
            regex::Regex::new(r#"<h3 class="kern-heading-small"><a href="/info/(\d+)""#).unwrap();
        let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
        let found_on = async |query: &str| -> Vec<String> {
            let (_, _, html) = app
                .get(&format!("/suche?q={}", query.replace(' ', "+")))
                .await;
            links
                .captures_iter(&html)
                .map(|c| c[1].to_owned())
                .collect::<Vec<_>>()
        };
        // The index follows the import within moments.
        within_moments(
            async || found_on("Personalausweis").await,
            |found| !found.is_empty(),
        )
        .await;
        let mut shares = Vec::new();
        for half in ["tuning", "held-out"] {
            let (mut passed, mut total, mut misses) = (0, 0, Vec::new());
            for (query, ids) in munich_judged::judged(&repo, half) {
                total += 1;
                let found = found_on(&query).await;
                if found.iter().take(3).any(|f| ids.contains(f)) {
                    passed += 1;
                } else {
                    misses.push(format!(
                        "{query} → {ids:?}: got {:?}",
                        &found[..found.len().min(3)]
                    ));
                }
            }
            let share = f64::from(passed) / f64::from(total);
            println!(
                "Munich catalogue, {half} half: {passed} of {total} in the first three ({:.1} %)",
                share * 100.0
            );
            // Only the tuning half's misses are shown: the held-out half is scored, not
            // studied.
            if half == "tuning" {
                for miss in &misses {
                    println!("  miss: {miss}");
                }
            }
            shares.push((half, share, passed, total));
        }
        for (half, share, passed, total) in shares {
            assert!(
                share >= FLOOR,
                "{half} half: {passed} of {total} is below the floor of {FLOOR}"
            );
        }
    });
}
