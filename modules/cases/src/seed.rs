//! Bulk cases for benchmarks and load tests (`portal seed`): every case takes a
//! plausible path through its service's process to a state drawn from a realistic mix,
//! with the timeline events that path leaves (claims, questions and answers, messages,
//! notes, consultations, decisions). Written many rows per statement.

use kernel::{Text, audit::AuditEntry};
use sea_orm::{ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait};

use crate::{
    comment::Comment,
    deadline,
    entity::{case, event},
    inbox::Colleague,
    lifecycle::{Action, Outcome, State},
    process::Process,
    timeline::Kind,
};

/// Cases per state in a hundred: most are done, a fair share is being worked on.
const MIX: [(State, usize); 8] = [
    (State::Submitted, 14),
    (State::InProgress, 24),
    (State::WaitingForCitizen, 8),
    (State::Consulting, 2),
    (State::AwaitingConfirmation, 2),
    (State::Decided, 18),
    (State::Closed, 29),
    (State::Withdrawn, 3),
];

const MESSAGES: [&str; 4] = [
    "Vielen Dank, wir melden uns in Kürze.",
    "Bitte beachten Sie die Hinweise auf unserer Seite.",
    "Können Sie den Termin auch vormittags wahrnehmen?",
    "Ihre Unterlagen sind vollständig.",
];

/// A filed request to open a seeded case for.
#[derive(Clone, Debug)]
pub struct SeedRequest<'a> {
    /// Case id.
    pub id: String,
    /// Submission id.
    pub submission_id: String,
    /// Reference.
    pub reference: String,
    /// Service id.
    pub service_id: &'a str,
    /// Service title.
    pub service_title: &'a Text,
    /// Definition version row.
    pub version_id: i32,
    /// Department.
    pub department: &'a str,
    /// Citizen's subject and name.
    pub owner: (String, String),
    /// When it was filed.
    pub submitted_at: i64,
}

/// A seeded case and its timeline.
pub struct SeededCase {
    case: case::ActiveModel,
    events: Vec<event::ActiveModel>,
    audit: Vec<AuditEntry>,
}

