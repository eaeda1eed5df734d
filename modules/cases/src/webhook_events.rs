//! Which timeline entries subscribed systems hear of: a filed request, a move to
//! another state, a message or answer from the citizen. Each becomes an event in the
//! kernel's webhook outbox, in the transaction of the entry. The payload names the
//! case; what anyone wrote stays in the portal, readable through the interface.

use kernel::webhook::{Event, EventKind};
use sea_orm::{ConnectionTrait, DbErr};
use serde_json::json;

use crate::{
    entity::case,
    timeline::{Entry, Kind},
};

/// The kinds of event `entry` is.
pub(crate) fn kinds_of(entry: &Entry) -> Vec<EventKind> {
    let mut kinds = Vec::new();
    if entry.kind == Kind::Filed {
        kinds.push(EventKind::CaseSubmitted);
    } else if let Some((Some(from), to)) = entry.moved
        && from != to
    {
        kinds.push(EventKind::CaseStateChanged);
    }
    let wrote = entry.body.as_deref().is_some_and(|b| !b.is_empty());
    if entry.by_applicant && wrote && entry.kind.is_citizens_word() {
        kinds.push(EventKind::CaseMessageFromCitizen);
    }
    kinds
}

/// Notes the events of `entry` on `case` (the row as the entry's transaction wrote it).
pub(crate) async fn note(
    db: &impl ConnectionTrait,
    case: Option<&case::Model>,
    entry: &Entry,
) -> Result<(), DbErr> {
    let Some(row) = case else {
        return Ok(());
    };
    for kind in kinds_of(entry) {
        let mut payload = json!({
            "case": {
                "id": &row.id,
                "reference": &row.reference,
                "service_id": &row.service_id,
                "submission_id": &row.submission_id,
                "state": &row.state,
                "version": row.version,
                "href": format!("{}/cases/{}", kernel::api::BASE_PATH, row.id),
            },
        });
        if kind == EventKind::CaseStateChanged
            && let Some((from, to)) = entry.moved
        {
            payload["from_state"] = json!(from.map(|s| s.as_str()));
            payload["to_state"] = json!(to.as_str());
        }
        let event = Event {
            kind,
            department: row.department.clone(),
            case_id: Some(row.id.clone()),
            payload,
        };
        kernel::webhook::note(db, &event, entry.at).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        comment::Comment,
        lifecycle::{Action, State},
    };

    fn entry(kind: Kind, moved: Option<(Option<State>, State)>, by_applicant: bool) -> Entry {
        Entry {
            at: 0,
            actor: "x".into(),
            actor_name: "X".into(),
            kind,
            moved,
            body: Some("Text".into()),
            internal: false,
            documents: Vec::new(),
            reveals_letters: false,
            by_applicant,
        }
    }

    #[test]
    fn entries_become_the_events_systems_subscribe_to() {
        let filed = entry(Kind::Filed, Some((None, State::Submitted)), true);
        assert_eq!(kinds_of(&filed), [EventKind::CaseSubmitted]);
        let claimed = entry(
            Kind::Action(Action::Claim),
            Some((Some(State::Submitted), State::InProgress)),
            false,
        );
        assert_eq!(kinds_of(&claimed), [EventKind::CaseStateChanged]);
        let answered = entry(
            Kind::Action(Action::Answer),
            Some((Some(State::WaitingForCitizen), State::InProgress)),
            true,
        );
        assert_eq!(
            kinds_of(&answered),
            [
                EventKind::CaseStateChanged,
                EventKind::CaseMessageFromCitizen
            ]
        );
        assert_eq!(
            kinds_of(&entry(Kind::Comment(Comment::Message), None, true)),
            [EventKind::CaseMessageFromCitizen]
        );
        assert!(
            kinds_of(&entry(Kind::Comment(Comment::Message), None, false)).is_empty(),
            "staff messages are no event"
        );
        assert!(kinds_of(&entry(Kind::Comment(Comment::Note), None, false)).is_empty());
    }
}
