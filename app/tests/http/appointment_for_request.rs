//! Booking the appointment a filed request asks for: the confirmation of the resident
//! parking permit offers collecting it at the citizens' office, the citizen books
//! through the usual pages, and the caseworker finds the appointment on the case.
//! Only the citizen who filed the request books for it.

use reqwest::StatusCode;

use crate::{
    appointment_booking::{MITTE, all, appointment_count, days, times},
    support::{TestApp, backends, page, post_form as post, run, signed_in, spawn_app},
};

/// The catalogue service the parking permit's form asks an appointment for.
const COLLECT_PERMIT: &str = "100005";

/// Holds the first free time at office Mitte for `service` and filed request
/// `request` as `client`; the post's status and target.
async fn hold_first(
    client: &reqwest::Client,
    app: &TestApp,
    service: &str,
    request: &str,
) -> (StatusCode, String) {
    let calendar = format!("/termine/buero/{MITTE}?leistung={service}&personen=1&antrag={request}");
    let (status, html) = page(client, app, &calendar).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    let day = days(&html).first().cloned().expect("a free day");
    let (_, html) = page(client, app, &format!("{calendar}&tag={day}")).await;
    assert!(
        html.contains(r#"name="antrag""#),
        "the request rides along: {html}"
    );
    let (slot, _) = times(&html).first().cloned().expect("a free time");
    post(
        client,
        app,
        "/termine/halten",
        &[
            ("buero", MITTE),
            ("tag", &day),
            ("leistung", service),
            ("personen", "1"),
            ("zeit", &slot),
            ("antrag", request),
        ],
    )
    .await
}

#[test]
fn a_citizen_books_the_appointment_a_request_asks_for_and_the_case_shows_it() {
    run(async {
        for backend in backends() {
            let app = spawn_app(backend).await;
            let anna = signed_in(&app, "citizen").await;
            let submission = crate::filing::file_parking_permit(&anna, &app).await;

            // The confirmation offers the appointment for this request.
            let (_, receipt) = page(&anna, &app, &format!("/antraege/eingang/{submission}")).await;
            let offer = all(r#"id="book-appointment" href="([^"]+)""#, &receipt)
                .pop()
                .unwrap_or_else(|| panic!("{backend:?}: an offer on {receipt}"))
                .replace("&amp;", "&");
            assert_eq!(
                offer,
                format!("/termine/auswahl?leistung={COLLECT_PERMIT}&antrag={submission}")
            );
            let (_, choice) = page(&anna, &app, &offer).await;
            assert!(choice.contains("Bewohnerparkausweis abholen"), "{choice}");
            assert!(
                choice.contains(&format!(r#"name="antrag" value="{submission}""#)),
                "{choice}"
            );

            // Someone else cannot book for Anna's request, nor can anybody without
            // signing in; Anna cannot book another service for it.
            let jonas = signed_in(&app, "citizen-low").await;
            let (status, _) = hold_first(&jonas, &app, COLLECT_PERMIT, &submission).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{backend:?}");
            let nobody = crate::support::browser();
            let (status, _) = hold_first(&nobody, &app, COLLECT_PERMIT, &submission).await;
            assert_eq!(status, StatusCode::UNAUTHORIZED, "{backend:?}");
            let (status, _) = hold_first(&anna, &app, "100003", &submission).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{backend:?}");
            assert_eq!(appointment_count(&app).await, 0, "nothing held");

            let (status, held) = hold_first(&anna, &app, COLLECT_PERMIT, &submission).await;
            assert_eq!(status, StatusCode::SEE_OTHER);
            assert!(held.starts_with("/termine/vormerkung/"), "{held}");
            post(&anna, &app, &held, &[("name", ""), ("email", "")]).await;
            let (_, booked) = page(&anna, &app, &held).await;
            let reference = all(r#"<strong id="reference">(T-[A-Z0-9]{8})<"#, &booked)
                .pop()
                .unwrap_or_else(|| panic!("booked: {booked}"));

            // The caseworker of the KVR finds it on the case.
            let case = crate::filing::case_of(&app, &submission).await;
            let lena = signed_in(&app, "caseworker").await;
            let (status, case_page) =
                page(&lena, &app, &format!("/bearbeitung/faelle/{case}")).await;
            assert_eq!(status, StatusCode::OK);
            assert!(
                case_page.contains("Termine zu diesem Antrag"),
                "{case_page}"
            );
            assert!(case_page.contains(&reference), "{case_page}");
            assert!(case_page.contains("Bürgerbüro Mitte"), "{case_page}");
        }
    });
}
