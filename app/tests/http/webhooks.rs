//! Webhooks: events of a department's cases are posted, signed, to a local receiver
//! that refuses the first attempts; they arrive once accepted, with the same event id
//! on every attempt, and none is lost when the portal stops and another starts on the
//! same database. Runs on SQLite and PostgreSQL.

use std::{
    net::SocketAddr,
    sync::{Arc, Mutex},
};

use app::server::settings::{Secret, Settings, Subscription};
use axum::{Router, extract::State, http::HeaderMap, http::StatusCode, routing};
use kernel::webhook::EventKind;
use serde_json::Value;

use crate::{
    filing::{file_bulky_waste, post},
    support::{
        TestApp, backends, page, run, signed_in, spawn_with, test_settings, within_moments,
        within_seconds,
    },
};

const SECRET: &str = "portal-test-webhook-secret-0123456789";

/// One post the receiver got.
#[derive(Clone, Debug)]
struct Received {
    id: String,
    timestamp: String,
    signature: String,
    body: String,
    accepted: bool,
}

/// A receiver on loopback that answers 503 to the first `refuse` posts.
#[derive(Clone, Default)]
pub struct Receiver {
    posts: Arc<Mutex<Vec<Received>>>,
    refuse: Arc<Mutex<usize>>,
}

impl Receiver {
    pub async fn start(refuse: usize) -> (Self, SocketAddr) {
        let receiver = Self {
            refuse: Arc::new(Mutex::new(refuse)),
            ..Self::default()
        };
        let router = Router::new()
            .route("/hook", routing::post(receive))
            .with_state(receiver.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, router).await });
        (receiver, addr)
    }

    /// The accepted posts' bodies, as JSON.
    pub fn accepted(&self) -> Vec<Value> {
        self.posts
            .lock()
            .unwrap()
            .iter()
            .filter(|p| p.accepted)
            .map(|p| serde_json::from_str(&p.body).unwrap())
            .collect()
    }

    fn all(&self) -> Vec<Received> {
        self.posts.lock().unwrap().clone()
    }
}

async fn receive(State(receiver): State<Receiver>, headers: HeaderMap, body: String) -> StatusCode {
    let header = |name: &str| headers[name].to_str().unwrap().to_owned();
    let mut refuse = receiver.refuse.lock().unwrap();
    let accepted = *refuse == 0;
    *refuse = refuse.saturating_sub(1);
    receiver.posts.lock().unwrap().push(Received {
        id: header("webhook-id"),
        timestamp: header("webhook-timestamp"),
        signature: header("webhook-signature"),
        body,
        accepted,
    });
    if accepted {
        StatusCode::NO_CONTENT
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    }
}

/// Settings subscribing `url` to every event of the AWM and to state changes of the
/// KVR, retried after a second.
pub fn subscribed(settings: &mut Settings, url: &str) {
    settings.webhooks.retry_base_seconds = 1;
    let awm = Subscription {
        name: "fachverfahren-awm".into(),
        department: "awm".into(),
        url: url.into(),
        secret: Secret(SECRET.into()),
        events: EventKind::ALL.to_vec(),
        include_data: true,
    };
    let kvr = Subscription {
        name: "dms-kvr".into(),
        department: "kvr".into(),
        events: vec![EventKind::CaseStateChanged],
        ..awm.clone()
    };
    settings.webhooks.subscriptions = vec![awm, kvr];
}

/// Checks the signature as a receiver would (the README's recipe).
fn verified(post: &Received) -> bool {
    app::server::webhooks::sign(
        SECRET,
        &post.id,
        post.timestamp.parse().unwrap(),
        post.body.as_bytes(),
    ) == post.signature
}

