//! The lifecycle and process definitions: allowed and refused transitions per actor,
//! the four-eyes and consultation variants, restrictions, and the checks that catch
//! broken definitions.

#![expect(clippy::unwrap_used, reason = "a test fails loudly")]

use cases::{Action, Actor, Process, ProcessDefinition, State, process::ProcessProblem};

fn process(toml: &str) -> Result<Process, Vec<ProcessProblem>> {
    let definition: ProcessDefinition = toml::from_str(toml).unwrap();
    Process::build(definition)
}

fn paths(problems: &[ProcessProblem]) -> Vec<String> {
    problems.iter().map(|p| p.to_string()).collect()
}

#[test]
fn the_default_process_moves_a_case_from_submitted_to_closed() {
    let p = Process::default_for("x");
    use Action::*;
    use State::*;
    assert_eq!(
        p.next(Submitted, Claim, Actor::Caseworker),
        Some(InProgress)
    );
    assert_eq!(
        p.next(InProgress, RequestInformation, Actor::Caseworker),
        Some(WaitingForCitizen)
    );
    assert_eq!(
        p.next(WaitingForCitizen, Answer, Actor::Citizen),
        Some(InProgress)
    );
    assert_eq!(
        p.next(InProgress, Approve, Actor::Caseworker),
        Some(Decided)
    );
    assert_eq!(p.next(InProgress, Reject, Actor::Caseworker), Some(Decided));
    assert_eq!(p.next(Decided, Close, Actor::Caseworker), Some(Closed));
    assert_eq!(p.next(Closed, Reopen, Actor::Caseworker), Some(InProgress));
    for from in [Submitted, InProgress, WaitingForCitizen] {
        assert_eq!(p.next(from, Withdraw, Actor::Citizen), Some(Withdrawn));
    }
    assert_eq!(p.deadline_days(), 30);
    assert!(!p.states.contains(&AwaitingConfirmation) && !p.states.contains(&Consulting));
}

#[test]
fn refused_transitions_wrong_actor_and_wrong_state() {
    let p = Process::default_for("x");
    use Action::*;
    use State::*;
    // A citizen cannot decide, a caseworker cannot answer for the citizen.
    assert_eq!(p.next(InProgress, Approve, Actor::Citizen), None);
    assert_eq!(p.next(WaitingForCitizen, Answer, Actor::Caseworker), None);
    // No withdrawing after the decision, no deciding before claiming.
    assert_eq!(p.next(Decided, Withdraw, Actor::Citizen), None);
    assert_eq!(p.next(Submitted, Approve, Actor::Caseworker), None);
    // Variants are off by default.
    assert_eq!(p.next(InProgress, Consult, Actor::Caseworker), None);
    assert_eq!(p.next(InProgress, Confirm, Actor::Caseworker), None);
    // Nothing moves a withdrawn case.
    for action in Action::ALL {
        for actor in [Actor::Citizen, Actor::Caseworker, Actor::Consulted] {
            assert_eq!(
                p.next(Withdrawn, action, actor),
                None,
                "{action:?} {actor:?}"
            );
        }
    }
    assert_eq!(
        p.actions(InProgress, Actor::Caseworker),
        vec![RequestInformation, Approve, Reject]
    );
    assert_eq!(p.actions(InProgress, Actor::Citizen), vec![Withdraw]);
}

#[test]
fn four_eyes_turns_decisions_into_proposals() {
    let p = process("service = \"x\"\nfour_eyes = true\n").unwrap();
    use Action::*;
    use State::*;
    assert_eq!(
        p.next(InProgress, Approve, Actor::Caseworker),
        Some(AwaitingConfirmation)
    );
    assert_eq!(
        p.next(InProgress, Reject, Actor::Caseworker),
        Some(AwaitingConfirmation)
    );
    assert_eq!(
        p.next(AwaitingConfirmation, Confirm, Actor::Caseworker),
        Some(Decided)
    );
    assert_eq!(
        p.next(AwaitingConfirmation, SendBack, Actor::Caseworker),
        Some(InProgress)
    );
    assert_eq!(p.next(InProgress, Confirm, Actor::Caseworker), None);
}

#[test]
fn consultation_waits_for_the_other_department() {
    let p = process("service = \"x\"\nconsult = [\"stadtkaemmerei\"]\n").unwrap();
    use Action::*;
    use State::*;
    assert_eq!(
        p.next(InProgress, Consult, Actor::Caseworker),
        Some(Consulting)
    );
    assert_eq!(
        p.next(Consulting, GiveOpinion, Actor::Consulted),
        Some(InProgress)
    );
    assert_eq!(p.next(Consulting, GiveOpinion, Actor::Caseworker), None);
    assert_eq!(
        p.next(Consulting, Withdraw, Actor::Citizen),
        Some(Withdrawn)
    );
}

#[test]
fn restricting_states_drops_their_transitions() {
    let p = process(
        "service = \"x\"\ndeadline_days = 14\n\
         states = [\"submitted\", \"in_progress\", \"decided\", \"closed\", \"withdrawn\"]\n\
         [labels.in_progress]\nde = \"In Prüfung\"\nen = \"Under review\"\n",
    )
    .unwrap();
    assert_eq!(
        p.next(
            State::InProgress,
            Action::RequestInformation,
            Actor::Caseworker
        ),
        None
    );
    assert_eq!(p.deadline_days(), 14);
    assert_eq!(
        p.definition.labels[&State::InProgress].get(kernel::Locale::EN),
        "Under review"
    );
}

