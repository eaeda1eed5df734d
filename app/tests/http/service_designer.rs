//! The service designer: a department administrator builds a service from a file,
//! sees every problem of it at once, saves the corrected draft and proposes it; she
//! cannot publish it herself; a second administrator of the department does, and a
//! citizen files it. Others cannot see or change it. SQLite and PostgreSQL.

use reqwest::StatusCode;

use crate::{
    filing::post,
    support::{Backend, TestApp, backends, page, run, signed_in, test_settings, within_seconds},
};

/// A street party registration as a department writes it: a yes/no question and a
/// number shown only when the answer is yes.
const SERVICE: &str = r#"id = "strassenfest"
slug = "strassenfest-anmelden"
department = "kvr"
level = "low"
life_situations = ["wohnen"]
processing_days = 12
title = { de = "Straßenfest anmelden", en = "Register a street party" }
summary = { de = "Melden Sie ein Straßenfest in Ihrer Straße an.", en = "Register a street party in your street." }

[keywords]
de = ["Straßenfest", "Nachbarschaftsfest"]
en = ["street party"]

[description]
what = { de = "Anmeldung eines Straßenfests.", en = "Registration of a street party." }
who = { de = "Anwohnerinnen und Anwohner.", en = "Residents." }

[[steps]]
id = "fest"
title = { de = "Das Fest", en = "The party" }

[[steps.fields]]
id = "musik"
type = "yes_no"
label = { de = "Gibt es Musik?", en = "Will there be music?" }
required = true

[[steps.fields]]
id = "lautsprecher"
type = "number"
label = { de = "Anzahl der Lautsprecher", en = "Number of speakers" }
required = true
min = 1
max = 10
show_if = { field = "musik", equals = "yes" }

[[steps.fields]]
id = "hinweis"
type = "info"
show_if = { field = "lautsprecher", greater_than = "2" }
text = { de = "Ab drei Lautsprechern gilt die Lärmschutzverordnung.", en = "From three speakers on the noise regulation applies." }
"#;

/// Dana, signed in, with a new draft of [`SERVICE`]: her client and the draft's page.
async fn draft_of_dana(app: &TestApp) -> (reqwest::Client, String) {
    let dana = signed_in(app, "department-admin").await;
    let saved = post(
        &dana,
        app,
        "/dienststelle/entwuerfe",
        &[("quelle", SERVICE)],
    )
    .await;
    let here = saved.split('?').next().unwrap().to_owned();
    (dana, here)
}

/// The file of the design whose page is `here`, as downloaded.
async fn file_at(client: &reqwest::Client, app: &TestApp, here: &str) -> String {
    let url = app.url(&format!("{here}/dienst.toml"));
    client.get(url).send().await.unwrap().text().await.unwrap()
}

/// The id of the design a redirect leads to.
fn design_id(location: &str) -> String {
    location
        .trim_start_matches("/dienststelle/entwuerfe/")
        .split('?')
        .next()
        .unwrap()
        .to_owned()
}

