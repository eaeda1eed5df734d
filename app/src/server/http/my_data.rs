//! `GET /konto/daten`: the signed-in person's copy of their data as a ZIP archive (the
//! page guard has sent everyone else to sign in). Writing an archive reads every file
//! of the person, so only a few are written at once; a person who finds them all busy
//! is asked to try again shortly.

use std::sync::Arc;

use axum::{
    Extension,
    extract::State,
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{Html, IntoResponse, Response},
};
use kernel::{I18n, Identity, routes::Routes};
use tokio::sync::Semaphore;

use crate::{
    pages::MY_DATA_PATH,
    server::{AppState, my_data},
};

/// Archives written at the same time.
const AT_ONCE: usize = 2;

/// Seconds a person is asked to wait when all writers are busy.
const RETRY_AFTER_SECS: &str = "10";

#[derive(Clone)]
struct Copies {
    state: AppState,
    writers: Arc<Semaphore>,
}

pub fn routes(state: &AppState) -> Routes {
    Routes::new()
        .get(MY_DATA_PATH, download)
        .with_state(Copies {
            state: state.clone(),
            writers: Arc::new(Semaphore::new(AT_ONCE)),
        })
}

async fn download(
    State(copies): State<Copies>,
    Extension(identity): Extension<Identity>,
    headers: HeaderMap,
) -> Response {
    let i18n = copies
        .state
        .ctx
        .texts
        .in_locale(kernel::i18n::request_locale(&headers));
    let Ok(_writer) = copies.writers.clone().try_acquire_owned() else {
        let mut response = failure(&i18n, StatusCode::SERVICE_UNAVAILABLE, "shell-data-busy");
        response.headers_mut().insert(
            header::RETRY_AFTER,
            HeaderValue::from_static(RETRY_AFTER_SECS),
        );
        return response;
    };
    let state = &copies.state;
    let now = state.clock.now();
    match my_data::make(&state.ctx, &identity, &i18n, now).await {
        Ok(copy) => {
            let body = axum::body::Body::from_stream(tokio_util::io::ReaderStream::new(
                tokio::fs::File::from_std(copy.file),
            ));
            (
                [
                    (header::CONTENT_TYPE, "application/zip".to_owned()),
                    (header::CONTENT_LENGTH, copy.size.to_string()),
                    (
                        header::CONTENT_DISPOSITION,
                        format!("attachment; filename=\"{}\"", copy.name),
                    ),
                    (header::CACHE_CONTROL, "private, no-store".to_owned()),
                ],
                body,
            )
                .into_response()
        }
        Err(error) => {
            tracing::error!(%error, "a copy of a person's data could not be made");
            failure(
                &i18n,
                StatusCode::INTERNAL_SERVER_ERROR,
                "shell-data-failed",
            )
        }
    }
}

/// A small page saying why there is no archive, with the way back.
fn failure(i18n: &I18n, status: StatusCode, key: &str) -> Response {
    use leptos::prelude::*;
    let title = i18n.t("shell-data-heading");
    let body = view! {
        <main>
            <h1>{title.clone()}</h1>
            <p>{i18n.t(key)}</p>
            <p><a href="/konto">{i18n.phrase("shell-data-back")}</a></p>
        </main>
    }
    .to_html();
    (
        status,
        Html(format!(
            "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>{title}</title><link rel=\"stylesheet\" href=\"/pkg/portal.css\"></head>\
             <body>{body}</body></html>",
            i18n.locale.code()
        )),
    )
        .into_response()
}
