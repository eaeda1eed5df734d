//! Documents on a case: the citizen answers a question with evidence, the caseworker
//! decides with a generated letter, and each file reaches only those the case
//! concerns. Refused uploads leave nothing behind.

use reqwest::{
    Client, StatusCode,
    multipart::{Form, Part},
};
use sea_orm::{ConnectionTrait, Statement};

use crate::{
    cases::{claim_and_ask, filed_case},
    filing::post,
    support::{Backend, TestApp, page, run, signed_in},
    uploads::png,
};

/// The citizen's answer with `file` as its document; returns the redirect target.
pub async fn answer_with(
    jonas: &Client,
    app: &TestApp,
    path: &str,
    version: &str,
    file: (&str, Vec<u8>),
) -> String {
    let form = Form::new()
        .text("action", "answer")
        .text("version", version.to_owned())
        .text("text", "Hier das Foto des Sofas.")
        .part("dateien", Part::bytes(file.1).file_name(file.0.to_owned()));
    let response = jonas
        .post(app.url(path))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    response.headers()["location"].to_str().unwrap().to_owned()
}

/// The documents added to case `id`: id, kind and whether internal.
async fn documents(app: &TestApp, id: &str) -> Vec<(String, String, bool)> {
    let db = &app.state.ctx.db;
    let rows = db
        .query_all(Statement::from_string(
            db.get_database_backend(),
            format!("SELECT id, kind, internal FROM cases_file WHERE case_id = '{id}' ORDER BY at"),
        ))
        .await
        .unwrap();
    rows.into_iter()
        .map(|row| {
            (
                row.try_get("", "id").unwrap(),
                row.try_get("", "kind").unwrap(),
                row.try_get("", "internal").unwrap(),
            )
        })
        .collect()
}

/// Status and body of a download.
async fn download(client: &Client, app: &TestApp, path: &str) -> (StatusCode, Vec<u8>) {
    let response = client.get(app.url(path)).send().await.unwrap();
    let status = response.status();
    (status, response.bytes().await.unwrap().to_vec())
}

