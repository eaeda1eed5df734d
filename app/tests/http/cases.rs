//! Cases: every filed request opens a case in its service's department; transitions
//! are checked per person and state, and of two caseworkers acting on the same version
//! one wins. Runs on SQLite and PostgreSQL.

use cases::{
    Action, State,
    act::{Command, act, find},
    loader::Processes,
    process::Process,
};
use kernel::{AppError, Identity};

use crate::{
    filing::{file_bulky_waste, post},
    support::{Backend, TestApp, backends, run, signed_in, spawn_app},
};

fn persona(key: &str) -> Identity {
    app::personas::identity(key).unwrap()
}

/// `action` at case `version` with `text`, no department, no files.
pub fn command(action: Action, version: i32, text: &str) -> Command {
    Command {
        action,
        version,
        text: text.into(),
        department: None,
        files: Vec::new(),
    }
}

/// Acting on one case with one set of processes, as the tests do step by step.
struct Desk<'a> {
    db: &'a sea_orm::DatabaseConnection,
    processes: &'a Processes,
    case: &'a str,
}

impl Desk<'_> {
    /// `who` takes `command` at `at`.
    async fn take(
        &self,
        who: &Identity,
        command: Command,
        at: i64,
    ) -> Result<cases::Case, AppError> {
        act(self.db, self.processes, self.case, who, &command, at).await
    }
}

/// The case opened for submission `submission`.
pub async fn case_of(app: &TestApp, submission: &str) -> cases::Case {
    let id = cases::act::case_for_submission(&app.state.ctx.db, submission)
        .await
        .unwrap()
        .expect("a case was opened");
    find(&app.state.ctx.db, &id).await.unwrap().unwrap()
}

/// A test portal on `backend` where Jonas Neumann filed a bulky-waste pick-up: his
/// `caseworker` claims case `id` (at version 1) and asks its citizen `question`;
/// returns where the question's post leads.
pub async fn claim_and_ask(
    caseworker: &reqwest::Client,
    app: &TestApp,
    id: &str,
    question: &str,
) -> String {
    let staff_action = format!("/bearbeitung/faelle/{id}/aktion");
    post(
        caseworker,
        app,
        &staff_action,
        &[("action", "claim"), ("version", "1")],
    )
    .await;
    post(
        caseworker,
        app,
        &staff_action,
        &[
            ("action", "request_information"),
            ("version", "2"),
            ("text", question),
        ],
    )
    .await
}

/// browser and the case opened for it.
pub async fn filed_case(backend: Backend) -> (TestApp, reqwest::Client, cases::Case) {
    let app = spawn_app(backend).await;
    let jonas = signed_in(&app, "citizen-low").await;
    let submission = file_bulky_waste(&jonas, &app).await;
    let case = case_of(&app, &submission).await;
    (app, jonas, case)
}

