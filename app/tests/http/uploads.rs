//! Uploads in a form step: stored while they stream in, typed by their content, limited
//! in size and number, names cleaned, removable before sending.

use reqwest::{
    Client, StatusCode,
    multipart::{Form, Part},
};
use sea_orm::{ConnectionTrait, Statement};

use crate::support::{Backend, TestApp, page, run, signed_in, spawn_app};

/// A few bytes that are a PNG by their signature.
pub fn png(size: usize) -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x08\0\0\0\x08\x08\x02\0\0\0".to_vec();
    bytes.resize(size.max(bytes.len()), 0);
    bytes
}

/// Starts a parking permit and fills the first step; returns the vehicle step's path.
pub async fn at_vehicle_step(app: &TestApp, browser: &Client) -> String {
    let start = browser
        .post(app.url("/leistungen/bewohnerparkausweis/antrag"))
        .send()
        .await
        .unwrap();
    let first = start.headers()["location"].to_str().unwrap().to_owned();
    let next = browser
        .post(app.url(&first))
        .form(&[
            ("given_name", "Erika"),
            ("family_name", "Mustermann"),
            ("home.street", "Marienplatz"),
            ("home.house_number", "8"),
            ("home.postcode", "80331"),
            ("home.city", "München"),
            ("email", "erika.mustermann@example.org"),
        ])
        .send()
        .await
        .unwrap();
    next.headers()["location"].to_str().unwrap().to_owned()
}

pub async fn post_files(
    app: &TestApp,
    browser: &Client,
    path: &str,
    files: Vec<(&str, Vec<u8>)>,
    action: &str,
) -> String {
    let mut form = Form::new()
        .text("plate", "M-AB 1234")
        .text("holder", "self")
        .text("action", action.to_owned());
    for (name, bytes) in files {
        form = form.part(
            "registration",
            Part::bytes(bytes).file_name(name.to_owned()),
        );
    }
    let response = browser
        .post(app.url(path))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        StatusCode::SEE_OTHER,
        "{}",
        response.text().await.unwrap_or_default()
    );
    response.headers()["location"].to_str().unwrap().to_owned()
}

/// The page at `path` as text.
async fn text(browser: &Client, app: &TestApp, path: &str) -> String {
    page(browser, app, path).await.1
}

#[test]
fn files_are_typed_by_content_limited_and_named_safely() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let browser = signed_in(&app, "citizen").await;
        let vehicle = at_vehicle_step(&app, &browser).await;
        let page = text(&browser, &app, &vehicle).await;
        assert!(
            page.contains(r#"enctype="multipart/form-data""#) && page.contains(r#"type="file""#)
        );

        // A text file called .png is refused by its content.
        let back = post_files(
            &app,
            &browser,
            &vehicle,
            vec![("fake.png", b"just text, not an image".to_vec())],
            "continue",
        )
        .await;
        assert!(back.ends_with("#fehler"));
        assert!(
            text(&browser, &app, &vehicle)
                .await
                .contains("Diese Art von Datei ist hier nicht möglich")
        );

        // Too large: refused while it streams in.
        post_files(
            &app,
            &browser,
            &vehicle,
            vec![("big.png", png(5 * 1024 * 1024 + 1))],
            "save",
        )
        .await;
        assert!(
            text(&browser, &app, &vehicle)
                .await
                .contains("Die Datei ist zu groß")
        );

        // A real PNG with a path in its name: stored under its last name part.
        let review = post_files(
            &app,
            &browser,
            &vehicle,
            vec![("../../etc/schein.png", png(2048))],
            "continue",
        )
        .await;
        assert!(review.ends_with("/declaration"), "{review}");
        let page = text(&browser, &app, &vehicle).await;
        assert!(page.contains("schein.png") && !page.contains("etc/"));
        // Enter in a text field presses the form's first submit button: that must
        // continue, not remove the file listed above the field.
        let form_class = page.find(r#"class="portal-form""#).unwrap();
        let form = &page[page[..form_class].rfind("<form").unwrap()..];
        let first_submit = &form[form.find(r#"type="submit""#).unwrap()..];
        let first_submit = &first_submit[..first_submit.find('>').unwrap()];
        assert!(
            first_submit.contains(r#"value="continue""#),
            "{first_submit}"
        );
        assert!(
            form.contains("remove-file:"),
            "the file has its remove button"
        );

        // Its SHA-256 is recorded with the draft.
        let digest = sha256_hex(&png(2048));
        let db = &app.state.ctx.db;
        let row = db
            .query_one(Statement::from_string(
                db.get_database_backend(),
                "SELECT answers FROM forms_draft",
            ))
            .await
            .unwrap()
            .unwrap();
        let answers: String = row.try_get("", "answers").unwrap();
        assert!(answers.contains(&digest), "{answers}");

        // At most two files: a third one is refused.
        post_files(
            &app,
            &browser,
            &vehicle,
            vec![("zwei.png", png(100)), ("drei.png", png(100))],
            "save",
        )
        .await;
        let page = text(&browser, &app, &vehicle).await;
        assert!(
            page.contains("zwei.png")
                && !page.contains("drei.png")
                && page.contains("höchstens 2 Dateien")
        );
    });
}

#[test]
fn a_file_can_be_removed_before_sending() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let browser = signed_in(&app, "citizen").await;
        let vehicle = at_vehicle_step(&app, &browser).await;
        post_files(
            &app,
            &browser,
            &vehicle,
            vec![("schein.png", png(600))],
            "save",
        )
        .await;
        let page = browser
            .get(app.url(vehicle.split('?').next().unwrap()))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let re = regex::Regex::new(r#"value="(remove-file:registration/[0-9a-f-]+)""#).unwrap();
        let action = re.captures(&page).expect("remove button")[1].to_owned();
        let files_dir = app.state.settings.data_dir.join("files");
        assert_eq!(count_files(&files_dir), 1);
        post_files(
            &app,
            &browser,
            vehicle.split('?').next().unwrap(),
            vec![],
            &action,
        )
        .await;
        let page = text(&browser, &app, &vehicle).await;
        assert!(!page.contains("schein.png"));
        assert_eq!(count_files(&files_dir), 0, "the stored file is deleted too");
    });
}

