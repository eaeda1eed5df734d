//! `POST /dienststelle/leistungen/{service}` with `online=0|1`: a department
//! administrator takes a service of their department offline or back online. Recorded
//! in the audit trail; answers with a redirect to the dashboard.

use std::sync::Arc;

use axum::{
    Extension, Form,
    extract::{Path, State},
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

/// The switch route (the host lets department administrators only).
pub fn router(ctx: ModuleContext) -> Routes {
    Routes::new()
        .post("/dienststelle/leistungen/{service}", switch)
        .with_state(Arc::new(ctx))
}

async fn switch(
    State(ctx): State<Arc<ModuleContext>>,
    Path(service): Path<String>,
    Extension(identity): Extension<Identity>,
    Form(form): Form<Switch>,
) -> Response {
    match switched(&ctx, &identity, &service, form.online == "1").await {
        Ok(()) => Redirect::to(&format!("{DASHBOARD}#leistungen")).into_response(),
        Err(err) => {
            let status = axum::http::StatusCode::from_u16(err.status())
                .unwrap_or(axum::http::StatusCode::INTERNAL_SERVER_ERROR);
            (status, err.to_string()).into_response()
        }
    }
}

async fn switched(
    ctx: &ModuleContext,
    identity: &Identity,
    service: &str,
    online: bool,
) -> Result<(), AppError> {
    let admin = ctx
        .get::<dyn kernel::service_admin::ServiceAdmin>()
        .ok_or(AppError::NotFound)?;
    // Only a service of one's own departments; any other is "not found".
    let own = admin.services(&ctx.db, &identity.departments).await?;
    if !own.iter().any(|s| s.id == service) {
        return Err(AppError::NotFound);
    }
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
