//! The designer's posts (department administrators only; the host checks the role):
//!
//! - `POST /dienststelle/entwuerfe` with `quelle`: a new draft from a service file;
//! - `POST /dienststelle/entwuerfe/{id}` with `aktion` (`speichern` with `quelle`,
//!   `feld-hinzufuegen` with the field form, `vorschlagen`, `zuruecknehmen`,
//!   `veroeffentlichen`, `neue-version`);
//! - `GET /dienststelle/entwuerfe/{id}/dienst.toml`: the design as its file.
//!
//! Every post answers with a redirect to the design's page, which says what happened
//! (`?hinweis=`); what was typed is saved first, so nothing is lost.

use std::sync::Arc;

use axum::{
    Extension,
    extract::{DefaultBodyLimit, Path, State},
    http::header,
    response::{IntoResponse, Redirect, Response},
};
use kernel::{AppError, Identity, ModuleContext, routes::Routes};
use sea_orm::DatabaseConnection;

use kernel::form_body::{first as value, trimmed as text_of};

use crate::{
    design_view::{DESIGNS_PATH, design_href},
    designs::{self, Design, LONGEST_SOURCE},
    state::FormsState,
};

#[derive(Clone)]
struct Designer {
    forms: Arc<FormsState>,
    db: DatabaseConnection,
    /// What other modules offer (the services an appointment can be booked for).
    ctx: ModuleContext,
}

