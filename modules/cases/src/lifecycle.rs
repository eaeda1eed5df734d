//! The case lifecycle every process works within: the states, the actions that move a
//! case between them, and who may take each. Processes (see [`crate::process`]) choose
//! among these; they cannot invent states the portal does not understand.

use serde::{Deserialize, Serialize};

/// Most characters of a reason, message or opinion.
pub const MAX_TEXT: usize = 4000;

/// Where a case stands.
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema, utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", schema(examples("in_progress")))]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Filed, nobody has taken it up yet.
    Submitted,
    /// A caseworker is working on it.
    InProgress,
    /// The citizen was asked for information; the deadline pauses.
    WaitingForCitizen,
    /// Another department was asked for its opinion.
    Consulting,
    /// A decision was proposed and waits for a second caseworker (four eyes).
    AwaitingConfirmation,
    /// Approved or rejected, with a reason.
    Decided,
    /// Done; nothing more happens unless it is reopened.
    Closed,
    /// The citizen withdrew it before a decision.
    Withdrawn,
}

impl State {
    /// Every state, in the order of a typical case.
    pub const ALL: [State; 8] = [
        State::Submitted,
        State::InProgress,
        State::WaitingForCitizen,
        State::Consulting,
        State::AwaitingConfirmation,
        State::Decided,
        State::Closed,
        State::Withdrawn,
    ];

    /// The spelling in process definitions, URLs and the database.
    pub fn as_str(self) -> &'static str {
        match self {
            State::Submitted => "submitted",
            State::InProgress => "in_progress",
            State::WaitingForCitizen => "waiting_for_citizen",
            State::Consulting => "consulting",
            State::AwaitingConfirmation => "awaiting_confirmation",
            State::Decided => "decided",
            State::Closed => "closed",
            State::Withdrawn => "withdrawn",
        }
    }

    /// Parses [`State::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// Whether the case is over: nothing but reopening moves it.
    pub fn is_final(self) -> bool {
        matches!(self, State::Closed | State::Withdrawn)
    }

    /// Whether the processing deadline runs in this state.
    pub fn deadline_runs(self) -> bool {
        matches!(
            self,
            State::Submitted | State::InProgress | State::Consulting | State::AwaitingConfirmation
        )
    }
}

/// What someone does to a case.
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema, utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", schema(examples("approve")))]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// A caseworker takes the case up (and is assigned).
    Claim,
    /// A caseworker asks the citizen for information.
    RequestInformation,
    /// The citizen answers a request for information.
    Answer,
    /// A caseworker asks another department for its opinion.
    Consult,
    /// The consulted department gives its opinion.
    GiveOpinion,
    /// A caseworker approves (or, with four eyes, proposes to approve).
    Approve,
    /// A caseworker rejects (or, with four eyes, proposes to reject).
    Reject,
    /// A second caseworker confirms the proposed decision.
    Confirm,
    /// A second caseworker sends the proposal back for more work.
    SendBack,
    /// A caseworker closes a decided case.
    Close,
    /// A caseworker reopens a decided or closed case.
    Reopen,
    /// The citizen withdraws the request before a decision.
    Withdraw,
}

impl Action {
    /// Every action.
    pub const ALL: [Action; 12] = [
        Action::Claim,
        Action::RequestInformation,
        Action::Answer,
        Action::Consult,
        Action::GiveOpinion,
        Action::Approve,
        Action::Reject,
        Action::Confirm,
        Action::SendBack,
        Action::Close,
        Action::Reopen,
        Action::Withdraw,
    ];

    /// The spelling in process definitions, forms and the timeline.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Claim => "claim",
            Action::RequestInformation => "request_information",
            Action::Answer => "answer",
            Action::Consult => "consult",
            Action::GiveOpinion => "give_opinion",
            Action::Approve => "approve",
            Action::Reject => "reject",
            Action::Confirm => "confirm",
            Action::SendBack => "send_back",
            Action::Close => "close",
            Action::Reopen => "reopen",
            Action::Withdraw => "withdraw",
        }
    }

    /// Parses [`Action::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == text)
    }

    /// Whether the action carries a text (reason, question, answer, opinion).
    pub fn takes_text(self) -> bool {
        !matches!(self, Action::Claim | Action::Confirm | Action::Close)
    }

    /// Whether that text is required: decisions need a reason, questions and
    /// answers a content.
    pub fn needs_text(self) -> bool {
        matches!(
            self,
            Action::Approve
                | Action::Reject
                | Action::RequestInformation
                | Action::Answer
                | Action::GiveOpinion
        )
    }
}