#[test]
fn a_filed_request_opens_a_case_that_moves_through_its_lifecycle() {
    run(async {
        for backend in backends() {
            let (app, _, case) = filed_case(backend).await;
            assert_eq!(
                (case.state, case.department.as_str(), case.version),
                (State::Submitted, "awm", 1),
                "{backend:?}"
            );
            assert_eq!(case.applicant, "Jonas Neumann");
            assert!(case.reference.starts_with("M-"));
            // Due in 14 days, for the inner-city team (the service's process file).
            assert_eq!(case.due_at - case.submitted_at, 14 * 86_400);
            assert_eq!(case.team.as_deref(), Some("Innenstadt"));

            let db = &app.state.ctx.db;
            let processes = Processes::default();
            let desk = Desk {
                db,
                processes: &processes,
                case: &case.id,
            };
            let lena = persona("caseworker-awm");
            let max = persona("caseworker");
            let jonas = persona("citizen-low");
            let now = case.submitted_at;

            // A caseworker of another department does not even learn it exists.
            let refused = desk.take(&max, command(Action::Claim, 1, ""), now).await;
            assert_eq!(refused, Err(AppError::NotFound));
            // The citizen cannot claim it; deciding before claiming is refused.
            let refused = desk.take(&jonas, command(Action::Claim, 1, ""), now).await;
            assert_eq!(
                refused,
                Err(AppError::Conflict("cases-error-not-allowed".into()))
            );
            let refused = desk
                .take(&lena, command(Action::Approve, 1, "ok"), now)
                .await;
            assert_eq!(
                refused,
                Err(AppError::Conflict("cases-error-not-allowed".into()))
            );

            let claimed = desk
                .take(&lena, command(Action::Claim, 1, ""), now)
                .await
                .unwrap();
            assert_eq!(claimed.state, State::InProgress);
            assert_eq!(claimed.assignee_name.as_deref(), Some("Lena Vogel"));
            assert_eq!(claimed.version, 2);

            // Asking the citizen pauses the deadline; a request needs a text.
            let empty = desk
                .take(&lena, command(Action::RequestInformation, 2, " "), now)
                .await;
            assert_eq!(
                empty,
                Err(AppError::BadRequest("cases-error-text-required".into()))
            );
            let asked = desk
                .take(
                    &lena,
                    command(Action::RequestInformation, 2, "Wie schwer ist das Sofa?"),
                    now + 86_400,
                )
                .await
                .unwrap();
            assert_eq!(
                (asked.state, asked.paused_since),
                (State::WaitingForCitizen, Some(now + 86_400))
            );
            let answered = desk
                .take(
                    &jonas,
                    command(Action::Answer, 3, "Etwa 40 kg."),
                    now + 4 * 86_400,
                )
                .await
                .unwrap();
            assert_eq!(answered.state, State::InProgress);
            assert_eq!(
                answered.due_at,
                case.due_at + 3 * 86_400,
                "paused three days"
            );

            let approved = desk
                .take(
                    &lena,
                    command(Action::Approve, 4, "Termin bestätigt."),
                    now + 5 * 86_400,
                )
                .await
                .unwrap();
            assert_eq!(approved.state, State::Decided);
            assert_eq!(approved.outcome, Some(cases::Outcome::Approved));
            // Withdrawing after the decision is refused.
            let late = desk
                .take(&jonas, command(Action::Withdraw, 5, ""), now)
                .await;
            assert_eq!(
                late,
                Err(AppError::Conflict("cases-error-not-allowed".into()))
            );

            // The timeline: filed, claim, request, answer, approve.
            let kinds = cases::timeline::timeline(db, &case.id, true)
                .await
                .unwrap()
                .into_iter()
                .map(|e| e.kind.as_str())
                .collect::<Vec<_>>();
            assert_eq!(
                kinds,
                ["filed", "claim", "request_information", "answer", "approve"]
            );
        }
    });
}

#[test]
fn of_two_caseworkers_deciding_at_once_one_wins_and_the_other_is_told() {
    run(async {
        for backend in backends() {
            let (app, _, case) = filed_case(backend).await;
            let db = app.state.ctx.db.clone();
            let processes = Processes::default();
            let lena = persona("caseworker-awm");
            act(
                &db,
                &processes,
                &case.id,
                &lena,
                &command(Action::Claim, 1, ""),
                0,
            )
            .await
            .unwrap();
            // Both read version 2; one approves, one rejects, at the same moment.
            let decisions = [(Action::Approve, "passt"), (Action::Reject, "passt nicht")].map(
                |(action, reason)| {
                    let (db, processes, lena, id) =
                        (db.clone(), processes.clone(), lena.clone(), case.id.clone());
                    tokio::spawn(async move {
                        act(&db, &processes, &id, &lena, &command(action, 2, reason), 10).await
                    })
                },
            );
            let mut results = Vec::new();
            for decision in decisions {
                results.push(decision.await.unwrap());
            }
            let won: Vec<_> = results.iter().filter_map(|r| r.as_ref().ok()).collect();
            assert_eq!(won.len(), 1, "{backend:?}: {results:?}");
            let lost = results.iter().find_map(|r| r.as_ref().err()).unwrap();
            assert_eq!(*lost, AppError::Conflict("cases-error-changed".into()));
            // The stored decision is the winner's, recorded once.
            let stored = find(&db, &case.id).await.unwrap().unwrap();
            assert_eq!((stored.outcome, stored.version), (won[0].outcome, 3));
            let decisions = cases::timeline::timeline(&db, &case.id, true)
                .await
                .unwrap()
                .into_iter()
                .filter(|e| matches!(e.kind.as_str(), "approve" | "reject"))
                .count();
            assert_eq!(decisions, 1);
        }
    });
}

