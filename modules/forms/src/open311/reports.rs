//! Reports: `POST requests.{format}` files one (the standard parameters and the
//! attributes become the form's answers, checked by the form's own rules, and the
//! request is filed like one from the web form, with its case); `GET
//! requests.{format}` and `GET requests/{id}.{format}` show the reports filed this way
//! with where they stand. Reports from the web form are not shown: their authors did
//! not publish them.

use axum::{
    body::Bytes,
    extract::{Path, RawQuery, State},
    http::StatusCode,
    response::Response,
};
use chrono::{DateTime, Datelike, NaiveDate};
use serde_json::{Value, json};

use super::{
    Open311State,
    format::{Format, answer, error, split, unknown_format},
    services,
    store::{self, Extra, Filter, Report},
};
use crate::{
    answers::{Answers, read_step},
    definition::ServiceDefinition,
    validate::validate_all,
};

/// Whose requests Open311 reports are: the interface, not a signed-in person (a
/// subject no provider account may carry: `kernel::identity::is_reserved_subject`).
const OWNER: &str = kernel::identity::OPEN311_SUBJECT;

/// Most reports one `GET requests` lists.
const MOST: u32 = 200;

/// Longest report body taken (form fields, no files).
pub const BODY_LIMIT: usize = 64 * 1024;

/// `GET services.{format}` or `GET requests.{format}`.
pub(super) async fn resource_get(
    State(state): State<Open311State>,
    Path(resource): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    match split(&resource) {
        Some(("services", format)) => services::list(&state, format),
        Some(("requests", format)) => list(&state, format, query.as_deref().unwrap_or("")).await,
        Some((_, format)) => error(format, StatusCode::NOT_FOUND, &["no such resource".into()]),
        None => unknown_format(),
    }
}

/// `GET requests/{id}.{format}`.
pub(super) async fn one(State(state): State<Open311State>, Path(file): Path<String>) -> Response {
    let Some((id, format)) = split(&file) else {
        return unknown_format();
    };
    let filter = Filter {
        references: vec![id.to_owned()],
        ..Filter::default()
    };
    match shown(&state, &filter).await {
        Ok(found) if found.is_empty() => error(
            format,
            StatusCode::NOT_FOUND,
            &[format!("no request `{id}`")],
        ),
        Ok(found) => answer(
            format,
            StatusCode::OK,
            "service_requests",
            &Value::Array(found),
        ),
        Err(()) => error(
            format,
            StatusCode::INTERNAL_SERVER_ERROR,
            &["internal error".into()],
        ),
    }
}

