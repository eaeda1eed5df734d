//! `GET /cases`: the cases of the client's departments with the inbox's filters, by
//! key (`after`), so a system can walk every case page by page.

use axum::extract::State as Shared;
use kernel::{
    AppError,
    api::{ApiJson, ApiQuery, Caller, Problem, Scope},
};
use serde::Deserialize;
use utoipa::IntoParams;

use super::{
    ApiState,
    body::{CaseList, CaseSummary},
};
use crate::{
    case::Case,
    inbox::{Assigned, InboxFilter, cursor, date},
    lifecycle::State,
};

/// Most cases per page.
const MOST: u64 = 100;

/// The filters of `GET /cases`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CaseQuery {
    /// Only cases in this state.
    #[param(inline)]
    state: Option<State>,
    /// Only cases of this service (id).
    service: Option<String>,
    /// `mine` (assigned to the client), `nobody`, or `consulted` (other departments'
    /// cases waiting for an opinion of the client's departments).
    #[param(inline)]
    assigned: Option<Assigned>,
    /// Only overdue cases.
    #[serde(default)]
    overdue: bool,
    /// Filed on or after this day (`YYYY-MM-DD`).
    #[param(format = Date)]
    filed_from: Option<String>,
    /// Filed on or before this day (`YYYY-MM-DD`).
    #[param(format = Date)]
    filed_until: Option<String>,
    /// Oldest first instead of newest first.
    #[serde(default)]
    oldest_first: bool,
    /// The `next` of the previous page.
    after: Option<String>,
    /// Cases per page, 1 to 100 (default 25).
    #[param(minimum = 1, maximum = 100)]
    limit: Option<u64>,
}

impl CaseQuery {
    /// The inbox filter, or what is wrong.
    fn filter(self) -> Result<(InboxFilter, u64), String> {
        for (name, day) in [
            ("filed_from", &self.filed_from),
            ("filed_until", &self.filed_until),
        ] {
            if day.as_deref().is_some_and(|d| date(d).is_none()) {
                return Err(format!("`{name}` must be a day as YYYY-MM-DD"));
            }
        }
        if self.after.as_deref().is_some_and(|a| cursor(a).is_none()) {
            return Err("`after` must be the `next` of a previous page".into());
        }
        let limit = self.limit.unwrap_or(crate::inbox::PAGE_SIZE);
        if !(1..=MOST).contains(&limit) {
            return Err(format!("`limit` must be between 1 and {MOST}"));
        }
        Ok((
            InboxFilter {
                state: self.state,
                service: self.service,
                assigned: self.assigned,
                overdue: self.overdue,
                from: self.filed_from,
                until: self.filed_until,
                oldest_first: self.oldest_first,
                after: self.after,
                ..InboxFilter::default()
            },
            limit,
        ))
    }
}

/// List cases.
#[utoipa::path(
    get,
    path = "/cases",
    operation_id = "listCases",
    tag = "cases",
    params(CaseQuery),
    responses(
        (status = 200, description = "One page of cases", body = CaseList),
        (status = 400, description = "A filter is invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["cases:read"]))
)]
pub async fn list(
    Shared(api): Shared<ApiState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<CaseQuery>,
) -> Result<ApiJson<CaseList>, Problem> {
    let identity = caller.require(Scope::CasesRead)?;
    let (filter, limit) = query
        .filter()
        .map_err(|detail| Problem::new(kernel::api::ProblemKind::Invalid).with_detail(detail))?;
    let now = chrono::Utc::now().timestamp();
    let (rows, next) = crate::inbox::query::cases_page(&api.db, identity, &filter, now, limit)
        .await
        .map_err(|e| api.problem(AppError::from(e)))?;
    let items = rows
        .into_iter()
        .map(|row| Case::try_from(row).map(|case| CaseSummary::of(&case, now)))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| api.problem(AppError::from(e)))?;
    Ok(ApiJson(CaseList { items, next }))
}
