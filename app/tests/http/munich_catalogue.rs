//! Munich's real service database export (287 services, 109 offices), where the shared
//! data folder exists: imported like any city's, found with judged queries written
//! before the ranking was looked at. Reports the share found and fails below the floor.

use std::path::PathBuf;

use crate::{
    info::import,
    support::{Backend, run, spawn_with, test_settings, within_moments},
};

/// The share of judged queries that must find their service where they should.
const FLOOR: f64 = 0.75;

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

        let judged = std::fs::read_to_string(
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/munich-judged-queries.txt"),
        )
        .unwrap();
        let links =
            regex::Regex::new(r#"<h3 class="kern-heading-small"><a href="/info/(\d+)""#).unwrap();
        let (mut passed, mut total, mut misses) = (0, 0, Vec::new());
        for line in judged
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let parts: Vec<&str> = line.split('|').map(str::trim).collect();
            let [query, id, place] = parts[..] else {
                panic!("malformed line: {line}")
            };
            total += 1;
            // The index follows the import within moments.
            let path = format!("/suche?q={}", query.replace(' ', "+"));
            let found: Vec<String> = within_moments(
                async || {
                    let (_, _, html) = app.get(&path).await;
                    links
                        .captures_iter(&html)
                        .map(|c| c[1].to_owned())
                        .collect::<Vec<_>>()
                },
                |found| !found.is_empty(),
            )
            .await;
            let rank = found.iter().position(|f| f == id);
            let ok = match place {
                "first" => rank == Some(0),
                _ => rank.is_some_and(|r| r < 3),
            };
            if ok {
                passed += 1;
            } else {
                misses.push(format!(
                    "{query} → {id} ({place}): got {:?}",
                    &found[..found.len().min(3)]
                ));
            }
        }
        let share = f64::from(passed) / f64::from(total);
        println!(
            "Munich catalogue: {passed} of {total} judged queries pass ({:.0} %)",
            share * 100.0
        );
        for miss in &misses {
            println!("  miss: {miss}");
        }
        assert!(
            share >= FLOOR,
            "{passed} of {total} below the floor: {misses:#?}"
        );
    });
}
