//! Process definitions: how cases of one service move. A department writes one next to
//! the service definition (`services/<service id>.process.toml`); a service without one
//! follows the default process. A definition may restrict the states it uses, rename
//! them for citizens, set the processing deadline, switch on the four-eyes and
//! consultation variants, and route cases to a team by an answer.

use std::collections::{BTreeMap, BTreeSet};

use kernel::Text;
use serde::{Deserialize, Serialize};

use crate::lifecycle::{
    Action, Actor, State, Transition, consultation_transitions, default_transitions,
    four_eyes_transitions,
};
pub use crate::process_problem::ProcessProblem;

/// Default processing deadline in days.
pub const DEFAULT_DEADLINE_DAYS: u32 = 30;

/// A process definition as a department writes it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProcessDefinition {
    /// Id of the service the process belongs to.
    pub service: String,
    /// Days a case may take; time waiting for the citizen does not count. Left out:
    /// the processing time the service definition states (`processing_days`), else
    /// 30.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline_days: Option<u32>,
    /// The states the service uses (all of them when left out); transitions into or
    /// out of other states are dropped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub states: Option<Vec<State>>,
    /// What citizens read for a state instead of the portal's wording.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<State, Text>,
    /// A second caseworker must confirm every approval and rejection.
    #[serde(default)]
    pub four_eyes: bool,
    /// Departments that may be asked for an opinion (the consultation variant).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consult: Vec<String>,
    /// The transitions, when the service needs others than the default process with
    /// its variants.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transitions: Option<Vec<Transition>>,
    /// Rules that give a new case to a team by an answer; the first that matches wins.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub routing: Vec<RoutingRule>,
    /// Months a closed or withdrawn case is kept before it is deleted
    /// ([`DEFAULT_RETENTION_MONTHS`] when left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention_months: Option<u32>,
    /// Where new cases are announced by e-mail (nowhere when left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_case_mail: Option<crate::new_case_mail::NewCaseMail>,
}

/// How long closed cases are kept when their process does not say.
pub const DEFAULT_RETENTION_MONTHS: u32 = 24;

/// Gives a case to a team when an answer matches.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RoutingRule {
    /// The answer looked at: a field id, or `<address field>.postcode` and the like.
    pub field: String,
    /// The answer equals one of these.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub one_of: Vec<String>,
    /// The answer starts with one of these (e.g. postcode districts `803`, `804`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub starts_with: Vec<String>,
    /// The team that gets the case.
    pub team: String,
}

impl RoutingRule {
    /// Whether `answer` matches the rule.
    pub fn matches(&self, answer: &str) -> bool {
        let answer = answer.trim();
        !answer.is_empty()
            && (self.one_of.iter().any(|v| v == answer)
                || self
                    .starts_with
                    .iter()
                    .any(|p| answer.starts_with(p.as_str())))
    }
}

/// A process ready to run: the definition with its transitions worked out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Process {
    /// The definition it came from.
    pub definition: ProcessDefinition,
    /// The states in use.
    pub states: BTreeSet<State>,
    /// The allowed moves.
    pub transitions: Vec<Transition>,
}

impl Process {
    /// The process of `service` as its definition states it (`stated`), on the
    /// default states and transitions.
    pub fn stated(service: &str, stated: kernel::stated_process::StatedProcess) -> Self {
        let definition = ProcessDefinition {
            service: service.to_owned(),
            deadline_days: stated.deadline_days,
            four_eyes: stated.four_eyes,
            ..ProcessDefinition::default()
        };
        // Both variants fit the default states; a failure would be a bug, and the
        // plain default process is the safe answer.
        Self::build(definition).unwrap_or_else(|_| Self::default_for(service))
    }

    /// The default process of `service`.
    pub fn default_for(service: &str) -> Self {
        let definition = ProcessDefinition {
            service: service.to_owned(),
            ..ProcessDefinition::default()
        };
        Self::build(definition).unwrap_or_else(|problems| {
            // The built-in process is checked by the tests; reaching this is a bug.
            unreachable!("the default process is invalid: {problems:?}")
        })
    }

    /// Works out and checks the process of `definition`.
    pub fn build(definition: ProcessDefinition) -> Result<Self, Vec<ProcessProblem>> {
        let own = definition.transitions.is_some();
        let all = definition
            .transitions
            .clone()
            .unwrap_or_else(|| variant_transitions(&definition));
        let states: BTreeSet<State> = match &definition.states {
            Some(states) => states.iter().copied().collect(),
            None => used_states(&all),
        };
        let mut problems = Vec::new();
        let transitions = if own {
            for (index, transition) in all.iter().enumerate() {
                for state in transition.from.iter().chain([&transition.to]) {
                    if !states.contains(state) {
                        problems.push(ProcessProblem {
                            path: format!("transitions[{index}]"),
                            message: format!(
                                "state \"{}\" is not among the states of the process",
                                state.as_str()
                            ),
                        });
                    }
                }
            }
            all
        } else {
            restricted(all, &states)
        };
        if definition.four_eyes && !states.contains(&State::AwaitingConfirmation) {
            problems.push(ProcessProblem {
                path: "four_eyes".into(),
                message: "needs the state \"awaiting_confirmation\"".into(),
            });
        }
        if !definition.consult.is_empty() && !states.contains(&State::Consulting) {
            problems.push(ProcessProblem {
                path: "consult".into(),
                message: "needs the state \"consulting\"".into(),
            });
        }
        if definition.deadline_days == Some(0) {
            problems.push(ProcessProblem {
                path: "deadline_days".into(),
                message: "must be at least 1".into(),
            });
        }
        for state in definition.labels.keys() {
            if !states.contains(state) {
                problems.push(ProcessProblem {
                    path: format!("labels.{}", state.as_str()),
                    message: "labels a state the process does not use".into(),
                });
            }
        }
        for (index, rule) in definition.routing.iter().enumerate() {
            if rule.one_of.is_empty() && rule.starts_with.is_empty() {
                problems.push(ProcessProblem {
                    path: format!("routing[{index}]"),
                    message: "needs \"one_of\" or \"starts_with\"".into(),
                });
            }
        }
        if let Some(mail) = &definition.new_case_mail {
            problems.extend(mail.problems(definition.routing.iter().map(|r| r.team.as_str())));
        }
        problems.extend(reachability_problems(&states, &transitions));
        if problems.is_empty() {
            Ok(Self {
                definition,
                states,
                transitions,
            })
        } else {
            Err(problems)
        }
    }

