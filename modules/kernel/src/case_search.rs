//! The caseworkers' case search, between the module that keeps cases (the source) and
//! the module that indexes them (the finder).

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

use crate::{AppError, ModuleContext};

/// A case as the search indexes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseDocument {
    /// Case id.
    pub id: String,
    /// Reference number.
    pub reference: String,
    /// The applicant's name.
    pub applicant: String,
    /// Service id.
    pub service_id: String,
    /// Service title (German, as caseworkers read it).
    pub service_title: String,
    /// State key.
    pub state: String,
    /// The department the case belongs to.
    pub department: String,
    /// Assigned caseworker's subject, if any.
    pub assignee: Option<String>,
    /// Filed (Unix seconds).
    pub submitted_at: i64,
    /// Due (Unix seconds).
    pub due_at: i64,
    /// The answers, messages and notes.
    pub text: String,
}

/// A caseworker's search. The departments are part of the query, so what lies outside
/// them is neither found nor counted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CaseQuery {
    /// The words typed.
    pub words: String,
    /// Departments whose cases may be found (none: nothing is found).
    pub departments: Vec<String>,
    /// Only cases in one of these states (none: every state).
    pub states: Vec<String>,
    /// Only cases of this service.
    pub service: Option<String>,
    /// Only cases assigned to this subject; `Some("")` for cases assigned to nobody.
    pub assignee: Option<String>,
    /// Filed at or after (Unix seconds).
    pub filed_from: Option<i64>,
    /// Filed before (Unix seconds).
    pub filed_before: Option<i64>,
    /// Due before (Unix seconds).
    pub due_before: Option<i64>,
    /// The states to count the matches of (ignoring `states`), for the counts beside
    /// the results.
    pub count_states: Vec<String>,
    /// The last word may be the beginning of a name or reference part (suggestions
    /// while typing).
    pub last_word_prefix: bool,
    /// Hits skipped (paging).
    pub offset: usize,
    /// Hits returned at most.
    pub limit: usize,
}

/// What a case search found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CaseHits {
    /// Case ids, best first.
    pub ids: Vec<String>,
    /// All matches.
    pub total: usize,
    /// Matches per state, ignoring the query's state condition.
    pub per_state: Vec<(String, usize)>,
}

/// Where the search reads cases from (the cases module).
#[async_trait]
pub trait CaseSource: Send + Sync {
    /// The cases `ids` as they are now; deleted ones are missing.
    async fn cases(
        &self,
        ctx: &ModuleContext,
        ids: &[String],
    ) -> Result<Vec<CaseDocument>, AppError>;

    /// Up to `limit` cases with ids after `after`, by id (for a full rebuild).
    async fn cases_after(
        &self,
        ctx: &ModuleContext,
        after: Option<&str>,
        limit: u64,
    ) -> Result<Vec<CaseDocument>, AppError>;
}

/// How the cases module asks the search (the search module).
pub trait CaseFinder: Send + Sync {
    /// The cases for `query`.
    fn find(&self, query: &CaseQuery) -> Result<CaseHits, AppError>;
}

/// The outbox module name of cases.
pub const CASES: &str = "cases";
