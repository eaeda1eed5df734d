//! `POST /cases/{id}/actions`, `/messages` and `/notes`: the client acts on a case as a
//! caseworker of its departments would, by the same checks (who may take which action
//! from which state, the version the decision was taken on, text rules), recorded on
//! the case's timeline under the client's name.

use axum::{
    extract::{Path, State as Shared},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use kernel::api::{ApiJson, Caller, Problem, Scope};

use super::{
    ApiState, about_case,
    body::{ActionRequest, CaseDetail, TextRequest, Written},
    reading::{detail, staff_case, staff_roles},
};
use crate::{act::Command, comment::Comment};

/// Take an action on a case.
#[utoipa::path(
    post,
    path = "/cases/{id}/actions",
    operation_id = "actOnCase",
    tag = "cases",
    params(("id" = String, Path, description = "The case's id")),
    request_body = ActionRequest,
    responses(
        (status = 200, description = "The case after the action", body = CaseDetail),
        (status = 400, description = "Unknown action, or a text missing or too long", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case among the client's", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The case changed since `version`, or the action is not possible now", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["cases:write"]))
)]
pub async fn act(
    Shared(api): Shared<ApiState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<ActionRequest>,
) -> Response {
    let result = take(&api, &caller, &id, request).await;
    about_case(&id, result)
}

async fn take(
    api: &ApiState,
    caller: &Caller,
    id: &str,
    request: ActionRequest,
) -> Result<Response, Problem> {
    let identity = caller.require(Scope::CasesWrite)?;
    let action = request.action;
    let (case, _) = staff_case(api, identity, id).await?;
    let command = Command {
        action,
        version: request.version,
        text: request.text.unwrap_or_default(),
        department: request.department,
        files: Vec::new(),
    };
    let now = chrono::Utc::now().timestamp();
    let changed = crate::act::act(
        &api.db,
        api.processes.get(),
        &case.id,
        identity,
        &command,
        now,
    )
    .await
    .map_err(|e| api.problem(e))?;
    // Handing an opinion back ends a consulted department's access: no actions then.
    let roles = staff_roles(&changed, identity);
    let detail = detail(api, &changed, &roles)
        .await
        .map_err(|e| api.problem(e))?;
    Ok(ApiJson(detail).into_response())
}

/// Write a message to the citizen.
#[utoipa::path(
    post,
    path = "/cases/{id}/messages",
    operation_id = "sendCaseMessage",
    tag = "cases",
    params(("id" = String, Path, description = "The case's id")),
    request_body = TextRequest,
    responses(
        (status = 201, description = "Written; the citizen is told by e-mail", body = Written),
        (status = 400, description = "The text is empty or too long", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case among the client's", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The case is closed", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["cases:write"]))
)]
pub async fn message(
    shared: Shared<ApiState>,
    caller: Caller,
    id: Path<String>,
    body: ApiJson<TextRequest>,
) -> Response {
    write(shared, &caller, id, body, Comment::Message).await
}

/// Add an internal note (staff only, never shown to the citizen).
#[utoipa::path(
    post,
    path = "/cases/{id}/notes",
    operation_id = "addCaseNote",
    tag = "cases",
    params(("id" = String, Path, description = "The case's id")),
    request_body = TextRequest,
    responses(
        (status = 201, description = "Written", body = Written),
        (status = 400, description = "The text is empty or too long", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case among the client's", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The case is closed", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["cases:write"]))
)]
pub async fn note(
    shared: Shared<ApiState>,
    caller: Caller,
    id: Path<String>,
    body: ApiJson<TextRequest>,
) -> Response {
    write(shared, &caller, id, body, Comment::Note).await
}

async fn write(
    Shared(api): Shared<ApiState>,
    caller: &Caller,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<TextRequest>,
    kind: Comment,
) -> Response {
    let written = async {
        let identity = caller.require(Scope::CasesWrite)?;
        let (case, _) = staff_case(&api, identity, &id).await?;
        let now = chrono::Utc::now().timestamp();
        crate::comment::comment(&api.db, &case.id, identity, kind, &request.text, now)
            .await
            .map_err(|e| api.problem(e))?;
        let written = Written { case_id: case.id };
        Ok((StatusCode::CREATED, ApiJson(written)).into_response())
    };
    about_case(&id, written.await)
}
