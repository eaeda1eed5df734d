//! A form walked as a citizen without JavaScript does, where an outside walk found it
//! rough: a later step opened by its address, an address with wrong parts, a number
//! plate typed in small letters, questions a step's own answers open, and dates on the
//! check page as people write them.

use reqwest::{Client, StatusCode};

use crate::{
    filing::{bulky_waste_ready, in_days, post},
    support::{Backend, TestApp, page, run, signed_in, spawn_app, tag_with},
};

/// The `<div class="portal-field" …>` that holds the input named `name` on `html`.
fn field_box<'a>(html: &'a str, name: &str) -> &'a str {
    let at = html
        .find(&format!(r#"name="{name}""#))
        .unwrap_or_else(|| panic!("no input {name}"));
    let class = html[..at]
        .rfind(r#"class="portal-field""#)
        .expect("field box");
    let start = html[..class].rfind("<div").expect("field box");
    let end = start + html[start..].find('>').expect("tag end");
    &html[start..=end]
}

async fn parking_permit(app: &TestApp, browser: &Client) -> (String, String) {
    let first = post(browser, app, "/leistungen/bewohnerparkausweis/antrag", &[]).await;
    let draft = first.split('/').nth(2).unwrap().to_owned();
    (draft, first)
}

#[test]
fn a_later_step_by_its_address_leads_to_the_first_unfinished_one() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let erika = signed_in(&app, "citizen").await;
        let (draft, first) = parking_permit(&app, &erika).await;
        let later = erika
            .get(app.url(&format!("/antraege/{draft}/vehicle")))
            .header("accept", "text/html")
            .send()
            .await
            .unwrap();
        assert!(later.status().is_redirection(), "{}", later.status());
        assert_eq!(later.headers()["location"], first.as_str());
    });
}

#[test]
fn each_wrong_address_part_is_marked_at_its_own_input() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let erika = signed_in(&app, "citizen").await;
        let (_, first) = parking_permit(&app, &erika).await;
        let back = post(
            &erika,
            &app,
            &first,
            &[
                ("home.street", ""),
                ("home.house_number", "8"),
                ("home.postcode", "8033"),
                ("home.city", "München"),
                ("email", "erika.mustermann@example.org"),
            ],
        )
        .await;
        assert!(back.ends_with("#fehler"), "{back}");
        let (_, html) = page(&erika, &app, &first).await;
        for part in ["street", "postcode"] {
            let id = format!("f-home-{part}");
            assert!(
                html.contains(&format!(r##"href="#{id}""##)),
                "summary links {id}"
            );
            let tag = tag_with(&html, &format!(r#"id="{id}""#));
            assert!(
                tag.contains(r#"aria-invalid="true""#)
                    && tag.contains(&format!(r#"aria-describedby="{id}-error""#)),
                "{tag}"
            );
            assert!(!tag_with(&html, &format!(r#"id="{id}-error""#)).contains("hidden"));
        }
        // The parts that are right are not marked; their message waits hidden.
        assert!(!tag_with(&html, r#"id="f-home-city""#).contains("aria-invalid"));
        assert!(tag_with(&html, r#"id="f-home-city-error""#).contains("hidden"));
    });
}

#[test]
fn questions_opened_by_a_steps_answers_are_shown_before_they_are_judged() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let erika = signed_in(&app, "citizen").await;
        let (draft, first) = parking_permit(&app, &erika).await;
        let vehicle = post(
            &erika,
            &app,
            &first,
            &[
                ("home.street", "Marienplatz"),
                ("home.house_number", "8"),
                ("home.postcode", "80331"),
                ("home.city", "München"),
                ("email", "erika.mustermann@example.org"),
            ],
        )
        .await;
        assert_eq!(vehicle, format!("/antraege/{draft}/vehicle"));
        // Rendered hidden on the server: no condition holds yet.
        let (_, html) = page(&erika, &app, &vehicle).await;
        assert!(field_box(&html, "other_use").contains("hidden"), "{html}");
        // The answer opens a question: back to the step, the question shown, no error.
        let opened = post(
            &erika,
            &app,
            &vehicle,
            &[("plate", "m-ab  1234"), ("holder", "other")],
        )
        .await;
        assert_eq!(opened, format!("{vehicle}?weitere=1#f-other_use"));
        let (_, html) = page(&erika, &app, &opened).await;
        assert!(!field_box(&html, "other_use").contains("hidden"));
        assert!(html.contains("Ihre Antworten öffnen weitere Fragen"));
        assert!(!html.contains(r#"id="fehler""#), "nothing judged yet");
        // A plate in small letters and with two spaces is taken as written on the car.
        assert!(html.contains(r#"value="M-AB 1234""#), "{html}");
        // Sent again without answering: now it is judged like any other question.
        let judged = post(
            &erika,
            &app,
            &vehicle,
            &[("plate", "M-AB 1234"), ("holder", "other")],
        )
        .await;
        assert!(judged.ends_with("#fehler"), "{judged}");
        let (_, html) = page(&erika, &app, &judged).await;
        assert!(
            html.contains(r##"href="#f-other_use""##),
            "the summary names it"
        );
    });
}

#[test]
fn the_check_page_shows_dates_as_people_write_them() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let jonas = signed_in(&app, "citizen-low").await;
        let draft = bulky_waste_ready(&jonas, &app).await;
        let iso = in_days(10);
        let date = chrono::NaiveDate::parse_from_str(&iso, "%Y-%m-%d").unwrap();
        let review = format!("/antraege/{draft}/pruefen");
        let (status, html) = page(&jonas, &app, &review).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            html.contains(&date.format("%d.%m.%Y").to_string()),
            "{html}"
        );
        assert!(!html.contains(&iso), "no ISO date on the page");
        let english = jonas
            .get(app.url(&review))
            .header("accept-language", "en")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            english.contains(&date.format("%-d %B %Y").to_string()),
            "{english}"
        );
    });
}
