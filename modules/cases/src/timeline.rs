//! The timeline of a case: what happened, when, by whom. Staff see everything;
//! citizens see what concerns them (no internal notes, proposals or consultations).

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};

use crate::entity::event;

/// One entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// When (Unix seconds).
    pub at: i64,
    /// Who, as shown.
    pub actor_name: String,
    /// What: an action (`claim`, `approve` …) or `filed`.
    pub kind: String,
    /// State before, for transitions.
    pub from_state: Option<String>,
    /// State after.
    pub to_state: Option<String>,
    /// Reason, message or opinion.
    pub body: Option<String>,
    /// Only for staff.
    pub internal: bool,
}

/// The events of case `case_id`, oldest first; internal ones only with `staff`.
pub async fn timeline(
    db: &DatabaseConnection,
    case_id: &str,
    staff: bool,
) -> Result<Vec<Event>, sea_orm::DbErr> {
    let mut query = event::Entity::find().filter(event::Column::CaseId.eq(case_id));
    if !staff {
        query = query.filter(event::Column::Internal.eq(false));
    }
    let rows = query.order_by_asc(event::Column::Id).all(db).await?;
    Ok(rows
        .into_iter()
        .map(|row| Event {
            at: row.at,
            actor_name: row.actor_name,
            kind: row.kind,
            from_state: row.from_state,
            to_state: row.to_state,
            body: row.body,
            internal: row.internal,
        })
        .collect())
}
