//! `GET /lang/{code}?back=/path`: remembers the language in a cookie and returns to the
//! page. A plain link, so switching works without JavaScript.

use axum::{
    Router,
    extract::{Path, Query, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
    routing::get,
};
use kernel::{Locale, i18n::LANGUAGE_COOKIE};
use serde::Deserialize;

use crate::server::{AppState, Settings};

/// One year: a language choice is kept until the person changes it.
const COOKIE_MAX_AGE_SECS: u32 = 365 * 24 * 60 * 60;
/// Longest `back` path followed; longer ones go to the home page.
const MAX_BACK_LEN: usize = 2048;

pub fn routes() -> Router<AppState> {
    Router::new().route("/lang/{code}", get(switch_language))
}

#[derive(Debug, Deserialize)]
struct Back {
    back: Option<String>,
}

async fn switch_language(
    Path(code): Path<String>,
    Query(query): Query<Back>,
    State(settings): State<std::sync::Arc<Settings>>,
) -> Response {
    let Some(locale) = Locale::ALL.into_iter().find(|l| l.code() == code) else {
        return (
            StatusCode::NOT_FOUND,
            "unknown language / unbekannte Sprache",
        )
            .into_response();
    };
    let target = query
        .back
        .as_deref()
        .and_then(local_path)
        .unwrap_or_else(|| "/".into());
    let secure = if settings.secure_cookies() {
        "; Secure"
    } else {
        ""
    };
    let cookie = format!(
        "{LANGUAGE_COOKIE}={}; Path=/; Max-Age={COOKIE_MAX_AGE_SECS}; SameSite=Lax; HttpOnly{secure}",
        locale.code()
    );
    (
        StatusCode::SEE_OTHER,
        [(header::LOCATION, target), (header::SET_COOKIE, cookie)],
    )
        .into_response()
}

/// `back` when it is a path on this site (never another host: no open redirect),
/// with bytes outside visible ASCII percent-encoded so it is a valid header.
fn local_path(back: &str) -> Option<String> {
    let ok = back.starts_with('/')
        && !back.starts_with("//")
        && !back.contains('\\')
        && back.len() <= MAX_BACK_LEN
        && !back.chars().any(char::is_control);
    ok.then(|| {
        let mut out = String::with_capacity(back.len());
        for byte in back.bytes() {
            if byte.is_ascii_graphic() {
                out.push(char::from(byte));
            } else {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(
            local_path("/toilets?district=Au").as_deref(),
            Some("/toilets?district=Au")
        );
        assert_eq!(local_path("//evil.example/"), None);
        assert_eq!(local_path("/\\evil.example/"), None);
        assert_eq!(local_path("https://evil.example/"), None);
        assert_eq!(local_path("/a\r\nSet-Cookie: x=1"), None);
        assert_eq!(local_path(&format!("/{}", "a".repeat(3000))), None);
    }

    #[test]
    fn non_ascii_is_percent_encoded() {
        assert_eq!(local_path("/x?d=Ä b").as_deref(), Some("/x?d=%C3%84%20b"));
    }
}