#[test]
fn four_eyes_needs_a_second_caseworker_and_proposals_stay_internal() {
    run(async {
        let (app, _, case) = filed_case(Backend::Sqlite).await;
        let db = &app.state.ctx.db;
        let processes: Processes = [Process::build(
            toml::from_str(
                "service = \"sperrmuell\"
four_eyes = true
",
            )
            .unwrap(),
        )
        .unwrap()]
        .into_iter()
        .collect();
        let lena = persona("caseworker-awm");
        // A second caseworker of the department.
        let mut second = persona("caseworker-awm");
        second.subject = Some("demo:second".into());
        second.name = Some("Zweite Person".into());
        let desk = Desk {
            db,
            processes: &processes,
            case: &case.id,
        };
        desk.take(&lena, command(Action::Claim, 1, ""), 0)
            .await
            .unwrap();
        // The proposal brings its letter, which only staff see until it is confirmed.
        let letter = kernel::upload::StoredFile {
            id: "00000000-0000-4000-8000-00000000000a".into(),
            name: "Bescheid.pdf".into(),
            media_type: "application/pdf".into(),
            size: 4,
            sha256: "0".repeat(64),
        };
        let proposal = Command {
            files: vec![letter],
            ..command(Action::Reject, 2, "Nicht abholbar.")
        };
        let proposed = desk.take(&lena, proposal, 1).await.unwrap();
        assert_eq!(proposed.state, State::AwaitingConfirmation);
        let letters = |staff: bool| {
            let case = proposed.clone();
            async move {
                cases::documents::of_case(db, None, &case, staff)
                    .await
                    .unwrap()
                    .into_iter()
                    .map(|d| (d.kind, d.internal))
                    .collect::<Vec<_>>()
            }
        };
        assert_eq!(letters(true).await, [("letter".to_owned(), true)]);
        assert!(letters(false).await.is_empty());
        let own = desk.take(&lena, command(Action::Confirm, 3, ""), 2).await;
        assert_eq!(
            own,
            Err(AppError::BadRequest("cases-error-four-eyes".into()))
        );
        let confirmed = desk
            .take(&second, command(Action::Confirm, 3, ""), 2)
            .await
            .unwrap();
        assert_eq!(
            (confirmed.state, confirmed.outcome),
            (State::Decided, Some(cases::Outcome::Rejected))
        );
        assert_eq!(letters(false).await, [("letter".to_owned(), false)]);
        // The citizen's timeline leaves out the proposal.
        let public: Vec<_> = cases::timeline::timeline(db, &case.id, false)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.kind.as_str())
            .collect();
        assert_eq!(public, ["filed", "claim", "confirm"]);
    });
}

#[test]
fn only_the_confirmed_decisions_letter_reaches_the_citizen() {
    run(async {
        for backend in backends() {
            let (app, _, case) = filed_case(backend).await;
            let db = &app.state.ctx.db;
            let processes: Processes = [Process::build(
                toml::from_str("service = \"sperrmuell\"\nfour_eyes = true\n").unwrap(),
            )
            .unwrap()]
            .into_iter()
            .collect();
            let lena = persona("caseworker-awm");
            let second = persona("caseworker-awm-2");
            let desk = Desk {
                db,
                processes: &processes,
                case: &case.id,
            };
            let letter = |n: char| kernel::upload::StoredFile {
                id: format!("00000000-0000-4000-8000-00000000000{n}"),
                name: format!("Bescheid-{n}.pdf"),
                media_type: "application/pdf".into(),
                size: 4,
                sha256: "0".repeat(64),
            };
            let decide = |action, version, n| Command {
                files: vec![letter(n)],
                ..command(action, version, "Begründung")
            };
            desk.take(&lena, command(Action::Claim, 1, ""), 0)
                .await
                .unwrap();
            // A rejects with letter 1, B sends it back, A approves with letter 2, B confirms.
            desk.take(&lena, decide(Action::Reject, 2, '1'), 1)
                .await
                .unwrap();
            desk.take(
                &second,
                command(Action::SendBack, 3, "Bitte genehmigen."),
                2,
            )
            .await
            .unwrap();
            desk.take(&lena, decide(Action::Approve, 4, '2'), 3)
                .await
                .unwrap();
            let confirmed = desk
                .take(&second, command(Action::Confirm, 5, ""), 4)
                .await
                .unwrap();
            let citizen_sees: Vec<String> = cases::documents::of_case(db, None, &confirmed, false)
                .await
                .unwrap()
                .into_iter()
                .map(|d| d.name)
                .collect();
            assert_eq!(citizen_sees, ["Bescheid-2.pdf"], "{backend:?}");
            let staff_see = cases::documents::of_case(db, None, &confirmed, true)
                .await
                .unwrap();
            assert_eq!(staff_see.len(), 2, "{backend:?}: the staff keep both");
        }
    });
}