#[test]
fn broken_processes_are_reported_with_their_place() {
    // Without "decided", nothing after "in_progress" can end the case but withdrawing;
    // "closed" can no longer be reached.
    let found = process(
        "service = \"x\"\nstates = [\"submitted\", \"in_progress\", \"closed\", \"withdrawn\"]\n",
    )
    .unwrap_err();
    assert_eq!(
        paths(&found),
        vec!["states.closed: no case can reach this state from \"submitted\""]
    );
    // Own transitions: an unknown state is refused when reading, a state outside the
    // list, a dead end and no way to an end are reported.
    let unknown: Result<ProcessDefinition, _> = toml::from_str(
        "service = \"x\"\n[[transitions]]\naction = \"claim\"\nfrom = [\"submitted\"]\nto = \"archived\"\nby = \"caseworker\"\n",
    );
    assert!(unknown.unwrap_err().to_string().contains("archived"));
    let found = process(
        "service = \"x\"\nstates = [\"submitted\", \"in_progress\"]\n\
         [[transitions]]\naction = \"claim\"\nfrom = [\"submitted\"]\nto = \"in_progress\"\nby = \"caseworker\"\n\
         [[transitions]]\naction = \"approve\"\nfrom = [\"in_progress\"]\nto = \"decided\"\nby = \"caseworker\"\n",
    )
    .unwrap_err();
    let found = paths(&found);
    assert!(
        found.contains(
            &"transitions[1]: state \"decided\" is not among the states of the process".to_owned()
        ),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("states: no case can ever end")),
        "{found:?}"
    );
    let found = process("service = \"x\"\nfour_eyes = true\nstates = [\"submitted\", \"in_progress\", \"decided\", \"closed\"]\n").unwrap_err();
    assert!(
        paths(&found)
            .iter()
            .any(|p| p.starts_with("four_eyes: needs"))
    );
    let found =
        process("service = \"x\"\ndeadline_days = 0\n[[routing]]\nfield = \"a\"\nteam = \"t\"\n")
            .unwrap_err();
    assert_eq!(
        paths(&found),
        vec![
            "deadline_days: must be at least 1",
            "routing[0]: needs \"one_of\" or \"starts_with\""
        ]
    );
}

#[test]
fn routing_gives_the_case_to_the_first_matching_team() {
    let p = process(
        "service = \"x\"\n\
         [[routing]]\nfield = \"address.postcode\"\nstarts_with = [\"803\", \"804\"]\nteam = \"Mitte\"\n\
         [[routing]]\nfield = \"kind\"\none_of = [\"dog\"]\nteam = \"Hunde\"\n",
    )
    .unwrap();
    let answers = |postcode: &'static str, kind: &'static str| {
        move |field: &str| match field {
            "address.postcode" => Some(postcode),
            "kind" => Some(kind),
            _ => None,
        }
    };
    assert_eq!(p.route(answers("80331", "dog")), Some("Mitte"));
    assert_eq!(p.route(answers("81541", "dog")), Some("Hunde"));
    assert_eq!(p.route(answers("81541", "cat")), None);
    assert_eq!(p.route(answers("", "")), None);
}

#[test]
fn the_readme_example_is_a_valid_process() {
    let readme = include_str!("../../../README.md");
    let start = readme
        .find("```toml\nservice = \"hundeanmeldung\"")
        .unwrap()
        + "```toml\n".len();
    let end = start + readme[start..].find("```").unwrap();
    let p = process(&readme[start..end]).unwrap();
    assert_eq!(p.deadline_days(), 14);
    assert_eq!(
        p.next(State::InProgress, Action::Consult, Actor::Caseworker),
        Some(State::Consulting)
    );
    assert_eq!(
        p.next(State::InProgress, Action::Approve, Actor::Caseworker),
        Some(State::AwaitingConfirmation)
    );
}

#[test]
fn the_demo_processes_are_valid() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../services");
    let (processes, problems) = cases::loader::load_dir(std::path::Path::new(dir), None);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(processes.len(), 2);
    assert!(
        processes
            .for_service("bewohnerparkausweis")
            .definition
            .four_eyes
    );
}

#[test]
fn every_mistake_of_a_process_file_is_named_at_once() {
    let demo = include_str!("../../../services/sperrmuell.process.toml");
    let broken = demo
        .replacen("deadline_days = 14", "deadline_days = \"vierzehn\"", 1)
        .replacen("retention_months = 6", "retention_monate = 6", 1);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("sperrmuell.process.toml"), &broken).unwrap();
    let (_, problems) = cases::loader::load_dir(dir.path(), None);
    let line_of = |needle: &str| {
        broken
            .lines()
            .position(|l| l.contains(needle))
            .map(|i| i + 1)
    };
    let found: Vec<(Option<usize>, String)> =
        problems.iter().map(|p| (p.line, p.path.clone())).collect();
    assert!(
        found.contains(&(line_of("vierzehn"), "deadline_days".into())),
        "{problems:#?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("retention_monate")),
        "{problems:#?}"
    );
}
