//! The caseworkers' case search in the inbox: words find cases by name, reference,
//! service and text, only ever within the caseworker's departments (counts and pages
//! included); a reference opens its case; changes arrive within moments; the index
//! survives a restart that missed changes, is rebuilt when missing or broken, replaced
//! by `portal search reindex` while serving, and kept by every process on its own.
//! Runs on SQLite and PostgreSQL.

use std::{collections::BTreeSet, time::Duration};

use kernel::case_search::CaseQuery;
use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, DatabaseConnection};

use crate::{
    cases::{claim_and_ask, filed_case},
    support::{
        Backend, TestApp, backends, run, signed_in, spawn_app, spawn_with, test_settings,
        within_moments, without_scripts,
    },
};

/// What one inbox search showed.
#[derive(Debug)]
struct Shown {
    status: StatusCode,
    /// Where a redirect led.
    location: Option<String>,
    /// The cases listed, in order.
    cases: Vec<String>,
    /// The number of matches the page states.
    found: Option<u64>,
    /// The next page's address.
    next: Option<String>,
}

async fn shown_at(client: &reqwest::Client, app: &TestApp, path_and_query: &str) -> Shown {
    let response = client.get(app.url(path_and_query)).send().await.unwrap();
    let status = response.status();
    let location = response
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned());
    let html = without_scripts(&response.text().await.unwrap());
    let cases =
        regex::Regex::new(r#"<a href="/bearbeitung/faelle/([0-9a-f-]+)" class="kern-link">"#)
            .unwrap()
            .captures_iter(&html)
            .map(|c| c[1].to_owned())
            .collect();
    let found = regex::Regex::new(r#"id="treffer"[^>]*>(\d+|Ein|Kein)"#)
        .unwrap()
        .captures(&html)
        .map(|c| match &c[1] {
            "Ein" => 1,
            "Kein" => 0,
            n => n.parse().unwrap(),
        });
    let next = regex::Regex::new(r#"<a href="(/bearbeitung\?[^"]+)" rel="next""#)
        .unwrap()
        .captures(&html)
        .map(|c| c[1].replace("&amp;", "&"));
    Shown {
        status,
        location,
        cases,
        found,
        next,
    }
}

/// The inbox search for `words` with `extra` parameters (`&name=value…`).
async fn search(client: &reqwest::Client, app: &TestApp, words: &str, extra: &str) -> Shown {
    let mut query = form_urlencoded::Serializer::new(String::new());
    query.append_pair("suche", words);
    shown_at(
        client,
        app,
        &format!("/bearbeitung?{}{extra}", query.finish()),
    )
    .await
}

/// Every case of the search, following its pages.
async fn all_pages(client: &reqwest::Client, app: &TestApp, words: &str) -> (u64, Vec<String>) {
    let first = search(client, app, words, "").await;
    let found = first.found.expect("a search states its matches");
    let mut cases = first.cases;
    let mut next = first.next;
    while let Some(path) = next {
        let page = shown_at(client, app, &path).await;
        cases.extend(page.cases);
        next = page.next;
    }
    (found, cases)
}

async fn ids(db: &DatabaseConnection, sql: &str) -> BTreeSet<String> {
    db.query_all(kernel::sql::statement(db, sql, Vec::new()))
        .await
        .unwrap()
        .iter()
        .map(|row| row.try_get_by_index(0).unwrap())
        .collect()
}

async fn one(db: &DatabaseConnection, sql: &str) -> (String, String, String) {
    let row = db
        .query_one(kernel::sql::statement(db, sql, Vec::new()))
        .await
        .unwrap()
        .expect("a seeded case");
    (
        row.try_get_by_index(0).unwrap(),
        row.try_get_by_index(1).unwrap(),
        row.try_get_by_index(2).unwrap(),
    )
}

/// Whether the inbox search for `words` lists `case` once the index had time to be
/// `listed` so.
async fn eventually(
    client: &reqwest::Client,
    app: &TestApp,
    words: &str,
    case: &str,
    listed: bool,
) -> bool {
    within_moments(
        async || {
            let shown = search(client, app, words, "").await;
            shown.cases.iter().any(|c| c == case)
        },
        |has| *has == listed,
    )
    .await
}

/// The index's answer for `words` in `departments`, asked directly.
pub fn indexed(app: &TestApp, words: &str, departments: &[&str]) -> Vec<String> {
    let finder = app
        .state
        .ctx
        .get::<dyn kernel::case_search::CaseFinder>()
        .expect("case search");
    finder
        .find(&CaseQuery {
            words: words.into(),
            departments: departments.iter().map(|d| (*d).to_owned()).collect(),
            limit: 100,
            ..CaseQuery::default()
        })
        .unwrap()
        .ids
}

#[test]
fn search_stays_inside_the_departments_with_right_counts_and_pages() {
    run(async {
        for backend in backends() {
            let (settings, dir) = test_settings(backend).await;
            app::server::seed::seed(&settings, app::server::seed::Scale::cases(600), 5)
                .await
                .unwrap();
            let app = spawn_with(settings, dir).await;
            let db = &app.state.ctx.db;
            let lena = signed_in(&app, "caseworker-awm").await;
            let max = signed_in(&app, "caseworker").await;

            // A service's word finds all of its cases, over pages, each once.
            let pickups = ids(
                db,
                "SELECT id FROM cases_case WHERE service_id = 'sperrmuell'",
            )
            .await;
            assert!(pickups.len() > 25, "more than a page: {}", pickups.len());
            let (found, listed) = all_pages(&lena, &app, "Sperrmüll").await;
            assert_eq!(found as usize, pickups.len(), "{backend:?}");
            let distinct: BTreeSet<String> = listed.iter().cloned().collect();
            assert_eq!(distinct.len(), listed.len(), "no case twice");
            assert_eq!(distinct, pickups);

            // Combined with the inbox filters, counted in the query.
            let submitted = ids(
                db,
                "SELECT id FROM cases_case WHERE service_id = 'sperrmuell' AND state = 'submitted'",
            )
            .await;
            let narrowed = search(&lena, &app, "Sperrmüll", "&zustand=submitted").await;
            assert_eq!(narrowed.found, Some(submitted.len() as u64));
            assert!(narrowed.cases.iter().all(|c| submitted.contains(c)));
            let nobody = ids(
                db,
                "SELECT id FROM cases_case WHERE service_id = 'sperrmuell' AND assignee IS NULL",
            )
            .await;
            let unassigned = search(&lena, &app, "Sperrmüll", "&zuweisung=nobody").await;
            assert_eq!(unassigned.found, Some(nobody.len() as u64));

            // Another department's caseworker finds none of them, and counts none.
            let other = search(&max, &app, "Sperrmüll", "").await;
            assert_eq!((other.found, other.cases.len()), (Some(0), 0));

            // A reference opens its case, for the case's department only.
            let (kvr_case, kvr_reference, _) = one(
                db,
                "SELECT id, reference, applicant FROM cases_case WHERE department = 'kvr' ORDER BY reference",
            )
            .await;
            let jump = search(&max, &app, &kvr_reference.to_lowercase(), "").await;
            assert_eq!(
                jump.location.as_deref(),
                Some(format!("/bearbeitung/faelle/{kvr_case}").as_str()),
                "{jump:?}"
            );
            let (_, foreign_reference, _) = one(
                db,
                "SELECT id, reference, applicant FROM cases_case WHERE department = 'stadtkaemmerei' ORDER BY reference",
            )
            .await;
            let refused = search(&lena, &app, &foreign_reference, "").await;
            assert_eq!(refused.status, StatusCode::OK);
            assert_eq!((refused.location, refused.found), (None, Some(0)));

            // The applicant's name, also with a letter missing (the longest name, so
            // the misspelt word is long enough to be taken as a typo).
            let (awm_case, _, applicant) = one(
                db,
                "SELECT id, reference, applicant FROM cases_case WHERE department = 'awm' \
                 ORDER BY length(applicant) DESC, reference",
            )
            .await;
            let by_name = search(&lena, &app, &applicant, "").await;
            assert!(
                by_name.cases.contains(&awm_case),
                "{applicant}: {by_name:?}"
            );
            let surname = applicant.split(' ').next_back().unwrap();
            assert!(surname.chars().count() >= 6, "{surname}: a long name");
            let typo: String = surname
                .chars()
                .take(2)
                .chain(surname.chars().skip(3))
                .collect();
            let found = search(&lena, &app, &typo, "").await;
            assert!(found.found.unwrap() > 0, "{typo} finds {surname}");
        }
    });
}

#[test]
fn changes_reach_the_search_within_moments_and_only_the_right_people() {
    run(async {
        for backend in backends() {
            let (app, _, case) = filed_case(backend).await;
            let filed = std::time::Instant::now();
            let lena = signed_in(&app, "caseworker-awm").await;
            let max = signed_in(&app, "caseworker").await;
            assert!(
                eventually(&lena, &app, "Neumann", &case.id, true).await,
                "{backend:?}"
            );
            // Reported, not asserted: how long after filing the case was found.
            println!("{backend:?}: found {:?} after filing", filed.elapsed());
            // The answers are searched too ("1 Sofa" was the description).
            assert!(
                search(&lena, &app, "Sofa", "")
                    .await
                    .cases
                    .contains(&case.id)
            );
            assert!(!eventually(&max, &app, "Neumann", &case.id, false).await);

            claim_and_ask(&lena, &app, &case.id, "Bitte ein Foto vom Zebrasofa.").await;
            assert!(eventually(&lena, &app, "Zebrasofa", &case.id, true).await);
            // Claimed: now among Lena's own, no longer among nobody's.
            let mine = search(&lena, &app, "Neumann", "&zuweisung=mine").await;
            assert_eq!(mine.cases, vec![case.id.clone()]);
            let nobodys = search(&lena, &app, "Neumann", "&zuweisung=nobody").await;
            assert!(nobodys.cases.is_empty());
        }
    });
}

#[test]
fn a_restart_replays_what_the_index_missed_and_a_broken_index_is_rebuilt() {
    for backend in backends() {
        let (settings, dir) = run(test_settings(backend));
        // First life: the portal indexes the filed case, then stops.
        let first = tokio::runtime::Runtime::new().unwrap();
        let (case, reference) = first.block_on(async {
            let app = spawn_with(settings.clone(), tempfile::tempdir().unwrap()).await;
            let jonas = signed_in(&app, "citizen-low").await;
            let submission = crate::filing::file_bulky_waste(&jonas, &app).await;
            let db = &app.state.ctx.db;
            let id = cases::act::case_for_submission(db, &submission)
                .await
                .unwrap()
                .unwrap();
            let case = cases::act::find(db, &id).await.unwrap().unwrap();
            let lena = signed_in(&app, "caseworker-awm").await;
            assert!(eventually(&lena, &app, "Neumann", &id, true).await);
            (id, case.reference)
        });
        first.shutdown_timeout(Duration::from_secs(5));

        // While no portal runs, the case changes (as another process would change it).
        run(async {
            let db = sea_orm::Database::connect(&settings.database_url)
                .await
                .unwrap();
            let lena = app::personas::identity("caseworker-awm").unwrap();
            cases::act::act(
                &db,
                &cases::loader::Processes::default(),
                &case,
                &lena,
                &crate::cases::command(cases::Action::Claim, 1, "Rückfrage Zebrasofa"),
                chrono::Utc::now().timestamp(),
            )
            .await
            .unwrap();
        });

        // Second life: it continues from where its index stood and applies the change
        // (the same generation: replayed from the outbox, not rebuilt).
        let root = settings.data_dir.join("search/cases");
        let current = || std::fs::read_to_string(root.join("CURRENT")).unwrap();
        let first_generation = current();
        run(async {
            let app = spawn_with(settings.clone(), tempfile::tempdir().unwrap()).await;
            let lena = signed_in(&app, "caseworker-awm").await;
            let mine = within_moments(
                async || {
                    search(&lena, &app, "Neumann", "&zuweisung=mine")
                        .await
                        .cases
                },
                |cases| cases.contains(&case),
            );
            assert_eq!(mine.await, vec![case.clone()], "{backend:?}");
            assert_eq!(indexed(&app, &reference, &["awm"]), vec![case.clone()]);
        });

        assert_eq!(current(), first_generation, "not rebuilt");

        // A broken index is rebuilt at start instead of stopping the portal.
        let generation = root.join(first_generation.trim());
        for entry in std::fs::read_dir(&generation).unwrap().flatten() {
            std::fs::write(entry.path(), b"kaputt").unwrap();
        }
        run(async {
            let app = spawn_with(settings.clone(), tempfile::tempdir().unwrap()).await;
            assert_eq!(indexed(&app, "Neumann", &["awm"]), vec![case.clone()]);
        });
        assert_ne!(current(), first_generation, "rebuilt into a new generation");
        // So is a missing one.
        std::fs::remove_dir_all(&root).unwrap();
        run(async {
            let app = spawn_with(settings.clone(), tempfile::tempdir().unwrap()).await;
            assert_eq!(indexed(&app, "Neumann", &["awm"]), vec![case.clone()]);
        });
        drop(dir);
    }
}

#[test]
fn reindex_replaces_the_index_while_the_portal_serves() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let jonas = signed_in(&app, "citizen-low").await;
        let lena = signed_in(&app, "caseworker-awm").await;
        let submission = crate::filing::file_bulky_waste(&jonas, &app).await;
        let case = cases::act::case_for_submission(&app.state.ctx.db, &submission)
            .await
            .unwrap()
            .unwrap();
        assert!(eventually(&lena, &app, "Neumann", &case, true).await);
        let root = app.state.settings.data_dir.join("search/cases");
        let before = std::fs::read_to_string(root.join("CURRENT")).unwrap();

        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_portal"));
        command
            .args(["search", "reindex"])
            .envs(crate::support::portal_environment(&app.state.settings));
        let reindex = tokio::task::spawn_blocking(move || command.output());
        // Searches are answered all the while.
        let searching = async {
            let mut answered = 0;
            for _ in 0..20 {
                let shown = search(&lena, &app, "Neumann", "").await;
                assert_eq!(shown.cases, vec![case.clone()]);
                answered += 1;
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            answered
        };
        let (out, answered) = tokio::join!(reindex, searching);
        let out = out.unwrap().unwrap();
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{said}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(said.contains("case index: 1 cases"), "{said}");
        assert_eq!(answered, 20);
        let after = std::fs::read_to_string(root.join("CURRENT")).unwrap();
        assert_ne!(before, after, "a new generation is current");

        // The serving portal takes the new generation over and removes the old one.
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        while root.join(before.trim()).exists() && std::time::Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert!(
            !root.join(before.trim()).exists(),
            "the old generation is gone"
        );
        // It goes on following changes in the new one.
        claim_and_ask(&lena, &app, &case, "Wo steht das Zebrasofa?").await;
        assert!(eventually(&lena, &app, "Zebrasofa", &case, true).await);
    });
}

