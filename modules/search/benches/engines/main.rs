//! The portal's search against SQLite FTS5 and PostgreSQL full-text search, in one run
//! over the same documents and queries: service search over the catalogue (the demo
//! services, plus Munich's export where the shared folder exists) and over a synthetic
//! catalogue of `BENCH_SERVICES`; case search over `BENCH_CASES` synthetic cases
//! (indexing throughput, size, query latency). Prints Markdown tables.
//!
//! `bench/search.sh` runs it (release build); PostgreSQL joins when
//! `BENCH_DATABASE_URL` names a server (a database `bench_search` is made and dropped).

#![expect(
    clippy::print_stdout,
    clippy::expect_used,
    reason = "a benchmark: its output is its report, and it stops loudly"
)]

mod data;
mod measure;
#[path = "../../tests/support/munich_documents.rs"]
mod munich_documents;
#[path = "../../tests/support/munich_judged.rs"]
mod munich_judged;
mod postgres;
mod sqlite;

use std::{
    path::Path,
    time::{Duration, Instant},
};

use kernel::{Locale, SearchDocument};
use measure::{Latencies, mb, size_of, words};
use search::{
    case_index::{Build, CaseIndex},
    service_index::{LanguageData, ServiceIndex},
};

fn number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn german() -> LanguageData {
    search::words::language(&munich_documents::repo().join("locales/de")).expect("word lists")
}

/// Lines of a judged-query file without comments, split at `|`.
fn judged_lines(path: &Path) -> Vec<Vec<String>> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('|').map(|p| p.trim().to_owned()).collect())
        .collect()
}

/// The judged German queries of the demo catalogue: each with the id to find.
fn demo_judged() -> Vec<(String, Vec<String>)> {
    judged_lines(&munich_documents::repo().join("modules/search/tests/data/judged-queries.txt"))
        .into_iter()
        .filter(|p| p.len() == 4 && p[0] == "de")
        .map(|p| (p[1].clone(), vec![p[2].clone()]))
        .collect()
}

fn seconds(d: Duration) -> String {
    format!("{:.1} s", d.as_secs_f64())
}

/// Runs every query `rounds` times through `find` (given the query as typed and its
/// words as the SQL engines take them), timing each call; the first round's answers.
async fn timed<T>(
    queries: &[&str],
    rounds: u64,
    mut find: impl AsyncFnMut(&str, &[String]) -> T,
) -> (Latencies, Vec<T>) {
    let mut latencies = Latencies::default();
    let mut first = Vec::new();
    for round in 0..rounds {
        for query in queries {
            let words = words(query);
            let start = Instant::now();
            let answer = find(query, &words).await;
            latencies.push(start.elapsed());
            if round == 0 {
                first.push(answer);
            }
        }
    }
    (latencies, first)
}

/// One engine's figures for one document set.
struct Row {
    engine: &'static str,
    build: Duration,
    size: u64,
    latencies: Latencies,
    /// Judged queries whose service is among the first three.
    top3: Option<(usize, usize)>,
}

fn print_services(title: &str, documents: usize, queries: usize, rows: &[Row]) {
    println!("\n### Service search: {title} ({documents} services, {queries} queries)\n");
    println!(
        "| engine | index built in | size | query p50 / p99 (ms) | judged queries found in top 3 |"
    );
    println!("|---|---|---|---|---|");
    for row in rows {
        let top3 = row
            .top3
            .map_or("–".into(), |(hit, all)| format!("{hit} of {all}"));
        println!(
            "| {} | {} | {} | {} | {top3} |",
            row.engine,
            seconds(row.build),
            // The in-memory index has no file to measure.
            if row.size == 0 {
                "–".to_owned()
            } else {
                mb(row.size)
            },
            row.latencies.cell()
        );
    }
}