/// The kind of a decision letter among a case's documents.
pub const LETTER: &str = "letter";

impl Action {
    /// The kind of documents the action may bring: the citizen's answer its
    /// evidence, a decision its letter, an opinion its paper; `None` for the others.
    pub fn document_kind(self) -> Option<&'static str> {
        match self {
            Action::Answer => Some("answer"),
            Action::Approve | Action::Reject => Some(LETTER),
            Action::GiveOpinion => Some("opinion"),
            _ => None,
        }
    }
}

/// Who takes an action, as far as the lifecycle cares.
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    /// The citizen who filed the request.
    Citizen,
    /// A caseworker of the case's department.
    Caseworker,
    /// A caseworker of a department asked for its opinion.
    Consulted,
}

/// How a decided case ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The request is granted.
    Approved,
    /// The request is refused.
    Rejected,
}

impl Outcome {
    /// The outcome `action` decides for, if it is a decision.
    pub fn of_decision(action: Action) -> Option<Self> {
        match action {
            Action::Approve => Some(Outcome::Approved),
            Action::Reject => Some(Outcome::Rejected),
            _ => None,
        }
    }

    /// The spelling in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Approved => "approved",
            Outcome::Rejected => "rejected",
        }
    }

    /// Parses [`Outcome::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        [Outcome::Approved, Outcome::Rejected]
            .into_iter()
            .find(|o| o.as_str() == text)
    }
}

/// One allowed move: `action` by `actor` takes a case from `from` to `to`.
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Transition {
    /// The action.
    pub action: Action,
    /// The states it starts from.
    pub from: Vec<State>,
    /// The state it leads to.
    pub to: State,
    /// Who may take it.
    pub by: Actor,
}

fn transition(action: Action, from: &[State], to: State, by: Actor) -> Transition {
    Transition {
        action,
        from: from.to_vec(),
        to,
        by,
    }
}

/// The default process: claim, ask the citizen, decide, close; withdraw and reopen.
pub fn default_transitions() -> Vec<Transition> {
    use State::*;
    vec![
        transition(Action::Claim, &[Submitted], InProgress, Actor::Caseworker),
        transition(
            Action::RequestInformation,
            &[InProgress],
            WaitingForCitizen,
            Actor::Caseworker,
        ),
        transition(
            Action::Answer,
            &[WaitingForCitizen],
            InProgress,
            Actor::Citizen,
        ),
        transition(Action::Approve, &[InProgress], Decided, Actor::Caseworker),
        transition(Action::Reject, &[InProgress], Decided, Actor::Caseworker),
        transition(Action::Close, &[Decided], Closed, Actor::Caseworker),
        transition(
            Action::Reopen,
            &[Decided, Closed],
            InProgress,
            Actor::Caseworker,
        ),
        transition(
            Action::Withdraw,
            &[Submitted, InProgress, WaitingForCitizen, Consulting],
            Withdrawn,
            Actor::Citizen,
        ),
    ]
}

/// The four-eyes variant: a decision is proposed, and a second caseworker confirms it
/// or sends it back. Replaces the direct approve and reject.
pub fn four_eyes_transitions() -> Vec<Transition> {
    use State::*;
    vec![
        transition(
            Action::Approve,
            &[InProgress],
            AwaitingConfirmation,
            Actor::Caseworker,
        ),
        transition(
            Action::Reject,
            &[InProgress],
            AwaitingConfirmation,
            Actor::Caseworker,
        ),
        transition(
            Action::Confirm,
            &[AwaitingConfirmation],
            Decided,
            Actor::Caseworker,
        ),
        transition(
            Action::SendBack,
            &[AwaitingConfirmation],
            InProgress,
            Actor::Caseworker,
        ),
    ]
}

/// The consultation variant: the case waits for another department's opinion.
pub fn consultation_transitions() -> Vec<Transition> {
    use State::*;
    vec![
        transition(
            Action::Consult,
            &[InProgress],
            Consulting,
            Actor::Caseworker,
        ),
        transition(
            Action::GiveOpinion,
            &[Consulting],
            InProgress,
            Actor::Consulted,
        ),
    ]
}
