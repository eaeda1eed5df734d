//! The timeline of a case: what happened, when, by whom. Staff see everything;
//! citizens see what concerns them (no internal notes, proposals or consultations).

use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder,
};
use serde::{Deserialize, Serialize};

use crate::{
    comment::Comment,
    entity::{event, file},
    lifecycle::{Action, LETTER, State},
};

/// What a timeline entry records; stored as its spelling (`filed`, `claim`, `note`,
/// `take_over` …), which also names its text (`cases-event-<kind>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum Kind {
    /// The request was filed: the first entry.
    Filed,
    /// A step of the process (claim, decide, answer …).
    Action(Action),
    /// A note or a message.
    Comment(Comment),
    /// A caseworker took the case over.
    TakeOver,
    /// A colleague was given the case.
    Assign,
    /// Nobody works on the case any more.
    Release,
}

impl Kind {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Filed => "filed",
            Kind::Action(action) => action.as_str(),
            Kind::Comment(comment) => comment.as_str(),
            Kind::TakeOver => "take_over",
            Kind::Assign => "assign",
            Kind::Release => "release",
        }
    }

    /// Parses [`Kind::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "filed" => Some(Kind::Filed),
            "take_over" => Some(Kind::TakeOver),
            "assign" => Some(Kind::Assign),
            "release" => Some(Kind::Release),
            _ => Action::parse(text)
                .map(Kind::Action)
                .or_else(|| Comment::parse(text).map(Kind::Comment)),
        }
    }

    /// Whether the citizen wrote to the office with it (a message or an answer).
    #[must_use]
    pub fn is_citizens_word(self) -> bool {
        matches!(
            self,
            Kind::Comment(Comment::Message) | Kind::Action(Action::Answer)
        )
    }
}

impl From<Kind> for String {
    fn from(kind: Kind) -> Self {
        kind.as_str().to_owned()
    }
}

impl TryFrom<String> for Kind {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Kind::parse(&text).ok_or_else(|| format!("unknown timeline entry kind `{text}`"))
    }
}

/// One entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// When (Unix seconds).
    pub at: i64,
    /// Who, as shown.
    pub actor_name: String,
    /// What.
    pub kind: Kind,
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
    rows.into_iter()
        .map(|row| {
            // Only the portal writes entries: another kind is a damaged database.
            let kind = Kind::parse(&row.kind).ok_or_else(|| {
                DbErr::Custom(format!(
                    "timeline entry {} of unknown kind `{}`",
                    row.id, row.kind
                ))
            })?;
            Ok(Event {
                at: row.at,
                actor_name: row.actor_name,
                kind,
                from_state: row.from_state,
                to_state: row.to_state,
                body: row.body,
                internal: row.internal,
            })
        })
        .collect()
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
    /// What.
    pub kind: Kind,
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
            self.kind.as_str(),
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
            kind: Set(self.kind.as_str().to_owned()),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_read_back_from_its_spelling() {
        let kinds = [Kind::Filed, Kind::TakeOver, Kind::Assign, Kind::Release]
            .into_iter()
            .chain(Action::ALL.into_iter().map(Kind::Action))
            .chain([Comment::Note, Comment::Message].map(Kind::Comment));
        for kind in kinds {
            assert_eq!(Kind::parse(kind.as_str()), Some(kind), "{kind:?}");
        }
        assert_eq!(Kind::parse("shrug"), None);
    }
}