#[test]
fn two_portals_on_one_database_each_keep_their_own_index_current() {
    let Some(_) = backends().into_iter().find(|b| *b == Backend::Postgres) else {
        eprintln!("skipped: no PostgreSQL (PORTAL_TEST_DATABASE_URL) for two processes to share");
        return;
    };
    run(async {
        let (settings, dir) = test_settings(Backend::Postgres).await;
        let mut second = settings.clone();
        let second_dir = tempfile::tempdir().unwrap();
        second.data_dir = second_dir.path().join("data");
        let one = spawn_with(settings, dir).await;
        let two = spawn_with(second, tempfile::tempdir().unwrap()).await;

        // Filed through the first, found through both.
        let jonas = signed_in(&one, "citizen-low").await;
        let submission = crate::filing::file_bulky_waste(&jonas, &one).await;
        let case = cases::act::case_for_submission(&one.state.ctx.db, &submission)
            .await
            .unwrap()
            .unwrap();
        for app in [&one, &two] {
            let lena = signed_in(app, "caseworker-awm").await;
            assert!(eventually(&lena, app, "Neumann", &case, true).await);
        }
        // Changed through the second, found changed through both.
        let lena_two = signed_in(&two, "caseworker-awm").await;
        claim_and_ask(&lena_two, &two, &case, "Zebrasofa oder Couch?").await;
        for app in [&one, &two] {
            let lena = signed_in(app, "caseworker-awm").await;
            assert!(eventually(&lena, app, "Zebrasofa", &case, true).await);
        }
        drop(second_dir);
    });
}

