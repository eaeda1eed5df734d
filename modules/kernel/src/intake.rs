//! Where a filed request goes: the forms module hands every submission to the case
//! intake, inside the transaction that stores it, so a request is either filed and
//! taken in, or neither. The cases module implements it; without one, submissions are
//! stored and shown with their reference only.

use async_trait::async_trait;
use sea_orm::DatabaseTransaction;

use crate::AppError;

/// A filed request as the intake sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FiledRequest {
    /// Submission id.
    pub id: String,
    /// Reference number the citizen was given.
    pub reference: String,
    /// Service id.
    pub service_id: String,
    /// Responsible department.
    pub department: String,
    /// Subject of the citizen.
    pub owner: String,
    /// The definition version it was filed under.
    pub version_id: i32,
    /// When (Unix seconds).
    pub submitted_at: i64,
}

/// Takes filed requests in (e.g. opens a case).
#[async_trait]
pub trait CaseIntake: Send + Sync {
    /// Takes `request` in, within `txn`; an error undoes the submission.
    async fn intake(
        &self,
        txn: &DatabaseTransaction,
        request: &FiledRequest,
    ) -> Result<(), AppError>;
}