/// The case for `request`, moved by `process` towards a state drawn with `pick`
/// (a number below its argument) and worked on by one of `staff`, never beyond `now`.
pub fn build(
    request: SeedRequest,
    process: &Process,
    staff: &[Colleague],
    pick: &mut dyn FnMut(usize) -> usize,
    now: i64,
) -> SeededCase {
    let mut target = State::Submitted;
    let mut roll = pick(100);
    for (state, share) in MIX {
        if roll < share {
            target = state;
            break;
        }
        roll -= share;
    }
    let consult = process.definition.consult.first().cloned();
    let four_eyes = process.definition.four_eyes;
    // Variants a process does not have fall back to plain work.
    if (target == State::Consulting && consult.is_none())
        || (target == State::AwaitingConfirmation && !four_eyes)
    {
        target = State::InProgress;
    }
    let worker = staff
        .get(pick(staff.len().max(1)))
        .cloned()
        .unwrap_or(Colleague {
            subject: "seed:staff".into(),
            name: "Sachbearbeitung".into(),
        });
    let second = staff
        .get(pick(staff.len().max(1)))
        .cloned()
        .unwrap_or(worker.clone());
    let (owner, applicant) = request.owner.clone();

    let mut path = Path {
        case_id: request.id.clone(),
        owner: owner.clone(),
        events: Vec::new(),
        audit: Vec::new(),
        at: request.submitted_at,
        state: State::Submitted,
        now,
    };
    let citizen = (owner.as_str(), applicant.as_str());
    let staffer = (worker.subject.as_str(), worker.name.as_str());
    path.record(citizen, Kind::Filed, Some(State::Submitted), None, false);
    let mut paused_since = None;
    let mut outcome = None;
    let mut reason = None;
    let mut proposed_by = None;
    let mut consulted = None;
    let mut assignee = None;
    match target {
        State::Submitted => {}
        State::Withdrawn => {
            let body = Some("Hat sich erledigt.".to_owned());
            path.step(
                pick,
                citizen,
                Kind::Action(Action::Withdraw),
                Some(State::Withdrawn),
                body,
                false,
            );
        }
        _ => {
            path.step(
                pick,
                staffer,
                Kind::Action(Action::Claim),
                Some(State::InProgress),
                None,
                false,
            );
            assignee = Some(worker.clone());
            if pick(3) == 0 {
                let body = Some(MESSAGES[pick(MESSAGES.len())].to_owned());
                path.step(
                    pick,
                    staffer,
                    Kind::Comment(Comment::Message),
                    None,
                    body,
                    false,
                );
            }
            if pick(4) == 0 {
                let body = Some("Rücksprache mit dem Team gehalten.".to_owned());
                path.step(
                    pick,
                    staffer,
                    Kind::Comment(Comment::Note),
                    None,
                    body,
                    true,
                );
            }
            let asks = target == State::WaitingForCitizen || pick(4) == 0;
            if asks {
                let body = Some("Bitte reichen Sie einen Nachweis nach.".to_owned());
                path.step(
                    pick,
                    staffer,
                    Kind::Action(Action::RequestInformation),
                    Some(State::WaitingForCitizen),
                    body,
                    false,
                );
                paused_since = Some(path.at);
                if target != State::WaitingForCitizen {
                    let body = Some("Der Nachweis liegt bei.".to_owned());
                    path.step(
                        pick,
                        citizen,
                        Kind::Action(Action::Answer),
                        Some(State::InProgress),
                        body,
                        false,
                    );
                    paused_since = None;
                }
            }
            if target == State::Consulting
                && let Some(department) = consult.clone()
            {
                let body = Some(format!("{department}: Bitte um Stellungnahme."));
                path.step(
                    pick,
                    staffer,
                    Kind::Action(Action::Consult),
                    Some(State::Consulting),
                    body,
                    true,
                );
                consulted = Some(department);
            }
            if matches!(
                target,
                State::AwaitingConfirmation | State::Decided | State::Closed
            ) {
                let approve = pick(10) < 8;
                let action = if approve {
                    Action::Approve
                } else {
                    Action::Reject
                };
                let text = if approve {
                    "Die Voraussetzungen sind erfüllt."
                } else {
                    "Die Voraussetzungen sind nicht erfüllt."
                };
                outcome = Some(if approve {
                    Outcome::Approved
                } else {
                    Outcome::Rejected
                });
                reason = Some(text.to_owned());
                let to = if four_eyes {
                    State::AwaitingConfirmation
                } else {
                    State::Decided
                };
                path.step(
                    pick,
                    staffer,
                    Kind::Action(action),
                    Some(to),
                    reason.clone(),
                    four_eyes,
                );
                if four_eyes {
                    proposed_by = Some(worker.subject.clone());
                    if target != State::AwaitingConfirmation {
                        let confirmer = (second.subject.as_str(), second.name.as_str());
                        path.step(
                            pick,
                            confirmer,
                            Kind::Action(Action::Confirm),
                            Some(State::Decided),
                            None,
                            false,
                        );
                        proposed_by = None;
                    }
                }
            }
            if target == State::Closed {
                path.step(
                    pick,
                    staffer,
                    Kind::Action(Action::Close),
                    Some(State::Closed),
                    None,
                    false,
                );
            }
        }
    }
    let case = case::ActiveModel {
        id: Set(request.id),
        reference: Set(request.reference),
        submission_id: Set(request.submission_id),
        service_id: Set(request.service_id.to_owned()),
        service_title: Set(serde_json::to_string(request.service_title).unwrap_or_default()),
        version_id: Set(request.version_id),
        department: Set(request.department.to_owned()),
        team: Set(None),
        owner: Set(owner),
        applicant: Set(applicant),
        assignee: Set(assignee.as_ref().map(|a| a.subject.clone())),
        assignee_name: Set(assignee.map(|a| a.name)),
        state: Set(path.state.as_str().to_owned()),
        outcome: Set(outcome.map(|o| o.as_str().to_owned())),
        reason: Set(reason),
        proposed_by: Set(proposed_by),
        consulted: Set(consulted),
        version: Set(i32::try_from(path.events.len()).unwrap_or(i32::MAX)),
        submitted_at: Set(request.submitted_at),
        updated_at: Set(path.at),
        due_at: Set(deadline::due_at(
            request.submitted_at,
            process.deadline_days(),
        )),
        paused_since: Set(paused_since),
        contact_email: Set(None),
        contact_locale: Set(kernel::Locale::DE.code().to_owned()),
    };
    SeededCase {
        case,
        events: path.events,
        audit: path.audit,
    }
}

