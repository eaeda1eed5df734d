//! The inbox queries. The department condition is part of every query, so counts and
//! pages only ever contain the caseworker's own cases. A page is read per department
//! (each an index range in the order shown) and the few rows merged, so a million
//! cases are never sorted; counts come from `cases_count`.

use kernel::Identity;
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Select,
};

use crate::{
    case::Case,
    entity::{case, count},
    inbox::model::{Assigned, InboxFilter, InboxPage, InboxRow, PAGE_SIZE, cursor, date},
    lifecycle::State,
};

/// The cases of `department` matching `filter` (without paging); with
/// [`Assigned::Consulted`], those of other departments waiting for its opinion.
fn matching(
    department: &str,
    identity: &Identity,
    filter: &InboxFilter,
    now: i64,
) -> Select<case::Entity> {
    let scope = if filter.assigned == Some(Assigned::Consulted) {
        case::Column::Consulted
    } else {
        case::Column::Department
    };
    let mut query = case::Entity::find().filter(scope.eq(department));
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

/// Up to `limit` of `department`'s cases after the filter's cursor, in the order
/// shown.
pub(crate) async fn department_page(
    db: &DatabaseConnection,
    department: &str,
    identity: &Identity,
    filter: &InboxFilter,
    now: i64,
    limit: u64,
) -> Result<Vec<case::Model>, DbErr> {
    let mut query = matching(department, identity, filter, now);
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
    query.limit(limit).all(db).await
}

/// Up to `limit` cases of the identity's departments matching `filter`, after its
/// cursor, in the order shown; with the cursor of the next page when there is one.
pub(crate) async fn cases_page(
    db: &DatabaseConnection,
    identity: &Identity,
    filter: &InboxFilter,
    now: i64,
    limit: u64,
) -> Result<(Vec<case::Model>, Option<String>), DbErr> {
    let mut rows = Vec::new();
    for department in &identity.departments {
        rows.extend(department_page(db, department, identity, filter, now, limit + 1).await?);
    }
    let key = |row: &case::Model| (row.submitted_at, row.id.clone());
    if filter.oldest_first {
        rows.sort_by_key(key);
    } else {
        rows.sort_by_key(|row| std::cmp::Reverse(key(row)));
    }
    let more = rows.len() as u64 > limit;
    rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    let next = rows
        .last()
        .filter(|_| more)
        .map(|last| format!("{}_{}", last.submitted_at, last.id));
    Ok((rows, next))
}

/// One page of the inbox.
pub async fn page(
    db: &DatabaseConnection,
    identity: &Identity,
    filter: &InboxFilter,
    now: i64,
) -> Result<InboxPage, DbErr> {
    let (rows, after) = cases_page(db, identity, filter, now, PAGE_SIZE).await?;
    let next = after.map(|after| {
        InboxFilter {
            after: Some(after),
            ..filter.clone()
        }
        .to_query()
    });
    let stored = count::Entity::find()
        .filter(count::Column::Department.is_in(identity.departments.clone()))
        .all(db)
        .await?;
    let mut counts: Vec<(State, u64)> = Vec::new();
    for row in stored {
        let (Some(state), Ok(n)) = (State::parse(&row.state), u64::try_from(row.count)) else {
            continue;
        };
        match counts.iter_mut().find(|(s, _)| *s == state) {
            Some((_, total)) => *total += n,
            None => counts.push((state, n)),
        }
    }
    counts.retain(|(_, n)| *n > 0);
    counts.sort();
    let (consulting, services, colleagues) = surroundings(db, identity).await?;
    Ok(InboxPage {
        rows: rows_of(rows, now)?,
        counts,
        next,
        consulting,
        services,
        colleagues,
        found: None,
    })
}

/// What the inbox shows beside the cases: the number of consultations waiting, the
/// departments' services and colleagues.
pub(crate) async fn surroundings(
    db: &DatabaseConnection,
    identity: &Identity,
) -> Result<
    (
        u64,
        Vec<(String, kernel::Text)>,
        Vec<crate::inbox::model::Colleague>,
    ),
    DbErr,
> {
    let consulting = case::Entity::find()
        .filter(case::Column::Consulted.is_in(identity.departments.clone()))
        .count(db)
        .await?;
    let services = crate::directory::services(db, &identity.departments).await?;
    let colleagues = crate::directory::colleagues(db, &identity.departments).await?;
    Ok((consulting, services, colleagues))
}

/// Case rows as the inbox lists them.
pub(crate) fn rows_of(rows: Vec<case::Model>, now: i64) -> Result<Vec<InboxRow>, DbErr> {
    let day = kernel::time::day;
    rows.into_iter()
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
        .collect()
}
