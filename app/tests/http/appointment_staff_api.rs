//! The office's day through the open interface: a back-office system of the office's
//! department reads who comes when; systems of other departments and clients without
//! the scope learn nothing.

use reqwest::StatusCode;

use crate::{
    api_support::{api_portal, get},
    appointment_booking::{MITTE, jonas_books},
    support::{backends, run},
};

#[test]
fn the_offices_department_reads_its_day_others_do_not() {
    run(async {
        for backend in backends() {
            let portal = api_portal(backend, async |_| {}).await;
            let app = &portal.app;
            let (_, held, reference) = jonas_books(app).await;
            let path = format!(
                "/appointments/offices/{MITTE}/days/{}/appointments",
                held.day
            );

            // The citizens' office Mitte belongs to the KVR.
            let answer = get(app, &path, &portal.kvr).await;
            assert_eq!(
                answer.status,
                StatusCode::OK,
                "{backend:?}: {}",
                answer.body
            );
            assert_eq!(answer.body["office"], MITTE);
            assert_eq!(answer.body["day"], held.day.as_str());
            let booked = answer.body["appointments"]
                .as_array()
                .unwrap()
                .iter()
                .find(|a| a["reference"] == reference.as_str())
                .unwrap_or_else(|| panic!("{reference} in {}", answer.body))
                .clone();
            assert_eq!(booked["start"], held.time.as_str());
            assert_eq!(booked["name"], "Jonas Neumann");
            assert_eq!(booked["state"], "booked");
            assert_eq!(booked["persons"], 1);
            assert!(booked["attendance"].is_null());

            // The AWM's system serves no citizens' office: not its business.
            let other = get(app, &path, &portal.awm).await;
            assert!(other.problem(404).ends_with("not-found"), "{}", other.body);
            // The KVR's reader may read cases, not appointments.
            let reader = get(app, &path, &portal.kvr_reader).await;
            assert!(
                reader.problem(403).ends_with("insufficient-scope"),
                "{}",
                reader.body
            );
            // A client the provider knows but the portal does not.
            let stranger = get(app, &path, &portal.stranger).await;
            assert!(
                stranger.problem(403).ends_with("forbidden"),
                "{}",
                stranger.body
            );
            // Not a day.
            let bad = format!("/appointments/offices/{MITTE}/days/morgen/appointments");
            assert!(
                get(app, &bad, &portal.kvr)
                    .await
                    .problem(400)
                    .ends_with("invalid")
            );
            // No such office.
            let nowhere = format!(
                "/appointments/offices/999999/days/{}/appointments",
                held.day
            );
            assert!(
                get(app, &nowhere, &portal.kvr)
                    .await
                    .problem(404)
                    .ends_with("not-found")
            );
        }
    });
}
