//! The timeline of a case: what happened, when, by whom. Staff see everything;
//! citizens see what concerns them (no internal notes, proposals or consultations).

use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder,
};
use serde::{Deserialize, Serialize};

use crate::{
    entity::{event, file},
    lifecycle::{Action, LETTER, State},
};

/// One entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// When (Unix seconds).
    pub at: i64,
    /// Who, as shown.
    pub actor_name: String,
    /// What: an action (`claim`, `approve` …) or `filed`.
    pub kind: String,
    /// State before, for transitions.
    pub from_state: Option<String>,
    /// State after.
    pub to_state: Option<String>,
    /// Reason, message or opinion.
    pub body: Option<String>,
    /// Only for staff.
    pub internal: bool,
}

/// The events of case `case_id`, oldest first; internal ones only with `staff`.
pub async fn timeline(
    db: &DatabaseConnection,
    case_id: &str,
    staff: bool,
) -> Result<Vec<Event>, sea_orm::DbErr> {
    let mut query = event::Entity::find().filter(event::Column::CaseId.eq(case_id));
    if !staff {
        query = query.filter(event::Column::Internal.eq(false));
    }
    let rows = query.order_by_asc(event::Column::Id).all(db).await?;
    Ok(rows
        .into_iter()
        .map(|row| Event {
            at: row.at,
            actor_name: row.actor_name,
            kind: row.kind,
            from_state: row.from_state,
            to_state: row.to_state,
            body: row.body,
            internal: row.internal,
        })
        .collect())
}

/// A new entry, as the code that changes a case writes it.
#[derive(Clone, Debug)]
pub struct Entry {
    /// When (Unix seconds).
    pub at: i64,
    /// Subject of who did it.
    pub actor: String,
    /// Their name, as shown.
    pub actor_name: String,
    /// What (`filed`, an action, `note`, `message`, `take_over`, `release`).
    pub kind: &'static str,
    /// The move, for transitions.
    pub moved: Option<(Option<State>, State)>,
    /// Reason, message or opinion.
    pub body: Option<String>,
    /// Only for staff.
    pub internal: bool,
    /// Documents that came with it (`kind` and file), as private as the entry.
    pub documents: Vec<(&'static str, kernel::upload::StoredFile)>,
    /// Whether it makes the case's decision letters visible to the citizen (a second
    /// caseworker confirmed the decision they were written for).
    pub reveals_letters: bool,
    /// Whether the citizen who filed the case did it. The audit trail then names "the
    /// applicant", not the person, so it holds nothing personal once the case is
    /// deleted.
    pub by_applicant: bool,
}

/// Who the audit trail names for what a case's applicant did.
pub const APPLICANT: &str = "applicant";

/// What the audit trail keeps of a timeline entry: when, who (what the applicant did
/// as "the applicant"), what, on which case, and the state it led to or how many
/// documents came with it; never a text.
pub fn audit_entry(
    at: i64,
    (actor, actor_name): (&str, &str),
    by_applicant: bool,
    kind: &str,
    case_id: &str,
    moved_to: Option<State>,
    documents: usize,
) -> kernel::audit::AuditEntry {
    let (actor, actor_name) = if by_applicant {
        (APPLICANT, "")
    } else {
        (actor, actor_name)
    };
    kernel::audit::AuditEntry {
        at,
        actor: actor.to_owned(),
        actor_name: actor_name.to_owned(),
        action: kind.to_owned(),
        case_id: Some(case_id.to_owned()),
        detail: moved_to
            .map(|to| to.as_str().to_owned())
            .or_else(|| (documents > 0).then(|| format!("{documents} documents"))),
    }
}

impl Entry {
    /// Appends the entry and its documents to case `case_id`'s timeline, records it in
    /// the audit trail (who, when, what; no texts) and mails the citizen when it
    /// concerns them.
    pub async fn append(
        self,
        db: &(impl ConnectionTrait + sea_orm::TransactionTrait),
        case_id: &str,
    ) -> Result<(), DbErr> {
        // The case row (already written in this transaction), read once and only when
        // a mail or an event needs it.
        let needs_case = crate::notify::template_for(&self).is_some()
            || !crate::webhook_events::kinds_of(&self).is_empty();
        let case = if needs_case {
            crate::entity::case::Entity::find_by_id(case_id.to_owned())
                .one(db)
                .await?
        } else {
            None
        };
        crate::notify::citizen(db, case.as_ref(), &self).await?;
        let audited = audit_entry(
            self.at,
            (&self.actor, &self.actor_name),
            self.by_applicant,
            self.kind,
            case_id,
            self.moved.map(|(_, to)| to),
            self.documents.len(),
        );
        kernel::audit::record(db, &audited).await?;
        kernel::search_outbox::note(db, kernel::case_search::CASES, &[case_id], self.at).await?;
        crate::webhook_events::note(db, case.as_ref(), &self).await?;
        let state = |s: State| s.as_str().to_owned();
        let event_id = event::Entity::insert(event::ActiveModel {
            case_id: Set(case_id.to_owned()),
            at: Set(self.at),
            actor: Set(self.actor),
            actor_name: Set(self.actor_name),
            kind: Set(self.kind.to_owned()),
            from_state: Set(self.moved.and_then(|(from, _)| from).map(state)),
            to_state: Set(self.moved.map(|(_, to)| state(to))),
            body: Set(self.body),
            internal: Set(self.internal),
            ..Default::default()
        })
        .exec(db)
        .await?
        .last_insert_id;
        for (kind, stored) in self.documents {
            file::Entity::insert(file::ActiveModel {
                id: Set(stored.id),
                case_id: Set(case_id.to_owned()),
                event_id: Set(event_id),
                kind: Set(kind.to_owned()),
                name: Set(stored.name),
                media_type: Set(stored.media_type),
                size: Set(i64::try_from(stored.size).unwrap_or(i64::MAX)),
                sha256: Set(stored.sha256),
                internal: Set(self.internal),
                at: Set(self.at),
            })
            .exec_without_returning(db)
            .await?;
        }
        if let Some((from, to)) = self.moved {
            crate::counts::moved(db, case_id, from, to).await?;
            if to == State::Decided {
                crate::decisions::record(db, case_id, self.at).await?;
            }
        }
        if self.reveals_letters {
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
}
