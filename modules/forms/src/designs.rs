//! Services built in the portal by a department's administrators: each version is a
//! file of the services' repository format, saved as a draft as often as its author
//! likes, proposed for publication once the checker finds no error, and published by
//! a second administrator of the department (four eyes). Publishing makes it the
//! service's current version for new requests; drafts and requests begun on an
//! earlier version keep theirs.

use std::path::{Path, PathBuf};

use kernel::{AppError, Identity, audit::AuditEntry, write_transaction::begin_write};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction,
    EntityTrait, QueryFilter, QueryOrder, sea_query::Expr,
};

use crate::{
    entity::design::{ActiveModel, Column, Entity},
    loader::{LoadProblem, LoadedService, read_and_check},
};

pub use crate::entity::design::Model as Design;

/// Being written; only drafts change.
pub const DRAFT: &str = "draft";
/// Waiting for a second administrator to publish it.
pub const PROPOSED: &str = "proposed";
/// The service's current version.
pub const PUBLISHED: &str = "published";
/// Published once, replaced by a later version.
pub const REPLACED: &str = "replaced";

/// Longest file a design may have (the largest demo service is 9 KB).
pub const LONGEST_SOURCE: usize = 200_000;

/// The name problems of design `id` are reported under.
pub fn file_name(id: i32) -> PathBuf {
    PathBuf::from(format!("entwurf-{id}.toml"))
}

/// A published service beside a design: its id and address, and whether the services
/// folder defines it (such a service is changed in its file, not in the portal).
#[derive(Clone, Debug)]
pub struct OtherService {
    /// Its id.
    pub id: String,
    /// Its address under `/leistungen/`.
    pub slug: String,
    /// Defined by a file of the services folder.
    pub from_file: bool,
}

/// Design `id`'s `source` read and checked: the service when it parses, and every
/// problem. A design may be a new version of a designed service, but may not take a
/// file's service or another service's address.
pub fn checked(
    id: i32,
    source: &str,
    others: &[OtherService],
) -> (Option<LoadedService>, Vec<LoadProblem>) {
    let file = file_name(id);
    let (service, mut problems) = read_and_check(&file, source);
    if let Some(service) = &service {
        let definition = &service.definition;
        for other in others {
            if other.id == definition.id && other.from_file {
                let message = format!(
                    "the service \"{}\" is defined by the services folder; change it there",
                    other.id
                );
                problems.push(error(&file, "id", message));
            } else if other.id != definition.id && other.slug == definition.slug {
                let message = format!(
                    "the address \"{}\" is used by the service \"{}\"",
                    other.slug, other.id
                );
                problems.push(error(&file, "slug", message));
            }
        }
    }
    (service, problems)
}

fn error(file: &Path, path: &str, message: String) -> LoadProblem {
    LoadProblem {
        file: file.to_owned(),
        line: None,
        path: path.to_owned(),
        message,
        warning: false,
    }
}

/// The service and department a source names, where it parses far enough.
fn names(source: &str) -> (Option<String>, Option<String>) {
    match crate::loader::parse(Path::new(""), source) {
        Ok(service) => (
            Some(service.definition.id.clone()),
            Some(service.definition.department.clone()),
        ),
        Err(_) => (None, None),
    }
}

/// Whether `identity` may see and work on `design`: an administrator of its
/// department, or its author while it names none of theirs yet.
pub fn may_work_on(identity: &Identity, design: &Design) -> bool {
    identity.roles.contains(&kernel::Role::DepartmentAdmin)
        && match &design.department {
            Some(department) if identity.departments.contains(department) => true,
            _ => design.author_subject == subject(identity),
        }
}

fn subject(identity: &Identity) -> String {
    identity.subject.clone().unwrap_or_default()
}

fn name(identity: &Identity) -> String {
    identity.name.clone().unwrap_or_else(|| subject(identity))
}

/// The designs `identity` may work on, newest change first.
pub async fn visible_to(
    db: &DatabaseConnection,
    identity: &Identity,
) -> Result<Vec<Design>, AppError> {
    let rows = Entity::find()
        .order_by_desc(Column::ChangedAt)
        .order_by_desc(Column::Id)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter(|d| may_work_on(identity, d))
        .collect())
}

