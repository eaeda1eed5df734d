//! `POST /dienststelle/leistungen/{service}` with `online=0|1`: a department
//! administrator takes a service of their department offline or back online. Recorded
//! in the audit trail; answers with a redirect to the dashboard.
//!
//! `GET /dienststelle/leistungen/{service}/definition.toml`: the service's current
//! definition as a file of the services' repository format, so a department can keep
//! its services in git.

use std::sync::Arc;

use axum::{
    Extension, Form,
    extract::{Path, State},
    http::header,
    response::{IntoResponse, Redirect, Response},
};
use kernel::{AppError, Identity, ModuleContext, audit::AuditEntry, routes::Routes};
use serde::Deserialize;

/// The dashboard.
pub use crate::pages::DASHBOARD_PATH as DASHBOARD;

#[derive(Debug, Deserialize)]
struct Switch {
    online: String,
}

/// The switch and file routes (the host lets department administrators only).
pub fn router(ctx: ModuleContext) -> Routes {
    Routes::new()
        .post("/dienststelle/leistungen/{service}", switch)
        .get(
            "/dienststelle/leistungen/{service}/definition.toml",
            definition_file,
        )
        .with_state(Arc::new(ctx))
}

fn refusal(err: &AppError) -> Response {
    err.clone().into_response()
}

async fn definition_file(
    State(ctx): State<Arc<ModuleContext>>,
    Path(service): Path<String>,
    Extension(identity): Extension<Identity>,
) -> Response {
    let file = async {
        let admin = own_service(&ctx, &identity, &service).await?;
        admin
            .definition_file(&service)
            .await?
            .ok_or(AppError::NotFound)
    };
    match file.await {
        Ok(text) => (
            [
                (
                    header::CONTENT_TYPE,
                    "application/toml; charset=utf-8".to_owned(),
                ),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{service}.toml\""),
                ),
            ],
            text,
        )
            .into_response(),
        Err(err) => refusal(&err),
    }
}

/// The services' administration, if `service` is one of `identity`'s departments'
/// (any other is "not found").
async fn own_service(
    ctx: &ModuleContext,
    identity: &Identity,
    service: &str,
) -> Result<Arc<dyn kernel::service_admin::ServiceAdmin>, AppError> {
    let admin = ctx
        .get::<dyn kernel::service_admin::ServiceAdmin>()
        .ok_or(AppError::NotFound)?;
    let own = admin.services(&ctx.db, &identity.departments).await?;
    if own.iter().any(|s| s.id == service) {
        Ok(admin)
    } else {
        Err(AppError::NotFound)
    }
}

async fn switch(
    State(ctx): State<Arc<ModuleContext>>,
    Path(service): Path<String>,
    Extension(identity): Extension<Identity>,
    Form(form): Form<Switch>,
) -> Response {
    match switched(&ctx, &identity, &service, form.online == "1").await {
        Ok(()) => Redirect::to(&format!("{DASHBOARD}#leistungen")).into_response(),
        Err(err) => refusal(&err),
    }
}

async fn switched(
    ctx: &ModuleContext,
    identity: &Identity,
    service: &str,
    online: bool,
) -> Result<(), AppError> {
    let admin = own_service(ctx, identity, service).await?;
    let name = identity.name.clone().unwrap_or_default();
    let now = chrono::Utc::now().timestamp();
    if admin
        .set_online(&ctx.db, service, online, &name, now)
        .await?
    {
        kernel::audit::record(
            &ctx.db,
            &AuditEntry {
                at: now,
                actor: identity.subject.clone().unwrap_or_default(),
                actor_name: name,
                action: if online {
                    "service_online"
                } else {
                    "service_offline"
                }
                .into(),
                case_id: None,
                detail: Some(service.to_owned()),
            },
        )
        .await?;
    }
    Ok(())
}