async fn accepted_kinds(receiver: &Receiver, want: usize) -> Vec<String> {
    let accepted = within_seconds(20, async || receiver.accepted(), |a| a.len() >= want).await;
    accepted
        .iter()
        .map(|b| b["type"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn events_are_delivered_signed_once_accepted_after_refusals() {
    run(async {
        for backend in backends() {
            let (receiver, addr) = Receiver::start(2).await;
            let (mut settings, dir) = test_settings(backend).await;
            subscribed(&mut settings, &format!("http://{addr}/hook"));
            let app = spawn_with(settings, dir).await;
            let jonas = signed_in(&app, "citizen-low").await;
            file_bulky_waste(&jonas, &app).await;
            // Two refusals, then accepted: with a one-second base, within seconds.
            // Retried after one second, then two.
            let kinds = within_seconds(20, async || receiver.accepted(), |a| !a.is_empty()).await;
            assert_eq!(kinds.len(), 1, "{backend:?}: {:?}", receiver.all());
            let submitted = &kinds[0];
            assert_eq!(submitted["type"], "case.submitted");
            assert_eq!(submitted["department"], "awm");
            assert_eq!(submitted["case"]["state"], "submitted");
            assert_eq!(submitted["submission"]["data"]["volume"], 2);
            assert!(
                submitted["submission"]["schema"]
                    .as_str()
                    .unwrap()
                    .ends_with("/api/v1/services/sperrmuell/schema")
            );
            let posts = receiver.all();
            assert_eq!(posts.len(), 3, "two refused, one accepted");
            assert!(
                posts.iter().all(|p| p.id == posts[0].id),
                "one event id on every attempt"
            );
            assert!(posts.iter().all(verified), "every attempt is signed");
            let mut forged = posts[2].clone();
            forged.body = forged.body.replace("awm", "kvr");
            assert!(!verified(&forged));

            // The caseworker claims; the citizen writes: two more events.
            let id = submitted["case"]["id"].as_str().unwrap().to_owned();
            let lena = signed_in(&app, "caseworker-awm").await;
            post(
                &lena,
                &app,
                &format!("/bearbeitung/faelle/{id}/aktion"),
                &[("action", "claim"), ("version", "1")],
            )
            .await;
            post(
                &jonas,
                &app,
                &format!("/vorgaenge/{id}/aktion"),
                &[("action", "message"), ("text", "Ich bin ab 8 Uhr da.")],
            )
            .await;
            let kinds = accepted_kinds(&receiver, 3).await;
            assert_eq!(
                kinds,
                [
                    "case.submitted",
                    "case.state_changed",
                    "case.message_from_citizen"
                ],
                "{backend:?}"
            );
            let changed = &receiver.accepted()[1];
            assert_eq!(
                (changed["from_state"].as_str(), changed["to_state"].as_str()),
                (Some("submitted"), Some("in_progress"))
            );
            let message = receiver.accepted()[2].to_string();
            assert!(!message.contains("8 Uhr"), "texts stay in the portal");

            // The department's administrator reads the log; another department's does not.
            log_shows(&app, &receiver).await;
        }
    });
}

/// The delivery log: the KVR's administrator sees the KVR's deliveries with their
/// attempts and outcome, and none of the AWM's.
async fn log_shows(app: &TestApp, receiver: &Receiver) {
    let event = kernel::webhook::Event {
        kind: EventKind::CaseStateChanged,
        department: "kvr".into(),
        case_id: None,
        payload: serde_json::json!({}),
    };
    let before = receiver.accepted().len();
    kernel::webhook::note(&app.state.ctx.db, &event, chrono::Utc::now().timestamp())
        .await
        .unwrap();
    within_seconds(20, async || receiver.accepted(), |a| a.len() > before).await;
    let dana = signed_in(app, "department-admin").await;
    let (status, text) = page(&dana, app, "/dienststelle/zustellungen").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        text.contains("dms-kvr") && text.contains("case.state_changed"),
        "{text}"
    );
    assert!(text.contains("zugestellt am"));
    assert!(
        !text.contains("fachverfahren-awm"),
        "another department's deliveries"
    );
    assert!(crate::support::untranslated_keys(&text).is_empty());
    // Caseworkers do not administer subscriptions.
    let lena = signed_in(app, "caseworker-awm").await;
    let (_, refused) = page(&lena, app, "/dienststelle/zustellungen").await;
    assert!(!refused.contains("fachverfahren-awm"));
}

#[test]
fn nothing_is_lost_when_the_portal_stops_before_the_receiver_accepts() {
    run(async {
        for backend in backends() {
            // The receiver refuses everything while the first portal runs.
            let (receiver, addr) = Receiver::start(usize::MAX).await;
            let (mut settings, dir) = test_settings(backend).await;
            subscribed(&mut settings, &format!("http://{addr}/hook"));
            let kept = settings.clone();
            let first = spawn_with(settings, dir).await;
            let jonas = signed_in(&first, "citizen-low").await;
            file_bulky_waste(&jonas, &first).await;
            within_moments(async || receiver.all(), |p| !p.is_empty()).await;
            first.state.stop();
            let refused = receiver.all().len();
            assert!(refused >= 1 && receiver.accepted().is_empty());

            // Another process on the same database, the receiver back.
            *receiver.refuse.lock().unwrap() = 0;
            let dir = tempfile::tempdir().unwrap();
            let second = spawn_with(
                Settings {
                    data_dir: dir.path().join("data"),
                    ..kept
                },
                dir,
            )
            .await;
            // The refused attempts' pause runs out first.
            let kinds = within_seconds(20, async || receiver.accepted(), |a| !a.is_empty()).await;
            assert_eq!(kinds.len(), 1, "{backend:?}");
            assert_eq!(kinds[0]["type"], "case.submitted");
            let ids: std::collections::HashSet<String> =
                receiver.all().iter().map(|p| p.id.clone()).collect();
            assert_eq!(ids.len(), 1, "the same event, not a new one");
            drop(second);
        }
    });
}

#[test]
fn an_appointment_booked_moved_and_cancelled_tells_the_offices_department() {
    use crate::appointment_booking::{CERTIFICATE, MITTE, hold_first_time, times};
    run(async {
        let (receiver, addr) = Receiver::start(0).await;
        let (mut settings, dir) = test_settings(backends()[0]).await;
        settings.webhooks.retry_base_seconds = 1;
        settings.webhooks.subscriptions = vec![Subscription {
            name: "termine-kvr".into(),
            department: "kvr".into(),
            url: format!("http://{addr}/hook"),
            secret: Secret(SECRET.into()),
            events: vec![
                EventKind::AppointmentBooked,
                EventKind::AppointmentMoved,
                EventKind::AppointmentCancelled,
            ],
            include_data: false,
        }];
        let app = spawn_with(settings, dir).await;
        let jonas = signed_in(&app, "citizen-low").await;
        let held = hold_first_time(&jonas, &app, "1").await;
        post(&jonas, &app, &held.page, &[("name", ""), ("email", "")]).await;
        // Moved to another time of the day, then cancelled.
        let (_, calendar) = page(
            &jonas,
            &app,
            &format!(
                "/termine/buero/{MITTE}?leistung={CERTIFICATE}&personen=1&tag={}",
                held.day
            ),
        )
        .await;
        let (slot, _) = times(&calendar)
            .into_iter()
            .find(|(slot, _)| *slot != held.slot.to_string())
            .unwrap();
        let token = held.page.rsplit('/').next().unwrap();
        let moved = post(
            &jonas,
            &app,
            "/termine/halten",
            &[
                ("buero", MITTE),
                ("tag", &held.day),
                ("leistung", CERTIFICATE),
                ("personen", "1"),
                ("zeit", &slot),
                ("statt", token),
            ],
        )
        .await;
        post(&jonas, &app, &format!("{moved}/absagen"), &[]).await;

        let kinds = accepted_kinds(&receiver, 3).await;
        assert_eq!(
            kinds,
            [
                "appointment.booked",
                "appointment.moved",
                "appointment.cancelled"
            ]
        );
        let events = receiver.accepted();
        assert!(events.iter().all(|e| e["department"] == "kvr"));
        let booked = &events[0]["appointment"];
        assert_eq!(booked["office"], MITTE);
        assert_eq!(booked["day"].as_str(), Some(held.day.as_str()));
        assert_eq!(events[1]["replaces"]["reference"], booked["reference"]);
        assert_eq!(
            events[2]["appointment"]["reference"],
            events[1]["appointment"]["reference"]
        );
        // Names the appointment, never who booked it.
        let bodies: String = receiver.all().iter().map(|p| p.body.clone()).collect();
        assert!(!bodies.contains("Jonas") && !bodies.contains("@example.org"));
        assert!(receiver.all().iter().all(verified));
    });
}
