//! `GET /lang/{code}?back=/path`: remembers the language in a cookie and returns to the
//! page. A plain link, so switching works without JavaScript.

use axum::{
    extract::{Path, Query, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use kernel::{
    i18n::{LANGUAGE_COOKIE, languages::offered},
    routes::Routes,
};
use serde::Deserialize;

use super::back_or_home;
use crate::server::{AppState, Settings};

/// One year: a language choice is kept until the person changes it.
const COOKIE_MAX_AGE_SECS: u32 = 365 * 24 * 60 * 60;

pub fn routes() -> Routes<AppState> {
    Routes::new().get("/lang/{code}", switch_language)
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
    let Some(locale) = offered()
        .iter()
        .map(|l| l.locale)
        .find(|l| l.code() == code)
    else {
        return (
            StatusCode::NOT_FOUND,
            "unknown language / unbekannte Sprache",
        )
            .into_response();
    };
    let target = back_or_home(query.back.as_deref());
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