/// Design `id` if `identity` may work on it (any other is "not found").
pub async fn find_for(
    db: &impl ConnectionTrait,
    id: i32,
    identity: &Identity,
) -> Result<Design, AppError> {
    Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|d| may_work_on(identity, d))
        .ok_or(AppError::NotFound)
}

/// Every published design, oldest first.
pub async fn published(db: &impl ConnectionTrait) -> Result<Vec<Design>, sea_orm::DbErr> {
    Entity::find()
        .filter(Column::State.eq(PUBLISHED))
        .order_by_asc(Column::Id)
        .all(db)
        .await
}

/// Writes the audit entry of `action` (`service.design.…`) on design `design` by
/// `identity`, in the transaction of the change.
async fn audit(
    txn: &impl sea_orm::TransactionTrait,
    identity: &Identity,
    action: &str,
    design: i32,
    service_id: Option<&str>,
    now: i64,
) -> Result<(), sea_orm::DbErr> {
    kernel::audit::record(
        txn,
        &AuditEntry {
            at: now,
            actor: subject(identity),
            actor_name: name(identity),
            action: action.to_owned(),
            case_id: None,
            detail: Some(match service_id {
                Some(service) => format!("{service} (design {design})"),
                None => format!("design {design}"),
            }),
        },
    )
    .await
}

