//! Searching the inbox: a reference opens its case; other words are looked up in the
//! case index together with the inbox filters, with the caseworker's departments as a
//! condition of the query itself, so what lies outside them is neither found nor
//! counted. The cases found are read again from the database (within the same
//! departments) so the list shows them as they are now.

use kernel::{AppError, Identity, ModuleContext, case_search::CaseQuery};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::{
    entity::case,
    inbox::{
        model::{Assigned, InboxFilter, InboxPage, LAST_PAGE, PAGE_SIZE, date},
        query::{rows_of, surroundings},
    },
    lifecycle::State,
};

/// What a search leads to.
#[derive(Debug)]
pub enum Outcome {
    /// The reference of this case was typed.
    Case(String),
    /// A page of results.
    Page(InboxPage),
}

/// The case whose reference is `words`, if it is one of the caseworker's departments.
async fn by_reference(
    ctx: &ModuleContext,
    identity: &Identity,
    words: &str,
) -> Result<Option<String>, AppError> {
    let reference = words.trim();
    if reference.contains(char::is_whitespace) || reference.len() > 64 {
        return Ok(None);
    }
    let found = case::Entity::find()
        .filter(case::Column::Reference.is_in([reference.to_owned(), reference.to_uppercase()]))
        .filter(case::Column::Department.is_in(identity.departments.clone()))
        .one(&ctx.db)
        .await?;
    Ok(found.map(|c| c.id))
}

/// The index query for `filter` and `words` as `identity` may ask it at `now`.
fn query(identity: &Identity, filter: &InboxFilter, words: &str, now: i64) -> CaseQuery {
    let mut states: Vec<String> = filter
        .state
        .into_iter()
        .map(|s| s.as_str().to_owned())
        .collect();
    let mut due_before = None;
    if filter.overdue {
        let running: Vec<String> = State::ALL
            .into_iter()
            .filter(|s| s.deadline_runs())
            .filter(|s| filter.state.is_none_or(|chosen| chosen == *s))
            .map(|s| s.as_str().to_owned())
            .collect();
        // A chosen state whose deadline does not run has no overdue cases.
        states = if running.is_empty() {
            vec![String::new()]
        } else {
            running
        };
        due_before = Some(now);
    }
    let start_of = |text: &Option<String>| {
        text.as_deref()
            .and_then(date)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(kernel::time::to_unix)
    };
    CaseQuery {
        words: words.to_owned(),
        departments: identity.departments.clone(),
        states,
        service: filter.service.clone(),
        assignee: match filter.assigned {
            Some(Assigned::Mine) => Some(identity.subject.clone().unwrap_or_default()),
            Some(Assigned::Nobody) => Some(String::new()),
            Some(Assigned::Consulted) | None => None,
        },
        filed_from: start_of(&filter.from),
        filed_before: start_of(&filter.until).map(|day| day + 86_400),
        due_before,
        count_states: State::ALL.iter().map(|s| s.as_str().to_owned()).collect(),
        last_word_prefix: false,
        offset: filter.page as usize * PAGE_SIZE as usize,
        limit: PAGE_SIZE as usize,
    }
}

/// What the index finds for `query`, and those cases as they are now in the database
/// (again only within `identity`'s departments), in the index's order.
async fn found(
    ctx: &ModuleContext,
    identity: &Identity,
    query: &CaseQuery,
) -> Result<(kernel::case_search::CaseHits, Vec<case::Model>), AppError> {
    let finder = ctx
        .get::<dyn kernel::case_search::CaseFinder>()
        .ok_or_else(|| AppError::internal("no case search"))?;
    let hits = finder.find(query)?;
    let mut rows = case::Entity::find()
        .filter(case::Column::Id.is_in(hits.ids.clone()))
        .filter(case::Column::Department.is_in(identity.departments.clone()))
        .all(&ctx.db)
        .await?;
    rows.sort_by_key(|row| hits.ids.iter().position(|id| *id == row.id));
    Ok((hits, rows))
}

/// The result of the inbox search `filter` for `identity` at `now`.
pub async fn page(
    ctx: &ModuleContext,
    identity: &Identity,
    filter: &InboxFilter,
    now: i64,
) -> Result<Outcome, AppError> {
    let words = filter.search.as_deref().unwrap_or_default();
    if let Some(id) = by_reference(ctx, identity, words).await? {
        return Ok(Outcome::Case(id));
    }
    let (hits, rows) = found(ctx, identity, &query(identity, filter, words, now)).await?;
    let shown = (filter.page as usize + 1) * PAGE_SIZE as usize;
    let next = (shown < hits.total && filter.page < LAST_PAGE).then(|| {
        InboxFilter {
            page: filter.page + 1,
            after: None,
            ..filter.clone()
        }
        .to_query()
    });
    let counts = hits
        .per_state
        .iter()
        .filter_map(|(state, n)| Some((State::parse(state)?, *n as u64)))
        .collect();
    let (consulting, services, colleagues) = surroundings(&ctx.db, identity).await?;
    Ok(Outcome::Page(InboxPage {
        rows: rows_of(rows, now)?,
        counts,
        next,
        consulting,
        services,
        colleagues,
        found: Some(hits.total as u64),
    }))
}

/// Up to `limit` cases of `identity`'s departments for what is being typed.
pub async fn suggestions(
    ctx: &ModuleContext,
    identity: &Identity,
    typed: &str,
    limit: usize,
) -> Result<Vec<kernel::suggest_field::Suggestion>, AppError> {
    if typed.trim().chars().count() < 3 {
        return Ok(Vec::new());
    }
    let query = CaseQuery {
        words: typed.to_owned(),
        departments: identity.departments.clone(),
        last_word_prefix: true,
        limit,
        ..CaseQuery::default()
    };
    let (_, rows) = found(ctx, identity, &query).await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let service: kernel::Text =
                serde_json::from_str(&row.service_title).unwrap_or_default();
            kernel::suggest_field::Suggestion {
                title: format!(
                    "{} · {} · {}",
                    row.reference,
                    row.applicant,
                    service.get(kernel::Locale::DE)
                ),
                href: format!("/bearbeitung/faelle/{}", row.id),
            }
        })
        .collect())
}
