//! `/healthz` (the process runs) and `/readyz` (the database answers), for load
//! balancers and orchestrators.

use std::time::Duration;

use axum::{extract::State, http::StatusCode};
use kernel::{ModuleContext, routes::Routes};

use crate::server::AppState;

/// How long `/readyz` waits for the database before calling it unavailable.
const READY_TIMEOUT: Duration = Duration::from_secs(2);

pub fn routes() -> Routes<AppState> {
    Routes::new()
        .get("/healthz", healthz)
        .get("/readyz", readyz)
}

async fn healthz() -> &'static str {
    "ok"
}

async fn readyz(State(ctx): State<ModuleContext>) -> (StatusCode, &'static str) {
    match tokio::time::timeout(READY_TIMEOUT, ctx.db.ping()).await {
        Ok(Ok(())) => (StatusCode::OK, "ready"),
        Ok(Err(err)) => {
            tracing::warn!(error = %err, "readiness check: database unavailable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
        Err(_) => {
            tracing::warn!("readiness check: database did not answer in time");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}
