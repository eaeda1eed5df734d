//! Booking an appointment as a citizen, through the pages and posts a browser without
//! JavaScript uses, on the demo catalogue (offices and services written for the demo):
//! a service, the people, an office, a day, a time, the details, the e-mail address
//! confirmed through the link in the mail, the confirmation with its calendar file
//! received by a real SMTP server and read back, and cancelling, which frees the time.

use icalendar::{Calendar, CalendarDateTime, Component, DatePerhapsTime, EventLike};
use reqwest::StatusCode;

use crate::{
    smtp::SmtpSink,
    support::{
        TestApp, backends, browser, page, post_form as post, run, signed_in, spawn_with,
        test_settings,
    },
};

/// The demo's registration certificate, for up to four people, combinable with the
/// certified copies; offered at the citizens' offices Mitte and Nord.
pub const CERTIFICATE: &str = "100003";
pub const MITTE: &str = "200001";

/// A portal on `backend` whose mails go to a real SMTP server.
async fn portal_with_mail(backend: crate::support::Backend) -> (TestApp, SmtpSink) {
    let sink = SmtpSink::start();
    let (mut settings, dir) = test_settings(backend).await;
    sink.configure(&mut settings);
    (spawn_with(settings, dir).await, sink)
}

/// Jonas (signed in) books the first free time at office Mitte: his browser, the held
/// time, and the appointment's reference.
pub async fn jonas_books(app: &TestApp) -> (reqwest::Client, Held, String) {
    let jonas = signed_in(app, "citizen-low").await;
    let held = hold_first_time(&jonas, app, "1").await;
    post(&jonas, app, &held.page, &[("name", ""), ("email", "")]).await;
    let (_, html) = page(&jonas, app, &held.page).await;
    let reference = all(r#"<strong id="reference">(T-[A-Z0-9]{8})<"#, &html)
        .pop()
        .unwrap_or_else(|| panic!("booked: {html}"));
    (jonas, held, reference)
}

/// Noon in Munich on the day before `day` (`2026-12-24`): when its reminders are due.
fn eve_of(day: &str) -> chrono::DateTime<chrono::Utc> {
    let day = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").expect("a day");
    appointments::slots::in_munich(
        day.pred_opt().expect("a day before"),
        chrono::NaiveTime::from_hms_opt(12, 0, 0).expect("noon"),
    )
    .expect("noon exists in Munich")
}

/// Sends the reminders due at `eve` (see [`eve_of`]). The mail outbox sends by the real
/// clock, and `eve` may still be ahead of it (before noon, when the first free day is
/// tomorrow): the mails queued for later are then made due now, as the clock reaching
/// the eve would.
async fn remind_at(
    app: &TestApp,
    desk: &appointments::citizen::Desk,
    eve: chrono::DateTime<chrono::Utc>,
) -> u64 {
    let db = &app.state.ctx.db;
    let sent = appointments::reminders::send_due(&app.state.ctx, desk, eve)
        .await
        .unwrap_or_else(|error| panic!("reminders at {eve}: {error}"));
    let now = chrono::Utc::now().timestamp();
    sea_orm::ConnectionTrait::execute(
        db,
        kernel::sql::statement(
            db,
            "UPDATE kernel_mail SET next_attempt_at = $1 WHERE sent_at IS NULL AND next_attempt_at > $1",
            vec![now.into()],
        ),
    )
    .await
    .expect("mails due now");
    sent
}

/// Every match of `pattern`'s first group in `html`.
pub fn all(pattern: &str, html: &str) -> Vec<String> {
    regex::Regex::new(pattern)
        .expect("pattern")
        .captures_iter(html)
        .map(|c| c[1].to_owned())
        .collect()
}

/// The free days listed on an office's calendar page.
pub fn days(html: &str) -> Vec<String> {
    all(
        r#"tag=(\d{4}-\d{2}-\d{2})#zeiten"#,
        &html.replace("&amp;", "&"),
    )
}

/// The free times of the chosen day: slot index and the time shown.
pub fn times(html: &str) -> Vec<(String, String)> {
    regex::Regex::new(r#"name="zeit" value="(\d+)"[^>]*>\s*<span class="kern-label">(\d\d:\d\d)<"#)
        .expect("pattern")
        .captures_iter(html)
        .map(|c| (c[1].to_owned(), c[2].to_owned()))
        .collect()
}

/// The first free time at office Mitte for `persons` people asking for the
/// certificate, and the page of its day.
pub struct FreeTime {
    /// `YYYY-MM-DD`.
    pub day: String,
    /// Index of the first slot.
    pub slot: String,
    /// `HH:MM`.
    pub time: String,
    /// The calendar page with the day's times.
    pub html: String,
}

/// Finds the [`FreeTime`] as a browser does: the calendar, then the first day with at
/// least two free times.
pub async fn first_free_time(client: &reqwest::Client, app: &TestApp, persons: &str) -> FreeTime {
    let calendar = format!("/termine/buero/{MITTE}?leistung={CERTIFICATE}&personen={persons}");
    let (status, html) = page(client, app, &calendar).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    // The first day with at least two free times: tests move to another one, and late
    // in the day today may have only one left.
    for day in days(&html) {
        let (_, html) = page(client, app, &format!("{calendar}&tag={day}")).await;
        if let [(slot, time), _, ..] = times(&html).as_slice() {
            let (slot, time) = (slot.clone(), time.clone());
            return FreeTime {
                day,
                slot,
                time,
                html,
            };
        }
    }
    panic!("no day with two free times within 60 days")
}

/// Posts the hold of `free` for `persons` people with the `extra` fields; the status
/// and where it leads.
pub async fn post_hold(
    client: &reqwest::Client,
    app: &TestApp,
    free: &FreeTime,
    persons: &str,
    extra: &[(&str, &str)],
) -> (StatusCode, String) {
    let mut fields = vec![
        ("buero", MITTE),
        ("tag", free.day.as_str()),
        ("leistung", CERTIFICATE),
        ("personen", persons),
        ("zeit", free.slot.as_str()),
    ];
    fields.extend_from_slice(extra);
    post(client, app, "/termine/halten", &fields).await
}

/// Holds the first free time at office Mitte for `persons` people asking for the
/// certificate: the day, the time, and the appointment page it leads to.
pub async fn hold_first_time(client: &reqwest::Client, app: &TestApp, persons: &str) -> Held {
    let free = first_free_time(client, app, persons).await;
    let (status, held) = post_hold(client, app, &free, persons, &[]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(held.starts_with("/termine/vormerkung/"), "{held}");
    Held {
        slot: free.slot.parse().expect("slot index"),
        day: free.day,
        time: free.time,
        page: held,
    }
}

/// A held time.
pub struct Held {
    /// `YYYY-MM-DD`.
    pub day: String,
    /// Index of the first slot.
    pub slot: usize,
    /// `HH:MM`.
    pub time: String,
    /// Its page.
    pub page: String,
}

/// How many people the slots `first..first + count` of office Mitte on `day` serve.
async fn used(app: &TestApp, day: &str, first: usize, count: usize) -> Vec<u32> {
    let day = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap();
    let used = appointments::capacity::used_on(&app.state.ctx.db, MITTE, day, first + count)
        .await
        .unwrap();
    used[first..].to_vec()
}

/// The link (path) of the first line of `body` that holds `marker`.
fn link_in(body: &str, marker: &str) -> String {
    let at = body
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} in {body}"));
    body[at..]
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn a_citizen_books_confirms_by_mail_and_cancels_without_signing_in() {
    run(async {
        for backend in backends() {
            let (app, sink) = portal_with_mail(backend).await;
            let citizen = browser();

            // The list of services leads to the choice of people and combined services.
            let (_, html) = page(&citizen, &app, "/termine").await;
            assert!(
                html.contains(&format!("/termine/auswahl?leistung={CERTIFICATE}")),
                "{html}"
            );
            let (_, html) = page(
                &citizen,
                &app,
                &format!("/termine/auswahl?leistung={CERTIFICATE}"),
            )
            .await;
            assert!(
                html.contains(r#"<option value="4">"#) && !html.contains(r#"<option value="5">"#),
                "{html}"
            );
            assert!(
                html.contains(r#"name="leistung" value="100002""#),
                "combinable: {html}"
            );
            // Both offices offering it, each with its earliest free day.
            let (_, html) = page(
                &citizen,
                &app,
                &format!("/termine/buero?leistung={CERTIFICATE}&personen=2"),
            )
            .await;
            assert!(
                html.contains("Bürgerbüro Mitte") && html.contains("Bürgerbüro Nord"),
                "{html}"
            );
            assert_eq!(html.matches("Frühester freier Tag").count(), 2, "{html}");

            let Held {
                day,
                slot,
                time,
                page: held,
            } = hold_first_time(&citizen, &app, "2").await;
            // Two people, two slots each: four slots of one counter.
            assert_eq!(used(&app, &day, slot, 5).await, [1, 1, 1, 1, 0]);
            let (_, html) = page(&citizen, &app, &held).await;
            assert!(
                html.contains("noch 10 Minuten") || html.contains("noch 9 Minuten"),
                "{html}"
            );
            assert!(html.contains(&time), "{html}");

            // A wrong address leads back with the note, and what was typed is kept.
            let (_, back) = post(
                &citizen,
                &app,
                &held,
                &[
                    ("name", "Ada Muster"),
                    ("email", "ada(at)example.org"),
                    ("telefon", ""),
                ],
            )
            .await;
            assert_eq!(back, format!("{held}?fehler=email"));
            let (_, html) = page(&citizen, &app, &back).await;
            assert!(
                html.contains(r#"value="Ada Muster""#) && html.contains(r#"aria-invalid="true""#),
                "{html}"
            );

            let (_, back) = post(
                &citizen,
                &app,
                &held,
                &[
                    ("name", "Ada Muster"),
                    ("email", "ada@example.org"),
                    ("telefon", "089 1234567"),
                ],
            )
            .await;
            assert_eq!(back, held);
            let (_, html) = page(&citizen, &app, &held).await;
            assert!(
                html.contains("Bitte bestätigen Sie Ihre E-Mail-Adresse")
                    && html.contains("ada@example.org"),
                "{html}"
            );

            // The address is confirmed through the link in the mail; opening it alone
            // books nothing (mail programs open links to check them).
            let mails = sink.wait_for(1).await;
            assert_eq!(mails[0].to, ["ada@example.org"]);
            let link = link_in(&mails[0].body, "http");
            let confirm = link[link
                .find("/termine/bestaetigen/")
                .expect("confirmation path")..]
                .to_owned();
            let (_, html) = page(&citizen, &app, &confirm).await;
            assert!(html.contains("Termin jetzt bestätigen"), "{html}");
            let (status, after) = post(&citizen, &app, &confirm, &[]).await;
            assert_eq!(
                (status, after.as_str()),
                (StatusCode::SEE_OTHER, confirm.as_str())
            );
            let (_, html) = page(&citizen, &app, &confirm).await;
            let reference = all(r#"<strong id="reference">(T-[A-Z0-9]{8})<"#, &html)
                .pop()
                .expect(&html);
            // Using the link again books nothing more.
            post(&citizen, &app, &confirm, &[]).await;

            // The confirmation: reference, place, time, and a calendar file that
            // parses back to the same time in Munich.
            let mails = sink.wait_for(2).await;
            assert_eq!(
                mails.len(),
                2,
                "one confirmation, however often the link is used"
            );
            let booked = mails
                .iter()
                .find(|m| m.subject.contains(&reference))
                .expect("confirmation mail");
            assert!(booked.is_complete_mime(), "{booked:?}");
            assert!(
                booked.body.contains("Bürgerbüro Mitte") && booked.body.contains(&time),
                "{}",
                booked.body
            );
            assert!(
                booked.body.contains("/info/100003"),
                "what to bring: {}",
                booked.body
            );
            let ics = booked
                .attachments
                .iter()
                .find(|a| a.filename == "termin.ics")
                .expect("calendar file");
            assert_eq!(ics.content_type, "text/calendar");
            let calendar: Calendar = ics.text.parse().expect("RFC 5545");
            let event = calendar.events().next().expect("one event");
            assert!(event.get_summary().unwrap_or_default().contains(&reference));
            assert!(
                event
                    .get_location()
                    .unwrap_or_default()
                    .contains("Musterplatz 1")
            );
            let start = match event.get_start() {
                Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(start))) => start,
                other => panic!("start {other:?}"),
            };
            let expected = appointments::slots::in_munich(
                chrono::NaiveDate::parse_from_str(&day, "%Y-%m-%d").unwrap(),
                chrono::NaiveTime::parse_from_str(&time, "%H:%M").unwrap(),
            );
            assert_eq!(Some(start), expected, "{day} {time} in Munich");

            // Cancelling frees the time and says so by mail.
            assert_eq!(used(&app, &day, slot, 5).await, [1, 1, 1, 1, 0]);
            let manage = confirm.replace("/termine/bestaetigen/", "/termine/vormerkung/");
            let (status, _) = post(&citizen, &app, &format!("{manage}/absagen"), &[]).await;
            assert_eq!(status, StatusCode::SEE_OTHER);
            let (_, html) = page(&citizen, &app, &manage).await;
            assert!(html.contains("Der Termin ist abgesagt"), "{html}");
            assert_eq!(used(&app, &day, slot, 5).await, [0, 0, 0, 0, 0]);
            let mails = sink.wait_for(3).await;
            assert!(
                mails.iter().any(|m| m.subject.contains("ist abgesagt")),
                "{mails:?}"
            );
        }
    });
}

#[test]
fn a_signed_in_citizen_books_at_once_with_the_details_of_the_sign_in() {
    run(async {
        let backend = backends()[0];
        let (app, sink) = portal_with_mail(backend).await;
        let jonas = signed_in(&app, "citizen-low").await;
        let held = hold_first_time(&jonas, &app, "1").await;
        let (_, html) = page(&jonas, &app, &held.page).await;
        assert!(
            html.contains(r#"value="Jonas Neumann""#) && html.contains("readonly"),
            "{html}"
        );
        // What the page cannot change is taken from the sign-in, whatever is posted.
        let (_, back) = post(
            &jonas,
            &app,
            &held.page,
            &[
                ("name", "Someone Else"),
                ("email", "other@example.org"),
                ("telefon", ""),
            ],
        )
        .await;
        assert_eq!(back, held.page);
        let (_, html) = page(&jonas, &app, &held.page).await;
        assert!(
            html.contains("Ihr Termin ist gebucht") && html.contains("jonas.neumann@example.org"),
            "{html}"
        );
        let mails = sink.wait_for(1).await;
        assert_eq!(mails[0].to, ["jonas.neumann@example.org"]);
        assert!(
            mails[0].subject.starts_with("Ihr Termin T-"),
            "{}",
            mails[0].subject
        );

        // Moving it: another time of the same day, the same details; the old one is
        // cancelled and its time free.
        let moving = all(r#"href="(/termine/buero/[^"]*statt=[0-9a-f]{64})""#, &html)
            .pop()
            .expect(&html)
            .replace("&amp;", "&");
        let (_, calendar) = page(&jonas, &app, &format!("{moving}&tag={}", held.day)).await;
        assert!(
            calendar.contains("Neuen Tag und neue Uhrzeit wählen"),
            "{calendar}"
        );
        let (slot, time) = times(&calendar)
            .into_iter()
            .find(|(slot, _)| *slot != held.slot.to_string())
            .expect("another free time");
        let token = moving.rsplit("statt=").next().unwrap().to_owned();
        let move_to = |slot: String| {
            let (jonas, app, day, token) = (&jonas, &app, held.day.clone(), token.clone());
            async move {
                post(
                    jonas,
                    app,
                    "/termine/halten",
                    &[
                        ("buero", MITTE),
                        ("tag", &day),
                        ("leistung", CERTIFICATE),
                        ("personen", "1"),
                        ("zeit", &slot),
                        ("statt", &token),
                    ],
                )
                .await
            }
        };
        let (status, new_page) = move_to(slot.clone()).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert!(
            new_page.starts_with("/termine/vormerkung/") && new_page != held.page,
            "{new_page}"
        );
        let (_, html) = page(&jonas, &app, &new_page).await;
        assert!(
            html.contains("Ihr Termin ist gebucht") && html.contains(&time),
            "{html}"
        );
        let (_, html) = page(&jonas, &app, &held.page).await;
        assert!(html.contains("Der Termin ist abgesagt"), "{html}");
        let new_slot: usize = slot.parse().unwrap();
        let first = held.slot.min(new_slot);
        let counts = used(&app, &held.day, first, held.slot.abs_diff(new_slot) + 1).await;
        assert_eq!(counts.iter().sum::<u32>(), 1, "one slot in use: {counts:?}");
        let mails = sink.wait_for(2).await;
        let moved = mails
            .iter()
            .find(|m| m.subject.starts_with("Ihr Termin ist verlegt"))
            .expect("the moved mail");
        assert!(moved.body.contains(&time) && moved.attachments.len() == 1);
        // Moving the cancelled one again leads back to its page.
        let (_, back) = move_to(held.slot.to_string()).await;
        assert_eq!(back, held.page);
    });
}

/// Munich's real export, where the shared data folder exists.
fn munich_export() -> Option<std::path::PathBuf> {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/data/munich-dldb/services_de.json");
    path.is_file().then_some(path)
}

#[test]
fn munichs_export_gives_bookable_offices_on_the_default_schedule() {
    let Some(export) = munich_export() else {
        eprintln!("skipped: ../shared/data/munich-dldb is not here");
        return;
    };
    run(async {
        let (mut settings, dir) = test_settings(backends()[0]).await;
        settings.demo_content_setting = Some(false);
        let app = spawn_with(settings, dir).await;
        let (code, said, errors) = crate::info::import(&app, &export);
        assert_eq!(code, Some(0), "{said}{errors}");
        // What the export marks bookable: public offices (78 of 109) offering public
        // services (156 of 287) with slots, neither external nor disallowed.
        let ctx = &app.state.ctx;
        let catalogue = ctx
            .get::<dyn kernel::booking::BookingCatalogue>()
            .expect("the catalogue offers booking facts");
        let offices = catalogue.offices(ctx).await.unwrap();
        let services = catalogue.services(ctx, "de").await.unwrap();
        assert_eq!((offices.len(), services.len()), (78, 156));
        // The Gewerbeamt: 5-minute slots, four of them for a business registration.
        let office = offices
            .iter()
            .find(|o| o.id == "10546")
            .expect("Gewerbeamt");
        assert_eq!(office.slot_minutes, Some(5));
        assert_eq!(office.slots.get("1063423"), Some(&4));
        assert!(office.position.is_some());

        // A passport: the service page leads to booking, offices show their first
        // free day on the default schedule, and three people are more than allowed.
        let citizen = browser();
        let (_, html) = page(&citizen, &app, "/info/1063453").await;
        assert!(html.contains("/termine/auswahl?leistung=1063453"), "{html}");
        let (status, html) =
            page(&citizen, &app, "/termine/buero?leistung=1063453&personen=2").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("Frühester freier Tag"), "{html}");
        let (status, _) = page(&citizen, &app, "/termine/buero?leistung=1063453&personen=3").await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
    });
}

/// The number of appointments in the database.
pub async fn appointment_count(app: &TestApp) -> i64 {
    use sea_orm::ConnectionTrait;
    let db = &app.state.ctx.db;
    let row = db
        .query_one(sea_orm::Statement::from_string(
            db.get_database_backend(),
            "SELECT COUNT(*) AS n FROM appointments_appointment",
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get("", "n").unwrap()
}

#[test]
fn bad_input_gets_a_clear_answer_and_books_nothing() {
    run(async {
        for backend in backends() {
            let (settings, dir) = test_settings(backend).await;
            let app = spawn_with(settings, dir).await;
            let citizen = browser();
            let calendar = format!("/termine/buero/{MITTE}?leistung={CERTIFICATE}&personen=1");
            // Its first free time, on a day with others left once it is full.
            let FreeTime { day, slot, .. } = first_free_time(&citizen, &app, "1").await;
            let hold = |day: String,
                        slot: String,
                        office: &'static str,
                        persons: &'static str,
                        service: &'static str| {
                let citizen = citizen.clone();
                let app = &app;
                async move {
                    post(
                        &citizen,
                        app,
                        "/termine/halten",
                        &[
                            ("buero", office),
                            ("tag", &day),
                            ("leistung", service),
                            ("personen", persons),
                            ("zeit", &slot),
                        ],
                    )
                    .await
                }
            };
            let back = |note: &str, day: &str| format!("{calendar}&tag={day}&hinweis={note}");
            // A day in the past, beyond the horizon, or no day at all.
            assert_eq!(
                hold("2020-01-06".into(), slot.clone(), MITTE, "1", CERTIFICATE)
                    .await
                    .1,
                back("tag", "2020-01-06")
            );
            assert_eq!(
                hold("2030-01-07".into(), slot.clone(), MITTE, "1", CERTIFICATE)
                    .await
                    .1,
                back("tag", "2030-01-07")
            );
            assert_eq!(
                hold("7.12.".into(), slot.clone(), MITTE, "1", CERTIFICATE)
                    .await
                    .1,
                back("tag", "7.12.")
            );
            // A time that is not a slot of the day.
            assert_eq!(
                hold(day.clone(), "9999".into(), MITTE, "1", CERTIFICATE)
                    .await
                    .1,
                back("zeit", &day)
            );
            assert_eq!(
                hold(day.clone(), "nine".into(), MITTE, "1", CERTIFICATE)
                    .await
                    .1,
                back("zeit", &day)
            );
            // A service the office does not offer, more people than allowed, an
            // unknown service: refused outright.
            assert_eq!(
                hold(day.clone(), slot.clone(), "200002", "1", CERTIFICATE)
                    .await
                    .0,
                StatusCode::BAD_REQUEST
            );
            assert_eq!(
                hold(day.clone(), slot.clone(), MITTE, "5", CERTIFICATE)
                    .await
                    .0,
                StatusCode::BAD_REQUEST
            );
            assert_eq!(
                hold(day.clone(), slot.clone(), MITTE, "1", "999999")
                    .await
                    .0,
                StatusCode::BAD_REQUEST
            );
            // The pages say the same in words, with the status.
            let (status, html) = page(
                &citizen,
                &app,
                &format!("/termine/buero/{MITTE}?leistung={CERTIFICATE}&personen=5"),
            )
            .await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{html}");
            let (_, html) = page(&citizen, &app, &format!("{calendar}&tag=2020-01-06")).await;
            assert!(
                html.contains("Dieser Tag liegt in der Vergangenheit"),
                "{html}"
            );
            assert_eq!(
                appointment_count(&app).await,
                0,
                "{backend:?}: nothing held"
            );

            // The office Mitte serves three at once: the fourth asking for the same
            // time is told it was just taken and sees the other free times.
            for _ in 0..3 {
                assert!(
                    hold(day.clone(), slot.clone(), MITTE, "1", CERTIFICATE)
                        .await
                        .1
                        .starts_with("/termine/vormerkung/")
                );
            }
            let (_, taken) = hold(day.clone(), slot.clone(), MITTE, "1", CERTIFICATE).await;
            assert_eq!(taken, back("vergeben", &day));
            let (_, html) = page(&citizen, &app, &taken).await;
            assert!(
                html.contains("gerade vergeben") && !times(&html).is_empty(),
                "{html}"
            );
            assert!(
                !times(&html).iter().any(|(s, _)| *s == slot),
                "the full time is not offered"
            );

            // A tampered link is not there; a hold that ran out books nothing.
            let (status, _) = page(&citizen, &app, "/termine/vormerkung/not-a-secret").await;
            assert_eq!(status, StatusCode::NOT_FOUND);
            let (_, held) = hold(
                day.clone(),
                times(&html)[0].0.clone(),
                MITTE,
                "1",
                CERTIFICATE,
            )
            .await;
            let db = &app.state.ctx.db;
            let later = chrono::Utc::now().timestamp() + 11 * 60;
            assert_eq!(
                appointments::book::release_expired(db, later)
                    .await
                    .unwrap(),
                4
            );
            let (_, after) = post(
                &citizen,
                &app,
                &held,
                &[("name", "Ada Muster"), ("email", "ada@example.org")],
            )
            .await;
            assert_eq!(after, held);
            let (_, html) = page(&citizen, &app, &held).await;
            assert!(html.contains("Diese Reservierung ist abgelaufen"), "{html}");
            let (status, _) = post(&citizen, &app, "/termine/bestaetigen/not-a-secret", &[]).await;
            assert_eq!(status, StatusCode::NOT_FOUND);
        }
    });
}

#[test]
fn a_booked_citizen_is_reminded_once_finds_it_in_their_data_and_it_goes_after_retention() {
    use kernel::retention::Retention;
    run(async {
        for backend in backends() {
            let (app, sink) = portal_with_mail(backend).await;
            let (jonas, held, reference) = jonas_books(&app).await;
            sink.wait_for(1).await;

            // The day before, at noon in Munich, the reminder goes out, once.
            let eve = eve_of(&held.day);
            let ctx = &app.state.ctx;
            let desk = appointments::citizen::Desk::default();
            // (The portal's own round every 30 seconds may be first when the day is
            // really tomorrow: either way one reminder goes out.)
            remind_at(&app, &desk, eve).await;
            let again = remind_at(&app, &desk, eve).await;
            assert_eq!(again, 0, "{backend:?}");
            let mails = sink.wait_for(2).await;
            let reminders: Vec<_> = mails
                .iter()
                .filter(|m| m.subject.starts_with("Erinnerung"))
                .collect();
            assert_eq!(reminders.len(), 1, "{mails:?}");
            let reminder = reminders[0];
            assert!(reminder.body.contains(&reference) && reminder.body.contains(&held.time));

            // The citizen's copy of their data holds it.
            let entries = crate::my_data::archive(&jonas, &app, "de").await;
            assert!(
                entries
                    .iter()
                    .any(|(_, bytes)| String::from_utf8_lossy(bytes).contains(&reference)),
                "{reference} in the data download"
            );

            // Kept 30 days after its date by default, then deleted with its mails.
            let (_, keeping) = ctx
                .all::<dyn Retention>()
                .into_iter()
                .find(|(module, _)| *module == "appointments")
                .expect("appointments keep data for a while");
            let day = chrono::NaiveDate::parse_from_str(&held.day, "%Y-%m-%d").unwrap();
            let day_after = |days: u64| {
                kernel::time::to_unix(
                    (day + chrono::Days::new(days))
                        .and_hms_opt(12, 0, 0)
                        .unwrap(),
                )
            };
            assert!(
                keeping
                    .expired(ctx, day_after(30))
                    .await
                    .unwrap()
                    .is_empty()
            );
            let expired = keeping.expired(ctx, day_after(31)).await.unwrap();
            assert_eq!(expired.len(), 1, "{backend:?}");
            assert_eq!(expired[0].label, reference, "no personal data in the list");
            let its_mails = appointments::mails::about(&expired[0].id);
            let mails_kept = kernel::mail::about(&ctx.db, &its_mails).await.unwrap();
            assert_eq!(mails_kept.len(), 2, "confirmation and reminder");
            assert!(
                keeping
                    .delete(ctx, &expired[0], day_after(31))
                    .await
                    .unwrap()
            );
            assert_eq!(appointment_count(&app).await, 0);
            let mails_kept = kernel::mail::about(&ctx.db, &its_mails).await.unwrap();
            assert!(mails_kept.is_empty(), "{mails_kept:?}");
            let (status, _) = page(&jonas, &app, &held.page).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "the link answers no more");
        }
    });
}

#[test]
fn the_free_times_are_open_data_in_the_interface_and_limited_per_address() {
    run(async {
        for backend in backends() {
            let (mut settings, dir) = test_settings(backend).await;
            settings.api.public_per_minute = 30;
            settings.api.public_burst = 30;
            let app = spawn_with(settings, dir).await;
            let client = browser();
            let json = |path: String| {
                let client = client.clone();
                let url = app.url(&format!("/api/v1{path}"));
                async move {
                    let response = client.get(url).send().await.unwrap();
                    let status = response.status();
                    let kind = response
                        .headers()
                        .get("content-type")
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or_default()
                        .to_owned();
                    let body: serde_json::Value = response.json().await.unwrap_or_default();
                    (status, kind, body)
                }
            };
            // Without a token: the services and the offices offering one.
            let (status, _, services) = json("/appointments/services".into()).await;
            assert_eq!(status, StatusCode::OK, "{services}");
            assert!(
                services
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|s| s["id"] == CERTIFICATE)
            );
            let (_, _, offices) =
                json(format!("/appointments/offices?service={CERTIFICATE}")).await;
            let ids: Vec<&str> = offices
                .as_array()
                .unwrap()
                .iter()
                .map(|o| o["id"].as_str().unwrap())
                .collect();
            assert_eq!(ids, [MITTE, "200003"]);

            // The same free days and times as the booking pages show.
            let query = format!("service={CERTIFICATE}&persons=2");
            let (_, _, days_json) =
                json(format!("/appointments/offices/{MITTE}/days?{query}")).await;
            assert_eq!(days_json["minutes"], 40);
            let (_, html) = page(
                &client,
                &app,
                &format!("/termine/buero/{MITTE}?leistung={CERTIFICATE}&personen=2"),
            )
            .await;
            let listed: Vec<String> = days_json["days"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d.as_str().unwrap().to_owned())
                .collect();
            assert_eq!(listed, days(&html));
            let day = &listed[0];
            let (_, _, times_json) = json(format!(
                "/appointments/offices/{MITTE}/days/{day}/times?{query}"
            ))
            .await;
            let (_, html) = page(
                &client,
                &app,
                &format!("/termine/buero/{MITTE}?leistung={CERTIFICATE}&personen=2&tag={day}"),
            )
            .await;
            let api_times: Vec<(String, String)> = times_json["times"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| {
                    (
                        t["slot"].to_string(),
                        t["time"].as_str().unwrap().to_owned(),
                    )
                })
                .collect();
            assert_eq!(api_times, times(&html));

            // Bad input is a problem, not a failure.
            for (path, expected) in [
                (
                    format!("/appointments/offices/{MITTE}/days?service={CERTIFICATE}&persons=9"),
                    400,
                ),
                (
                    format!("/appointments/offices/{MITTE}/days?service=100001"),
                    400,
                ),
                (format!("/appointments/offices/{MITTE}/days?persons=1"), 400),
                (
                    format!("/appointments/offices/{MITTE}/days?service={CERTIFICATE}&persons=x"),
                    400,
                ),
                (
                    format!("/appointments/offices/nowhere/days?service={CERTIFICATE}"),
                    404,
                ),
                (
                    format!("/appointments/offices/{MITTE}/days/2020-01-06/times?{query}"),
                    400,
                ),
                (
                    format!("/appointments/offices/{MITTE}/days/tomorrow/times?{query}"),
                    400,
                ),
            ] {
                let (status, kind, body) = json(path.clone()).await;
                assert_eq!(status.as_u16(), expected, "{path}: {body}");
                assert_eq!(kind, "application/problem+json", "{path}");
            }

            // One address may call 30 times a minute here: then 429 with Retry-After.
            let mut refused = None;
            for _ in 0..40 {
                let response = client
                    .get(app.url("/api/v1/appointments/services"))
                    .send()
                    .await
                    .unwrap();
                if response.status() == StatusCode::TOO_MANY_REQUESTS {
                    refused = Some(
                        response.headers()["retry-after"]
                            .to_str()
                            .unwrap()
                            .to_owned(),
                    );
                    break;
                }
            }
            assert_eq!(refused.as_deref(), Some("60"), "{backend:?}");
        }
    });
}

#[test]
fn one_address_holds_at_most_two_coming_appointments_per_service() {
    run(async {
        let (settings, dir) = test_settings(backends()[0]).await;
        let app = spawn_with(settings, dir).await;
        let citizen = browser();
        let details = |email: &'static str| [("name", "Ada Muster"), ("email", email)];
        for _ in 0..2 {
            let held = hold_first_time(&citizen, &app, "1").await.page;
            let (_, back) = post(&citizen, &app, &held, &details("ada@example.org")).await;
            assert_eq!(back, held);
        }
        // The third, for the same service, written otherwise: refused, the time kept
        // for the citizen to cancel another first.
        let held = hold_first_time(&citizen, &app, "1").await.page;
        let (_, back) = post(&citizen, &app, &held, &details("ADA@example.org")).await;
        assert_eq!(back, format!("{held}?fehler=zuviele"));
        let (_, html) = page(&citizen, &app, &back).await;
        assert!(html.contains("schon so viele kommende Termine"), "{html}");
        assert!(html.contains(r#"value="ADA@example.org""#), "{html}");
        // Another address books.
        let (_, back) = post(&citizen, &app, &held, &details("bob@example.org")).await;
        assert_eq!(back, held);
    });
}

#[test]
fn one_client_holds_only_so_many_times_at_once() {
    run(async {
        let (mut settings, dir) = test_settings(backends()[0]).await;
        settings.set("appointments.holds_per_hour", 60);
        settings.set("appointments.holds_burst", 3);
        let app = spawn_with(settings, dir).await;
        let bot = browser();
        for _ in 0..3 {
            hold_first_time(&bot, &app, "1").await;
        }
        let held = appointment_count(&app).await;
        // The fourth at once: back to the day with a note, nothing more held.
        let free = first_free_time(&bot, &app, "1").await;
        let (status, back) = post_hold(&bot, &app, &free, "1", &[]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert!(back.ends_with("&hinweis=viele"), "{back}");
        assert_eq!(appointment_count(&app).await, held);
        let (_, html) = page(&bot, &app, &back).await;
        assert!(html.contains("sehr viele Uhrzeiten reserviert"), "{html}");
    });
}

/// The proof of work in the calendar page, solved as the browser app does: the payload
/// to post as `altcha`.
fn solved_proof(html: &str) -> String {
    use sha2::{Digest, Sha256};
    let written = all(r#"data-altcha-challenge="([^"]+)""#, html)
        .pop()
        .unwrap_or_else(|| panic!("a proof to solve in {html}"))
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    let challenge: serde_json::Value = serde_json::from_str(&written).expect("ALTCHA's JSON");
    let text = |key: &str| challenge[key].as_str().expect(key).to_owned();
    let (hash, salt) = (text("challenge"), text("salt"));
    let number = (0..=challenge["maxnumber"].as_u64().expect("maxnumber"))
        .find(|n| {
            let digest = Sha256::digest(format!("{salt}{n}"));
            digest
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
                == hash
        })
        .expect("a solution");
    serde_json::json!({
        "algorithm": "SHA-256",
        "challenge": hash,
        "number": number,
        "salt": salt,
        "signature": text("signature"),
    })
    .to_string()
}

#[test]
fn a_solved_proof_of_work_holds_beyond_the_limit_per_address_once() {
    run(async {
        let (mut settings, dir) = test_settings(backends()[0]).await;
        settings.set("appointments.holds_per_hour", 60);
        settings.set("appointments.holds_burst", 1);
        let app = spawn_with(settings, dir).await;
        let citizen = browser();
        // The address's one hold without the proof.
        hold_first_time(&citizen, &app, "1").await;
        let free = first_free_time(&citizen, &app, "1").await;
        let proof = solved_proof(&free.html);
        let hold = async |altcha: &str| {
            post_hold(&citizen, &app, &free, "1", &[("altcha", altcha)])
                .await
                .1
        };
        // Without it the limit holds; with it the time is held.
        assert!(hold("").await.ends_with("&hinweis=viele"));
        let held = hold(&proof).await;
        assert!(held.starts_with("/termine/vormerkung/"), "{held}");
        // Once only; a tampered or foreign one not at all.
        assert!(hold(&proof).await.ends_with("&hinweis=pruefung"));
        let tampered = proof.replace("\"number\":", "\"number\":1");
        assert!(hold(&tampered).await.ends_with("&hinweis=pruefung"));
        assert!(hold("{}").await.ends_with("&hinweis=pruefung"));
        let (_, back) = page(&citizen, &app, &hold("kein json").await).await;
        assert!(back.contains("Prüfung Ihres Browsers"), "{back}");
        assert_eq!(appointment_count(&app).await, 2);
    });
}

#[test]
fn office_staff_see_their_day_note_arrivals_and_download_it_others_do_not() {
    run(async {
        for backend in backends() {
            let (settings, dir) = test_settings(backend).await;
            let app = spawn_with(settings, dir).await;
            let (jonas, held, reference) = jonas_books(&app).await;

            // Max works for the KVR, which serves the citizens' offices.
            let max = signed_in(&app, "caseworker").await;
            let (_, html) = page(&max, &app, "/termine/dienststelle").await;
            assert!(html.contains("/termine/dienststelle/200001"), "{html}");
            let list = format!("/termine/dienststelle/{MITTE}?tag={}", held.day);
            let (status, html) = page(&max, &app, &list).await;
            assert_eq!(status, StatusCode::OK);
            assert!(
                html.contains(&reference) && html.contains("Jonas Neumann"),
                "{html}"
            );
            assert!(html.contains(&held.time), "{html}");
            let ids = all(
                r#"action="/termine/dienststelle/200001/([0-9a-f-]{36})""#,
                &html,
            );
            assert_eq!(ids.len(), 1, "{html}");
            let note = format!("/termine/dienststelle/{MITTE}/{}", ids[0]);
            let (status, back) = post(
                &max,
                &app,
                &note,
                &[("stand", "arrived"), ("tag", &held.day)],
            )
            .await;
            assert_eq!(
                (status, back.as_str()),
                (StatusCode::SEE_OTHER, list.as_str())
            );
            let (_, html) = page(&max, &app, &list).await;
            assert!(html.contains(">erschienen<"), "{html}");
            let (status, _) = post(&max, &app, &note, &[("stand", "gone fishing")]).await;
            assert_eq!(status, StatusCode::BAD_REQUEST);
            let csv_path = format!("/termine/dienststelle/{MITTE}/{}/liste.csv", held.day);
            let response = max.get(app.url(&csv_path)).send().await.unwrap();
            assert_eq!(response.status(), StatusCode::OK);
            assert!(
                response.headers()["content-type"]
                    .to_str()
                    .unwrap()
                    .starts_with("text/csv")
            );
            let csv = response.text().await.unwrap();
            assert!(csv.starts_with("time;until;reference;name"), "{csv}");
            assert!(
                csv.contains(&format!(";{reference};Jonas Neumann;1;")) && csv.contains(";arrived"),
                "{csv}"
            );

            // Tom works for waste management only: the office is not his business.
            let tom = signed_in(&app, "caseworker-awm-2").await;
            let (status, _) = page(&tom, &app, &list).await;
            assert_eq!(status, StatusCode::NOT_FOUND);
            let (status, _) = post(&tom, &app, &note, &[("stand", "no_show")]).await;
            assert_eq!(status, StatusCode::NOT_FOUND);
            let (status, _) = page(&tom, &app, &csv_path).await;
            assert_eq!(status, StatusCode::NOT_FOUND);
            // A citizen is not staff.
            let (status, _) = post(&jonas, &app, &note, &[("stand", "done")]).await;
            assert!(
                status == StatusCode::FORBIDDEN || status == StatusCode::SEE_OTHER,
                "{status}"
            );

            // The note and the download are in the audit trail, without personal data.
            use sea_orm::ConnectionTrait;
            let db = &app.state.ctx.db;
            let rows = db
                .query_all(sea_orm::Statement::from_string(
                    db.get_database_backend(),
                    "SELECT action, detail FROM kernel_audit WHERE action LIKE 'appointment%' ORDER BY seq",
                ))
                .await
                .unwrap();
            let entries: Vec<(String, String)> = rows
                .iter()
                .map(|r| {
                    (
                        r.try_get("", "action").unwrap(),
                        r.try_get("", "detail").unwrap(),
                    )
                })
                .collect();
            assert_eq!(
                entries,
                [
                    ("appointment-arrived".to_owned(), reference.clone()),
                    (
                        "appointment-export".to_owned(),
                        format!("{MITTE} {}", held.day)
                    ),
                ],
                "{backend:?}"
            );
        }
    });
}

#[test]
fn two_portal_processes_racing_for_the_last_place_hold_it_once() {
    run(async {
        if !backends().contains(&crate::support::Backend::Postgres) {
            return;
        }
        let (settings, first_dir) = test_settings(crate::support::Backend::Postgres).await;
        let (first, second) = crate::support::two_portals(settings, first_dir).await;
        let citizen = browser();
        let calendar = format!("/termine/buero/{MITTE}?leistung={CERTIFICATE}&personen=1");
        let (_, html) = page(&citizen, &first, &calendar).await;
        let day = days(&html)[0].clone();
        let (_, html) = page(&citizen, &first, &format!("{calendar}&tag={day}")).await;
        let (slot, _) = times(&html)[0].clone();
        let fields = [
            ("buero", MITTE),
            ("tag", day.as_str()),
            ("leistung", CERTIFICATE),
            ("personen", "1"),
            ("zeit", slot.as_str()),
        ];
        // Two of the three counters are taken.
        for _ in 0..2 {
            let (_, held) = post(&citizen, &first, "/termine/halten", &fields).await;
            assert!(held.starts_with("/termine/vormerkung/"), "{held}");
        }
        // Forty clients, half through each process, for the last place.
        let attempts: Vec<_> = (0..40)
            .map(|n| {
                let portal = if n % 2 == 0 { &first } else { &second };
                let url = portal.url("/termine/halten");
                let body: Vec<(String, String)> = fields
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                    .collect();
                tokio::spawn(async move {
                    let response = browser().post(url).form(&body).send().await.unwrap();
                    let location = response.headers()["location"].to_str().unwrap().to_owned();
                    (response.status(), location)
                })
            })
            .collect();
        let (mut held, mut taken) = (0, 0);
        for attempt in attempts {
            let (status, location) = attempt.await.unwrap();
            assert_eq!(status, StatusCode::SEE_OTHER, "{location}");
            if location.starts_with("/termine/vormerkung/") {
                held += 1;
            } else if location.ends_with("hinweis=vergeben") {
                taken += 1;
            }
        }
        assert_eq!((held, taken), (1, 39));
        assert_eq!(appointment_count(&first).await, 3);
    });
}

#[test]
fn a_signed_in_citizen_finds_coming_appointments_beside_their_requests() {
    run(async {
        let (settings, dir) = test_settings(backends()[0]).await;
        let app = spawn_with(settings, dir).await;
        let jonas = signed_in(&app, "citizen-low").await;
        let (_, html) = page(&jonas, &app, "/antraege").await;
        assert!(
            html.contains("Sie haben keine kommenden Termine."),
            "{html}"
        );
        let held = hold_first_time(&jonas, &app, "1").await;
        post(&jonas, &app, &held.page, &[("name", ""), ("email", "")]).await;
        let (_, html) = page(&jonas, &app, "/antraege").await;
        assert!(
            html.contains("Ihre Termine") && html.contains("Bürgerbüro Mitte"),
            "{html}"
        );
        assert!(html.contains(&held.time), "{html}");
        let own = all(r#"href="(/termine/vormerkung/[0-9a-f-]{36})""#, &html)
            .pop()
            .expect(&html);
        // The overview's link opens the appointment for its owner only.
        let (status, mine) = page(&jonas, &app, &own).await;
        assert_eq!(status, StatusCode::OK);
        assert!(mine.contains("Ihr Termin ist gebucht"), "{mine}");
        let erika = signed_in(&app, "citizen").await;
        assert_eq!(page(&erika, &app, &own).await.0, StatusCode::NOT_FOUND);
        assert_eq!(page(&browser(), &app, &own).await.0, StatusCode::NOT_FOUND);
        let (status, _) = post(&erika, &app, &format!("{own}/absagen"), &[]).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        // Its owner cancels there, and it leaves the overview.
        post(&jonas, &app, &format!("{own}/absagen"), &[]).await;
        let (_, html) = page(&jonas, &app, "/antraege").await;
        assert!(
            html.contains("Sie haben keine kommenden Termine."),
            "{html}"
        );
    });
}

#[test]
fn office_staff_book_for_a_caller_at_once_in_the_callers_name() {
    run(async {
        let (app, sink) = portal_with_mail(backends()[0]).await;
        // Max serves the KVR's offices; a caller asks for a time at Mitte.
        let max = signed_in(&app, "caseworker").await;
        let held = hold_first_time(&max, &app, "1").await;
        let (_, html) = page(&max, &app, &held.page).await;
        assert!(
            !html.contains("readonly") && !html.contains(r#"value="Max Beispiel""#),
            "{html}"
        );
        let caller = [
            ("name", "Hans Anrufer"),
            ("email", "hans@example.org"),
            ("telefon", "089 123456"),
        ];
        let (_, back) = post(&max, &app, &held.page, &caller).await;
        assert_eq!(back, held.page);
        let (_, html) = page(&max, &app, &held.page).await;
        assert!(
            html.contains("Ihr Termin ist gebucht"),
            "booked at once: {html}"
        );
        let mails = sink.wait_for(1).await;
        assert_eq!(mails[0].to, ["hans@example.org"]);
        // Not Max's own appointment, and on record as his phone booking.
        let (_, overview) = page(&max, &app, "/antraege").await;
        assert!(!overview.contains("Bürgerbüro Mitte"), "{overview}");
        use sea_orm::ConnectionTrait;
        let db = &app.state.ctx.db;
        let row = db
            .query_one(sea_orm::Statement::from_string(
                db.get_database_backend(),
                "SELECT actor_name FROM kernel_audit WHERE action = 'appointment-phone-booking'",
            ))
            .await
            .unwrap()
            .expect("audit entry");
        assert_eq!(
            row.try_get::<String>("", "actor_name").unwrap(),
            "Max Beispiel"
        );

        // Tom (waste management) does not serve the office: his booking for someone
        // waits for that address to be confirmed, like anyone's.
        let tom = signed_in(&app, "caseworker-awm-2").await;
        let held = hold_first_time(&tom, &app, "1").await;
        post(&tom, &app, &held.page, &caller).await;
        let (_, html) = page(&tom, &app, &held.page).await;
        assert!(
            html.contains("Bitte bestätigen Sie Ihre E-Mail-Adresse"),
            "{html}"
        );
    });
}

#[test]
fn office_staff_block_a_time_and_the_citizens_in_it_are_told() {
    run(async {
        for backend in backends() {
            let (app, sink) = portal_with_mail(backend).await;
            let (jonas, held, _) = jonas_books(&app).await;
            sink.wait_for(1).await;

            // Max blocks the half hour from Jonas's time for a training.
            let max = signed_in(&app, "caseworker").await;
            let start = chrono::NaiveTime::parse_from_str(&held.time, "%H:%M").unwrap();
            let end = (start + chrono::Duration::minutes(30))
                .format("%H:%M")
                .to_string();
            let block = format!("/termine/dienststelle/{MITTE}/sperren");
            let form = |from: &str, to: &str, why: &str| {
                [
                    ("tag", held.day.clone()),
                    ("von", from.to_owned()),
                    ("bis", to.to_owned()),
                    ("grund", why.to_owned()),
                ]
            };
            let send = |client: reqwest::Client, fields: [(&'static str, String); 4]| {
                let url = app.url(&block);
                async move {
                    let response = client.post(url).form(&fields).send().await.unwrap();
                    let status = response.status();
                    let location = response
                        .headers()
                        .get("location")
                        .map(|l| l.to_str().unwrap().to_owned())
                        .unwrap_or_default();
                    (status, location)
                }
            };
            // Bad input changes nothing.
            for fields in [
                form(&end, &held.time, "Schulung"),
                form(&held.time, &end, "  "),
                form("22:00", "23:00", "Schulung"),
                form("7 Uhr", &end, "Schulung"),
            ] {
                assert_eq!(send(max.clone(), fields).await.0, StatusCode::BAD_REQUEST);
            }
            let tom = signed_in(&app, "caseworker-awm-2").await;
            let (status, _) = send(tom, form(&held.time, &end, "Schulung")).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{backend:?}");
            let (_, html) = page(&jonas, &app, &held.page).await;
            assert!(
                html.contains("Ihr Termin ist gebucht"),
                "still booked: {html}"
            );

            let (status, back) = send(max.clone(), form(&held.time, &end, "Schulung")).await;
            assert_eq!(status, StatusCode::SEE_OTHER);
            assert!(back.ends_with("&gesperrt=1"), "{back}");
            let (_, html) = page(&max, &app, &back).await;
            assert!(
                html.contains("Abgesagte Termine: 1") && html.contains("Schulung"),
                "{html}"
            );
            let (_, html) = page(&jonas, &app, &held.page).await;
            assert!(html.contains("Der Termin ist abgesagt"), "{html}");
            let mails = sink.wait_for(2).await;
            let told = mails
                .iter()
                .find(|m| m.subject.contains("muss leider ausfallen"))
                .expect("the citizen is told");
            assert!(told.body.contains("Schulung") && told.body.contains("/termine"));
            // The blocked half hour is offered to nobody.
            let (_, html) = page(
                &browser(),
                &app,
                &format!(
                    "/termine/buero/{MITTE}?leistung={CERTIFICATE}&personen=1&tag={}",
                    held.day
                ),
            )
            .await;
            let offered: Vec<String> = times(&html).into_iter().map(|(_, t)| t).collect();
            assert!(
                !offered.iter().any(|t| *t >= held.time && *t < end),
                "{offered:?}"
            );
        }
    });
}

/// With one database connection (`database_max_connections = 1`), the reminder still
/// goes out: its mail is written from the catalogue read before the transaction that
/// holds the connection, not by waiting for a second one.
#[test]
fn a_portal_with_one_database_connection_still_sends_reminders() {
    run(async {
        for backend in backends() {
            let sink = SmtpSink::start();
            let (mut settings, dir) = test_settings(backend).await;
            sink.configure(&mut settings);
            settings.database_max_connections = 1;
            let app = spawn_with(settings, dir).await;
            let (_, held, reference) = jonas_books(&app).await;
            sink.wait_for(1).await;
            let eve = eve_of(&held.day);
            // A desk of its own: its catalogue is read afresh, through the one connection.
            let desk = appointments::citizen::Desk::default();
            remind_at(&app, &desk, eve).await;
            let mails = sink.wait_for(2).await;
            assert!(
                mails
                    .iter()
                    .any(|m| m.subject.starts_with("Erinnerung") && m.body.contains(&reference)),
                "{backend:?}: {mails:?}"
            );
        }
    });
}
