//! The inbox queries. The department condition is part of every query, so counts and
//! pages only ever contain the caseworker's own cases.

use kernel::Identity;
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, DbErr, EntityTrait, FromQueryResult,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Select,
};

use crate::{
    case::Case,
    entity::case,
    inbox::{Assigned, InboxFilter, InboxPage, InboxRow, PAGE_SIZE, cursor, date},
    lifecycle::State,
};

/// The cases of `identity`'s departments matching `filter` (without paging); with
/// [`Assigned::Consulted`], those of other departments waiting for their opinion.
fn matching(identity: &Identity, filter: &InboxFilter, now: i64) -> Select<case::Entity> {
    let scope = if filter.assigned == Some(Assigned::Consulted) {
        case::Column::Consulted
    } else {
        case::Column::Department
    };
    let mut query = case::Entity::find().filter(scope.is_in(identity.departments.clone()));
    if let Some(state) = filter.state {
        query = query.filter(case::Column::State.eq(state.as_str()));
    }
    if let Some(service) = &filter.service {
        query = query.filter(case::Column::ServiceId.eq(service.as_str()));
    }
    match filter.assigned {
        Some(Assigned::Mine) => {
            query = query.filter(case::Column::Assignee.eq(identity.subject.clone()));
        }
        Some(Assigned::Nobody) => query = query.filter(case::Column::Assignee.is_null()),
        Some(Assigned::Consulted) | None => {}
    }
    if filter.overdue {
        let running: Vec<&str> = State::ALL
            .into_iter()
            .filter(|s| s.deadline_runs())
            .map(State::as_str)
            .collect();
        query = query
            .filter(case::Column::State.is_in(running))
            .filter(case::Column::DueAt.lt(now));
    }
    let start_of = |text: &str| {
        date(text)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(kernel::time::to_unix)
    };
    if let Some(from) = filter.from.as_deref().and_then(start_of) {
        query = query.filter(case::Column::SubmittedAt.gte(from));
    }
    if let Some(until) = filter.until.as_deref().and_then(start_of) {
        query = query.filter(case::Column::SubmittedAt.lt(until + 86_400));
    }
    query
}

#[derive(FromQueryResult)]
struct StateCount {
    state: String,
    count: i64,
}

/// One page of the inbox.
pub async fn page(
    db: &DatabaseConnection,
    identity: &Identity,
    filter: &InboxFilter,
    now: i64,
) -> Result<InboxPage, DbErr> {
    let mut query = matching(identity, filter, now);
    if let Some((at, id)) = filter.after.as_deref().and_then(cursor) {
        let (at_col, id_col) = (case::Column::SubmittedAt, case::Column::Id);
        query = query.filter(if filter.oldest_first {
            Condition::any()
                .add(at_col.gt(at))
                .add(Condition::all().add(at_col.eq(at)).add(id_col.gt(id)))
        } else {
            Condition::any()
                .add(at_col.lt(at))
                .add(Condition::all().add(at_col.eq(at)).add(id_col.lt(id)))
        });
    }
    query = if filter.oldest_first {
        query
            .order_by_asc(case::Column::SubmittedAt)
            .order_by_asc(case::Column::Id)
    } else {
        query
            .order_by_desc(case::Column::SubmittedAt)
            .order_by_desc(case::Column::Id)
    };
    let mut rows = query.limit(PAGE_SIZE + 1).all(db).await?;
    let more = rows.len() as u64 > PAGE_SIZE;
    rows.truncate(PAGE_SIZE as usize);
    let next = match rows.last() {
        Some(last) if more => Some(
            InboxFilter {
                after: Some(format!("{}_{}", last.submitted_at, last.id)),
                ..filter.clone()
            }
            .to_query(),
        ),
        _ => None,
    };
    let counts = case::Entity::find()
        .select_only()
        .column(case::Column::State)
        .column_as(case::Column::Id.count(), "count")
        .filter(case::Column::Department.is_in(identity.departments.clone()))
        .group_by(case::Column::State)
        .into_model::<StateCount>()
        .all(db)
        .await?;
    let consulting = case::Entity::find()
        .filter(case::Column::Consulted.is_in(identity.departments.clone()))
        .count(db)
        .await?;
    let mut counts: Vec<(State, u64)> = counts
        .into_iter()
        .filter_map(|c| Some((State::parse(&c.state)?, u64::try_from(c.count).ok()?)))
        .collect();
    counts.sort();
    let day = kernel::time::day;
    let rows = rows
        .into_iter()
        .map(Case::try_from)
        .map(|case| {
            let case = case?;
            Ok(InboxRow {
                overdue: case.is_overdue(now),
                filed: day(case.submitted_at),
                due: day(case.due_at),
                id: case.id,
                reference: case.reference,
                service_id: case.service_id,
                service: case.service_title,
                applicant: case.applicant,
                state: case.state,
                assignee: case.assignee_name,
                version: case.version,
            })
        })
        .collect::<Result<_, DbErr>>()?;
    let services = crate::directory::services(db, &identity.departments).await?;
    let colleagues = crate::directory::colleagues(db, &identity.departments).await?;
    Ok(InboxPage {
        rows,
        counts,
        next,
        consulting,
        services,
        colleagues,
    })
}
