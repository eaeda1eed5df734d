//! Where a filed request goes: the forms module hands every submission to the case
//! intake, inside the transaction that stores it, so a request is either filed and
//! taken in, or neither. The cases module implements it; without one, submissions are
//! stored and shown with their reference only.

use async_trait::async_trait;
use sea_orm::{DatabaseConnection, DatabaseTransaction};

use crate::{AppError, I18n, Text, text::AnswerSection};

/// A filed request as the intake sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FiledRequest {
    /// Submission id.
    pub id: String,
    /// Reference number the citizen was given.
    pub reference: String,
    /// Service id.
    pub service_id: String,
    /// Service title as it was when filed.
    pub service_title: Text,
    /// Responsible department.
    pub department: String,
    /// Subject of the citizen.
    pub owner: String,
    /// The citizen's name as the sign-in gave it (may be empty).
    pub owner_name: String,
    /// The citizen's e-mail address as the sign-in gave it, for notifications.
    pub owner_email: Option<String>,
    /// The language the citizen filed in, for notifications.
    pub locale: crate::Locale,
    /// The answers as text by path (`address.postcode`), for routing rules; lists are
    /// joined with commas, files and repeated groups left out.
    pub answers: Vec<(String, String)>,
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

/// Every module's intake, in module order: a request is taken in by all of them or,
/// when one refuses, by none (they share the transaction).
pub struct Intakes(pub Vec<std::sync::Arc<dyn CaseIntake>>);

#[async_trait]
impl CaseIntake for Intakes {
    async fn intake(
        &self,
        txn: &DatabaseTransaction,
        request: &FiledRequest,
    ) -> Result<(), AppError> {
        for intake in &self.0 {
            intake.intake(txn, request).await?;
        }
        Ok(())
    }
}

/// A filed request's data as other systems receive it.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct FiledData {
    /// The service.
    pub service_id: String,
    /// Its LeiKa key (`urn:de:fim:leika:leistung:…`), when the definition names one.
    pub leika: Option<String>,
    /// The values by field id.
    pub data: serde_json::Value,
}

/// Shows a filed request's answers to those who process it, rendered with the
/// definition version it was filed under. The forms module implements it; the caller
/// has already checked that the person may see the request.
#[async_trait]
pub trait FiledAnswers: Send + Sync {
    /// The answers of submission `submission_id`; `None` when there is no such one.
    async fn answers(
        &self,
        db: &DatabaseConnection,
        submission_id: &str,
        i18n: I18n,
    ) -> Result<Option<Vec<AnswerSection>>, AppError>;

    /// The answers of each of `submission_ids` that exists, by id (for reading many at
    /// once, as a search rebuild does). The default asks one by one.
    async fn answers_of(
        &self,
        db: &DatabaseConnection,
        submission_ids: &[String],
        i18n: I18n,
    ) -> Result<std::collections::HashMap<String, Vec<AnswerSection>>, AppError> {
        let mut all = std::collections::HashMap::new();
        for id in submission_ids {
            if let Some(sections) = self.answers(db, id, i18n).await? {
                all.insert(id.clone(), sections);
            }
        }
        Ok(all)
    }

    /// The data of submission `submission_id` for other systems: typed values by
    /// field id, in the shape of the service's submission schema; `None` when there is
    /// no such submission.
    async fn data(
        &self,
        db: &DatabaseConnection,
        submission_id: &str,
    ) -> Result<Option<FiledData>, AppError>;

    /// The level of assurance the service of submission `submission_id` asked for:
    /// reading what was filed needs it too. `None` when there is no such submission.
    async fn level(
        &self,
        db: &DatabaseConnection,
        submission_id: &str,
    ) -> Result<Option<crate::Level>, AppError>;

    /// The files filed with submission `submission_id`.
    async fn files(
        &self,
        db: &DatabaseConnection,
        submission_id: &str,
    ) -> Result<Vec<crate::upload::StoredFile>, AppError>;

    /// Deletes submission `submission_id` within `txn` (its case is being deleted; the
    /// caller deletes its files, listed by [`FiledAnswers::files`]).
    async fn forget(&self, txn: &DatabaseTransaction, submission_id: &str) -> Result<(), AppError>;
}

/// Where a filed request stands, for the citizen's overview of their requests.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Tracked {
    /// The submission it came from.
    pub submission_id: String,
    /// The state in plain language.
    pub state: String,
    /// Last change (Unix seconds).
    pub changed: i64,
    /// Whether it is decided, closed or withdrawn.
    pub closed: bool,
    /// When it is due to be decided (Unix seconds).
    pub due: i64,
    /// What the citizen has to do now, if anything.
    pub next: Option<String>,
    /// The page to follow it on.
    pub href: String,
}

/// Tells citizens where their filed requests stand. The cases module implements it.
#[async_trait]
pub trait CaseTracker: Send + Sync {
    /// The requests of `owner` among `submission_ids` that are being tracked.
    async fn track(
        &self,
        db: &DatabaseConnection,
        owner: &str,
        submission_ids: &[String],
        i18n: I18n,
    ) -> Result<Vec<Tracked>, AppError>;
}
