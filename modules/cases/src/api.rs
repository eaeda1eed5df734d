//! The cases part of the open interface `/api/v1`: the cases of the calling system's
//! departments, listed with the inbox's filters and pages by key, read with their data,
//! answers and documents, and acted on (state changes, messages to the citizen,
//! internal notes) by the same rules as the caseworker pages, with the client as the
//! acting caseworker.

mod body;
mod listing;
mod reading;
mod writing;

use std::sync::Arc;

use kernel::{
    I18n, Locale, ModuleContext, api::Problem, intake::FiledAnswers, routes::Routes,
    storage::FileStore,
};
use utoipa::OpenApi;

use crate::loader::LoadedProcesses;

/// What the handlers share.
#[derive(Clone)]
struct ApiState {
    db: sea_orm::DatabaseConnection,
    processes: LoadedProcesses,
    files: Arc<dyn FileStore>,
    filed: Option<Arc<dyn FiledAnswers>>,
    /// Texts of the answers (German, as filed and processed).
    texts: I18n,
}

impl ApiState {
    /// The problem for `error`, explained in English (the interface's language).
    fn problem(&self, error: kernel::AppError) -> Problem {
        Problem::from_error(error, &self.texts.in_locale(Locale::EN))
    }
}

/// The answer of a call about case `id`, marked with it for the call's audit entry
/// (refused calls too: attempts on other departments' cases are worth knowing).
fn about_case(
    id: &str,
    result: Result<axum::response::Response, Problem>,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let mut response = result.unwrap_or_else(IntoResponse::into_response);
    response
        .extensions_mut()
        .insert(kernel::api::TouchedCase(id.to_owned()));
    response
}

/// The routes, relative to the interface's base path.
pub fn router(ctx: &ModuleContext, processes: LoadedProcesses) -> Routes {
    Routes::new()
        .get("/cases", listing::list)
        .get("/cases/{id}", reading::read)
        .get("/cases/{id}/documents/{file}", reading::document)
        .post("/cases/{id}/actions", writing::act)
        .post("/cases/{id}/messages", writing::message)
        .post("/cases/{id}/notes", writing::note)
        .with_state(ApiState {
            db: ctx.db.clone(),
            processes,
            files: ctx.files.clone(),
            filed: ctx.get::<dyn kernel::intake::FiledAnswers>(),
            texts: ctx.texts,
        })
}

/// The OpenAPI description of [`router`].
#[derive(OpenApi)]
#[openapi(
    paths(
        listing::list,
        reading::read,
        reading::document,
        writing::act,
        writing::message,
        writing::note
    ),
    tags((name = "cases", description = "The cases of the client's departments"))
)]
pub struct CasesApi;