#[test]
fn the_deciding_caseworker_is_told_of_the_second_person_first_and_cannot_confirm() {
    run(async {
        // The services' processes, with pick-ups decided by four eyes.
        let (mut settings, dir) = crate::support::test_settings(Backend::Sqlite).await;
        let processes = dir.path().join("processes");
        std::fs::create_dir_all(&processes).unwrap();
        for entry in
            std::fs::read_dir(crate::support::folder(&settings, "cases.processes_dir")).unwrap()
        {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.ends_with(".process.toml") {
                let mut text = std::fs::read_to_string(&path).unwrap();
                if name.starts_with("sperrmuell") {
                    text = text.replacen("deadline_days", "four_eyes = true\ndeadline_days", 1);
                }
                std::fs::write(processes.join(name), text).unwrap();
            }
        }
        settings.set("cases.processes_dir", &processes);
        let app = crate::support::spawn_with(settings, dir).await;
        let jonas = signed_in(&app, "citizen-low").await;
        let case = case_of(&app, &file_bulky_waste(&jonas, &app).await).await;
        approval_waits_for_a_second_person(&app, &case.id).await;
    });
}

#[test]
fn every_request_gets_its_own_case_with_an_unguessable_id() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let citizen = signed_in(&app, "citizen-low").await;
        let first = file_bulky_waste(&citizen, &app).await;
        let second = file_bulky_waste(&citizen, &app).await;
        let (a, b) = (case_of(&app, &first).await, case_of(&app, &second).await);
        assert_ne!(a.id, b.id);
        assert_eq!(a.id.len(), 36, "a random UUID");
        assert_eq!((a.owner.as_str(), a.state), (b.owner.as_str(), b.state));
    });
}

#[test]
fn a_caseworker_finds_the_case_in_the_inbox_and_acts_on_it_with_plain_forms() {
    run(async {
        let (app, _, case) = filed_case(Backend::Sqlite).await;
        let lena = signed_in(&app, "caseworker-awm").await;

        let (status, inbox) = crate::support::page(&lena, &app, "/bearbeitung").await;
        assert_eq!(status, reqwest::StatusCode::OK);
        assert!(inbox.contains(&case.reference) && inbox.contains("Sperrmüll abholen lassen"));
        assert!(inbox.contains("Jonas Neumann") && inbox.contains("Eingegangen (1)"));
        // Filters are URL parameters; nothing in progress yet.
        let (_, filtered) =
            crate::support::page(&lena, &app, "/bearbeitung?zustand=in_progress").await;
        assert!(!filtered.contains(&case.reference) && filtered.contains("Keine Fälle"));
        // Another department's caseworker sees neither the case nor its page.
        let max = signed_in(&app, "caseworker").await;
        let (_, other) = crate::support::page(&max, &app, "/bearbeitung").await;
        assert!(!other.contains(&case.reference));
        let page_path = format!("/bearbeitung/faelle/{}", case.id);
        let (status, _) = crate::support::page(&max, &app, &page_path).await;
        assert_eq!(status, reqwest::StatusCode::NOT_FOUND);

        // The case page shows the answers as filed and the actions allowed now.
        let (status, page) = crate::support::page(&lena, &app, &page_path).await;
        assert_eq!(status, reqwest::StatusCode::OK);
        assert!(page.contains("1 Sofa") && page.contains("Marienplatz 8, 80331 München"));
        assert!(page.contains("Fall übernehmen") && !page.contains("Genehmigen"));

        let action = format!("{page_path}/aktion");
        let done = post(
            &lena,
            &app,
            &action,
            &[("action", "claim"), ("version", "1")],
        )
        .await;
        assert_eq!(done, format!("{page_path}?erledigt=claim"));
        let (_, page) = crate::support::page(&lena, &app, &done).await;
        assert!(page.contains("Sie bearbeiten den Fall jetzt.") && page.contains("In Bearbeitung"));
        assert!(page.contains("Genehmigen") && page.contains("Fall übernommen"));
        // An old page's version is refused with a clear message.
        let stale = post(
            &lena,
            &app,
            &action,
            &[("action", "claim"), ("version", "1")],
        )
        .await;
        assert_eq!(
            stale,
            format!("{page_path}?fehler=cases-error-changed#fehler")
        );
        let (_, page) = crate::support::page(&lena, &app, &stale).await;
        assert!(page.contains("Der Fall wurde inzwischen geändert"));
        // A made-up message key is not shown.
        let (_, page) =
            crate::support::page(&lena, &app, &format!("{page_path}?fehler=<script>")).await;
        assert!(!page.contains("<script>") && !page.contains("role=\"alert\""));
        // Approving needs a reason; with one, the case is decided.
        let refused = post(
            &lena,
            &app,
            &action,
            &[("action", "approve"), ("version", "2"), ("text", "")],
        )
        .await;
        assert!(refused.contains("cases-error-text-required"), "{refused}");
        post(
            &lena,
            &app,
            &action,
            &[
                ("action", "approve"),
                ("version", "2"),
                ("text", "Termin am Montag."),
            ],
        )
        .await;
        let (_, page) = crate::support::page(&lena, &app, &page_path).await;
        assert!(page.contains("Entschieden") && page.contains("Termin am Montag."));
        // Made-up actions and versions are refused without a server error.
        let odd = post(
            &lena,
            &app,
            &action,
            &[("action", "explode"), ("version", "3")],
        )
        .await;
        assert!(odd.contains("cases-error-not-allowed"));
    });
}