/// A new draft with `source` by `identity`; its id.
pub async fn create(
    db: &DatabaseConnection,
    source: &str,
    identity: &Identity,
    now: i64,
) -> Result<i32, AppError> {
    let (service_id, department) = names(source);
    let txn = begin_write(db).await?;
    let inserted = Entity::insert(ActiveModel {
        service_id: Set(service_id.clone()),
        department: Set(department),
        source: Set(source.to_owned()),
        state: Set(DRAFT.to_owned()),
        author_subject: Set(subject(identity)),
        author_name: Set(name(identity)),
        changed_at: Set(now),
        ..Default::default()
    })
    .exec(&txn)
    .await?;
    let id = inserted.last_insert_id;
    audit(
        &txn,
        identity,
        "service.design.created",
        id,
        service_id.as_deref(),
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(id)
}

/// What tells two texts of a design apart, for a page to say which one it showed.
pub fn fingerprint(source: &str) -> String {
    kernel::upload::sha256_hex(source.as_bytes())
}

/// The refusal of a change to a draft someone saved since it was read.
pub const CHANGED_MEANWHILE: &str = "changed-meanwhile";

/// Saves `source` as draft `design`'s text for `identity`, if the draft still has the
/// text `design` was read with; else `Conflict` ([`CHANGED_MEANWHILE`], or
/// `not-a-draft` for a design no longer a draft).
pub async fn save(
    db: &DatabaseConnection,
    design: &Design,
    source: &str,
    identity: &Identity,
    now: i64,
) -> Result<(), AppError> {
    let (service_id, department) = names(source);
    let txn = begin_write(db).await?;
    let changed = Entity::update_many()
        .col_expr(Column::Source, Expr::value(source))
        .col_expr(Column::ServiceId, Expr::value(service_id.clone()))
        .col_expr(Column::Department, Expr::value(department))
        .col_expr(Column::ChangedAt, Expr::value(now))
        .filter(Column::Id.eq(design.id))
        .filter(Column::State.eq(DRAFT))
        // The text the change was made to: one saved meanwhile is not overwritten.
        .filter(Column::Source.eq(design.source.as_str()))
        .exec(&txn)
        .await?
        .rows_affected;
    if changed != 1 {
        let still_a_draft = Entity::find_by_id(design.id)
            .filter(Column::State.eq(DRAFT))
            .one(&txn)
            .await?
            .is_some();
        return Err(AppError::Conflict(
            if still_a_draft {
                CHANGED_MEANWHILE
            } else {
                "not-a-draft"
            }
            .into(),
        ));
    }
    audit(
        &txn,
        identity,
        "service.design.saved",
        design.id,
        service_id.as_deref(),
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// A design's move from one state to another: the columns it sets and the audit
/// entry's action.
struct Move {
    from: &'static str,
    to: &'static str,
    set: Vec<(Column, sea_orm::Value)>,
    action: &'static str,
}

/// Makes `change` to `design` for `identity` in `txn`; "conflict" when someone moved
/// the design meanwhile.
async fn move_state(
    txn: &DatabaseTransaction,
    design: &Design,
    change: Move,
    identity: &Identity,
    now: i64,
) -> Result<(), AppError> {
    let mut update = Entity::update_many()
        .col_expr(Column::State, Expr::value(change.to))
        .col_expr(Column::ChangedAt, Expr::value(now));
    for (column, value) in change.set {
        update = update.col_expr(column, Expr::value(value));
    }
    let changed = update
        .filter(Column::Id.eq(design.id))
        .filter(Column::State.eq(change.from))
        .exec(txn)
        .await?
        .rows_affected;
    if changed != 1 {
        return Err(AppError::Conflict(CHANGED_MEANWHILE.into()));
    }
    let service = design.service_id.as_deref();
    audit(txn, identity, change.action, design.id, service, now).await?;
    Ok(())
}

/// [`move_state`] in a transaction of its own.
async fn move_alone(
    db: &DatabaseConnection,
    design: &Design,
    change: Move,
    identity: &Identity,
    now: i64,
) -> Result<(), AppError> {
    let txn = begin_write(db).await?;
    move_state(&txn, design, change, identity, now).await?;
    txn.commit().await?;
    Ok(())
}

/// Proposes draft `design` for publication by `identity`.
pub async fn propose(
    db: &DatabaseConnection,
    design: &Design,
    identity: &Identity,
    now: i64,
) -> Result<(), AppError> {
    let change = Move {
        from: DRAFT,
        to: PROPOSED,
        set: vec![
            (Column::ProposedBySubject, subject(identity).into()),
            (Column::ProposedByName, name(identity).into()),
        ],
        action: "service.design.proposed",
    };
    move_alone(db, design, change, identity, now).await
}

/// Sends proposed `design` back to be a draft, on behalf of `identity`.
pub async fn send_back(
    db: &DatabaseConnection,
    design: &Design,
    identity: &Identity,
    now: i64,
) -> Result<(), AppError> {
    let change = Move {
        from: PROPOSED,
        to: DRAFT,
        set: vec![
            (Column::ProposedBySubject, Option::<String>::None.into()),
            (Column::ProposedByName, Option::<String>::None.into()),
        ],
        action: "service.design.sent-back",
    };
    move_alone(db, design, change, identity, now).await
}

/// Publishes proposed `design` on behalf of `identity`, who did not propose it: the
/// service's version published before is replaced; the audit trail and every
/// process's catalogue and search learn of it in the same transaction.
pub async fn publish(
    db: &DatabaseConnection,
    design: &Design,
    service_id: &str,
    identity: &Identity,
    now: i64,
) -> Result<(), AppError> {
    if design.proposed_by_subject.as_deref() == Some(subject(identity).as_str()) {
        return Err(AppError::Conflict("second-person".into()));
    }
    let txn = begin_write(db).await?;
    Entity::update_many()
        .col_expr(Column::State, Expr::value(REPLACED))
        .filter(Column::ServiceId.eq(service_id))
        .filter(Column::State.eq(PUBLISHED))
        .exec(&txn)
        .await?;
    let change = Move {
        from: PROPOSED,
        to: PUBLISHED,
        set: vec![
            (Column::PublishedByName, name(identity).into()),
            (Column::PublishedAt, now.into()),
        ],
        action: "service.published",
    };
    move_state(&txn, design, change, identity, now).await?;
    kernel::search_outbox::note(&txn, crate::MODULE_ID, &[service_id], now).await?;
    txn.commit().await?;
    Ok(())
}

/// A new draft of published `design`, by `identity`; its id.
pub async fn new_version(
    db: &DatabaseConnection,
    design: &Design,
    identity: &Identity,
    now: i64,
) -> Result<i32, AppError> {
    if design.state != PUBLISHED {
        return Err(AppError::Conflict(CHANGED_MEANWHILE.into()));
    }
    create(db, &design.source, identity, now).await
}
