//! What a receiver gets: the envelope (event id, type, time, department) with the
//! event's payload, and for a filed request, when the subscription asks for it, the
//! request's data with its LeiKa key and the address of its JSON Schema.

use kernel::{intake::FiledAnswers, webhook::Due};
use serde_json::{Value, json};

/// The JSON body posted for `due`.
pub async fn compose(
    due: &Due,
    include_data: bool,
    filed: Option<&dyn FiledAnswers>,
    db: &sea_orm::DatabaseConnection,
    public_url: &str,
) -> Result<Value, kernel::AppError> {
    let mut body = json!({
        "id": due.event_id,
        "type": due.kind,
        "occurred_at": chrono::DateTime::from_timestamp(due.noted_at, 0)
            .unwrap_or_default()
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "department": due.department,
    });
    let payload: Value = serde_json::from_str(&due.payload).map_err(kernel::AppError::internal)?;
    if let (Some(body), Value::Object(payload)) = (body.as_object_mut(), payload) {
        body.extend(payload);
    }
    let submission = body["case"]["submission_id"].as_str().map(str::to_owned);
    if let (true, "case.submitted", Some(filed), Some(submission)) =
        (include_data, due.kind.as_str(), filed, submission)
        && let Some(filed) = filed.data(db, &submission).await?
    {
        body["submission"] = json!({
            "service_id": filed.service_id,
            "leika": filed.leika,
            "schema": format!(
                "{}{}/services/{}/schema",
                public_url.trim_end_matches('/'),
                kernel::api::BASE_PATH,
                filed.service_id
            ),
            "data": filed.data,
        });
    }
    Ok(body)
}
