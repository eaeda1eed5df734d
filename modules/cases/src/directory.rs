//! Who and what the inbox can name without scanning cases: the services of each
//! department (written when a case is opened) and the caseworkers who have worked in
//! the portal (written when they open their inbox or a case, at most hourly), so a
//! case can be handed to a named colleague.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

use crate::{
    entity::{service, staff},
    inbox::model::Colleague,
};
use kernel::{Identity, Role, Text};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, sea_query::OnConflict,
};

/// How long a caseworker's entry is trusted before it is written again.
const RECORD_EVERY: i64 = 3600;

/// When this portal process last wrote each caseworker's entry, so opening pages does
/// not write every time.
#[derive(Clone, Debug, Default)]
pub struct SeenStaff(Arc<Mutex<HashMap<String, i64>>>);

/// Notes that `department` has cases of `service_id`, titled `title` (JSON).
pub async fn record_service(
    db: &impl ConnectionTrait,
    department: &str,
    service_id: &str,
    title: &str,
) -> Result<(), DbErr> {
    service::Entity::insert(service::ActiveModel {
        department: Set(department.to_owned()),
        service_id: Set(service_id.to_owned()),
        title: Set(title.to_owned()),
    })
    .on_conflict(
        OnConflict::columns([service::Column::Department, service::Column::ServiceId])
            .update_column(service::Column::Title)
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// The services of `departments`, by title in German.
pub async fn services(
    db: &DatabaseConnection,
    departments: &[String],
) -> Result<Vec<(String, Text)>, DbErr> {
    let rows = service::Entity::find()
        .filter(service::Column::Department.is_in(departments.to_vec()))
        .all(db)
        .await?;
    let mut services: Vec<(String, Text)> = rows
        .into_iter()
        .filter_map(|row| Some((row.service_id, serde_json::from_str(&row.title).ok()?)))
        .collect();
    services.sort_by(|a, b| a.1.get(kernel::Locale::DE).cmp(b.1.get(kernel::Locale::DE)));
    services.dedup_by(|a, b| a.0 == b.0);
    Ok(services)
}

/// Writes the caseworker `identity` to the directory, unless this process did within
/// the hour.
pub async fn record_staff(
    db: &DatabaseConnection,
    seen: &SeenStaff,
    identity: &Identity,
    now: i64,
) -> Result<(), DbErr> {
    let Some(subject) = identity.subject.clone() else {
        return Ok(());
    };
    if !identity.has_role(Role::Caseworker) {
        return Ok(());
    }
    let fresh = seen
        .0
        .lock()
        .map(|seen| seen.get(&subject).is_some_and(|at| now - at < RECORD_EVERY))
        .unwrap_or(false);
    if fresh {
        return Ok(());
    }
    let colleague = Colleague {
        subject: subject.clone(),
        name: identity.name.clone().unwrap_or_default(),
    };
    record_colleague(db, &colleague, &identity.departments, now).await?;
    if let Ok(mut seen) = seen.0.lock() {
        seen.insert(subject, now);
    }
    Ok(())
}

/// Writes `colleague` of `departments`, seen at `now`, to the directory.
pub async fn record_colleague(
    db: &impl ConnectionTrait,
    colleague: &Colleague,
    departments: &[String],
    now: i64,
) -> Result<(), DbErr> {
    staff::Entity::insert(staff::ActiveModel {
        subject: Set(colleague.subject.clone()),
        name: Set(colleague.name.chars().take(200).collect()),
        departments: Set(serde_json::to_string(departments).unwrap_or_default()),
        seen_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(staff::Column::Subject)
            .update_columns([
                staff::Column::Name,
                staff::Column::Departments,
                staff::Column::SeenAt,
            ])
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// The caseworkers of any of `departments`, by name.
pub async fn colleagues(
    db: &DatabaseConnection,
    departments: &[String],
) -> Result<Vec<Colleague>, DbErr> {
    // The directory holds the people of one city administration: a few thousand rows.
    let rows = staff::Entity::find().all(db).await?;
    let mut colleagues: Vec<Colleague> = rows
        .into_iter()
        .filter(|row| {
            serde_json::from_str::<Vec<String>>(&row.departments)
                .is_ok_and(|list| list.iter().any(|d| departments.contains(d)))
        })
        .map(|row| Colleague {
            subject: row.subject,
            name: row.name,
        })
        .collect();
    colleagues.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(colleagues)
}