/// The cases suggested to `client` for `typed`: their pages.
async fn suggested(
    client: &reqwest::Client,
    app: &TestApp,
    typed: &str,
) -> (StatusCode, Vec<String>) {
    let response = client
        .post(app.url("/api/cases/suggest"))
        .form(&[("q", typed)])
        .send()
        .await
        .unwrap();
    let status = response.status();
    if status != StatusCode::OK {
        return (status, Vec::new());
    }
    let list: Vec<serde_json::Value> = response.json().await.unwrap();
    (
        status,
        list.iter()
            .map(|s| s["href"].as_str().unwrap().to_owned())
            .collect(),
    )
}

#[test]
fn suggestions_complete_names_and_references_within_the_departments() {
    run(async {
        for backend in backends() {
            let (app, jonas, case) = filed_case(backend).await;
            let lena = signed_in(&app, "caseworker-awm").await;
            let max = signed_in(&app, "caseworker").await;
            let page = format!("/bearbeitung/faelle/{}", case.id);
            assert!(eventually(&lena, &app, "Neumann", &case.id, true).await);
            // A name and a reference being typed.
            let prefix: String = case.reference.chars().take(8).collect();
            for typed in ["Neum", "Jonas Neu", prefix.as_str()] {
                let (status, pages) = suggested(&lena, &app, typed).await;
                assert_eq!(status, StatusCode::OK);
                assert_eq!(pages, vec![page.clone()], "{backend:?} {typed}");
            }
            // Another department's caseworker is suggested nothing of it.
            let (status, pages) = suggested(&max, &app, "Neum").await;
            assert_eq!((status, pages), (StatusCode::OK, Vec::new()));
            // Too short, and not for citizens.
            assert!(suggested(&lena, &app, "Ne").await.1.is_empty());
            let (status, _) = suggested(&jonas, &app, "Neum").await;
            assert_eq!(status, StatusCode::FORBIDDEN);
        }
    });
}

/// Where a caseworker of the bulky-waste department is sent when searching
/// `reference` on `app` (a reference opens its case), once the search sends them
/// anywhere within `seconds`.
pub async fn search_leads_to(app: &TestApp, reference: &str, seconds: u64) -> Option<String> {
    let lena = signed_in(app, "caseworker-awm").await;
    let url = app.url(&format!("/bearbeitung?suche={reference}"));
    let jump = async || {
        let response = lena
            .get(&url)
            .header("accept", "text/html")
            .send()
            .await
            .ok()?;
        response
            .headers()
            .get("location")?
            .to_str()
            .ok()
            .map(str::to_owned)
    };
    crate::support::within_seconds(seconds, jump, Option::is_some).await
}
