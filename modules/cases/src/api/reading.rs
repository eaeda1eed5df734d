//! `GET /cases/{id}` and `GET /cases/{id}/documents/{file}`: one case of the client's
//! departments (or one they were asked about) with its data, answers and documents, and
//! each document's content. A case that is none of the client's business is "not
//! found", as on the pages, so ids cannot be probed.

use axum::{
    extract::{Path, State as Shared},
    response::{IntoResponse, Response},
};
use kernel::{
    AppError,
    api::{ApiJson, Caller, Problem, ProblemKind, Scope},
};

use super::{
    ApiState, about_case,
    body::{AnswerRow, AnswerStep, CaseDetail, CaseSummary, DocumentLink},
};
use crate::{
    act::roles_of,
    case::Case,
    lifecycle::{Action, Actor},
};

/// The case `id` when the client works on it as staff (its department's or consulted).
pub(super) async fn staff_case(
    api: &ApiState,
    identity: &kernel::Identity,
    id: &str,
) -> Result<(Case, Vec<Actor>), Problem> {
    let case = crate::act::find(&api.db, id)
        .await
        .map_err(|e| api.problem(e))?
        .ok_or_else(|| Problem::new(ProblemKind::NotFound))?;
    let roles = staff_roles(&case, identity);
    if roles.is_empty() {
        return Err(Problem::new(ProblemKind::NotFound));
    }
    Ok((case, roles))
}

/// What `identity` is to `case` as staff (its department's caseworker, consulted).
pub(super) fn staff_roles(case: &Case, identity: &kernel::Identity) -> Vec<Actor> {
    roles_of(case, identity)
        .into_iter()
        .filter(|r| matches!(r, Actor::Caseworker | Actor::Consulted))
        .collect()
}

/// Read a case.
#[utoipa::path(
    get,
    path = "/cases/{id}",
    operation_id = "getCase",
    tag = "cases",
    params(("id" = String, Path, description = "The case's id")),
    responses(
        (status = 200, description = "The case", body = CaseDetail),
        (status = 404, description = "No such case among the client's", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["cases:read"]))
)]
pub async fn read(
    Shared(api): Shared<ApiState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Response {
    let read = async {
        let identity = caller.require(Scope::CasesRead)?;
        let (case, roles) = staff_case(&api, identity, &id).await?;
        let detail = detail(&api, &case, &roles)
            .await
            .map_err(|e| api.problem(e))?;
        Ok(ApiJson(detail).into_response())
    };
    about_case(&id, read.await)
}

/// Everything about `case` for someone with `roles` towards it.
pub(super) async fn detail(
    api: &ApiState,
    case: &Case,
    roles: &[Actor],
) -> Result<CaseDetail, AppError> {
    let now = chrono::Utc::now().timestamp();
    let filed = api.filed.as_deref();
    let (data, leika, sections) = match filed {
        Some(filed) => {
            let filed_data = filed.data(&api.db, &case.submission_id).await?;
            let sections = filed
                .answers(&api.db, &case.submission_id, api.texts)
                .await?
                .unwrap_or_default();
            match filed_data {
                Some(filed_data) => (filed_data.data, filed_data.leika, sections),
                None => (serde_json::json!({}), None, sections),
            }
        }
        None => (serde_json::json!({}), None, Vec::new()),
    };
    let answers = sections
        .into_iter()
        .map(|section| AnswerStep {
            title: section.title,
            rows: section
                .rows
                .into_iter()
                .map(|(label, value)| AnswerRow { label, value })
                .collect(),
        })
        .collect();
    let documents = crate::documents::of_case(&api.db, filed, case, true)
        .await?
        .into_iter()
        .map(|d| DocumentLink {
            href: format!(
                "{}/cases/{}/documents/{}",
                kernel::api::BASE_PATH,
                case.id,
                d.id
            ),
            id: d.id,
            name: d.name,
            media_type: d.media_type,
            size: d.size,
            kind: d.kind,
        })
        .collect();
    let process = api.processes.get().for_service(&case.service_id);
    let mut actions: Vec<Action> = Vec::new();
    for role in roles {
        for action in process.actions(case.state, *role) {
            if !actions.contains(&action) {
                actions.push(action);
            }
        }
    }
    Ok(CaseDetail {
        case: CaseSummary::of(case, now),
        reason: case.reason.clone(),
        team: case.team.clone(),
        consulted: case.consulted.clone(),
        leika,
        data,
        answers,
        documents,
        actions,
    })
}

/// Download a document of a case.
#[utoipa::path(
    get,
    path = "/cases/{id}/documents/{file}",
    operation_id = "getCaseDocument",
    tag = "cases",
    params(
        ("id" = String, Path, description = "The case's id"),
        ("file" = String, Path, description = "The document's id"),
    ),
    responses(
        (status = 200, description = "The document's content, with its media type", content_type = "application/octet-stream"),
        (status = 404, description = "No such document of the client's cases", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["cases:read"]))
)]
pub async fn document(
    Shared(api): Shared<ApiState>,
    caller: Caller,
    Path((id, file)): Path<(String, String)>,
) -> Response {
    let download = async {
        let identity = caller.require(Scope::CasesRead)?;
        let (case, _) = staff_case(&api, identity, &id).await?;
        crate::download::respond(
            &api.db,
            api.files.as_ref(),
            api.filed.as_deref(),
            &case,
            &file,
            true,
        )
        .await
        .map_err(|e| api.problem(e))?
        .ok_or_else(|| Problem::new(ProblemKind::NotFound))
    };
    about_case(&id, download.await)
}