async fn list(state: &Open311State, format: Format, query: &str) -> Response {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let mut filter = Filter {
        service_id: get("service_code").map(str::to_owned),
        references: get("service_request_id")
            .map(|ids| {
                ids.split(',')
                    .map(|i| i.trim().to_owned())
                    .filter(|i| !i.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
        ..Filter::default()
    };
    for (name, bound) in [
        ("start_date", &mut filter.start),
        ("end_date", &mut filter.end),
    ] {
        if let Some(text) = get(name) {
            match moment(text) {
                Some(at) => *bound = Some(at),
                None => {
                    return error(
                        format,
                        StatusCode::BAD_REQUEST,
                        &[format!("{name} must be a date and time as in ISO 8601")],
                    );
                }
            }
        }
    }
    let status = get("status");
    if status.is_some_and(|s| s.split(',').any(|s| !matches!(s, "open" | "closed"))) {
        return error(
            format,
            StatusCode::BAD_REQUEST,
            &["status must be open or closed".into()],
        );
    }
    match shown(state, &filter).await {
        Ok(found) => {
            let found: Vec<Value> = found
                .into_iter()
                .filter(|r| status.is_none_or(|s| s.split(',').any(|s| r["status"] == s)))
                .collect();
            answer(
                format,
                StatusCode::OK,
                "service_requests",
                &Value::Array(found),
            )
        }
        Err(()) => error(
            format,
            StatusCode::INTERNAL_SERVER_ERROR,
            &["internal error".into()],
        ),
    }
}

/// A date (`2026-11-28`) or date and time (`2026-11-28T10:00:00+01:00`) as Unix seconds.
fn moment(text: &str) -> Option<i64> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.timestamp())
        .ok()
        .or_else(|| {
            NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .ok()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .map(|d| d.and_utc().timestamp())
        })
}

fn timestamp(at: i64) -> String {
    DateTime::from_timestamp(at, 0)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The reports matching `filter`, as Open311 shows them.
async fn shown(state: &Open311State, filter: &Filter) -> Result<Vec<Value>, ()> {
    let reports = store::reports(&state.db, filter, MOST)
        .await
        .map_err(|error| {
            tracing::error!(%error, "open311: reports unavailable");
        })?;
    let ids: Vec<String> = reports.iter().map(|r| r.submission_id.clone()).collect();
    let tracked = match &state.tracker {
        Some(tracker) => tracker
            .track(&state.db, OWNER, &ids, state.texts)
            .await
            .map_err(|error| {
                tracing::error!(%error, "open311: states unavailable");
            })?,
        None => Vec::new(),
    };
    let mut shown = Vec::new();
    for report in reports {
        let Some(definition) = state.service(&report.service_id) else {
            continue;
        };
        let progress = tracked
            .iter()
            .find(|t| t.submission_id == report.submission_id);
        shown.push(request_of(&definition, &report, progress));
    }
    Ok(shown)
}

fn request_of(
    definition: &ServiceDefinition,
    report: &Report,
    progress: Option<&kernel::intake::Tracked>,
) -> Value {
    let answers: Answers = serde_json::from_str(&report.answers).unwrap_or_default();
    let text = |id: Option<&String>| {
        id.and_then(|id| answers.get(id))
            .and_then(|a| a.text())
            .map(str::to_owned)
    };
    let mapping = definition.open311.as_ref();
    json!({
        "service_request_id": report.reference,
        "status": if progress.is_some_and(|p| p.closed) { "closed" } else { "open" },
        "status_notes": progress.map(|p| p.state.clone()),
        "service_name": definition.title.de(),
        "service_code": definition.id,
        "description": text(mapping.map(|m| &m.description)),
        "agency_responsible": definition.department.to_uppercase(),
        "service_notice": definition.processing_days.map(|d| format!("Bearbeitung in der Regel innerhalb von {d} Tagen")),
        "requested_datetime": timestamp(report.requested_at),
        "updated_datetime": progress.map(|p| timestamp(p.changed)),
        "expected_datetime": progress.map(|p| timestamp(p.due)),
        "address": report.extra.address.clone().or_else(|| text(mapping.map(|m| &m.address))),
        "address_id": Value::Null,
        "zipcode": answers.get("postcode").and_then(|a| a.text()).map(str::to_owned),
        "lat": report.extra.lat,
        "long": report.extra.long,
        "media_url": report.extra.media_url,
    })
}

/// `POST requests.{format}`: files a report.
pub(super) async fn create(
    State(state): State<Open311State>,
    Path(resource): Path<String>,
    body: Bytes,
) -> Response {
    let format = match split(&resource) {
        Some(("requests", format)) => format,
        Some((_, format)) => {
            return error(format, StatusCode::NOT_FOUND, &["no such resource".into()]);
        }
        None => {
            return unknown_format();
        }
    };
    let pairs: Vec<(String, String)> = form_urlencoded::parse(&body).into_owned().collect();
    match file(&state, &pairs).await {
        Ok(reference) => answer(
            format,
            StatusCode::CREATED,
            "service_requests",
            &json!([{"service_request_id": reference, "service_notice": Value::Null, "account_id": Value::Null}]),
        ),
        Err((status, problems)) => error(format, status, &problems),
    }
}

type Refusal = (StatusCode, Vec<String>);

fn bad(problem: impl Into<String>) -> Refusal {
    (StatusCode::BAD_REQUEST, vec![problem.into()])
}

/// Files the report `pairs` describe; its reference, or why not.
async fn file(state: &Open311State, pairs: &[(String, String)]) -> Result<String, Refusal> {
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    };
    let code = get("service_code").ok_or_else(|| bad("service_code is required"))?;
    let definition = state
        .service(code)
        .ok_or_else(|| (StatusCode::NOT_FOUND, vec![format!("no service `{code}`")]))?;
    let mapping = definition
        .open311
        .clone()
        .ok_or_else(|| bad("not an Open311 service"))?;
    let coordinate =
        |name: &str, range: std::ops::RangeInclusive<f64>| -> Result<Option<f64>, Refusal> {
            get(name)
                .map(|v| {
                    v.parse::<f64>()
                        .ok()
                        .filter(|x| range.contains(x))
                        .ok_or_else(|| bad(format!("{name} must be a number in {range:?}")))
                })
                .transpose()
        };
    let extra = Extra {
        lat: coordinate("lat", -90.0..=90.0)?,
        long: coordinate("long", -180.0..=180.0)?,
        address: get("address_string").map(str::to_owned),
        media_url: get("media_url")
            .map(|url| {
                (url.starts_with("https://") || url.starts_with("http://"))
                    .then(|| url.chars().take(2000).collect::<String>())
                    .ok_or_else(|| bad("media_url must be an http(s) address"))
            })
            .transpose()?,
    };
    let place = match (&extra.address, extra.lat, extra.long) {
        (Some(address), _, _) => address.clone(),
        (None, Some(lat), Some(long)) => format!("{lat:.6}, {long:.6}"),
        _ => {
            return Err(bad(
                "a location is required: lat and long, or address_string",
            ));
        }
    };
    // The form's fields by name, as the web form posts them.
    let attributes = services::attributes(&definition);
    let mut fields: Vec<(String, String)> = pairs
        .iter()
        .filter_map(|(k, v)| {
            let name = k.strip_prefix("attribute[")?.strip_suffix(']')?;
            let name = name.strip_suffix("][").unwrap_or(name);
            Some((name.to_owned(), v.clone()))
        })
        .filter(|(name, _)| attributes.iter().any(|f| &f.id == name))
        .collect();
    fields.push((mapping.address.clone(), place));
    if let Some(description) = get("description") {
        fields.push((mapping.description.clone(), description.to_owned()));
    }
    if let (Some(field), Some(email)) = (&mapping.email, get("email")) {
        fields.push((field.clone(), email.to_owned()));
    }
    let mut answers = Answers::new();
    for step in &definition.steps {
        answers.extend(read_step(step, &fields, &answers.clone()));
    }
    let today = kernel::time::today();
    let problems = validate_all(&definition, &answers, today);
    if !problems.is_empty() {
        let texts = state.texts;
        return Err((
            StatusCode::BAD_REQUEST,
            problems
                .iter()
                .map(|p| {
                    format!(
                        "{}: {}",
                        p.path,
                        crate::pages::texts::error_message(&texts, &p.error)
                    )
                })
                .collect(),
        ));
    }
    if crate::offline::is_offline(&state.db, &definition.id)
        .await
        .map_err(internal)?
    {
        return Err((
            StatusCode::SERVICE_UNAVAILABLE,
            vec!["the service takes no requests at the moment".into()],
        ));
    }
    let answers = crate::validate::visible_answers(&definition, &answers, today);
    let version = *state
        .forms
        .published()
        .versions
        .get(&definition.id)
        .ok_or_else(|| internal("no stored version"))?;
    let now = chrono::Utc::now().timestamp();
    let draft = crate::drafts::create(
        &state.db,
        OWNER,
        &definition.id,
        version.id,
        answers.clone(),
        now,
        now + 86_400,
    )
    .await
    .map_err(internal)?;
    store::insert(&state.db, &draft.id, &definition.id, &extra, now)
        .await
        .map_err(internal)?;
    let name = [get("first_name"), get("last_name")]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let filing = crate::drafts::Filing {
        reference_format: &state.forms.config.reference_format,
        year: kernel::time::today().year(),
        now,
        department: &definition.department,
        service_title: &definition.title,
        owner_name: if name.is_empty() { "Open311" } else { &name },
        // Mails would link to a page no Open311 reporter can open.
        owner_email: None,
        locale: kernel::Locale::DE,
        intake: state.intake.as_deref(),
    };
    match crate::drafts::submit(&state.db, &draft, &answers, filing).await {
        Ok(submission) => Ok(submission.reference),
        Err(error) => {
            // The draft expires by itself; what came with it goes now.
            if let Err(cleanup) = store::forget_draft(&state.db, &draft.id).await {
                tracing::warn!(%cleanup, "open311: a refused report's extras stay");
            }
            Err(internal(error))
        }
    }
}

fn internal(cause: impl std::fmt::Display) -> Refusal {
    tracing::error!(%cause, "open311: a report could not be filed");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        vec!["internal error".into()],
    )
}
