//! The timeline of a case: what happened, when, by whom. Staff see everything;
//! citizens see what concerns them (no internal notes, proposals or consultations).

use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};

use crate::{
    entity::event,
    lifecycle::{Action, State},
};

/// What kind of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comment {
    /// Internal note: staff of the case's department (and a consulted one) only.
    Note,
    /// Message between the caseworkers and the citizen.
    Message,
}

impl Comment {
    /// The spelling in forms and on the timeline.
    pub fn as_str(self) -> &'static str {
        match self {
            Comment::Note => "note",
            Comment::Message => "message",
        }
    }

    /// Parses [`Comment::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        [Comment::Note, Comment::Message]
            .into_iter()
            .find(|c| c.as_str() == text)
    }
}

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
