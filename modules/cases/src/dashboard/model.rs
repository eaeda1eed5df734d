//! The dashboard's figures as pages show them, and how quantiles are taken.

use kernel::{Text, catalogue::ServiceStatus};
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