#[test]
fn the_citizen_follows_the_case_answers_the_question_and_sees_the_decision() {
    run(async {
        let (app, jonas, case) = filed_case(Backend::Sqlite).await;
        let lena = signed_in(&app, "caseworker-awm").await;
        let staff_action = format!("/bearbeitung/faelle/{}/aktion", case.id);
        claim_and_ask(&lena, &app, &case.id, "Wie schwer ist das Sofa?").await;

        // "My applications" says where it stands and what to do.
        let (_, mine) = crate::support::page(&jonas, &app, "/antraege").await;
        // In the citizen's words, not the staff's.
        assert!(
            mine.contains("Stand: Wir brauchen Angaben von Ihnen"),
            "{mine}"
        );
        assert!(!mine.contains("Antragsteller*in"), "{mine}");
        assert!(mine.contains("Bitte beantworten Sie unsere Rückfrage."));
        let page_path = format!("/vorgaenge/{}", case.id);
        assert!(mine.contains(&page_path));

        let (status, page) = crate::support::page(&jonas, &app, &page_path).await;
        assert_eq!(status, reqwest::StatusCode::OK);
        assert!(page.contains("Wie schwer ist das Sofa?") && page.contains("Antwort senden"));
        // Staff-only wording and actions are not there.
        assert!(!page.contains("Genehmigen") && !page.contains("intern"));
        // Nobody else sees it or acts on it.
        let erika = signed_in(&app, "citizen").await;
        let (status, _) = crate::support::page(&erika, &app, &page_path).await;
        assert_eq!(status, reqwest::StatusCode::NOT_FOUND);
        let action = format!("{page_path}/aktion");
        let response = erika
            .post(app.url(&action))
            .form(&[("action", "withdraw"), ("version", "3")])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), reqwest::StatusCode::NOT_FOUND);

        let answered = post(
            &jonas,
            &app,
            &action,
            &[
                ("action", "answer"),
                ("version", "3"),
                ("text", "Etwa 40 kg."),
            ],
        )
        .await;
        assert_eq!(answered, format!("{page_path}?erledigt=answer"));
        let (_, page) = crate::support::page(&jonas, &app, &answered).await;
        assert!(page.contains("In Bearbeitung") && page.contains("Etwa 40 kg."));

        post(
            &lena,
            &app,
            &staff_action,
            &[
                ("action", "reject"),
                ("version", "4"),
                ("text", "Zu schwer für die Abholung."),
            ],
        )
        .await;
        let (_, page) = crate::support::page(&jonas, &app, &page_path).await;
        assert!(
            page.contains("Ihr Antrag wurde abgelehnt")
                && page.contains("Zu schwer für die Abholung.")
        );
        // Decided: withdrawing is no longer offered, and refused when posted.
        assert!(!page.contains("Antrag zurückziehen"));
        let late = post(
            &jonas,
            &app,
            &action,
            &[
                ("action", "withdraw"),
                ("version", "5"),
                ("bestaetigt", "ja"),
            ],
        )
        .await;
        assert!(late.contains("cases-error-not-allowed"), "{late}");
    });
}

