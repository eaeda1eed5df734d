//! `/dienststelle`: the department dashboard. Cases per state and per service, the
//! overdue ones, how long decisions took per service over a chosen period (median and
//! 90th percentile, from filing to decision), and the department's services with their
//! published version and whether they take requests online.

use kernel::{AppError, Text, catalogue::ServiceStatus};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::lifecycle::State;

/// Days the period covers when none is chosen.
pub const DEFAULT_PERIOD_DAYS: i64 = 90;

/// One service's figures.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceFigures {
    /// Service id.
    pub id: String,
    /// Title.
    pub title: Text,
    /// Cases not yet decided, closed or withdrawn.
    pub open: u64,
    /// Open cases past their deadline.
    pub overdue: u64,
    /// Every case.
    pub total: u64,
    /// Decisions in the period.
    pub decided: u64,
    /// Median days from filing to decision, for decisions in the period.
    pub median_days: Option<f64>,
    /// 90th percentile of the same.
    pub p90_days: Option<f64>,
}

/// The dashboard of the signed-in person's departments.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    /// The departments shown.
    pub departments: Vec<String>,
    /// Cases per state.
    pub per_state: Vec<(State, u64)>,
    /// Open cases past their deadline, all services.
    pub overdue: u64,
    /// Figures per service that has cases.
    pub services: Vec<ServiceFigures>,
    /// The period's first day (`YYYY-MM-DD`).
    pub from: String,
    /// The period's last day (`YYYY-MM-DD`).
    pub until: String,
    /// The department's services (for department administrators).
    pub catalogue: Vec<ServiceStatus>,
    /// The person may take services offline.
    pub may_switch: bool,
}

/// The `p` quantile (0–1] of ascending `sorted` by nearest rank.
pub fn quantile(sorted: &[i64], p: f64) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (p * sorted.len() as f64).ceil() as usize;
    sorted.get(rank.clamp(1, sorted.len()) - 1).copied()
}

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
    let mut board =
        crate::dashboard_query::figures(&ctx.db, &identity.departments, from, until, now).await?;
    board.may_switch = identity.has_role(Role::DepartmentAdmin);
    if let Some(admin) = &ctx.get::<dyn kernel::service_admin::ServiceAdmin>() {
        board.catalogue = admin.services(&ctx.db, &identity.departments).await?;
    }
    Ok(board)
}

#[cfg(test)]
mod tests {
    use super::quantile;

    #[test]
    fn nearest_rank_quantiles() {
        let days: Vec<i64> = (1..=10).collect();
        assert_eq!(quantile(&days, 0.5), Some(5));
        assert_eq!(quantile(&days, 0.9), Some(9));
        assert_eq!(quantile(&[7], 0.9), Some(7));
        assert_eq!(quantile(&[], 0.5), None);
    }
}
