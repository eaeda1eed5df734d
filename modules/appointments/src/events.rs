//! The appointments' webhook events (booked, moved, cancelled) for the office's
//! department, noted in the transaction of the change. The payload names the
//! appointment (id, reference, office, day, first slot, services, people), never who
//! booked it.

use kernel::webhook::{Event, EventKind};
use sea_orm::{ConnectionTrait, DbErr};
use serde_json::json;

use crate::{citizen::Desk, lifecycle::Appointment};

/// What the receivers learn of `row`.
fn describe(row: &Appointment) -> serde_json::Value {
    json!({
        "appointment_id": row.id,
        "reference": row.reference,
        "office": row.office,
        "day": row.day,
        "first_slot": row.first_slot,
        "slots": row.slot_count,
        "services": serde_json::from_str::<serde_json::Value>(&row.services).unwrap_or_default(),
        "persons": row.persons,
    })
}

/// Notes `kind` about `row` (and, for a move, the appointment it replaced).
pub async fn tell(
    db: &impl ConnectionTrait,
    desk: &Desk,
    kind: EventKind,
    row: &Appointment,
    replaced: Option<&Appointment>,
    now: i64,
) -> Result<(), DbErr> {
    let department = desk.schedule.office(&row.office, None).rules.department;
    let mut payload = json!({ "appointment": describe(row) });
    if let Some(old) = replaced {
        payload["replaces"] = describe(old);
    }
    let event = Event {
        kind,
        department,
        case_id: None,
        payload,
    };
    kernel::webhook::note(db, &event, now).await.map(|_| ())
}