/// The designer's routes.
pub fn router(forms: Arc<FormsState>, ctx: &ModuleContext) -> Routes {
    Routes::new()
        .post(DESIGNS_PATH, create)
        .post("/dienststelle/entwuerfe/{id}", act)
        .get("/dienststelle/entwuerfe/{id}/dienst.toml", file)
        // The file and the form's other fields, URL-encoded.
        .map_router(|router| router.layer(DefaultBodyLimit::max(LONGEST_SOURCE * 4)))
        .with_state(Designer {
            forms,
            db: ctx.db.clone(),
            ctx: ctx.clone(),
        })
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// The German and English values of `<key>_de` and `<key>_en` in a form body.
fn two_of(body: &[u8], key: &str) -> crate::design_edit::TwoLanguages {
    crate::design_edit::TwoLanguages {
        de: text_of(body, &format!("{key}_de")),
        en: text_of(body, &format!("{key}_en")),
    }
}

/// The design's page with `note`.
fn back(id: i32, note: &str) -> Response {
    Redirect::to(&format!("{}?hinweis={note}", design_href(id))).into_response()
}

/// A file too long for a service, or none: refused before anything is stored.
fn source_of(body: &[u8]) -> Result<String, AppError> {
    checked_source(value(body, "quelle").unwrap_or_default())
}

/// `source` as stored: refused when too long, with the lines a browser sends.
fn checked_source(source: String) -> Result<String, AppError> {
    if source.len() > LONGEST_SOURCE {
        return Err(AppError::BadRequest(TOO_LONG.into()));
    }
    // Browsers send a text area's lines with CR LF.
    Ok(source.replace("\r\n", "\n"))
}

/// The note of a file longer than [`LONGEST_SOURCE`].
const TOO_LONG: &str = "zu-lang";
/// The note of a chosen file that is no UTF-8 text.
const NO_TEXT: &str = "keine-textdatei";

/// The new draft's file: a chosen file (`datei`, the form is multipart then) or the
/// text pasted into `quelle`.
async fn posted_source(request: axum::extract::Request) -> Result<String, AppError> {
    use axum::extract::FromRequest;
    let multipart = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    let unreadable = |e: &dyn std::fmt::Display| AppError::BadRequest(e.to_string());
    if !multipart {
        let body = axum::body::Bytes::from_request(request, &())
            .await
            .map_err(|e| unreadable(&e))?;
        return source_of(&body);
    }
    let mut parts = axum::extract::Multipart::from_request(request, &())
        .await
        .map_err(|e| unreadable(&e))?;
    let (mut pasted, mut file) = (String::new(), String::new());
    while let Some(part) = parts.next_field().await.map_err(|e| unreadable(&e))? {
        match part.name() {
            Some("quelle") => pasted = part.text().await.map_err(|e| unreadable(&e))?,
            Some("datei") => {
                let bytes = part.bytes().await.map_err(|e| unreadable(&e))?;
                file = String::from_utf8(bytes.to_vec())
                    .map_err(|_| AppError::BadRequest(NO_TEXT.into()))?;
            }
            _ => {}
        }
    }
    checked_source(if file.trim().is_empty() { pasted } else { file })
}

async fn create(
    State(designer): State<Designer>,
    Extension(identity): Extension<Identity>,
    request: axum::extract::Request,
) -> Response {
    let note = |code: &str| Redirect::to(&format!("{DESIGNS_PATH}?hinweis={code}")).into_response();
    let source = match posted_source(request).await {
        Ok(source) if !source.trim().is_empty() => source,
        Ok(_) => return note("leer"),
        // The list page says what was wrong with the file; nothing is stored.
        Err(AppError::BadRequest(code)) if [TOO_LONG, NO_TEXT].contains(&code.as_str()) => {
            return note(&code);
        }
        Err(err) => return err.into_response(),
    };
    match designs::create(&designer.db, &source, &identity, now()).await {
        Ok(id) => back(id, "gespeichert"),
        Err(err) => err.into_response(),
    }
}

async fn act(
    State(designer): State<Designer>,
    Path(id): Path<i32>,
    Extension(identity): Extension<Identity>,
    session: tower_sessions::Session,
    body: axum::body::Bytes,
) -> Response {
    let design = match designs::find_for(&designer.db, id, &identity).await {
        Ok(design) => design,
        Err(err) => return err.into_response(),
    };
    let action = value(&body, "aktion").unwrap_or_default();
    // The forms whose refusal keeps what was typed, and where the page leads back to.
    let form = match action.as_str() {
        "speichern" => Some("quelle".to_owned()),
        "feld-hinzufuegen" => Some("neues-feld".to_owned()),
        "feld-bearbeiten" => Some(place_of(&body).map_or_else(
            || "outline".to_owned(),
            |(step, field)| format!("feld-{step}.{field}"),
        )),
        "grunddaten" => Some("grunddaten".to_owned()),
        _ => None,
    };
    let done = match action.as_str() {
        "speichern" => save(&designer, &design, &body, &identity)
            .await
            .map(|()| ("gespeichert", id)),
        "feld-hinzufuegen" => add_field(&designer, &design, &body, &identity)
            .await
            .map(|()| ("feld-hinzugefuegt", id)),
        "feld-bearbeiten" => edit_field(&designer, &design, &body, &identity)
            .await
            .map(|()| ("feld-geaendert", id)),
        "feld-aendern" => change_field(&designer, &design, &body, &identity)
            .await
            .map(|()| ("feld-geaendert", id)),
        "grunddaten" => set_basics(&designer, &design, &body, &identity)
            .await
            .map(|()| ("grunddaten", id)),
        "vorschlagen" => propose(&designer, &design, &identity)
            .await
            .map(|()| ("vorgeschlagen", id)),
        "zuruecknehmen" => designs::send_back(&designer.db, &design, &identity, now())
            .await
            .map(|()| ("zurueckgenommen", id)),
        "veroeffentlichen" => publish(&designer, &design, &identity)
            .await
            .map(|()| ("veroeffentlicht", id)),
        "neue-version" => designs::new_version(&designer.db, &design, &identity, now())
            .await
            .map(|new| ("neue-version", new)),
        _ => Err(AppError::BadRequest("unknown action".into())),
    };
    match (done, form) {
        (Ok((note, id)), _) => back(id, note),
        // A form refused (`BadRequest(code)`): what was typed is kept, and the answer
        // leads back to the form, which says why.
        (Err(AppError::BadRequest(code)), Some(anchor)) => {
            crate::design_typed::keep(&session, id, &body).await;
            Redirect::to(&format!("{}?hinweis={code}#{anchor}", design_href(id))).into_response()
        }
        // The states the page offers moved on meanwhile, or the check failed: the page
        // says why.
        (Err(AppError::Conflict(note)), _) => back(id, &note),
        (Err(err), _) => err.into_response(),
    }
}

/// Adds the field of the posted form to `design`'s file (to a new last step when
/// `schritt` is `neu`) and saves it. A refusal is `BadRequest(code)`.
async fn add_field(
    designer: &Designer,
    design: &Design,
    body: &[u8],
    identity: &Identity,
) -> Result<(), AppError> {
    use crate::design_edit::{self, EditRefused, NewField};
    let text = |key: &str| text_of(body, key);
    let two = |key: &str| two_of(body, key);
    let refused = |why: EditRefused| AppError::BadRequest(why.code().to_owned());
    let kind = crate::definition::from_spelling(&text("art")).ok_or(refused(EditRefused::BadId))?;
    let field = NewField {
        id: text("kennung"),
        kind,
        label: two("bezeichnung"),
        hint: two("hinweis"),
        required: text("pflicht") == "1",
        options: value(body, "optionen").unwrap_or_default(),
        shown_if: text("bedingung")
            .split_once('=')
            .map(|(field, value)| (field.to_owned(), value.to_owned())),
    };
    let (service, _) = crate::design_view::ssr::checked(&designer.forms, design);
    let definition = service.as_ref().map(|s| s.definition.as_ref());
    let step = text("schritt");
    let source = if step == "neu" {
        let id = format!("schritt-{}", definition.map_or(0, |d| d.steps.len()) + 1);
        design_edit::add_step(
            &design.source,
            definition,
            &id,
            &two("schritt_titel"),
            &field,
        )
    } else {
        // `<step>` or `<step>/<group id>` (from 1).
        let (number, group) = match step.split_once('/') {
            Some((number, group)) => (number, Some(group)),
            None => (step.as_str(), None),
        };
        let number: usize = number.parse().map_err(|_| refused(EditRefused::NoStep))?;
        let index = number.checked_sub(1).ok_or(refused(EditRefused::NoStep))?;
        match group {
            Some(group) => {
                design_edit::add_field_to_group(&design.source, definition, index, group, &field)
            }
            None => design_edit::add_field(&design.source, definition, index, &field),
        }
    }
    .map_err(refused)?;
    designs::save(&designer.db, design, &source, identity, now()).await
}

/// The step and field (from 0) a post names in `feld` (`<step>.<field>`).
fn place_of(body: &[u8]) -> Option<(usize, usize)> {
    let place = value(body, "feld")?;
    let (step, field) = place.split_once('.')?;
    Some((step.parse().ok()?, field.parse().ok()?))
}

/// Gives the field `feld` the posted labels, hints, whether it is required and its
/// rules, and saves the draft. A refusal is `BadRequest(code)`.
async fn edit_field(
    designer: &Designer,
    design: &Design,
    body: &[u8],
    identity: &Identity,
) -> Result<(), AppError> {
    use crate::design_edit::{self, EditRefused, FieldTexts};
    let refused = |why: EditRefused| AppError::BadRequest(why.code().to_owned());
    let (step, field) = place_of(body).ok_or(refused(EditRefused::NoField))?;
    let texts = FieldTexts {
        label: two_of(body, "bezeichnung"),
        hint: two_of(body, "hinweis"),
        required: text_of(body, "pflicht") == "1",
        // Rules only from a form that shows them (`regeln`), so a post of texts alone
        // leaves them.
        rules: value(body, "regeln").map(|_| kernel::form_body::firsts(body)),
    };
    let source = design_edit::edit_field(&design.source, step, field, &texts).map_err(refused)?;
    designs::save(&designer.db, design, &source, identity, now()).await
}

/// Removes or moves the field `feld` (`<step>.<field>`, from 0) as `wie` says
/// (`entfernen`, `hoch`, `runter`) and saves the draft. A refusal's page says why.
async fn change_field(
    designer: &Designer,
    design: &Design,
    body: &[u8],
    identity: &Identity,
) -> Result<(), AppError> {
    use crate::design_edit::{self, EditRefused, FieldChange};
    let refused = |why: EditRefused| AppError::Conflict(why.code().to_owned());
    let (step, field) = place_of(body).ok_or(refused(EditRefused::NoField))?;
    let change = match value(body, "wie").as_deref() {
        Some("entfernen") => FieldChange::Remove,
        Some("hoch") => FieldChange::Up,
        Some("runter") => FieldChange::Down,
        _ => return Err(refused(EditRefused::NoField)),
    };
    let source = design_edit::change_field(&design.source, step, field, change).map_err(refused)?;
    designs::save(&designer.db, design, &source, identity, now()).await
}

/// Sets the basic facts of the posted form in `design`'s file and saves it. The
/// department must be one of `identity`'s.
async fn set_basics(
    designer: &Designer,
    design: &Design,
    body: &[u8],
    identity: &Identity,
) -> Result<(), AppError> {
    use crate::design_edit::{self, Basics};
    let text = |key: &str| text_of(body, key);
    let two = |key: &str| two_of(body, key);
    let department = text("referat");
    if !identity.departments.contains(&department) {
        return Err(AppError::BadRequest("abteilung".into()));
    }
    let level = text("niveau");
    if !kernel::Level::ALL.iter().any(|l| l.as_str() == level) {
        return Err(AppError::BadRequest("niveau".into()));
    }
    let processing_days = match text("bearbeitungstage").as_str() {
        "" => None,
        days => Some(
            days.parse()
                .map_err(|_| AppError::BadRequest("zahl".into()))?,
        ),
    };
    let appointment = match text("termin") {
        none if none.is_empty() => None,
        service => {
            let bookable = crate::design_view::ssr::bookable(&designer.ctx).await;
            // The one the file names already stays, bookable now or not.
            let kept = || {
                crate::loader::parse(std::path::Path::new(""), &design.source)
                    .is_ok_and(|c| c.definition.appointment.as_ref() == Some(&service))
            };
            if !bookable.iter().any(|(id, _)| *id == service) && !kept() {
                return Err(AppError::BadRequest("termin".into()));
            }
            Some(service)
        }
    };
    let basics = Basics {
        title: two("titel"),
        summary: two("kurz"),
        what: two("was"),
        who: two("wer"),
        level,
        department,
        processing_days,
        appointment,
        four_eyes: text("vieraugen") == "1",
    };
    let source = design_edit::set_basics(&design.source, &basics)
        .map_err(|why| AppError::BadRequest(why.code().to_owned()))?;
    designs::save(&designer.db, design, &source, identity, now()).await
}

/// Saves the file box's text. The page sends the fingerprint of the text it showed
/// (`stand`): when the draft was saved by someone else since, nothing is overwritten
/// and the refusal (`BadRequest`) keeps the author's text for the page.
async fn save(
    designer: &Designer,
    design: &Design,
    body: &[u8],
    identity: &Identity,
) -> Result<(), AppError> {
    let source = source_of(body)?;
    let changed_meanwhile = || AppError::BadRequest("inzwischen-gespeichert".into());
    if value(body, "stand").is_some_and(|seen| seen != designs::fingerprint(&design.source)) {
        return Err(changed_meanwhile());
    }
    match designs::save(&designer.db, design, &source, identity, now()).await {
        Err(AppError::Conflict(why)) if why == designs::CHANGED_MEANWHILE => {
            Err(changed_meanwhile())
        }
        done => done,
    }
}

/// Whether `design` has no errors beside the services published now; its service id.
fn without_errors(designer: &Designer, design: &Design) -> Result<String, AppError> {
    let (service, problems) = crate::design_view::ssr::checked(&designer.forms, design);
    match service {
        Some(service) if problems.iter().all(|p| p.warning) => Ok(service.definition.id.clone()),
        _ => Err(AppError::Conflict("fehler".into())),
    }
}

/// The department `design` names must be one of `identity`'s.
fn of_own_department(identity: &Identity, design: &Design) -> Result<(), AppError> {
    match &design.department {
        Some(department) if identity.departments.contains(department) => Ok(()),
        _ => Err(AppError::Conflict("abteilung".into())),
    }
}

async fn propose(
    designer: &Designer,
    design: &Design,
    identity: &Identity,
) -> Result<(), AppError> {
    without_errors(designer, design)?;
    of_own_department(identity, design)?;
    designs::propose(&designer.db, design, identity, now()).await
}

async fn publish(
    designer: &Designer,
    design: &Design,
    identity: &Identity,
) -> Result<(), AppError> {
    let service_id = without_errors(designer, design)?;
    of_own_department(identity, design)?;
    let now = now();
    designs::publish(&designer.db, design, &service_id, identity, now).await?;
    // This process at once; the others when the outbox reaches their search.
    designer.forms.reload(&designer.db, now).await
}

async fn file(
    State(designer): State<Designer>,
    Path(id): Path<i32>,
    Extension(identity): Extension<Identity>,
) -> Response {
    match designs::find_for(&designer.db, id, &identity).await {
        Ok(design) => {
            let name: String = design
                .service_id
                .unwrap_or_else(|| format!("entwurf-{id}"))
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
                .collect();
            (
                [
                    (
                        header::CONTENT_TYPE,
                        "application/toml; charset=utf-8".to_owned(),
                    ),
                    (
                        header::CONTENT_DISPOSITION,
                        format!("attachment; filename=\"{name}.toml\""),
                    ),
                ],
                design.source,
            )
                .into_response()
        }
        Err(err) => err.into_response(),
    }
}
