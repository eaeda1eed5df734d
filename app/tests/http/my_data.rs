//! "Download my data": a citizen's archive holds their account, requests with answers,
//! drafts with uploads, and cases with the history they see, their files and the
//! published letter, in their language, and nothing of anybody else or anything
//! internal. A file missing from the store is named, not fatal. Every copy is in the
//! audit trail. SQLite and PostgreSQL.

use std::io::Read;

use cases::{
    Action,
    act::{Command, act, case_for_submission, find},
    loader::Processes,
};
use kernel::audit::{Verdict, verify};
use reqwest::{Client, StatusCode, header};
use sea_orm::ConnectionTrait;

use crate::{
    case_documents::answer_with,
    cases::claim_and_ask,
    filing::{file_bulky_waste, post},
    support::{TestApp, backends, run, signed_in, spawn_app, untranslated_keys},
    uploads::{at_vehicle_step, png, post_files},
};

/// The archive `client` downloads, by entry name.
pub async fn archive(client: &Client, app: &TestApp, language: &str) -> Vec<(String, Vec<u8>)> {
    let response = client
        .get(app.url("/konto/daten"))
        .header(header::ACCEPT_LANGUAGE, language)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], "application/zip");
    assert_eq!(response.headers()["cache-control"], "private, no-store");
    let disposition = response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_owned();
    // The portal dates files in German civil time, whatever the machine's zone.
    let today = kernel::time::today().format("%Y-%m-%d").to_string();
    let name = if language == "en" {
        "my-data"
    } else {
        "meine-daten"
    };
    assert_eq!(
        disposition,
        format!("attachment; filename=\"{name}-{today}.zip\"")
    );
    let bytes = response.bytes().await.unwrap().to_vec();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut entry = zip.by_index(i).unwrap();
            let mut content = Vec::new();
            entry.read_to_end(&mut content).unwrap();
            (entry.name().unwrap().into_owned(), content)
        })
        .collect()
}

fn entry<'a>(entries: &'a [(String, Vec<u8>)], name: &str) -> &'a [u8] {
    &entries
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("{name} missing from {:?}", names(entries)))
        .1
}

fn names(entries: &[(String, Vec<u8>)]) -> Vec<&str> {
    entries.iter().map(|(n, _)| n.as_str()).collect()
}

fn text(entries: &[(String, Vec<u8>)], name: &str) -> String {
    String::from_utf8(entry(entries, name).to_vec()).unwrap()
}