async fn services(
    title: &str,
    documents: &[SearchDocument],
    queries: &[(String, Vec<String>)],
    rounds: u64,
    scratch: &Path,
    pg: Option<&postgres::Pg>,
) {
    let show_misses = std::env::var("BENCH_MISSES").is_ok();
    let judged = |found: &[String], ids: &[String]| {
        let hit = found.iter().take(3).any(|f| ids.contains(f));
        if !hit && !ids.is_empty() && show_misses {
            println!("  miss: {ids:?} not in {:?}", &found[..found.len().min(3)]);
        }
        hit
    };
    let judging = queries.iter().any(|(_, ids)| !ids.is_empty());
    let texts: Vec<&str> = queries.iter().map(|(q, _)| q.as_str()).collect();
    let found_judged = |answers: &[Vec<String>]| {
        let hits = answers
            .iter()
            .zip(queries)
            .filter(|(found, (_, ids))| judged(found, ids))
            .count();
        judging.then_some((hits, queries.len()))
    };
    let mut rows = Vec::new();

    let start = Instant::now();
    let index = ServiceIndex::build(documents, &[(Locale::DE, german())]).expect("index");
    let build = start.elapsed();
    let (latencies, answers) = timed(&texts, rounds, async |query, _| {
        let found = index.search(Locale::DE, query, 20).expect("search");
        found.into_iter().map(|h| h.id).collect::<Vec<_>>()
    })
    .await;
    rows.push(Row {
        engine: "portal (tantivy, in memory)",
        build,
        size: 0,
        top3: found_judged(&answers),
        latencies,
    });

    let path = scratch.join("services.sqlite");
    let start = Instant::now();
    let fts = sqlite::Fts::services(&path, documents).await;
    let build = start.elapsed();
    let (latencies, answers) = timed(&texts, rounds, async |_, words| {
        fts.find_services(words).await
    })
    .await;
    rows.push(Row {
        engine: "SQLite FTS5",
        build,
        size: size_of(&path),
        top3: found_judged(&answers),
        latencies,
    });

    if let Some(pg) = pg {
        let start = Instant::now();
        pg.services(documents).await;
        let build = start.elapsed();
        let (latencies, answers) = timed(&texts, rounds, async |_, words| {
            pg.find_services(words).await
        })
        .await;
        rows.push(Row {
            engine: "PostgreSQL FTS (german)",
            build,
            size: pg.size("services").await,
            top3: found_judged(&answers),
            latencies,
        });
    }
    print_services(title, documents.len(), queries.len(), &rows);
}

/// What caseworkers type, each searched within two departments.
const CASE_QUERIES: [&str; 6] = [
    "Huber",
    "Kühlschrank",
    "Huber Sofa",
    "Sperrmüll Lindwurmstraße",
    "S1-00012345",
    "Foto Matratze",
];
const DEPARTMENTS: [&str; 2] = ["awm", "kvr"];

