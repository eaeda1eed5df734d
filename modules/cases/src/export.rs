//! `GET /bearbeitung/export.csv` and `/bearbeitung/export.jsonl`: the inbox as it is
//! filtered (the same URL parameters), every matching case of the caseworker's
//! departments, streamed a thousand rows at a time, so the portal's memory stays the
//! same for a hundred or a hundred thousand cases. The facts of each case only, never
//! the answers; each export is in the audit trail.

use axum::{
    Extension,
    body::{Body, Bytes},
    extract::{Query, State},
    http::header,
    response::{IntoResponse, Response},
};
use futures_util::stream;
use kernel::{Identity, routes::Routes};
use sea_orm::DatabaseConnection;
use serde::Serialize;

use crate::{
    entity::case,
    inbox::{InboxFilter, query::department_page},
};

/// Rows read per query.
const BATCH: u64 = 1000;

/// The two formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Csv,
    JsonLines,
}

/// One exported case.
#[derive(Serialize)]
struct Row {
    reference: String,
    service: String,
    department: String,
    applicant: String,
    state: String,
    assignee: String,
    filed: String,
    due: String,
    overdue: bool,
}

impl Row {
    fn of(model: case::Model, now: i64) -> Self {
        let service = serde_json::from_str::<kernel::Text>(&model.service_title)
            .map(|t| t.get(kernel::Locale::DE).to_owned())
            .unwrap_or_else(|_| model.service_id.clone());
        let running =
            crate::lifecycle::State::parse(&model.state).is_some_and(|s| s.deadline_runs());
        Row {
            reference: model.reference,
            service,
            department: model.department,
            applicant: model.applicant,
            overdue: running && model.due_at < now,
            state: model.state,
            assignee: model.assignee_name.unwrap_or_default(),
            filed: kernel::time::minute(model.submitted_at),
            due: kernel::time::day(model.due_at),
        }
    }
}

impl Row {
    /// The row with every text that a spreadsheet would run as a formula made safe
    /// ([`kernel::text::spreadsheet_safe`]).
    fn without_formulas(self) -> Self {
        let plain = |text: String| kernel::text::spreadsheet_safe(&text);
        Row {
            reference: plain(self.reference),
            service: plain(self.service),
            department: plain(self.department),
            applicant: plain(self.applicant),
            state: self.state,
            assignee: plain(self.assignee),
            filed: self.filed,
            due: self.due,
            overdue: self.overdue,
        }
    }
}

/// The export routes (the host lets caseworkers only).
pub fn router(db: DatabaseConnection) -> Routes {
    Routes::new()
        .get("/bearbeitung/export.csv", csv)
        .get("/bearbeitung/export.jsonl", json_lines)
        .with_state(db)
}

async fn csv(
    State(db): State<DatabaseConnection>,
    Extension(identity): Extension<Identity>,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Response {
    export(db, identity, pairs, Format::Csv).await
}

async fn json_lines(
    State(db): State<DatabaseConnection>,
    Extension(identity): Extension<Identity>,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Response {
    export(db, identity, pairs, Format::JsonLines).await
}

/// Where the stream stands: the department being read and the last case sent.
struct Cursor {
    department: usize,
    after: Option<String>,
    header_sent: bool,
}

async fn export(
    db: DatabaseConnection,
    identity: Identity,
    pairs: Vec<(String, String)>,
    format: Format,
) -> Response {
    let mut filter = InboxFilter::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    filter.after = None;
    let now = chrono::Utc::now().timestamp();
    let entry = kernel::audit::AuditEntry {
        at: now,
        actor: identity.subject.clone().unwrap_or_default(),
        actor_name: identity.name.clone().unwrap_or_default(),
        action: "export".into(),
        case_id: None,
        detail: Some(filter.to_query()),
    };
    if let Err(error) = kernel::audit::record(&db, &entry).await {
        tracing::error!(%error, "an export could not be recorded; not exported");
        return (
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            "export unavailable",
        )
            .into_response();
    }
    let start = Cursor {
        department: 0,
        after: None,
        // JSON lines have no header line.
        header_sent: format != Format::Csv,
    };
    let body = stream::unfold(Some(start), move |cursor| {
        let db = db.clone();
        let identity = identity.clone();
        let filter = filter.clone();
        async move {
            let mut cursor = cursor?;
            if !cursor.header_sent {
                cursor.header_sent = true;
                let header = Bytes::from_static(
                    "\u{feff}reference,service,department,applicant,state,assignee,filed,due,overdue\n"
                        .as_bytes(),
                );
                return Some((Ok::<_, std::io::Error>(header), Some(cursor)));
            }
            let department = identity.departments.get(cursor.department)?.clone();
            let page = InboxFilter {
                after: cursor.after.clone(),
                ..filter.clone()
            };
            let rows = match department_page(&db, &department, &identity, &page, now, BATCH).await {
                Ok(rows) => rows,
                Err(error) => {
                    tracing::error!(%error, "an export stopped");
                    return Some((Err(std::io::Error::other("export stopped")), None));
                }
            };
            let full = rows.len() as u64 == BATCH;
            cursor.after = rows
                .last()
                .filter(|_| full)
                .map(|last| format!("{}_{}", last.submitted_at, last.id));
            if !full {
                cursor.department += 1;
                cursor.after = None;
            }
            let chunk = encode(rows.into_iter().map(|m| Row::of(m, now)), format);
            Some((Ok(chunk), Some(cursor)))
        }
    });
    let (media_type, name) = match format {
        Format::Csv => ("text/csv; charset=utf-8", "faelle.csv"),
        Format::JsonLines => ("application/jsonl; charset=utf-8", "faelle.jsonl"),
    };
    (
        [
            (header::CONTENT_TYPE, media_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        Body::from_stream(body),
    )
        .into_response()
}

/// `rows` as CSV lines or JSON lines.
fn encode(rows: impl Iterator<Item = Row>, format: Format) -> Bytes {
    let mut out = Vec::new();
    match format {
        Format::Csv => {
            let mut writer = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(&mut out);
            for row in rows {
                // Writing to memory cannot fail but for a bug in the row; skip such a row.
                let _ = writer.serialize(row.without_formulas());
            }
            drop(writer);
        }
        Format::JsonLines => {
            for row in rows {
                if serde_json::to_writer(&mut out, &row).is_ok() {
                    out.push(b'\n');
                }
            }
        }
    }
    Bytes::from(out)
}

#[cfg(test)]
mod tests {
    use super::Row;

    #[test]
    fn spreadsheet_formulas_are_defused() {
        let row = Row {
            reference: "M-2026-000001".into(),
            service: "Sperrmüll".into(),
            department: "awm".into(),
            applicant: "=HYPERLINK(\"http://x\")".into(),
            state: "submitted".into(),
            assignee: "@SUM(1)".into(),
            filed: String::new(),
            due: String::new(),
            overdue: false,
        }
        .without_formulas();
        assert_eq!(row.applicant, "'=HYPERLINK(\"http://x\")");
        assert_eq!(row.assignee, "'@SUM(1)");
        assert_eq!(row.reference, "M-2026-000001");
    }
}
