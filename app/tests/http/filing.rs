//! Filing requests over HTTP as a browser without JavaScript does, for tests that
//! need a filed request to work with.

use reqwest::{Client, StatusCode};

use crate::support::TestApp;

/// POSTs a form and returns the redirect target.
pub async fn post(client: &Client, app: &TestApp, path: &str, fields: &[(&str, &str)]) -> String {
    let response = client
        .post(app.url(path))
        .form(fields)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "POST {path}");
    response.headers()["location"].to_str().unwrap().to_owned()
}

/// A date `days` from today in Germany (the portal's calendar), as a date picker
/// sends it.
pub fn in_days(days: i64) -> String {
    (kernel::time::today() + chrono::Duration::days(days))
        .format("%Y-%m-%d")
        .to_string()
}

/// A bulky-waste pick-up with every step answered; returns the draft id.
pub async fn bulky_waste_ready(browser: &Client, app: &TestApp) -> String {
    let first = post(browser, app, "/leistungen/sperrmuell-abholung/antrag", &[]).await;
    let draft = first.split('/').nth(2).unwrap().to_owned();
    let next = post(
        browser,
        app,
        &first,
        &[
            ("kinds", "furniture"),
            ("description", "1 Sofa"),
            ("volume", "2"),
        ],
    )
    .await;
    assert_eq!(next, format!("/antraege/{draft}/pickup"));
    let date = in_days(10);
    let review = post(
        browser,
        app,
        &next,
        &[
            ("address.street", "Marienplatz"),
            ("address.house_number", "8"),
            ("address.postcode", "80331"),
            ("address.city", "München"),
            ("date", &date),
        ],
    )
    .await;
    assert_eq!(review, format!("/antraege/{draft}/pruefen"));
    draft
}

/// Files a bulky-waste pick-up; returns the submission id.
pub async fn file_bulky_waste(browser: &Client, app: &TestApp) -> String {
    let draft = bulky_waste_ready(browser, app).await;
    let receipt = post(browser, app, &format!("/antraege/{draft}/absenden"), &[]).await;
    receipt.rsplit('/').next().unwrap().to_owned()
}

/// Files a resident parking permit with a vehicle document (the citizen must be
/// signed in at level substantial); returns the submission id.
pub async fn file_parking_permit(citizen: &Client, app: &TestApp) -> String {
    let vehicle = crate::uploads::at_vehicle_step(app, citizen).await;
    let permit = vehicle.split('/').nth(2).unwrap().to_owned();
    let declaration = crate::uploads::post_files(
        app,
        citizen,
        &vehicle,
        vec![("schein.png", crate::uploads::png(600))],
        "continue",
    )
    .await;
    post(citizen, app, &declaration, &[("truthful", "yes")]).await;
    let receipt = post(citizen, app, &format!("/antraege/{permit}/absenden"), &[]).await;
    receipt.rsplit('/').next().unwrap().to_owned()
}

/// The id of the case filed request `submission` became.
pub async fn case_of(app: &TestApp, submission: &str) -> String {
    cases::act::case_for_submission(&app.state.ctx.db, submission)
        .await
        .unwrap()
        .expect("the request's case")
}

/// Starts a dog registration and answers its first step with a dog born in 2020 plus
/// `extra` fields; returns the draft id and the address of the payment step.
pub async fn dog_at_payment(
    browser: &Client,
    app: &TestApp,
    extra: &[(&str, &str)],
) -> (String, String) {
    let first = post(browser, app, "/leistungen/hund-anmelden/antrag", &[]).await;
    let draft = first.split('/').nth(2).unwrap().to_owned();
    let kept_since = in_days(-3);
    let mut fields = vec![
        ("dog_name", "Bello"),
        ("breed", "mix"),
        ("born", "2020-01-01"),
        ("kept_since", kept_since.as_str()),
    ];
    fields.extend_from_slice(extra);
    let payment = post(browser, app, &first, &fields).await;
    assert_eq!(payment, format!("/antraege/{draft}/payment"));
    (draft, payment)
}