#[test]
fn an_administrator_designs_a_colleague_publishes_and_a_citizen_files() {
    run(async {
        for backend in backends() {
            let app = crate::support::spawn_app(backend).await;
            let dana = signed_in(&app, "department-admin").await;
            let (status, html) = page(&dana, &app, "/dienststelle/entwuerfe").await;
            assert_eq!(status, StatusCode::OK);
            assert!(html.contains("Noch keine Entwürfe"), "{html}");

            // Two mistakes: a condition on "ja" where a yes/no answer is "yes", and a
            // number compared with a value beyond its range. Both are named at once.
            let faulty = SERVICE
                .replace(r#"equals = "yes""#, r#"equals = "ja""#)
                .replace(r#"greater_than = "2""#, r#"greater_than = "20""#);
            let saved = post(
                &dana,
                &app,
                "/dienststelle/entwuerfe",
                &[("quelle", &faulty)],
            )
            .await;
            assert!(saved.ends_with("?hinweis=gespeichert"), "{saved}");
            let id = design_id(&saved);
            let here = format!("/dienststelle/entwuerfe/{id}");
            let (_, html) = page(&dana, &app, &here).await;
            assert!(html.contains("Prüfung: 2 Fehler"), "{html}");
            assert!(
                html.contains("steps[0].fields[1].show_if")
                    && html.contains("steps[0].fields[2].show_if"),
                "{html}"
            );
            assert!(
                html.contains(r#"equals = "ja""#),
                "the file is kept: {html}"
            );
            assert!(!html.contains(r#"value="vorschlagen""#), "{html}");
            // Proposing anyway is refused with the reason.
            let refused = post(&dana, &app, &here, &[("aktion", "vorschlagen")]).await;
            assert!(refused.ends_with("?hinweis=fehler"), "{refused}");

            // Corrected: each step can be previewed as citizens see it, in both
            // languages.
            let saved = post(
                &dana,
                &app,
                &here,
                &[("aktion", "speichern"), ("quelle", SERVICE)],
            )
            .await;
            assert!(saved.ends_with("?hinweis=gespeichert"), "{saved}");
            let (status, preview) =
                page(&dana, &app, &format!("{here}/vorschau/1?sprache=de")).await;
            assert_eq!(status, StatusCode::OK);
            assert!(
                preview.contains("Gibt es Musik?") && preview.contains("Anzahl der Lautsprecher"),
                "{preview}"
            );
            let (_, preview) = page(&dana, &app, &format!("{here}/vorschau/1?sprache=en")).await;
            assert!(preview.contains("Will there be music?"), "{preview}");
            let (status, _) = page(&dana, &app, &format!("{here}/vorschau/2")).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "there is one step");

            // Saved again unchanged, proposed.
            let saved = post(
                &dana,
                &app,
                &here,
                &[("aktion", "speichern"), ("quelle", SERVICE)],
            )
            .await;
            assert!(saved.ends_with("?hinweis=gespeichert"), "{saved}");
            let (_, html) = page(&dana, &app, &here).await;
            assert!(html.contains("Die Prüfung findet nichts"), "{html}");
            let proposed = post(&dana, &app, &here, &[("aktion", "vorschlagen")]).await;
            assert!(proposed.ends_with("?hinweis=vorgeschlagen"), "{proposed}");

            // Four eyes: she cannot publish her own proposal.
            let (_, html) = page(&dana, &app, &here).await;
            assert!(!html.contains(r#"value="veroeffentlichen""#), "{html}");
            let own = post(&dana, &app, &here, &[("aktion", "veroeffentlichen")]).await;
            assert!(own.ends_with("?hinweis=second-person"), "{own}");
            let citizen = signed_in(&app, "citizen").await;
            let (status, _) = page(&citizen, &app, "/leistungen/strassenfest-anmelden").await;
            assert_eq!(status, StatusCode::NOT_FOUND, "not published yet");

            // Neither citizens nor caseworkers see or change designs.
            assert_ne!(page(&citizen, &app, &here).await.0, StatusCode::OK);
            let lena = signed_in(&app, "caseworker-awm").await;
            let status = lena
                .post(app.url(&here))
                .form(&[("aktion", "veroeffentlichen")])
                .send()
                .await
                .unwrap()
                .status();
            assert_eq!(status, StatusCode::FORBIDDEN);

            // A second administrator of the department publishes it.
            let jan = signed_in(&app, "department-admin-2").await;
            let (_, html) = page(&jan, &app, "/dienststelle/entwuerfe").await;
            assert!(html.contains("Straßenfest anmelden"), "{html}");
            let published = post(&jan, &app, &here, &[("aktion", "veroeffentlichen")]).await;
            assert!(
                published.ends_with("?hinweis=veroeffentlicht"),
                "{published}"
            );
            let (_, html) = page(&jan, &app, &here).await;
            assert!(
                html.contains("Veröffentlicht von") && html.contains("Jan Freigabe"),
                "{html}"
            );
            // Every change is in the audit trail: created, saved twice, proposed,
            // published.
            let db = &app.state.ctx.db;
            for (action, count) in [
                ("service.design.created", 1),
                ("service.design.saved", 2),
                ("service.design.proposed", 1),
                ("service.published", 1),
            ] {
                assert_eq!(
                    crate::dashboard::audit_count(db, action).await,
                    count,
                    "{action}"
                );
            }

            // The citizen finds it in the catalogue and files it.
            let (_, html) = page(&citizen, &app, "/leistungen").await;
            assert!(html.contains("Straßenfest anmelden"), "{html}");
            let first = post(
                &citizen,
                &app,
                "/leistungen/strassenfest-anmelden/antrag",
                &[],
            )
            .await;
            assert!(first.ends_with("/fest"), "{first}");
            let review = post(
                &citizen,
                &app,
                &first,
                &[("musik", "yes"), ("lautsprecher", "3")],
            )
            .await;
            assert!(review.ends_with("/pruefen"), "{review}");
            let draft = first.split('/').nth(2).unwrap();
            let receipt = post(&citizen, &app, &format!("/antraege/{draft}/absenden"), &[]).await;
            assert!(receipt.starts_with("/antraege/eingang/"), "{receipt}");
            // Without a process file, its case is due in the days the service states.
            let submission = receipt.trim_start_matches("/antraege/eingang/");
            let case = crate::cases::case_of(&app, submission).await;
            assert_eq!(case.due_at - case.submitted_at, 12 * 86_400);
            // A caseworker of the department finds it in the inbox.
            let (_, inbox) = page(&lena, &app, "/bearbeitung").await;
            assert!(inbox.contains("Straßenfest anmelden"), "{inbox}");

            // The file is what was published; a new version begins from it.
            let file = file_at(&dana, &app, &here).await;
            assert_eq!(file, SERVICE);
            let next = post(&dana, &app, &here, &[("aktion", "neue-version")]).await;
            assert!(next.ends_with("?hinweis=neue-version"), "{next}");
            assert_ne!(design_id(&next), id);
        }
    });
}

#[test]
fn a_design_cannot_take_a_service_of_the_services_folder() {
    run(async {
        let app = crate::support::spawn_app(Backend::Sqlite).await;
        let dana = signed_in(&app, "department-admin").await;
        let taken = SERVICE.replace(r#"id = "strassenfest""#, r#"id = "bewohnerparkausweis""#);
        let saved = post(
            &dana,
            &app,
            "/dienststelle/entwuerfe",
            &[("quelle", &taken)],
        )
        .await;
        let (_, html) = page(&dana, &app, saved.split('?').next().unwrap()).await;
        assert!(html.contains("is defined by the services folder"), "{html}");
        assert!(!html.contains(r#"value="vorschlagen""#), "{html}");
        // An empty file is not stored.
        let empty = post(&dana, &app, "/dienststelle/entwuerfe", &[("quelle", "  ")]).await;
        assert_eq!(empty, "/dienststelle/entwuerfe?hinweis=leer");
    });
}

/// Designs, proposes and publishes the street party through `app` (two people).
async fn publish_street_party(app: &TestApp) {
    publish(app, SERVICE).await;
}

/// Designs, proposes and publishes `source` through `app` (two people).
async fn publish(app: &TestApp, source: &str) {
    let dana = signed_in(app, "department-admin").await;
    let saved = post(&dana, app, "/dienststelle/entwuerfe", &[("quelle", source)]).await;
    let here = saved.split('?').next().unwrap().to_owned();
    post(&dana, app, &here, &[("aktion", "vorschlagen")]).await;
    let jan = signed_in(app, "department-admin-2").await;
    let published = post(&jan, app, &here, &[("aktion", "veroeffentlichen")]).await;
    assert!(
        published.ends_with("?hinweis=veroeffentlicht"),
        "{published}"
    );
}

#[test]
fn a_service_published_through_one_process_is_served_by_the_other() {
    run(async {
        if !backends().contains(&Backend::Postgres) {
            return;
        }
        let (settings, dir) = test_settings(Backend::Postgres).await;
        let (first, second) = crate::support::two_portals(settings, dir).await;
        let citizen = signed_in(&second, "citizen").await;
        let (status, _) = page(&citizen, &second, "/leistungen/strassenfest-anmelden").await;
        assert_eq!(status, StatusCode::NOT_FOUND);

        publish_street_party(&first).await;
        // The other process reads it when the publication reaches its search.
        let (status, html) = within_seconds(
            5,
            async || page(&citizen, &second, "/leistungen/strassenfest-anmelden").await,
            |(status, _)| *status == StatusCode::OK,
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{html}");
        assert!(html.contains("Straßenfest anmelden"), "{html}");
        let (_, found) = within_seconds(
            5,
            async || page(&citizen, &second, "/suche?q=Stra%C3%9Fenfest").await,
            |(_, html)| html.contains("/leistungen/strassenfest-anmelden"),
        )
        .await;
        assert!(
            found.contains("/leistungen/strassenfest-anmelden"),
            "{found}"
        );
        let first_step = post(
            &citizen,
            &second,
            "/leistungen/strassenfest-anmelden/antrag",
            &[],
        )
        .await;
        assert!(first_step.ends_with("/fest"), "{first_step}");
    });
}

#[test]
fn fields_and_steps_are_added_from_the_form_with_conditions_picked_not_typed() {
    run(async {
        let app = crate::support::spawn_app(Backend::Sqlite).await;
        let (dana, here) = draft_of_dana(&app).await;
        let (_, html) = page(&dana, &app, &here).await;
        // The condition's choices are the answers the fields there are can take.
        assert!(
            html.contains(r#"<option value="musik=yes">Schritt 1: Gibt es Musik? ist „Ja“"#),
            "{html}"
        );

        // The field form, posted as the browser does.
        let add = async |fields: &[(&str, &str)]| {
            let mut form = vec![("aktion", "feld-hinzufuegen")];
            form.extend_from_slice(fields);
            post(&dana, &app, &here, &form).await
        };

        // A field shown when there is music, on the first step.
        let added = add(&[
            ("schritt", "1"),
            ("art", "choice"),
            ("kennung", "buehne"),
            ("bezeichnung_de", "Gibt es eine Bühne?"),
            ("bezeichnung_en", "Is there a stage?"),
            ("pflicht", "1"),
            (
                "optionen",
                "klein | Kleine Bühne | Small stage\ngross | Große Bühne",
            ),
            ("bedingung", "musik=yes"),
        ])
        .await;
        assert!(added.ends_with("?hinweis=feld-hinzugefuegt"), "{added}");
        // And a new last step with its first field.
        let added = add(&[
            ("schritt", "neu"),
            ("schritt_titel_de", "Kontakt"),
            ("art", "email"),
            ("kennung", "email"),
            ("bezeichnung_de", "E-Mail-Adresse"),
        ])
        .await;
        assert!(added.ends_with("?hinweis=feld-hinzugefuegt"), "{added}");
        let file = file_at(&dana, &app, &here).await;
        assert!(
            file.starts_with(SERVICE),
            "the file as written stays: {file}"
        );
        assert!(
            file.contains(r#"show_if = { field = "musik", equals = "yes" }"#)
                && file.contains(r#"id = "buehne""#)
                && file.contains(r#"title = { de = "Kontakt" }"#),
            "{file}"
        );
        // English was left out twice: warnings, no errors.
        let (_, html) = page(&dana, &app, &here).await;
        assert!(html.contains("Prüfung: 0 Fehler, 3 Hinweise"), "{html}");
        let (_, preview) = page(&dana, &app, &format!("{here}/vorschau/2")).await;
        assert!(preview.contains("E-Mail-Adresse"), "{preview}");

        // A taken id is refused with the reason, and what was typed is kept.
        let refused = add(&[
            ("schritt", "1"),
            ("art", "text"),
            ("kennung", "musik"),
            ("bezeichnung_de", "Welche Musik?"),
        ])
        .await;
        assert!(refused.contains("?hinweis=kennung-vergeben"), "{refused}");
        let (_, html) = page(&dana, &app, &refused).await;
        assert!(
            html.contains("Diese Kennung hat schon") && html.contains(r#"value="Welche Musik?""#),
            "{html}"
        );
        // A condition on an answer the field cannot give is refused too.
        let refused = add(&[
            ("schritt", "1"),
            ("art", "text"),
            ("kennung", "welche"),
            ("bezeichnung_de", "Welche Musik?"),
            ("bedingung", "musik=ja"),
        ])
        .await;
        assert!(refused.contains("?hinweis=bedingung"), "{refused}");
    });
}

#[test]
fn a_service_file_is_imported_as_a_file() {
    run(async {
        let app = crate::support::spawn_app(Backend::Sqlite).await;
        let dana = signed_in(&app, "department-admin").await;
        let upload = |bytes: Vec<u8>| {
            let file = reqwest::multipart::Part::bytes(bytes).file_name("strassenfest.toml");
            let form = reqwest::multipart::Form::new()
                .text("quelle", "")
                .part("datei", file);
            dana.post(app.url("/dienststelle/entwuerfe"))
                .multipart(form)
                .send()
        };
        let answer = upload(SERVICE.as_bytes().to_vec()).await.unwrap();
        assert_eq!(answer.status(), StatusCode::SEE_OTHER);
        let saved = answer.headers()["location"].to_str().unwrap().to_owned();
        let (_, html) = page(&dana, &app, &saved).await;
        assert!(
            html.contains("Straßenfest anmelden") && html.contains("Die Prüfung findet nichts"),
            "{html}"
        );
        // A file that is no text is refused with the reason; nothing is stored.
        let answer = upload(vec![0xff, 0xfe, 0x00]).await.unwrap();
        assert_eq!(answer.status(), StatusCode::SEE_OTHER);
        let note = answer.headers()["location"].to_str().unwrap().to_owned();
        assert_eq!(note, "/dienststelle/entwuerfe?hinweis=keine-textdatei");
        let (_, html) = page(&dana, &app, &note).await;
        assert!(html.contains("keine Textdatei"), "{html}");
        let (_, list) = page(&dana, &app, "/dienststelle/entwuerfe").await;
        assert_eq!(
            list.matches("/dienststelle/entwuerfe/").count(),
            1,
            "{list}"
        );
    });
}

#[test]
fn the_basic_facts_are_changed_from_their_form() {
    run(async {
        let app = crate::support::spawn_app(Backend::Sqlite).await;
        let (dana, here) = draft_of_dana(&app).await;
        let (_, html) = page(&dana, &app, &here).await;
        assert!(
            html.contains(r#"name="titel_de" value="Straßenfest anmelden""#),
            "the form shows the file's values: {html}"
        );
        let basics = |title: &'static str| {
            vec![
                ("aktion", "grunddaten"),
                ("titel_de", title),
                ("titel_en", "Register a street festival"),
                ("kurz_de", "Melden Sie Ihr Straßenfest an."),
                ("kurz_en", ""),
                ("was_de", "Anmeldung eines Straßenfests."),
                ("was_en", "Registration of a street party."),
                ("wer_de", "Anwohnerinnen und Anwohner."),
                ("wer_en", "Residents."),
                ("niveau", "substantial"),
                ("referat", "kvr"),
                ("bearbeitungstage", "14"),
                // The resident parking permit's catalogue service, bookable in the
                // tests' catalogue.
                ("termin", "100005"),
            ]
        };
        let done = post(
            &dana,
            &app,
            &here,
            &basics("Straßenfest anmelden und genehmigen"),
        )
        .await;
        assert!(done.ends_with("?hinweis=grunddaten"), "{done}");
        let file = file_at(&dana, &app, &here).await;
        assert!(
            file.contains(r#"title = { de = "Straßenfest anmelden und genehmigen", en = "Register a street festival" }"#)
                && file.contains(r#"level = "substantial""#)
                && file.contains(r#"summary = { de = "Melden Sie Ihr Straßenfest an." }"#)
                && file.contains("processing_days = 14")
                && file.contains(r#"appointment = "100005""#),
            "{file}"
        );
        let (_, html) = page(&dana, &app, &here).await;
        assert!(
            html.contains(r#"<option value="100005" selected"#),
            "the appointment is offered as chosen: {html}"
        );
        // A service the catalogue does not book, or days that are no number: refused.
        for (key, value, why) in [
            ("termin", "999999", "termin"),
            ("bearbeitungstage", "zwei", "zahl"),
        ] {
            let mut wrong = basics("Straßenfest");
            wrong.retain(|(k, _)| *k != key);
            wrong.push((key, value));
            let refused = post(&dana, &app, &here, &wrong).await;
            assert!(refused.contains(&format!("?hinweis={why}")), "{refused}");
        }
        // Without a German title: refused, the reason given, the other values kept.
        let refused = post(&dana, &app, &here, &basics("")).await;
        assert!(refused.contains("?hinweis=bezeichnung"), "{refused}");
        let (_, html) = page(&dana, &app, &refused).await;
        assert!(
            html.contains(r#"name="titel_en" value="Register a street festival""#)
                && html.contains("Die deutsche Bezeichnung"),
            "{html}"
        );
        // Another department than her own is refused.
        let mut other = basics("Straßenfest");
        other.retain(|(k, _)| *k != "referat");
        other.push(("referat", "awm"));
        let refused = post(&dana, &app, &here, &other).await;
        assert!(refused.contains("?hinweis=abteilung"), "{refused}");
    });
}

#[test]
fn fields_are_moved_and_removed_from_the_outline() {
    run(async {
        let app = crate::support::spawn_app(Backend::Sqlite).await;
        let (dana, here) = draft_of_dana(&app).await;
        let (_, html) = page(&dana, &app, &here).await;
        assert!(
            html.contains(r#"aria-label="Anzahl der Lautsprecher nach oben""#),
            "{html}"
        );
        let change = async |field: &str, how: &str| {
            let form = [("aktion", "feld-aendern"), ("feld", field), ("wie", how)];
            post(&dana, &app, &here, &form).await
        };
        let file = async || file_at(&dana, &app, &here).await;
        // The info text first, then removed; the speakers stay where they were.
        assert!(
            change("0.2", "hoch")
                .await
                .ends_with("?hinweis=feld-geaendert")
        );
        let moved = file().await;
        assert!(
            moved.find(r#"id = "hinweis""#) < moved.find(r#"id = "lautsprecher""#),
            "{moved}"
        );
        assert!(
            change("0.1", "entfernen")
                .await
                .ends_with("?hinweis=feld-geaendert")
        );
        let removed = file().await;
        assert!(!removed.contains(r#"id = "hinweis""#), "{removed}");
        assert!(removed.contains(r#"id = "lautsprecher""#), "{removed}");
        // The speakers' texts edited: English added, no longer required.
        let edited = post(
            &dana,
            &app,
            &here,
            &[
                ("aktion", "feld-bearbeiten"),
                ("feld", "0.1"),
                ("bezeichnung_de", "Wie viele Lautsprecher?"),
                ("bezeichnung_en", "How many speakers?"),
                ("hinweis_de", "Auch kleine zählen."),
            ],
        )
        .await;
        assert!(edited.ends_with("?hinweis=feld-geaendert"), "{edited}");
        let texts = file().await;
        assert!(
            texts.contains(
                r#"label = { de = "Wie viele Lautsprecher?", en = "How many speakers?" }"#
            ) && texts.contains(r#"hint = { de = "Auch kleine zählen." }"#)
                && texts.contains("max = 10"),
            "{texts}"
        );
        let speakers = &texts[texts.find(r#"id = "lautsprecher""#).unwrap()..];
        assert!(!speakers.contains("required"), "{texts}");
        // Past the end, or a field that is not there: refused with the reason.
        assert!(
            change("0.1", "runter")
                .await
                .ends_with("?hinweis=kein-feld")
        );
        assert!(
            change("3.0", "entfernen")
                .await
                .ends_with("?hinweis=kein-schritt")
        );
        assert!(change("x", "hoch").await.ends_with("?hinweis=kein-feld"));
    });
}

#[test]
fn a_fields_rules_are_set_from_its_form_and_a_refused_one_keeps_what_was_typed() {
    run(async {
        let app = crate::support::spawn_app(Backend::Sqlite).await;
        let (dana, here) = draft_of_dana(&app).await;
        let (_, html) = page(&dana, &app, &here).await;
        // The speakers' form offers their range with what the file says.
        assert!(
            html.contains(r#"id="f0.1-min""#) && html.contains(r#"name="max" value="10""#),
            "{html}"
        );
        let edit = async |max: &str| {
            let form = [
                ("aktion", "feld-bearbeiten"),
                ("feld", "0.1"),
                ("regeln", "1"),
                ("bezeichnung_de", "Wie viele Lautsprecher?"),
                ("pflicht", "1"),
                ("min", "2"),
                ("max", max),
            ];
            post(&dana, &app, &here, &form).await
        };
        let refused = edit("zwölf").await;
        assert!(refused.ends_with("?hinweis=zahl#feld-0.1"), "{refused}");
        assert!(file_at(&dana, &app, &here).await.contains("max = 10"));
        // The refused form opens again with what was typed and the reason inside it.
        let (_, html) = page(&dana, &app, &refused).await;
        let form = &html[html.find(r#"id="feld-0.1""#).expect("the field's form")..];
        let form = &form[..form.find("</details>").unwrap()];
        assert!(form.contains(" open"), "{form}");
        assert!(form.contains(r#"value="zwölf""#), "{form}");
        assert!(
            form.contains(r#"value="Wie viele Lautsprecher?""#),
            "{form}"
        );
        assert!(form.contains("der eine Zahl sein muss"), "{form}");

        assert!(edit("12").await.ends_with("?hinweis=feld-geaendert"));
        let file = file_at(&dana, &app, &here).await;
        assert!(
            file.contains("min = 2") && file.contains("max = 12"),
            "{file}"
        );
        // A post of texts alone leaves the rules.
        let texts = [
            ("aktion", "feld-bearbeiten"),
            ("feld", "0.1"),
            ("bezeichnung_de", "Lautsprecher"),
        ];
        post(&dana, &app, &here, &texts).await;
        assert!(file_at(&dana, &app, &here).await.contains("max = 12"));
    });
}

/// The fingerprint the design page at `here` sends with its file box.
async fn stand_of(client: &reqwest::Client, app: &TestApp, here: &str) -> String {
    let (_, html) = page(client, app, here).await;
    let from = html
        .find(r#"name="stand" value=""#)
        .expect("the file box's stand")
        + 20;
    html[from..from + 64].to_owned()
}

#[test]
fn a_file_saved_meanwhile_by_a_colleague_is_not_overwritten_and_nothing_typed_is_lost() {
    run(async {
        let app = crate::support::spawn_app(Backend::Sqlite).await;
        let (dana, here) = draft_of_dana(&app).await;
        let seen_by_dana = stand_of(&dana, &app, &here).await;
        // Jan, of the same department, saves a new summary from his page.
        let jan = signed_in(&app, "department-admin-2").await;
        let jans = SERVICE.replace("in Ihrer Straße", "in Ihrer Gasse");
        let seen_by_jan = stand_of(&jan, &app, &here).await;
        let saved = post(
            &jan,
            &app,
            &here,
            &[
                ("aktion", "speichern"),
                ("stand", &seen_by_jan),
                ("quelle", &jans),
            ],
        )
        .await;
        assert!(saved.ends_with("?hinweis=gespeichert"), "{saved}");

        // Dana saves the text she was shown, changed: refused, Jan's stays.
        let danas = SERVICE.replace("Anwohnerinnen und Anwohner.", "Alle in der Straße.");
        let save = [
            ("aktion", "speichern"),
            ("stand", seen_by_dana.as_str()),
            ("quelle", danas.as_str()),
        ];
        let refused = post(&dana, &app, &here, &save).await;
        assert!(
            refused.ends_with("?hinweis=inzwischen-gespeichert#quelle"),
            "{refused}"
        );
        assert_eq!(file_at(&dana, &app, &here).await, jans);
        // Her text is in the box, with the saved one's stand and why.
        let (_, html) = page(&dana, &app, &refused).await;
        assert!(html.contains("Alle in der Straße."), "{html}");
        assert!(html.contains("Inzwischen hat jemand anderes"), "{html}");
        // Saved again knowingly, it replaces Jan's.
        let now_seen = stand_of(&dana, &app, &here).await;
        let again = [
            ("aktion", "speichern"),
            ("stand", now_seen.as_str()),
            ("quelle", danas.as_str()),
        ];
        assert!(
            post(&dana, &app, &here, &again)
                .await
                .ends_with("?hinweis=gespeichert")
        );
        assert_eq!(file_at(&dana, &app, &here).await, danas);
    });
}

#[test]
fn of_two_changes_made_to_the_same_text_at_once_the_second_is_refused() {
    run(async {
        let app = crate::support::spawn_app(Backend::Sqlite).await;
        let (_, here) = draft_of_dana(&app).await;
        let id: i32 = design_id(&here).parse().unwrap();
        let admin = kernel::Identity {
            subject: Some("admin".into()),
            roles: vec![kernel::Role::DepartmentAdmin],
            departments: vec!["kvr".into()],
            ..kernel::Identity::default()
        };
        let db = &app.state.ctx.db;
        // Both read the draft before either saves (two requests at once).
        let read = forms::designs::find_for(db, id, &admin).await.unwrap();
        let first = SERVICE.replace("Residents.", "Neighbours.");
        forms::designs::save(db, &read, &first, &admin, 1)
            .await
            .unwrap();
        let second = SERVICE.replace("Residents.", "Everyone.");
        let refused = forms::designs::save(db, &read, &second, &admin, 2).await;
        assert_eq!(
            refused,
            Err(kernel::AppError::Conflict(
                forms::designs::CHANGED_MEANWHILE.into()
            ))
        );
        let stored = forms::designs::find_for(db, id, &admin).await.unwrap();
        assert_eq!(stored.source, first);
    });
}

#[test]
fn a_repeatable_group_is_built_from_the_forms_and_previewed() {
    run(async {
        let app = crate::support::spawn_app(Backend::Sqlite).await;
        let (dana, here) = draft_of_dana(&app).await;
        let add = async |fields: &[(&str, &str)]| {
            let mut form = vec![("aktion", "feld-hinzufuegen")];
            form.extend_from_slice(fields);
            post(&dana, &app, &here, &form).await
        };
        let group = [
            ("schritt", "1"),
            ("art", "group"),
            ("kennung", "helfer"),
            ("bezeichnung_de", "Helferinnen und Helfer"),
        ];
        assert!(add(&group).await.ends_with("?hinweis=feld-hinzugefuegt"));
        let (_, html) = page(&dana, &app, &here).await;
        // Offered as a place for the next field; named by the checker while empty.
        assert!(
            html.contains(
                r#"<option value="1/helfer">1. Schritt, in die Gruppe „Helferinnen und Helfer“"#
            ),
            "{html}"
        );
        assert!(html.contains("a group needs fields"), "{html}");
        let member = [
            ("schritt", "1/helfer"),
            ("art", "text"),
            ("kennung", "name"),
            ("bezeichnung_de", "Name der Helferin oder des Helfers"),
        ];
        assert!(add(&member).await.ends_with("?hinweis=feld-hinzugefuegt"));
        let file = file_at(&dana, &app, &here).await;
        assert!(file.contains("[[steps.fields.fields]]"), "{file}");
        let (_, html) = page(&dana, &app, &here).await;
        assert!(html.contains("Prüfung: 0 Fehler"), "{html}");
        // A file cannot be part of it: refused with the reason, the form kept.
        let upload = [
            ("schritt", "1/helfer"),
            ("art", "file"),
            ("kennung", "ausweis"),
            ("bezeichnung_de", "Ausweis"),
        ];
        let refused = add(&upload).await;
        assert!(refused.contains("?hinweis=nicht-in-gruppe"), "{refused}");
        // Citizens will see the group with its field.
        let (status, preview) = page(&dana, &app, &format!("{here}/vorschau/1?sprache=de")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            preview.contains("Helferinnen und Helfer")
                && preview.contains("Name der Helferin oder des Helfers"),
            "{preview}"
        );
    });
}

#[test]
fn a_designed_service_with_four_eyes_has_its_decisions_confirmed_by_a_second_person() {
    run(async {
        let app = crate::support::spawn_app(Backend::Sqlite).await;
        let four_eyes = SERVICE.replacen(
            "processing_days = 12",
            "processing_days = 12\nfour_eyes = true",
            1,
        );
        publish(&app, &four_eyes).await;
        let citizen = signed_in(&app, "citizen").await;
        let first = post(
            &citizen,
            &app,
            "/leistungen/strassenfest-anmelden/antrag",
            &[],
        )
        .await;
        post(&citizen, &app, &first, &[("musik", "no")]).await;
        let draft = first.split('/').nth(2).unwrap();
        let receipt = post(&citizen, &app, &format!("/antraege/{draft}/absenden"), &[]).await;
        let submission = receipt.trim_start_matches("/antraege/eingang/");
        let case = crate::cases::case_of(&app, submission).await;
        assert_eq!(case.due_at - case.submitted_at, 12 * 86_400);

        // Lena's approval waits for a second person.
        crate::cases::approval_waits_for_a_second_person(&app, &case.id).await;
        let decided = crate::cases::case_of(&app, submission).await;
        assert_eq!(decided.state, cases::State::AwaitingConfirmation);
    });
}
