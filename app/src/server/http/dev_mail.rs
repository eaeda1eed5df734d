//! `GET /entwicklung/post`: the mail outbox of a demo installation, newest first, and
//! `GET /entwicklung/post/{id}` the mail as written to `<data_dir>/mail`. Answers "not
//! found" everywhere else: a real installation's mails are personal data.

use axum::{
    extract::{Path, State},
    http::{StatusCode, header},
    response::{Html, IntoResponse, Response},
};
use kernel::routes::Routes;
use leptos::prelude::*;

use crate::server::{AppState, settings::MailTransport};

/// Mails are personal data, even in a demo: no cache keeps them.
const NO_STORE: [(header::HeaderName, &str); 1] = [(header::CACHE_CONTROL, "private, no-store")];

/// How many mails the page lists.
const LISTED: u32 = 200;

pub fn routes() -> Routes<AppState> {
    Routes::new()
        .get("/entwicklung/post", outbox)
        .get("/entwicklung/post/{id}", one_mail)
}

/// Only on demo installations (which production refuses to start).
fn shown(state: &AppState) -> bool {
    state.settings.demo_login()
}

async fn outbox(State(state): State<AppState>) -> Response {
    if !shown(&state) {
        return StatusCode::NOT_FOUND.into_response();
    }
    let mails = match kernel::mail::newest(&state.ctx.db, LISTED).await {
        Ok(mails) => mails,
        Err(err) => {
            tracing::error!(error = %err, "outbox page");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let files = state.settings.mail.transport == MailTransport::File;
    let time = kernel::time::minute;
    let rows = mails
        .into_iter()
        .map(|mail| {
            let sent = mail.sent_at.map(time).unwrap_or_else(|| "wartet".into());
            let link = (files && mail.sent_at.is_some()).then(|| {
                view! { <a href=format!("/entwicklung/post/{}", mail.id)>{format!("Mail {} ansehen", mail.id)}</a> }
            });
            view! {
                <tr>
                    <td>{mail.id}</td>
                    <td>{mail.to}</td>
                    <td>{mail.template}</td>
                    <td>{time(mail.created_at)}</td>
                    <td>{sent}</td>
                    <td>{mail.attempts}</td>
                    <td>{mail.last_error.unwrap_or_default()}</td>
                    <td>{link}</td>
                </tr>
            }
        })
        .collect::<Vec<_>>();
    let body = view! {
        <main>
            <h1>"Postausgang (Demo)"</h1>
            <p>"Die E-Mails dieser Demo-Installation, neueste zuerst. In einer echten Installation gibt es diese Seite nicht."</p>
            <table>
                <caption>"E-Mails im Postausgang"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Nr."</th>
                        <th scope="col">"An"</th>
                        <th scope="col">"Vorlage"</th>
                        <th scope="col">"Geschrieben"</th>
                        <th scope="col">"Versandt"</th>
                        <th scope="col">"Versuche"</th>
                        <th scope="col">"Letzter Fehler"</th>
                        <th scope="col">"Inhalt"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </main>
    }
    .to_html();
    (
        NO_STORE,
        Html(format!(
            "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Postausgang (Demo) – Serviceportal</title>\
         <link rel=\"stylesheet\" href=\"/pkg/portal.css\"></head><body>{body}</body></html>"
        )),
    )
        .into_response()
}

async fn one_mail(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    let Ok(id) = id.parse::<i64>() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if !shown(&state) || id < 0 {
        return StatusCode::NOT_FOUND.into_response();
    }
    let path = state
        .settings
        .data_dir
        .join("mail")
        .join(format!("{id:08}.eml"));
    match tokio::fs::read(&path).await {
        Ok(bytes) => (
            NO_STORE,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            bytes,
        )
            .into_response(),
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}