    /// The state `action` by `actor` leads to from `from`, if the process allows it.
    pub fn next(&self, from: State, action: Action, actor: Actor) -> Option<State> {
        self.transitions
            .iter()
            .find(|t| t.action == action && t.by == actor && t.from.contains(&from))
            .map(|t| t.to)
    }

    /// The actions `actor` may take in `state`, in process order.
    pub fn actions(&self, state: State, actor: Actor) -> Vec<Action> {
        let mut actions: Vec<Action> = Vec::new();
        for t in &self.transitions {
            if t.by == actor && t.from.contains(&state) && !actions.contains(&t.action) {
                actions.push(t.action);
            }
        }
        actions
    }

    /// Processing deadline in days.
    pub fn deadline_days(&self) -> u32 {
        self.definition
            .deadline_days
            .unwrap_or(DEFAULT_DEADLINE_DAYS)
    }

    /// Months a closed or withdrawn case is kept.
    pub fn retention_months(&self) -> u32 {
        self.definition
            .retention_months
            .unwrap_or(DEFAULT_RETENTION_MONTHS)
    }

    /// The team for a new case with these answers (`field` to text), if a rule says.
    pub fn route<'a>(&self, answer: impl Fn(&str) -> Option<&'a str>) -> Option<&str> {
        self.definition
            .routing
            .iter()
            .find(|rule| answer(&rule.field).is_some_and(|a| rule.matches(a)))
            .map(|rule| rule.team.as_str())
    }
}

/// `submitted` and every state `transitions` lead to. (A state only named as a start,
/// like `consulting` for withdrawing without the consultation variant, is not in use.)
fn used_states(transitions: &[Transition]) -> BTreeSet<State> {
    let mut states = BTreeSet::from([State::Submitted]);
    states.extend(transitions.iter().map(|t| t.to));
    states
}

/// The default transitions with the variants the definition switches on.
fn variant_transitions(definition: &ProcessDefinition) -> Vec<Transition> {
    let mut transitions = default_transitions();
    if definition.four_eyes {
        let proposing = four_eyes_transitions();
        transitions.retain(|t| !proposing.iter().any(|p| p.action == t.action));
        transitions.extend(proposing);
    }
    if !definition.consult.is_empty() {
        transitions.extend(consultation_transitions());
    }
    transitions
}

/// `transitions` within `states`: start states outside are dropped, and so are
/// transitions leading outside.
fn restricted(transitions: Vec<Transition>, states: &BTreeSet<State>) -> Vec<Transition> {
    transitions
        .into_iter()
        .filter(|t| states.contains(&t.to))
        .filter_map(|mut t| {
            t.from.retain(|s| states.contains(s));
            (!t.from.is_empty()).then_some(t)
        })
        .collect()
}

/// States no case can reach from `submitted`, states with no way on, and a process
/// where no case can end.
fn reachability_problems(
    states: &BTreeSet<State>,
    transitions: &[Transition],
) -> Vec<ProcessProblem> {
    let mut problems = Vec::new();
    if !states.contains(&State::Submitted) {
        problems.push(ProcessProblem {
            path: "states".into(),
            message: "must include \"submitted\", where every case starts".into(),
        });
        return problems;
    }
    let mut reached = BTreeSet::from([State::Submitted]);
    let mut queue = vec![State::Submitted];
    while let Some(state) = queue.pop() {
        for t in transitions.iter().filter(|t| t.from.contains(&state)) {
            if reached.insert(t.to) {
                queue.push(t.to);
            }
        }
    }
    for state in states.iter().filter(|s| !reached.contains(s)) {
        problems.push(ProcessProblem {
            path: format!("states.{}", state.as_str()),
            message: "no case can reach this state from \"submitted\"".into(),
        });
    }
    for state in reached.iter().filter(|s| !s.is_final()) {
        if !transitions.iter().any(|t| t.from.contains(state)) {
            problems.push(ProcessProblem {
                path: format!("states.{}", state.as_str()),
                message: "a case in this state can never move on".into(),
            });
        }
    }
    if !reached.iter().any(|s| s.is_final()) {
        problems.push(ProcessProblem {
            path: "states".into(),
            message: "no case can ever end: neither \"closed\" nor \"withdrawn\" is reachable"
                .into(),
        });
    }
    problems
}