async fn cases(count: u64, rounds: u64, scratch: &Path, pg: Option<&postgres::Pg>) {
    println!(
        "\n### Case search: {count} cases, {} queries within two departments, top 25 and the number of matches\n",
        CASE_QUERIES.len()
    );
    println!("| engine | indexed in | cases per second | size | query p50 / p99 (ms) |");
    println!("|---|---|---|---|---|");
    let per_second = |d: Duration| format!("{:.0}", count as f64 / d.as_secs_f64());
    let parts = german().compound_parts;

    let root = scratch.join("cases");
    std::fs::create_dir_all(&root).expect("scratch");
    let start = Instant::now();
    let mut build = Build::start(&root, &parts, 0).expect("build");
    let mut i = 0;
    while i < count {
        let end = (i + 10_000).min(count);
        let batch: Vec<_> = (i..end).map(data::case).collect();
        build.add(&batch).expect("add");
        i = end;
    }
    let generation = build.finish().expect("finish");
    let took = start.elapsed();
    let name = generation.name.clone();
    let index = CaseIndex::new(&parts).expect("index");
    index.set(generation);
    let (latencies, totals) = timed(&CASE_QUERIES, rounds, async |query, _| {
        let query = kernel::case_search::CaseQuery {
            words: query.into(),
            departments: DEPARTMENTS.iter().map(|d| (*d).to_owned()).collect(),
            limit: 25,
            ..Default::default()
        };
        index.find(&query).expect("find").total as i64
    })
    .await;
    println!(
        "| portal (tantivy, on disk) | {} | {} | {} | {} |",
        seconds(took),
        per_second(took),
        mb(size_of(&root.join(name))),
        latencies.cell()
    );

    let path = scratch.join("cases.sqlite");
    let start = Instant::now();
    let fts = sqlite::Fts::cases(&path, count, data::case).await;
    let took = start.elapsed();
    let (latencies, fts_totals) = timed(&CASE_QUERIES, rounds, async |_, words| {
        fts.find_cases(words, &DEPARTMENTS).await.1
    })
    .await;
    println!(
        "| SQLite FTS5 | {} | {} | {} | {} |",
        seconds(took),
        per_second(took),
        mb(size_of(&path)),
        latencies.cell()
    );

    let mut pg_totals = Vec::new();
    if let Some(pg) = pg {
        let start = Instant::now();
        pg.cases(count, data::case).await;
        let took = start.elapsed();
        let (latencies, totals) = timed(&CASE_QUERIES, rounds, async |_, words| {
            pg.find_cases(words, &DEPARTMENTS).await.1
        })
        .await;
        pg_totals = totals;
        println!(
            "| PostgreSQL FTS (german) | {} | {} | {} | {} |",
            seconds(took),
            per_second(took),
            mb(pg.size("cases").await),
            latencies.cell()
        );
    }
    println!("\nMatches per query (portal / FTS5 / PostgreSQL):\n");
    for (k, query) in CASE_QUERIES.iter().enumerate() {
        println!(
            "- `{query}`: {} / {} / {}",
            totals[k],
            fts_totals[k],
            pg_totals.get(k).map_or("–".into(), ToString::to_string)
        );
    }
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let count = number("BENCH_CASES", 1_000_000);
        let synthetic = number("BENCH_SERVICES", 10_000) as usize;
        let rounds = number("BENCH_ROUNDS", 20);
        let scratch =
            std::env::temp_dir().join(format!("portal-bench-search-{}", std::process::id()));
        std::fs::create_dir_all(&scratch).expect("scratch");
        let admin = std::env::var("BENCH_DATABASE_URL").ok();
        let pg = match &admin {
            Some(url) => Some(postgres::Pg::fresh(url, "bench_search").await),
            None => None,
        };

        let demo = data::demo(&munich_documents::repo());
        services(
            "the demo catalogue",
            &demo,
            &demo_judged(),
            rounds,
            &scratch,
            pg.as_ref(),
        )
        .await;
        let munich = munich_documents::documents(&munich_documents::repo());
        if !munich.is_empty() {
            for half in ["tuning", "held-out"] {
                services(
                    &format!("Munich's catalogue, the {half} half of the judged queries"),
                    &munich,
                    &munich_judged::judged(&munich_documents::repo(), half),
                    rounds,
                    &scratch,
                    pg.as_ref(),
                )
                .await;
            }
        }
        // Made from both; the queries of both, not judged (a query's service now has
        // copies in every district).
        let both: Vec<SearchDocument> = demo.iter().chain(&munich).cloned().collect();
        let many = data::synthetic_catalogue(&both, synthetic);
        let unjudged: Vec<(String, Vec<String>)> = demo_judged()
            .into_iter()
            .chain(munich_judged::judged(&munich_documents::repo(), "tuning"))
            .chain(munich_judged::judged(&munich_documents::repo(), "held-out"))
            .map(|(q, _)| (q, Vec::new()))
            .collect();
        services("synthetic", &many, &unjudged, rounds, &scratch, pg.as_ref()).await;
        cases(count, rounds, &scratch, pg.as_ref()).await;

        if let (Some(pg), Some(url)) = (pg, &admin) {
            pg.drop_database(url, "bench_search").await;
        }
        let _ = std::fs::remove_dir_all(&scratch);
    });
}
