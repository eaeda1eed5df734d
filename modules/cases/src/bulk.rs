//! Bulk actions on a selection in the inbox: claim, take over, hand to a colleague,
//! give back or close many cases at once. Each case is changed on its own, with the
//! version the inbox showed, so one refusal (a case changed meanwhile) leaves the
//! others done; the result page lists what happened to each.

use kernel::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Most cases one bulk action takes (four inbox pages).
pub const MAX_SELECTED: usize = 100;

/// What to do with the selected cases.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BulkAction {
    /// Claim cases nobody took up yet.
    Claim,
    /// Take cases over.
    TakeOver,
    /// Hand cases to a colleague.
    Assign,
    /// Give cases back to the department's pool.
    Release,
    /// Close decided cases.
    Close,
}

impl BulkAction {
    /// Every bulk action, in the order offered.
    pub const ALL: [BulkAction; 5] = [
        BulkAction::Claim,
        BulkAction::TakeOver,
        BulkAction::Assign,
        BulkAction::Release,
        BulkAction::Close,
    ];

    /// The spelling in forms and URLs (that of the single action).
    pub fn as_str(self) -> &'static str {
        match self {
            BulkAction::Claim => "claim",
            BulkAction::TakeOver => "take_over",
            BulkAction::Assign => "assign",
            BulkAction::Release => "release",
            BulkAction::Close => "close",
        }
    }

    /// Parses [`BulkAction::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == text)
    }
}

/// What happened to one selected case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkOutcome {
    /// Case id.
    pub id: String,
    /// Its reference.
    pub reference: String,
    /// `None` when done, else the message key of the refusal.
    pub refused: Option<String>,
}

/// The result of a bulk action, from the result page's address: `done` and `refused`
/// as the handler wrote them (`id,id` and `id~key,id~key`). Cases outside the
/// caseworker's departments are left out, so the address reveals nothing.
#[server(endpoint = "cases/bulk-results")]
pub async fn bulk_outcomes(done: String, refused: String) -> Result<Vec<BulkOutcome>, AppError> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

    use crate::entity::case;

    let identity =
        kernel::access::authorize(&kernel::Requirement::any_role(&[kernel::Role::Caseworker]))?;
    let ctx = crate::pages::ssr::context()?;
    let mut wanted: Vec<(String, Option<String>)> = done
        .split(',')
        .filter(|id| !id.is_empty())
        .map(|id| (id.to_owned(), None))
        .collect();
    wanted.extend(refused.split(',').filter_map(|pair| {
        let (id, key) = pair.split_once('~')?;
        Some((id.to_owned(), Some(key.to_owned())))
    }));
    wanted.truncate(MAX_SELECTED);
    let ids: Vec<String> = wanted.iter().map(|(id, _)| id.clone()).collect();
    let rows = case::Entity::find()
        .filter(case::Column::Id.is_in(ids))
        .filter(case::Column::Department.is_in(identity.departments.clone()))
        .all(&ctx.db)
        .await?;
    Ok(wanted
        .into_iter()
        .filter_map(|(id, refused)| {
            let row = rows.iter().find(|row| row.id == id)?;
            Some(BulkOutcome {
                reference: row.reference.clone(),
                id,
                refused,
            })
        })
        .collect())
}
