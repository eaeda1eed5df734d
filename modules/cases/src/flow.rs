//! `POST /bearbeitung/faelle/{id}/aktion` (caseworkers) and `POST /vorgaenge/{id}/aktion`
//! (citizens): an action from a case page's forms, URL-encoded or, with documents,
//! multipart. The answer is a redirect back to the page, with a notice of what happened.

use std::sync::Arc;

use axum::{
    Extension,
    extract::{DefaultBodyLimit, Path, Request, State},
    response::{IntoResponse, Redirect, Response},
};
use kernel::routes::Routes;
use kernel::{
    AppError, Identity,
    storage::FileStore,
    upload::{Limits, StoredFile, UploadError},
};

use crate::{
    act::{Command, act},
    assign::{Assignment, assign},
    comment::{Comment, comment},
    lifecycle::{Action, Actor, Outcome},
    loader::LoadedProcesses,
    pages::{DOCUMENTS_PART, GENERATE_LETTER, LETTER_PART},
};

/// Most documents one post may bring.
pub const MAX_FILES: usize = 5;
/// Largest document in KiB.
pub const MAX_FILE_KB: u32 = 10_240;

/// Largest action post: the documents, plus a text of 4000 characters (up to 4 bytes
/// each) and the other fields, encoded.
const BODY_LIMIT: usize = MAX_FILES * MAX_FILE_KB as usize * 1024 + 64 * 1024;

#[derive(Clone)]
struct Flow {
    db: sea_orm::DatabaseConnection,
    processes: LoadedProcesses,
    files: Arc<dyn FileStore>,
    /// Texts in German, for generated letters.
    texts: kernel::I18n,
    /// What documents may be: PDF or pictures; decision letters PDF only.
    documents: Arc<[String]>,
    letters: Arc<[String]>,
    /// Where the case pages of this router live.
    pages: &'static str,
    /// Whether the pages are the staff's (or the citizen's).
    staff: bool,
}

/// The action routes of caseworkers and of citizens (the host protects each).
pub fn routers(
    db: sea_orm::DatabaseConnection,
    processes: LoadedProcesses,
    files: Arc<dyn FileStore>,
    texts: kernel::I18n,
) -> (Routes, Routes) {
    let types = |list: &[&str]| {
        list.iter()
            .map(|t| (*t).to_owned())
            .collect::<Arc<[String]>>()
    };
    let documents = types(&["application/pdf", "image/jpeg", "image/png"]);
    let letters = types(&["application/pdf"]);
    let router = |pages: &'static str, staff: bool| {
        Routes::new()
            .post(&format!("{pages}/{{id}}/aktion"), take_action)
            .map_router(|router| router.layer(DefaultBodyLimit::max(BODY_LIMIT)))
            .with_state(Flow {
                db: db.clone(),
                processes: processes.clone(),
                files: files.clone(),
                texts,
                documents: documents.clone(),
                letters: letters.clone(),
                pages,
                staff,
            })
    };
    (
        router("/bearbeitung/faelle", true),
        router("/vorgaenge", false),
    )
}

/// The message key for a refused document.
fn upload_refusal(error: UploadError) -> &'static str {
    match error {
        UploadError::TooLarge(_) => "cases-error-file-too-large",
        UploadError::TypeNotAccepted => "cases-error-file-type",
        UploadError::Empty => "cases-error-file-empty",
        UploadError::Unreadable => "cases-error-file-unreadable",
        UploadError::NotStored => "cases-error-file-not-stored",
    }
}

async fn take_action(
    State(flow): State<Flow>,
    Path(id): Path<String>,
    Extension(identity): Extension<Identity>,
    session: tower_sessions::Session,
    request: Request,
) -> Response {
    // The id comes from the path: encoded, it cannot break the redirect's header.
    let page = format!("{}/{}", flow.pages, kernel::url::segment(&id));
    let limits = |name: &str| {
        let accept = match name {
            DOCUMENTS_PART => &flow.documents,
            LETTER_PART => &flow.letters,
            _ => return None,
        };
        Some(Limits {
            max_kb: MAX_FILE_KB,
            accept,
        })
    };
    let posted = match kernel::upload::read(request, limits, Some(flow.files.as_ref())).await {
        Ok(posted) => posted,
        Err(kernel::upload::Unreadable(status, reason)) => return (status, reason).into_response(),
    };
    let mut files: Vec<StoredFile> = posted.files.into_values().flatten().collect();
    let refused = posted
        .problems
        .first()
        .map(|(_, error)| upload_refusal(*error))
        .or((files.len() > MAX_FILES).then_some("cases-error-too-many-files"));
    let field = |name: &str| {
        posted
            .pairs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
    };
    let text = field("text").unwrap_or_default();
    let action = field("action").unwrap_or_default();
    let done = match refused {
        Some(key) => Err(AppError::BadRequest(key.to_owned())),
        None => {
            let version = field("version").and_then(|v| v.parse().ok()).unwrap_or(0);
            let posted = Fields {
                action: action.clone(),
                version,
                text: text.clone(),
                department: field("department"),
                to: field("an"),
                generate_letter: field(GENERATE_LETTER).is_some() && files.is_empty(),
                confirmed: field(crate::pages::CONFIRMED).is_some_and(|v| v == "ja"),
            };
            perform(&flow, &id, &identity, posted, &mut files).await
        }
    };
    if done.is_err() {
        // Nothing of a refused post stays stored, and its text waits to be sent again.
        for file in &files {
            let _ = flow.files.delete(&file.id).await;
        }
        let unsent = crate::unsent::Unsent {
            case: id.clone(),
            action,
            text,
        };
        crate::unsent::keep(&session, unsent).await;
    }
    answer(&page, done)
}