#[test]
fn withdrawing_asks_first_and_says_what_happened() {
    run(async {
        let (app, jonas, case) = filed_case(Backend::Sqlite).await;
        let page_path = format!("/vorgaenge/{}", case.id);
        let action = format!("{page_path}/aktion");
        // The case page leads to a page that asks; it has no button that withdraws.
        let (_, page) = crate::support::page(&jonas, &app, &page_path).await;
        let confirm_path = format!("{page_path}/zurueckziehen");
        assert!(page.contains(&confirm_path), "{page}");
        assert!(!page.contains("value=\"withdraw\""), "{page}");
        let (status, confirm) = crate::support::page(&jonas, &app, &confirm_path).await;
        assert_eq!(status, reqwest::StatusCode::OK);
        assert!(
            confirm.contains("Antrag wirklich zurückziehen?"),
            "{confirm}"
        );
        assert!(confirm.contains(&case.reference));
        // A post that skipped the question withdraws nothing.
        let unasked = post(
            &jonas,
            &app,
            &action,
            &[("action", "withdraw"), ("version", "1")],
        )
        .await;
        assert!(
            unasked.contains("cases-error-confirm-withdraw"),
            "{unasked}"
        );
        let (_, page) = crate::support::page(&jonas, &app, &page_path).await;
        assert!(page.contains("Eingegangen"), "{page}");
        // Confirmed: withdrawn, and the page says so in words.
        let done = post(
            &jonas,
            &app,
            &action,
            &[
                ("action", "withdraw"),
                ("version", "1"),
                ("bestaetigt", "ja"),
                ("text", "Erledigt sich."),
            ],
        )
        .await;
        assert_eq!(done, format!("{page_path}?erledigt=withdraw"));
        let (_, page) = crate::support::page(&jonas, &app, &done).await;
        assert!(page.contains("Ihr Antrag ist zurückgezogen"), "{page}");
        assert!(page.contains("Von Ihnen zurückgezogen"), "{page}");
        // Nothing left to withdraw: the question page is gone too.
        let (status, _) = crate::support::page(&jonas, &app, &confirm_path).await;
        assert_eq!(status, reqwest::StatusCode::NOT_FOUND);
    });
}

#[test]
fn notes_stay_internal_and_messages_reach_the_other_side() {
    run(async {
        let (app, jonas, case) = filed_case(Backend::Sqlite).await;
        let lena = signed_in(&app, "caseworker-awm").await;
        let staff_page = format!("/bearbeitung/faelle/{}", case.id);
        let citizen_page = format!("/vorgaenge/{}", case.id);
        let staff_action = format!("{staff_page}/aktion");
        let citizen_action = format!("{citizen_page}/aktion");

        let noted = post(
            &lena,
            &app,
            &staff_action,
            &[("action", "note"), ("text", "Nachbar hat angerufen.")],
        )
        .await;
        assert_eq!(noted, format!("{staff_page}?erledigt=note"));
        post(
            &lena,
            &app,
            &staff_action,
            &[
                ("action", "message"),
                ("text", "Bitte stellen Sie das Sofa an die Straße."),
            ],
        )
        .await;
        post(
            &jonas,
            &app,
            &citizen_action,
            &[("action", "message"), ("text", "Mache ich, danke!")],
        )
        .await;
        // A citizen cannot write internal notes; an empty message is refused.
        let response = jonas
            .post(app.url(&citizen_action))
            .form(&[("action", "note"), ("text", "x")])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), reqwest::StatusCode::NOT_FOUND);
        let empty = post(
            &jonas,
            &app,
            &citizen_action,
            &[("action", "message"), ("text", "  ")],
        )
        .await;
        assert!(empty.contains("cases-error-text-required"));

        let (_, staff) = crate::support::page(&lena, &app, &staff_page).await;
        for text in [
            "Nachbar hat angerufen.",
            "Bitte stellen Sie das Sofa an die Straße.",
            "Mache ich, danke!",
        ] {
            assert!(staff.contains(text), "{text}");
        }
        let (_, citizen) = crate::support::page(&jonas, &app, &citizen_page).await;
        assert!(
            citizen.contains("Bitte stellen Sie das Sofa an die Straße.")
                && citizen.contains("Mache ich, danke!")
        );
        assert!(
            !citizen.contains("Nachbar hat angerufen."),
            "a note leaked to the citizen"
        );
        // Messages change no state, so a decision on the version seen still goes through.
        let claimed = post(
            &lena,
            &app,
            &staff_action,
            &[("action", "claim"), ("version", "1")],
        )
        .await;
        assert_eq!(claimed, format!("{staff_page}?erledigt=claim"));
    });
}

