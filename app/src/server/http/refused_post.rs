//! Posts the portal cannot take get a page a person can read (in German and English,
//! before the language is known) instead of a bare status: too much data (413), and
//! form posts that cannot be read (400 and 415 from the form readers, e.g. invalid
//! UTF-8 or a wrong content type). Server functions keep their JSON errors.

use super::plain_page::page;
use axum::{
    extract::Request,
    http::{Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

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

/// Middleware: gives refused posts a readable page, and ends the connection of a post
/// refused as too large.
pub async fn apply(request: Request, next: Next) -> Response {
    let mut response = readable(request, next).await;
    if response.status() == StatusCode::PAYLOAD_TOO_LARGE {
        // The rest of the body was never read, so the connection cannot carry another
        // request; saying so keeps a client from sending its next one into a closed
        // socket (a broken pipe instead of an answer).
        response.headers_mut().insert(
            header::CONNECTION,
            header::HeaderValue::from_static("close"),
        );
    }
    response
}

async fn readable(request: Request, next: Next) -> Response {
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