/// The form fields of an action post.
struct Fields {
    action: String,
    /// The case version the page showed (actions only; notes and messages need none).
    version: i32,
    text: String,
    department: Option<String>,
    /// The colleague to hand the case to (their subject).
    to: Option<String>,
    /// The portal is to write the decision letter (when none was uploaded).
    generate_letter: bool,
    /// Sent from the page that asks "really?" (for what cannot be undone).
    confirmed: bool,
}

/// Does what `posted` asks; on success, says what was done. A generated letter joins
/// `files`, so a refusal removes it with the uploads.
async fn perform(
    flow: &Flow,
    id: &str,
    identity: &Identity,
    posted: Fields,
    files: &mut Vec<StoredFile>,
) -> Result<&'static str, AppError> {
    let now = chrono::Utc::now().timestamp();
    // Each page acts for its own people: the citizen's for the case's owner, the
    // staff's for its departments. To anyone else the case is not there.
    let case = crate::act::find(&flow.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let roles = crate::act::roles_of(&case, identity);
    let ours = if flow.staff {
        roles.iter().any(|role| *role != Actor::Citizen)
    } else {
        roles.contains(&Actor::Citizen)
    };
    if !ours {
        return Err(AppError::NotFound);
    }
    let no_files = || {
        files
            .is_empty()
            .then_some(())
            .ok_or_else(|| AppError::BadRequest("cases-error-no-files-here".into()))
    };
    if let Some(kind) = Comment::parse(&posted.action) {
        no_files()?;
        comment(&flow.db, id, identity, kind, &posted.text, now).await?;
        return Ok(kind.as_str());
    }
    if let Some(assignment) = Assignment::parse(&posted.action, posted.to.as_deref()) {
        no_files()?;
        assign(&flow.db, id, identity, posted.version, &assignment, now).await?;
        return Ok(assignment.as_str());
    }
    let action = Action::parse(&posted.action)
        .ok_or_else(|| AppError::BadRequest("cases-error-not-allowed".into()))?;
    if action == Action::Withdraw && !posted.confirmed {
        // Withdrawing cannot be undone: only from the page that asks first.
        return Err(AppError::BadRequest("cases-error-confirm-withdraw".into()));
    }
    if posted.generate_letter
        && let Some(outcome) = Outcome::of_decision(action)
    {
        let letter = generate_letter(flow, id, identity, outcome, &posted.text, now).await?;
        files.push(letter);
    }
    let command = Command {
        action,
        version: posted.version,
        text: posted.text,
        department: posted.department,
        files: files.clone(),
    };
    act(&flow.db, flow.processes.get(), id, identity, &command, now).await?;
    Ok(action.as_str())
}

/// Writes the decision letter for case `id` and stores it. Only staff of the case get
/// that far; the decision itself is checked when it is taken.
async fn generate_letter(
    flow: &Flow,
    id: &str,
    identity: &Identity,
    outcome: Outcome,
    reason: &str,
    now: i64,
) -> Result<StoredFile, AppError> {
    let case = crate::act::find(&flow.db, id)
        .await?
        .filter(|case| crate::act::roles_of(case, identity).contains(&Actor::Caseworker))
        .ok_or(AppError::NotFound)?;
    let texts = flow.texts;
    let issuer = format!(
        "{} – {}",
        texts.t("shell-site-name"),
        kernel::catalogue::department_name(&texts, &case.department)
    );
    let signer = identity.name.clone().unwrap_or_default();
    let letter = crate::letter::Letter {
        issuer: &issuer,
        reference: &case.reference,
        service: case.service_title.get(texts.locale),
        applicant: &case.applicant,
        filed: case.submitted_at,
        decided: now,
        outcome,
        reason: reason.trim(),
        signer: &signer,
    };
    let bytes = crate::letter::write(&letter, &texts);
    let name = format!("Bescheid-{}.pdf", case.reference);
    kernel::upload::store_made(flow.files.as_ref(), &name, "application/pdf", &bytes)
        .await
        .map_err(|error| {
            tracing::error!(%error, case = %id, "a decision letter could not be stored");
            AppError::Internal
        })
}

/// Back to `page` with what happened: done, refused with a message key, or an error.
fn answer(page: &str, done: Result<&'static str, AppError>) -> Response {
    match done {
        Ok(what) => Redirect::to(&format!("{page}?erledigt={what}")).into_response(),
        Err(AppError::NotFound) => not_found(),
        Err(AppError::BadRequest(key) | AppError::Conflict(key)) => {
            Redirect::to(&format!("{page}?fehler={key}#fehler")).into_response()
        }
        Err(other) => other.into_response(),
    }
}

fn not_found() -> Response {
    (axum::http::StatusCode::NOT_FOUND, "not found").into_response()
}