#[test]
fn a_citizen_downloads_everything_kept_about_them_and_nothing_else() {
    run(async {
        for backend in backends() {
            let app = spawn_app(backend).await;
            let db = &app.state.ctx.db;
            let erika = signed_in(&app, "citizen").await;
            let lena = signed_in(&app, "caseworker-awm").await;
            let lena_identity = app::personas::identity("caseworker-awm").unwrap();

            // Erika files a pick-up; Lena asks, she answers with a photo, she notes
            // something internal, writes to her, approves with a letter and closes.
            let submission = file_bulky_waste(&erika, &app).await;
            let case_id = case_for_submission(db, &submission).await.unwrap().unwrap();
            let reference = find(db, &case_id).await.unwrap().unwrap().reference;
            let staff_action = format!("/bearbeitung/faelle/{case_id}/aktion");
            claim_and_ask(&lena, &app, &case_id, "Welche Möbel genau?").await;
            let photo = png(3000);
            answer_with(
                &erika,
                &app,
                &format!("/vorgaenge/{case_id}/aktion"),
                "3",
                ("Foto Sofa.png", photo.clone()),
            )
            .await;
            post(
                &lena,
                &app,
                &staff_action,
                &[
                    ("action", "note"),
                    ("text", "Vertraulich: Nachbar beschwert sich"),
                ],
            )
            .await;
            post(
                &lena,
                &app,
                &staff_action,
                &[
                    ("action", "message"),
                    ("text", "Bitte an die Straße stellen."),
                ],
            )
            .await;
            let letter = kernel::upload::store_made(
                app.state.ctx.files.as_ref(),
                "Bescheid.pdf",
                "application/pdf",
                b"%PDF-1.4 Bescheid",
            )
            .await
            .unwrap();
            let now = chrono::Utc::now().timestamp();
            for (action, files) in [
                (Action::Approve, vec![letter.clone()]),
                (Action::Close, Vec::new()),
            ] {
                let version = find(db, &case_id).await.unwrap().unwrap().version;
                let command = Command {
                    action,
                    version,
                    text: "Abholung am Dienstag.".into(),
                    department: None,
                    files,
                };
                act(
                    db,
                    &Processes::default(),
                    &case_id,
                    &lena_identity,
                    &command,
                    now,
                )
                .await
                .unwrap();
            }
            // A parking permit she began, with the vehicle registration uploaded.
            let vehicle = at_vehicle_step(&app, &erika).await;
            let registration = png(2000);
            post_files(
                &app,
                &erika,
                &vehicle,
                vec![("Fahrzeugschein.png", registration.clone())],
                "continue",
            )
            .await;
            // Jonas's request is his alone.
            let jonas = signed_in(&app, "citizen-low").await;
            let his = file_bulky_waste(&jonas, &app).await;
            let his_case = case_for_submission(db, &his).await.unwrap().unwrap();
            let his_reference = find(db, &his_case).await.unwrap().unwrap().reference;

            let entries = archive(&erika, &app, "de").await;
            let case_folder = format!("vorgaenge/{reference}");
            assert_eq!(
                entry(&entries, &format!("{case_folder}/Foto Sofa.png")),
                photo
            );
            assert_eq!(
                entry(&entries, &format!("{case_folder}/Bescheid.pdf")),
                b"%PDF-1.4 Bescheid"
            );
            let draft_file = entries
                .iter()
                .find(|(n, _)| {
                    n.starts_with("entwuerfe/entwurf-") && n.ends_with("/Fahrzeugschein.png")
                })
                .unwrap_or_else(|| panic!("{:?}", names(&entries)));
            assert_eq!(draft_file.1, registration);
            assert_eq!(entries.len(), 5, "{backend:?}: {:?}", names(&entries));

            let index = text(&entries, "index.html");
            assert!(index.starts_with("<!DOCTYPE html><html lang=\"de\">"));
            for expected in [
                "Ihre Daten im Serviceportal",
                "Erika Mustermann",
                "erika.mustermann@example.org",
                // The request as filed, the case as she follows it, the draft.
                &reference,
                "1 Sofa",
                "Marienplatz",
                "Welche Möbel genau?",
                "Bitte an die Straße stellen.",
                "Ihr Antrag wurde genehmigt",
                "Abholung am Dienstag.",
                "Wird gelöscht ab",
                "E-Mail",
                "Bewohnerparkausweis",
                "M-AB 1234",
                // Files linked at their place.
                &format!("href=\"vorgaenge/{reference}/Foto%20Sofa.png\""),
            ] {
                assert!(index.contains(expected), "{backend:?}: {expected} missing");
            }
            assert!(
                !index.contains("Vertraulich"),
                "internal notes stay internal"
            );
            assert!(!index.contains(&his_reference) && !index.contains("Jonas"));
            assert_eq!(untranslated_keys(&index), Vec::<String>::new());
            assert!(!index.contains("cases-") && !index.contains("forms-data"));

            let json: serde_json::Value =
                serde_json::from_slice(entry(&entries, "data.json")).unwrap();
            assert_eq!(json["language"], "de");
            let titles: Vec<&str> = json["parts"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["title"].as_str().unwrap())
                .collect();
            assert_eq!(
                titles,
                [
                    "Ihr Konto",
                    "Ihre Anträge",
                    "Ihre Entwürfe",
                    "Ihre Vorgänge"
                ]
            );
            let case_files = &json["parts"][3]["records"][0]["files"];
            assert_eq!(
                case_files[0]["path"],
                format!("{case_folder}/Foto Sofa.png")
            );
            assert_eq!(case_files[0]["present"], true);
            assert!(case_files[0].get("storage_id").is_none());

            // In English when she reads English.
            let english = text(&archive(&erika, &app, "en").await, "index.html");
            assert!(english.starts_with("<!DOCTYPE html><html lang=\"en\">"));
            assert!(english.contains("Your cases") && english.contains("Your answers"));

            // A letter gone from the store is named in the index, not fatal.
            app.state.ctx.files.delete(&letter.id).await.unwrap();
            let without = archive(&erika, &app, "de").await;
            assert_eq!(without.len(), 4);
            assert!(text(&without, "index.html").contains("konnte nicht gelesen werden"));
            let json: serde_json::Value =
                serde_json::from_slice(entry(&without, "data.json")).unwrap();
            assert_eq!(json["parts"][3]["records"][0]["files"][1]["present"], false);

            // Each copy is in the audit trail, and the trail is whole.
            let copies = db
                .query_all(kernel::sql::statement(
                    db,
                    "SELECT actor, detail FROM kernel_audit WHERE action = $1",
                    vec![app::server::my_data::AUDIT_ACTION.into()],
                ))
                .await
                .unwrap();
            assert_eq!(copies.len(), 3, "{backend:?}");
            let actor: String = copies[0].try_get("", "actor").unwrap();
            let detail: String = copies[0].try_get("", "detail").unwrap();
            assert_eq!(actor, "demo:citizen");
            assert_eq!(detail, "4 records, 3 files");
            assert!(matches!(verify(db).await.unwrap(), Verdict::Intact(_)));

            // Nobody signed in gets nothing but the way to sign in.
            let anonymous = crate::support::browser();
            let refused = anonymous
                .get(app.url("/konto/daten"))
                .header(header::ACCEPT, "text/html")
                .send()
                .await
                .unwrap();
            assert_eq!(refused.status(), StatusCode::SEE_OTHER);
            assert_eq!(
                refused.headers()["location"],
                "/auth/login?return_to=%2Fkonto%2Fdaten"
            );
        }
    });
}
