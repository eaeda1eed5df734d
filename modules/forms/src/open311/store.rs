//! `forms_open311_request`: what came with a report besides the answers, and the
//! reports filed through Open311 with their submissions.

use sea_orm::{ConnectionTrait, DbErr};

use kernel::sql::statement;

/// What an Open311 client sent beside the form's answers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extra {
    /// Latitude (WGS 84).
    pub lat: Option<f64>,
    /// Longitude (WGS 84).
    pub long: Option<f64>,
    /// The address as written.
    pub address: Option<String>,
    /// A photo's address.
    pub media_url: Option<String>,
}

/// Keeps `extra` of the report filed from draft `draft_id`.
pub async fn insert(
    db: &impl ConnectionTrait,
    draft_id: &str,
    service_id: &str,
    extra: &Extra,
    now: i64,
) -> Result<(), DbErr> {
    db.execute(statement(
        db,
        "INSERT INTO forms_open311_request (draft_id, service_id, lat, long, address, media_url, \
         requested_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        vec![
            draft_id.into(),
            service_id.into(),
            extra.lat.into(),
            extra.long.into(),
            extra.address.clone().into(),
            extra.media_url.clone().into(),
            now.into(),
        ],
    ))
    .await?;
    Ok(())
}

/// A filed Open311 report.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The submission.
    pub submission_id: String,
    /// Its reference, the report's `service_request_id`.
    pub reference: String,
    /// The service.
    pub service_id: String,
    /// The definition version it was filed under.
    pub version_id: i32,
    /// The answers (JSON).
    pub answers: String,
    /// What came besides.
    pub extra: Extra,
    /// When it was filed.
    pub requested_at: i64,
}

/// Which reports.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Only these references.
    pub references: Vec<String>,
    /// Only this service.
    pub service_id: Option<String>,
    /// Filed at or after.
    pub start: Option<i64>,
    /// Filed before.
    pub end: Option<i64>,
}

/// Up to `limit` filed reports matching `filter`, newest first.
pub async fn reports(
    db: &impl ConnectionTrait,
    filter: &Filter,
    limit: u32,
) -> Result<Vec<Report>, DbErr> {
    let mut conditions = Vec::new();
    let mut values: Vec<sea_orm::Value> = vec![i64::from(limit).into()];
    let place = |value: sea_orm::Value, values: &mut Vec<sea_orm::Value>| {
        values.push(value);
        format!("${}", values.len())
    };
    if !filter.references.is_empty() {
        let places: Vec<String> = filter
            .references
            .iter()
            .map(|r| place(r.clone().into(), &mut values))
            .collect();
        conditions.push(format!("s.reference IN ({})", places.join(", ")));
    }
    if let Some(service) = &filter.service_id {
        conditions.push(format!(
            "o.service_id = {}",
            place(service.clone().into(), &mut values)
        ));
    }
    if let Some(start) = filter.start {
        conditions.push(format!(
            "o.requested_at >= {}",
            place(start.into(), &mut values)
        ));
    }
    if let Some(end) = filter.end {
        conditions.push(format!(
            "o.requested_at < {}",
            place(end.into(), &mut values)
        ));
    }
    let conditions = if conditions.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conditions.join(" AND "))
    };
    let rows = db
        .query_all(statement(
            db,
            &format!(
                "SELECT s.id, s.reference, o.service_id, s.version_id, s.answers, o.lat, o.long, \
                 o.address, o.media_url, o.requested_at FROM forms_open311_request o \
                 JOIN forms_submission s ON s.draft_id = o.draft_id {conditions} \
                 ORDER BY o.requested_at DESC, s.id DESC LIMIT $1"
            ),
            values,
        ))
        .await?;
    rows.iter()
        .map(|row| {
            Ok(Report {
                submission_id: row.try_get("", "id")?,
                reference: row.try_get("", "reference")?,
                service_id: row.try_get("", "service_id")?,
                version_id: row.try_get("", "version_id")?,
                answers: row.try_get("", "answers")?,
                extra: Extra {
                    lat: row.try_get("", "lat")?,
                    long: row.try_get("", "long")?,
                    address: row.try_get("", "address")?,
                    media_url: row.try_get("", "media_url")?,
                },
                requested_at: row.try_get("", "requested_at")?,
            })
        })
        .collect()
}

/// Forgets what came with draft `draft_id` (its filing failed).
pub async fn forget_draft(db: &impl ConnectionTrait, draft_id: &str) -> Result<(), DbErr> {
    db.execute(statement(
        db,
        "DELETE FROM forms_open311_request WHERE draft_id = $1",
        vec![draft_id.into()],
    ))
    .await?;
    Ok(())
}

/// Forgets what came with submission `submission_id` (it is being deleted).
pub async fn forget(db: &impl ConnectionTrait, submission_id: &str) -> Result<(), DbErr> {
    db.execute(statement(
        db,
        "DELETE FROM forms_open311_request WHERE draft_id IN \
         (SELECT draft_id FROM forms_submission WHERE id = $1)",
        vec![submission_id.into()],
    ))
    .await?;
    Ok(())
}
