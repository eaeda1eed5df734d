//! Writing a timeline entry and everything it causes, in the caller's transaction:
//! the entry with its documents, the audit trail, the citizen's mail, the webhook
//! event, the search outbox and the counters.

use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
};

use crate::{
    entity::{event, file},
    lifecycle::{Action, LETTER, State},
    timeline::{Entry, audit_entry},
};

/// Appends the entry and its documents to case `case_id`'s timeline, records it in
/// the audit trail (who, when, what; no texts) and mails the citizen when it
/// concerns them.
pub async fn append(
    entry: Entry,
    db: &(impl ConnectionTrait + sea_orm::TransactionTrait),
    case_id: &str,
) -> Result<(), DbErr> {
    // The case row (already written in this transaction), read once and only when
    // a mail or an event needs it.
    let needs_case = crate::notify::template_for(&entry).is_some()
        || !crate::webhook_events::kinds_of(&entry).is_empty();
    let case = if needs_case {
        crate::entity::case::Entity::find_by_id(case_id.to_owned())
            .one(db)
            .await?
    } else {
        None
    };
    crate::notify::citizen(db, case.as_ref(), &entry).await?;
    let audited = audit_entry(
        entry.at,
        (&entry.actor, &entry.actor_name),
        entry.by_applicant,
        entry.kind.as_str(),
        case_id,
        entry.moved.map(|(_, to)| to),
        entry.documents.len(),
    );
    kernel::audit::record(db, &audited).await?;
    kernel::search_outbox::note(db, kernel::case_search::CASES, &[case_id], entry.at).await?;
    crate::webhook_events::note(db, case.as_ref(), &entry).await?;
    let state = |s: State| s.as_str().to_owned();
    let event_id = event::Entity::insert(event::ActiveModel {
        case_id: Set(case_id.to_owned()),
        at: Set(entry.at),
        actor: Set(entry.actor),
        actor_name: Set(entry.actor_name),
        kind: Set(entry.kind.as_str().to_owned()),
        from_state: Set(entry.moved.and_then(|(from, _)| from).map(state)),
        to_state: Set(entry.moved.map(|(_, to)| state(to))),
        body: Set(entry.body),
        internal: Set(entry.internal),
        ..Default::default()
    })
    .exec(db)
    .await?
    .last_insert_id;
    for (kind, stored) in entry.documents {
        file::Entity::insert(file::ActiveModel {
            id: Set(stored.id),
            case_id: Set(case_id.to_owned()),
            event_id: Set(event_id),
            kind: Set(kind.to_owned()),
            name: Set(stored.name),
            media_type: Set(stored.media_type),
            size: Set(i64::try_from(stored.size).unwrap_or(i64::MAX)),
            sha256: Set(stored.sha256),
            internal: Set(entry.internal),
            at: Set(entry.at),
        })
        .exec_without_returning(db)
        .await?;
    }
    if let Some((from, to)) = entry.moved {
        crate::counts::moved(db, case_id, from, to).await?;
        if to == State::Decided {
            crate::decisions::record(db, case_id, entry.at).await?;
        }
    }
    if entry.reveals_letters {
        // Only the letter of the decision being confirmed, the latest one proposed;
        // letters of proposals sent back stay with the staff.
        let decisions = [Action::Approve.as_str(), Action::Reject.as_str()];
        let proposal = event::Entity::find()
            .filter(event::Column::CaseId.eq(case_id))
            .filter(event::Column::Kind.is_in(decisions))
            .order_by_desc(event::Column::Id)
            .one(db)
            .await?;
        if let Some(proposal) = proposal {
            file::Entity::update_many()
                .col_expr(file::Column::Internal, false.into())
                .filter(file::Column::EventId.eq(proposal.id))
                .filter(file::Column::Kind.eq(LETTER))
                .exec(db)
                .await?;
        }
    }
    Ok(())
}
