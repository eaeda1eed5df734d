//! The dashboard's server function.

use kernel::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::model::DEFAULT_PERIOD_DAYS;
use super::model::Dashboard;

/// The dashboard for `from` to `until` (`YYYY-MM-DD`, both optional).
#[server(endpoint = "cases/dashboard")]
pub async fn department_dashboard(
    from: Option<String>,
    until: Option<String>,
) -> Result<Dashboard, AppError> {
    use kernel::Role;
    let identity = kernel::access::authorize(&kernel::Requirement::any_role(&[
        Role::Caseworker,
        Role::DepartmentAdmin,
    ]))?;
    let ctx = crate::pages::ssr::context()?;
    let now = chrono::Utc::now().timestamp();
    let today = kernel::time::today();
    let until = until
        .as_deref()
        .and_then(crate::inbox::date)
        .unwrap_or(today);
    let from = from
        .as_deref()
        .and_then(crate::inbox::date)
        .filter(|from| *from <= until)
        .unwrap_or(until - chrono::Duration::days(DEFAULT_PERIOD_DAYS));
    let mut board = super::query::figures(&ctx.db, &identity.departments, from, until, now).await?;
    board.may_switch = identity.has_role(Role::DepartmentAdmin);
    if let Some(admin) = &ctx.get::<dyn kernel::service_admin::ServiceAdmin>() {
        board.catalogue = admin.services(&ctx.db, &identity.departments).await?;
    }
    Ok(board)
}