/// Sends `request`; returns the status and the body.
async fn answer(request: reqwest::RequestBuilder) -> (StatusCode, String) {
    let response = request.send().await.unwrap();
    let status = response.status();
    (status, response.text().await.unwrap())
}

fn count_files(dir: &std::path::Path) -> usize {
    walk(dir).len()
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .flat_map(|e| {
            if e.path().is_dir() {
                walk(&e.path())
            } else {
                vec![e.path()]
            }
        })
        .collect()
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn too_much_data_gets_a_readable_page() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let browser = signed_in(&app, "citizen").await;
        // A shell route: 256 KB at most.
        let response = browser
            .post(app.url("/auth/demo"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(format!("persona={}", "x".repeat(300 * 1024)))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
        // The unread rest of the body ends the connection, and the client is told so:
        // its next request goes out on a new one instead of into a closed socket.
        assert_eq!(response.headers()["connection"], "close");
        let page = response.text().await.unwrap();
        assert!(page.contains("Zu viele Daten") && page.contains("Too much data"));
        // A form step: far more than all its files may have together.
        let vehicle = at_vehicle_step(&app, &browser).await;
        // The portal answers before the 40 MB have arrived and closes the connection;
        // a client still sending may see the close before the answer, so the transport
        // (never the answer) gets a second try.
        let mut answered = None;
        for _ in 0..3 {
            let huge = Form::new().part(
                "registration",
                Part::bytes(png(40 * 1024 * 1024)).file_name("x.png"),
            );
            let Ok(response) = browser.post(app.url(&vehicle)).multipart(huge).send().await else {
                continue;
            };
            let status = response.status();
            if let Ok(page) = response.text().await {
                answered = Some((status, page));
                break;
            }
        }
        let (status, page) = answered.expect("an answer within three tries");
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
        assert!(page.contains("Es wurde nichts gespeichert"));
    });
}

#[test]
fn an_expired_draft_takes_its_files_along() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let browser = signed_in(&app, "citizen").await;
        let vehicle = at_vehicle_step(&app, &browser).await;
        post_files(
            &app,
            &browser,
            &vehicle,
            vec![("schein.png", png(600))],
            "save",
        )
        .await;
        let files_dir = app.state.settings.data_dir.join("files");
        assert_eq!(count_files(&files_dir), 1);
        let later = chrono::Utc::now().timestamp() + 31 * 86_400;
        let deleted =
            forms::drafts::delete_expired(&app.state.ctx.db, app.state.ctx.files.as_ref(), later)
                .await
                .unwrap();
        assert_eq!(deleted, 1);
        assert_eq!(count_files(&files_dir), 0);
    });
}

#[test]
fn a_file_is_named_by_its_content_without_invisible_characters() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let browser = signed_in(&app, "citizen").await;
        let vehicle = at_vehicle_step(&app, &browser).await;
        post_files(
            &app,
            &browser,
            &vehicle,
            vec![
                ("Nachweis.hta", png(600)),
                ("Schein\u{202E}gnp.exe", png(700)),
            ],
            "save",
        )
        .await;
        let page = text(&browser, &app, &vehicle).await;
        // A picture is kept as one: the sender's extension goes, so does the override
        // that would show "Scheinexe.png".
        assert!(page.contains("Nachweis.png"), "{page}");
        assert!(page.contains("Scheingnp.png"), "{page}");
        assert!(!page.contains(".hta") && !page.contains('\u{202E}'));
    });
}

#[test]
fn unreadable_form_posts_get_a_readable_page_and_change_nothing() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let browser = signed_in(&app, "citizen").await;
        let vehicle = at_vehicle_step(&app, &browser).await;
        // Not a form at all: a readable page.
        let json = browser
            .post(app.url(&vehicle))
            .header("content-type", "application/json")
            .body(r#"{"plate": "M-AB 1"}"#);
        let (status, page) = answer(json).await;
        assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert!(page.contains("Die Angaben konnten nicht gelesen werden"));
        // Bytes that are not UTF-8 are read as replacement characters, which the
        // field's check then refuses like any other wrong answer.
        let not_utf8 = browser
            .post(app.url(&vehicle))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(b"plate=M-AB%201&holder=\xff\xfe".to_vec());
        assert_eq!(answer(not_utf8).await.0, StatusCode::SEE_OTHER);
        let page = text(&browser, &app, &vehicle).await;
        assert!(page.contains("Bitte wählen Sie eine der Möglichkeiten"));
        // Server functions keep their JSON errors.
        let server_fn = browser
            .post(app.url("/api/forms/step"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body("nonsense=1");
        let (status, page) = answer(server_fn).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(!page.contains("<!DOCTYPE html>"));
    });
}