/// A case's way through its process as it is built.
struct Path {
    case_id: String,
    owner: String,
    events: Vec<event::ActiveModel>,
    audit: Vec<AuditEntry>,
    at: i64,
    state: State,
    now: i64,
}

impl Path {
    /// One more event, a while after the last (never after `now`): `kind` by `who`
    /// (subject and name), moving the case `to` a state or not.
    fn step(
        &mut self,
        pick: &mut dyn FnMut(usize) -> usize,
        who: (&str, &str),
        kind: Kind,
        to: Option<State>,
        body: Option<String>,
        internal: bool,
    ) {
        let wait = i64::try_from(pick(2 * 86_400)).unwrap_or(0);
        self.at = (self.at + 3600 + wait).min(self.now);
        self.record(who, kind, to, body, internal);
    }

    /// An event now, with its audit entry, as the portal writes them.
    fn record(
        &mut self,
        who: (&str, &str),
        kind: Kind,
        to: Option<State>,
        body: Option<String>,
        internal: bool,
    ) {
        let from = (kind != Kind::Filed).then(|| self.state.as_str().to_owned());
        self.events.push(event::ActiveModel {
            case_id: Set(self.case_id.clone()),
            at: Set(self.at),
            actor: Set(who.0.to_owned()),
            actor_name: Set(who.1.to_owned()),
            kind: Set(kind.as_str().to_owned()),
            from_state: Set(to.and(from)),
            to_state: Set(to.map(|s| s.as_str().to_owned())),
            body: Set(body),
            internal: Set(internal),
            ..Default::default()
        });
        self.audit.push(crate::timeline::audit_entry(
            self.at,
            who,
            who.0 == self.owner,
            kind.as_str(),
            &self.case_id,
            to,
            0,
        ));
        if let Some(to) = to {
            self.state = to;
        }
    }
}

/// Writes `batch`: cases in one statement, their events in as many as the
/// database's limit on parameters needs, and the events' audit entries.
pub async fn insert(
    db: &(impl ConnectionTrait + sea_orm::TransactionTrait),
    batch: Vec<SeededCase>,
) -> Result<(), DbErr> {
    if batch.is_empty() {
        return Ok(());
    }
    let mut cases = Vec::with_capacity(batch.len());
    let mut events = Vec::new();
    let mut audit = Vec::new();
    for seeded in batch {
        cases.push(seeded.case);
        events.extend(seeded.events);
        audit.extend(seeded.audit);
    }
    kernel::audit::record_all(db, &audit).await?;
    case::Entity::insert_many(cases)
        .exec_without_returning(db)
        .await?;
    // Nine values an event; SQLite allows 32766 per statement.
    for chunk in events.chunks(3000) {
        event::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// Writes `department`'s services and caseworkers to the directory.
pub async fn directory(
    db: &impl ConnectionTrait,
    department: &str,
    services: &[(&str, &Text)],
    staff: &[Colleague],
    now: i64,
) -> Result<(), DbErr> {
    for (id, title) in services {
        let title = serde_json::to_string(title).unwrap_or_default();
        crate::directory::record_service(db, department, id, &title).await?;
    }
    for colleague in staff {
        crate::directory::record_colleague(db, colleague, &[department.to_owned()], now).await?;
    }
    Ok(())
}