#[test]
fn answers_and_letters_are_documents_only_the_case_concerns_can_download() {
    run(async {
        let (app, jonas, case) = filed_case(Backend::Sqlite).await;
        let lena = signed_in(&app, "caseworker-awm").await;
        let staff_page = format!("/bearbeitung/faelle/{}", case.id);
        let citizen_page = format!("/vorgaenge/{}", case.id);
        let staff_action = format!("{staff_page}/aktion");
        let citizen_action = format!("{citizen_page}/aktion");
        let asked = claim_and_ask(
            &lena,
            &app,
            &case.id,
            "Bitte schicken Sie ein Foto des Sofas.",
        )
        .await;
        assert!(asked.ends_with("erledigt=request_information"), "{asked}");
        // The answer form takes files.
        let (_, question) = page(&jonas, &app, &citizen_page).await;
        assert!(question.contains(r#"enctype="multipart/form-data""#));
        assert!(question.contains(r#"name="dateien""#));

        // A file that is not a PDF or picture is refused and nothing is kept.
        let refused = answer_with(
            &jonas,
            &app,
            &citizen_action,
            "3",
            ("sofa.png", b"just text, not a picture".to_vec()),
        )
        .await;
        assert_eq!(
            refused,
            format!("{citizen_page}?fehler=cases-error-file-type#fehler")
        );
        let (_, shown) = page(&jonas, &app, &refused).await;
        assert!(shown.contains("nicht erlaubtes Format"));
        // What was written is back in its field, once.
        assert!(shown.contains("Hier das Foto des Sofas.</textarea>"));
        let (_, again) = page(&jonas, &app, &citizen_page).await;
        assert!(!again.contains("Hier das Foto des Sofas."));
        assert!(documents(&app, &case.id).await.is_empty());

        let photo = png(3000);
        let answered = answer_with(
            &jonas,
            &app,
            &citizen_action,
            "3",
            ("../Foto Sofa.png", photo.clone()),
        )
        .await;
        assert_eq!(answered, format!("{citizen_page}?erledigt=answer"));
        let added = documents(&app, &case.id).await;
        assert_eq!(added.len(), 1);
        let (answer_id, kind, internal) = added[0].clone();
        assert_eq!((kind.as_str(), internal), ("answer", false));

        // Both sides list it; the citizen and the case's caseworker download it.
        let (_, mine) = page(&jonas, &app, &citizen_page).await;
        assert!(mine.contains("Foto Sofa.png") && mine.contains("Antwort auf Rückfrage"));
        let citizen_file = format!("{citizen_page}/dateien/{answer_id}");
        let staff_file = format!("{staff_page}/dateien/{answer_id}");
        let response = jonas.get(app.url(&citizen_file)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["content-type"], "image/png");
        assert!(
            response.headers()["content-disposition"]
                .to_str()
                .unwrap()
                .starts_with("attachment; filename=\"Foto Sofa.png\"")
        );
        assert_eq!(response.bytes().await.unwrap().to_vec(), photo);
        assert_eq!(
            download(&lena, &app, &staff_file).await,
            (StatusCode::OK, photo)
        );

        // Nobody else: a caseworker of another department, another citizen, a made-up
        // file, or a file of this case asked for under another case.
        let max = signed_in(&app, "caseworker").await;
        assert_eq!(
            download(&max, &app, &staff_file).await.0,
            StatusCode::NOT_FOUND
        );
        let erika = signed_in(&app, "citizen").await;
        // Another citizen's case page is not found, and leads back to her own requests.
        let (status, foreign) = page(&erika, &app, &citizen_page).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(foreign.contains(r#"href="/antraege""#) && !foreign.contains("Foto Sofa"));
        assert_eq!(
            download(&erika, &app, &citizen_file).await.0,
            StatusCode::NOT_FOUND
        );
        assert_ne!(download(&jonas, &app, &staff_file).await.0, StatusCode::OK);
        let made_up = format!("{staff_page}/dateien/00000000-0000-4000-8000-000000000000");
        assert_eq!(
            download(&lena, &app, &made_up).await.0,
            StatusCode::NOT_FOUND
        );
        let (_, other_case) = filed_case_of(&app, &erika).await;
        let elsewhere = format!("/vorgaenge/{other_case}/dateien/{answer_id}");
        assert_eq!(
            download(&erika, &app, &elsewhere).await.0,
            StatusCode::NOT_FOUND
        );

        // Files are refused where the step takes none.
        let form = Form::new()
            .text("action", "note")
            .text("text", "Foto passt.")
            .part("dateien", Part::bytes(png(100)).file_name("x.png"));
        let response = lena
            .post(app.url(&staff_action))
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.headers()["location"],
            format!("{staff_page}?fehler=cases-error-no-files-here#fehler").as_str()
        );
        assert_eq!(documents(&app, &case.id).await.len(), 1);

        // The caseworker approves and has the portal write the letter.
        let decided = post(
            &lena,
            &app,
            &staff_action,
            &[
                ("action", "approve"),
                ("version", "4"),
                ("text", "Abholung am kommenden Dienstag."),
                ("bescheid_erzeugen", "ja"),
            ],
        )
        .await;
        assert_eq!(decided, format!("{staff_page}?erledigt=approve"));
        let added = documents(&app, &case.id).await;
        let (letter_id, kind, internal) = added[1].clone();
        assert_eq!((kind.as_str(), internal), ("letter", false));
        let (status, letter) =
            download(&jonas, &app, &format!("{citizen_page}/dateien/{letter_id}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(letter.starts_with(b"%PDF-"));
        let text = String::from_utf8_lossy(&letter);
        assert!(text.contains("Jonas Neumann") && text.contains(&case.reference));
        assert!(text.contains("Abholung am kommenden Dienstag."));
        let (_, mine) = page(&jonas, &app, &citizen_page).await;
        assert!(mine.contains(&format!("Bescheid-{}.pdf", case.reference)));
    });
}

/// Files a bulky-waste pick-up as `citizen`; returns the submission and case ids.
async fn filed_case_of(app: &TestApp, citizen: &Client) -> (String, String) {
    let submission = crate::filing::file_bulky_waste(citizen, app).await;
    let case = cases::act::case_for_submission(&app.state.ctx.db, &submission)
        .await
        .unwrap()
        .unwrap();
    (submission, case)
}