#[test]
fn a_colleague_takes_a_case_over_and_gives_it_back() {
    run(async {
        let (app, jonas, case) = filed_case(Backend::Sqlite).await;
        let lena = signed_in(&app, "caseworker-awm").await;
        let page_path = format!("/bearbeitung/faelle/{}", case.id);
        let action = format!("{page_path}/aktion");
        // Not yet claimed: nothing to take over.
        let early = post(
            &lena,
            &app,
            &action,
            &[("action", "take_over"), ("version", "1")],
        )
        .await;
        assert!(early.contains("cases-error-not-allowed"), "{early}");
        post(
            &lena,
            &app,
            &action,
            &[("action", "claim"), ("version", "1")],
        )
        .await;
        let (_, page) = crate::support::page(&lena, &app, &page_path).await;
        assert!(page.contains("Fall abgeben") && !page.contains("Fall selbst übernehmen"));
        let released = post(
            &lena,
            &app,
            &action,
            &[("action", "release"), ("version", "2")],
        )
        .await;
        assert_eq!(released, format!("{page_path}?erledigt=release"));
        let (_, inbox) = crate::support::page(&lena, &app, "/bearbeitung?zuweisung=nobody").await;
        assert!(inbox.contains(&case.reference));
        let taken = post(
            &lena,
            &app,
            &action,
            &[("action", "take_over"), ("version", "3")],
        )
        .await;
        assert_eq!(taken, format!("{page_path}?erledigt=take_over"));
        let (_, mine) = crate::support::page(&lena, &app, "/bearbeitung?zuweisung=mine").await;
        assert!(mine.contains(&case.reference));
        // The citizen's history leaves staff assignments out.
        let (_, citizen) =
            crate::support::page(&jonas, &app, &format!("/vorgaenge/{}", case.id)).await;
        assert!(
            !citizen.contains("Fall abgegeben") && !citizen.contains("Zuständigkeit übernommen")
        );
    });
}

/// Lena claims case `id` of a service decided by four eyes and approves it: the case
/// page tells her before that a second person confirms, and after it that her decision
/// waits for one, without offering her to confirm it.
pub async fn approval_waits_for_a_second_person(app: &TestApp, id: &str) {
    let lena = signed_in(app, "caseworker-awm").await;
    let page_path = format!("/bearbeitung/faelle/{id}");
    let action = format!("{page_path}/aktion");
    post(
        &lena,
        app,
        &action,
        &[("action", "claim"), ("version", "1")],
    )
    .await;
    let (_, before) = crate::support::page(&lena, app, &page_path).await;
    assert!(
        before.contains("bestätigt eine zweite Person Ihre Entscheidung"),
        "said before deciding: {before}"
    );
    let decided = post(
        &lena,
        app,
        &action,
        &[("action", "approve"), ("version", "2"), ("text", "Passt.")],
    )
    .await;
    assert_eq!(decided, format!("{page_path}?erledigt=approve"));
    let (_, after) = crate::support::page(&lena, app, &page_path).await;
    assert!(after.contains("Entscheidung zur Bestätigung"), "{after}");
    assert!(after.contains("wartet auf die Bestätigung durch eine zweite Person"));
    assert!(
        !after.contains(r#"value="confirm""#),
        "confirming is not offered to the one who decided"
    );
}
