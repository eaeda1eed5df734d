//! Posts the portal cannot take get a page a person can read (in German and English,
//! before the language is known) instead of a bare status: too much data (413), and
//! form posts that cannot be read (400 and 415 from the form readers, e.g. invalid
//! UTF-8 or a wrong content type). Server functions keep their JSON errors.

use axum::{
    extract::Request,
    http::{Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

/// A page with a heading and a text in German and English, and the way home.
fn page(heading_de: &str, text_de: &str, heading_en: &str, text_en: &str) -> String {
    format!(
        r#"<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{heading_de} – Serviceportal</title>
<link rel="stylesheet" href="/pkg/portal.css">
</head>
<body>
<main id="main" class="portal-container">
<h1 class="kern-heading-x-large">{heading_de}</h1>
<p class="kern-body">{text_de}</p>
<p class="kern-body"><a class="kern-link" href="/">Zur Startseite</a></p>
<div lang="en">
<h2 class="kern-heading-medium">{heading_en}</h2>
<p class="kern-body">{text_en}</p>
<p class="kern-body"><a class="kern-link" href="/">To the home page</a></p>
</div>
</main>
</body>
</html>
"#
    )
}

fn too_large() -> String {
    page(
        "Zu viele Daten auf einmal",
        "Ihre Anfrage war zu groß, zum Beispiel eine zu große Datei. Es wurde nichts gespeichert. Bitte gehen Sie zurück und senden Sie weniger oder kleinere Dateien.",
        "Too much data at once",
        "Your request was too large, for example a file that is too big. Nothing was saved. Please go back and send less or smaller files.",
    )
}

fn unreadable() -> String {
    page(
        "Die Angaben konnten nicht gelesen werden",
        "Die gesendeten Daten hatten eine Form, die das Serviceportal nicht lesen kann. Es wurde nichts gespeichert. Bitte gehen Sie zurück und senden Sie das Formular noch einmal.",
        "The data could not be read",
        "The data sent was in a form the service portal cannot read. Nothing was saved. Please go back and send the form again.",
    )
}

/// Middleware: gives refused posts a readable page.
pub async fn apply(request: Request, next: Next) -> Response {
    // The open interface answers every refusal with problem details of its own.
    if request.uri().path().starts_with(kernel::api::BASE_PATH) {
        return next.run(request).await;
    }
    // Server functions (`/api/…`) keep their JSON errors.
    let form_post = request.method() == Method::POST && !request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    let plain_text = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/plain"));
    let body = match response.status() {
        StatusCode::PAYLOAD_TOO_LARGE => too_large(),
        StatusCode::BAD_REQUEST | StatusCode::UNSUPPORTED_MEDIA_TYPE if form_post && plain_text => {
            unreadable()
        }
        _ => return response,
    };
    (
        response.status(),
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}
