//! A page the portal answers with where the page renderer cannot help (a post it cannot
//! read, a database that does not answer): the same look, in German and English,
//! before the person's language is known.

/// A page with a heading and a text in German and English, and the way home.
pub fn page(heading_de: &str, text_de: &str, heading_en: &str, text_en: &str) -> String {
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

/// The page for a database that does not answer (503): nothing is lost, try again.
pub fn disrupted() -> axum::response::Response {
    use axum::response::IntoResponse;
    let mut response = (
        axum::http::StatusCode::SERVICE_UNAVAILABLE,
        axum::response::Html(page(
            "Das Serviceportal ist gerade gestört",
            "Wir arbeiten daran. Bitte versuchen Sie es in ein paar Minuten noch einmal; was Sie schon gespeichert oder eingereicht haben, bleibt erhalten.",
            "The service portal is disrupted right now",
            "We are working on it. Please try again in a few minutes; what you have already saved or submitted is kept.",
        )),
    )
        .into_response();
    response.headers_mut().insert(
        axum::http::header::RETRY_AFTER,
        axum::http::HeaderValue::from_static("30"),
    );
    response
}
