//! Requests with too much data get a page a person can read (in German and English,
//! before the language is known) instead of a bare status, with the way back.

use axum::{
    extract::Request,
    http::{StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

const PAGE: &str = r#"<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Zu viele Daten – Serviceportal</title>
<link rel="stylesheet" href="/pkg/portal.css">
</head>
<body>
<main id="main" class="portal-container">
<h1 class="kern-heading-x-large">Zu viele Daten auf einmal</h1>
<p class="kern-body">Ihre Anfrage war zu groß, zum Beispiel eine zu große Datei. Es wurde nichts gespeichert. Bitte gehen Sie zurück und senden Sie weniger oder kleinere Dateien.</p>
<p class="kern-body"><a class="kern-link" href="/">Zur Startseite</a></p>
<div lang="en">
<h2 class="kern-heading-medium">Too much data at once</h2>
<p class="kern-body">Your request was too large, for example a file that is too big. Nothing was saved. Please go back and send less or smaller files.</p>
<p class="kern-body"><a class="kern-link" href="/">To the home page</a></p>
</div>
</main>
</body>
</html>
"#;

/// Middleware: replaces the body of every 413 answer with [`PAGE`].
pub async fn apply(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    if response.status() != StatusCode::PAYLOAD_TOO_LARGE {
        return response;
    }
    (
        StatusCode::PAYLOAD_TOO_LARGE,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        PAGE,
    )
        .into_response()
}
