//! The form posts: starting a form, each step (continue, save, add or remove a group
//! item), and submitting. Plain HTML form posts answered with redirects
//! (post/redirect/get), so everything works without JavaScript and a reload never
//! posts twice.

use std::sync::Arc;

use axum::{
    Extension,
    extract::DefaultBodyLimit,
    extract::{Path, RawQuery, State},
    response::{IntoResponse, Redirect, Response},
};
use chrono::Datelike;
use kernel::{
    AppError, Identity, access::sign_in_url, routes::Routes, upload::Limits, url::segment,
};
use sea_orm::DatabaseConnection;

use crate::{
    answers::{Answer, Answers, read_step},
    definition::ServiceDefinition,
    drafts::{self, Draft},
    formats::today,
    prefill,
    state::FormsState,
    validate::{validate_all, validate_step, visible_answers},
};

/// What the handlers share.
#[derive(Clone)]
pub struct Flow {
    forms: Arc<FormsState>,
    db: DatabaseConnection,
    intake: Option<Arc<dyn kernel::intake::CaseIntake>>,
    files: Arc<dyn kernel::storage::FileStore>,
}

/// Largest body of the start and submit posts.
const SMALL_BODY: usize = 256 * 1024;

/// What the file field `name` of `step` accepts; `None` for any other part.
fn file_limits<'a>(step: &'a crate::definition::Step, name: &str) -> Option<Limits<'a>> {
    let field = step
        .fields
        .iter()
        .find(|f| f.id == name && f.kind == crate::definition::FieldType::File)?;
    Some(Limits {
        max_kb: field
            .max_size_kb
            .unwrap_or(kernel::upload::DEFAULT_MAX_SIZE_KB),
        accept: &field.accept,
    })
}

/// Largest body of a post of `step`: the files its fields allow, plus the form fields.
/// Read per step (a service published in the designer may allow more than any other),
/// and only once the draft is known to be the signed-in citizen's.
fn step_body_limit(step: &crate::definition::Step) -> usize {
    let files: u64 = step
        .fields
        .iter()
        .filter(|f| f.kind == crate::definition::FieldType::File)
        .map(|f| {
            u64::from(f.max_size_kb.unwrap_or(kernel::upload::DEFAULT_MAX_SIZE_KB))
                * 1024
                * u64::from(f.max_files.unwrap_or(1))
        })
        .sum();
    usize::try_from(files)
        .unwrap_or(usize::MAX)
        .saturating_add(SMALL_BODY)
}

/// The module's POST endpoints.
pub fn router(forms: Arc<FormsState>, ctx: &kernel::ModuleContext) -> Routes {
    // GET too: signing in from "start" comes back here, and goes on to the form.
    // Starting is idempotent (one draft per person and service), so a repeated or
    // prefetched GET only resumes.
    let small = Routes::new()
        .get("/leistungen/{slug}/antrag", start)
        .post("/leistungen/{slug}/antrag", start)
        .post("/antraege/{draft}/absenden", submit)
        .map_router(|router| router.layer(DefaultBodyLimit::max(SMALL_BODY)));
    let steps = Routes::new()
        .post("/antraege/{draft}/{step}", post_step)
        // Each step's own limit applies in the handler (`step_body_limit`).
        .map_router(|router| router.layer(DefaultBodyLimit::disable()));
    small.merge(steps).with_state(Flow {
        forms,
        db: ctx.db.clone(),
        intake: ctx.case_intake(),
        files: Arc::clone(&ctx.files),
    })
}

use crate::paths::{receipt as receipt_url, review as review_url, step as step_url};

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

fn error(err: impl Into<AppError>) -> Response {
    let err: AppError = err.into();
    err.into_response()
}

/// Back to the service page, which says the service is offline, when it is; a draft
/// stays as it is.
async fn refused_while_offline(flow: &Flow, definition: &ServiceDefinition) -> Option<Response> {
    match crate::offline::is_offline(&flow.db, &definition.id).await {
        Ok(false) => None,
        Ok(true) => Some(Redirect::to(&format!("/leistungen/{}", definition.slug)).into_response()),
        Err(err) => Some(error(err)),
    }
}

/// A response that ends a request early (boxed: responses are large).
type Refusal = Box<Response>;

/// The signed-in owner at the level `definition` needs, or the redirect to sign in
/// (again) that comes back to `back`.
fn owner<'a>(
    identity: &'a Identity,
    definition: &ServiceDefinition,
    back: &str,
) -> Result<&'a str, Refusal> {
    let subject = identity.subject.as_deref();
    let level_ok = identity
        .level
        .is_some_and(|level| level >= definition.level);
    match subject {
        Some(subject) if level_ok => Ok(subject),
        _ => Err(Box::new(
            Redirect::to(&sign_in_url(back, Some(definition.level))).into_response(),
        )),
    }
}

/// `POST /leistungen/{slug}/antrag` (and the GET that signing in, or a link from
/// another page, comes with): resumes the open draft of this service, or starts one
/// with the answers the sign-in provides; answers the link carries for fields that
/// allow it fill both. Someone not signed in (high enough) signs in and comes back
/// here with the link's answers.
async fn start(
    State(flow): State<Flow>,
    Path(slug): Path<String>,
    Extension(identity): Extension<Identity>,
    RawQuery(query): RawQuery,
) -> Response {
    // One reading of the published services for all the start does.
    let published = flow.forms.published();
    let Some(service) = published.catalogue.by_slug(&slug) else {
        return error(AppError::NotFound);
    };
    let definition = &service.definition;
    if let Some(offline) = refused_while_offline(&flow, definition).await {
        return offline;
    }
    let linked = crate::linked::from_query(definition, query.as_deref().unwrap_or_default());
    let back = format!("/leistungen/{slug}/antrag{}", crate::linked::query(&linked));
    let owner = match owner(&identity, definition, &back) {
        Ok(owner) => owner,
        Err(redirect) => return *redirect,
    };
    let now = now();
    let open = match drafts::open_for(&flow.db, owner, &definition.id, now).await {
        Ok(open) => open,
        Err(err) => return error(err),
    };
    if let Some(draft) = open.first() {
        let mut draft = draft.clone();
        if crate::linked::apply(&mut draft.answers, &linked)
            && let Err(err) = drafts::save(&flow.db, &draft, now).await
        {
            return error(err);
        }
        return Redirect::to(&resume_url(&draft, definition)).into_response();
    }
    let Some(version) = published.versions.get(&definition.id) else {
        return error(AppError::internal("service without version"));
    };
    let mut answers = prefill::answers(definition, identity.name.as_deref(), &identity.profile);
    crate::linked::apply(&mut answers, &linked);
    let expires = now + i64::from(flow.forms.config.draft_days) * 86_400;
    match drafts::create(
        &flow.db,
        owner,
        &definition.id,
        version.id,
        answers,
        now,
        expires,
    )
    .await
    {
        Ok(draft) => Redirect::to(&step_url(&draft.id, &definition.steps[0].id)).into_response(),
        Err(err) => error(err),
    }
}

/// Where a resumed draft continues: the furthest step reached.
pub fn resume_url(draft: &Draft, definition: &ServiceDefinition) -> String {
    match definition.steps.get(draft.furthest_step) {
        Some(step) => step_url(&draft.id, &step.id),
        None => review_url(&draft.id),
    }
}

/// The draft of `identity` with its definition, or the response that refuses.
async fn load(
    flow: &Flow,
    identity: &Identity,
    id: &str,
    back: &str,
) -> Result<(Draft, Arc<ServiceDefinition>), Refusal> {
    let Some(subject) = identity.subject.as_deref() else {
        return Err(Box::new(
            Redirect::to(&sign_in_url(back, None)).into_response(),
        ));
    };
    let draft = match drafts::find(&flow.db, id, subject, now()).await {
        Ok(Some(draft)) => draft,
        Ok(None) => return Err(Box::new(error(AppError::NotFound))),
        Err(err) => return Err(Box::new(error(err))),
    };
    let definition = flow
        .forms
        .definition(&flow.db, draft.version_id)
        .await
        .map_err(|e| Box::new(error(e)))?;
    owner(identity, &definition, back)?;
    Ok((draft, definition))
}

/// `POST /antraege/{draft}/{step}`: stores the step's answers; continues when they are
/// valid, else comes back to the step with the problems.
async fn post_step(
    State(flow): State<Flow>,
    Path((id, step_id)): Path<(String, String)>,
    Extension(identity): Extension<Identity>,
    session: tower_sessions::Session,
    request: axum::extract::Request,
) -> Response {
    let here = step_url(&id, &step_id);
    if !identity.is_signed_in() {
        // The session ended while the citizen was typing: keep what they sent.
        keep_unsent(&flow, &session, &id, &step_id, request).await;
        return Redirect::to(&sign_in_url(&here, None)).into_response();
    }
    let (mut draft, definition) = match load(&flow, &identity, &id, &here).await {
        Ok(loaded) => loaded,
        Err(response) => return *response,
    };
    let Some(index) = definition.steps.iter().position(|s| s.id == step_id) else {
        return error(AppError::NotFound);
    };
    if index > draft.furthest_step {
        // Steps are filled in order; a later one cannot be posted before.
        return Redirect::to(&resume_url(&draft, &definition)).into_response();
    }
    let step = &definition.steps[index];
    let request = kernel::upload::limit_body(request, step_body_limit(step));
    let received = match kernel::upload::read(
        request,
        |name| file_limits(step, name),
        Some(flow.files.as_ref()),
    )
    .await
    {
        Ok(received) => received,
        Err(kernel::upload::Unreadable(status, reason)) => {
            return (status, reason).into_response();
        }
    };
    let pairs = received.pairs;
    let mut upload_problems: Vec<crate::validate::Problem> = received
        .problems
        .into_iter()
        .map(|(path, error)| crate::validate::Problem {
            path,
            error: error.into(),
        })
        .collect();
    let mut posted = read_step(step, &pairs, &draft.answers);
    for (field_id, new_files) in received.files {
        let max = step
            .fields
            .iter()
            .find(|f| f.id == field_id)
            .map_or(1, |f| {
                f.max_files.unwrap_or(crate::validate::DEFAULT_MAX_FILES)
            });
        let Answer::Files(files) = posted
            .entry(field_id.clone())
            .or_insert_with(|| Answer::Files(Vec::new()))
        else {
            continue;
        };
        for file in new_files {
            if files.len() < max as usize {
                files.push(file);
            } else {
                let _ = flow.files.delete(&file.id).await;
                upload_problems.push(crate::validate::Problem {
                    path: field_id.clone(),
                    error: crate::validate::FieldError::TooManyFiles(max),
                });
            }
        }
    }
    prefill::enforce(
        &step.fields,
        &mut posted,
        identity.name.as_deref(),
        &identity.profile,
    );
    let before = draft.answers.clone();
    for field in &step.fields {
        draft.answers.remove(&field.id);
    }
    draft.answers.extend(posted);
    let action = pairs
        .iter()
        .find(|(name, _)| name == "action")
        .map_or("continue", |(_, value)| value.as_str());
    let today = today();
    let target = if let Some(file) = action.strip_prefix("remove-file:") {
        let (field, file_id) = file.split_once('/').unwrap_or((file, ""));
        if let Some(Answer::Files(files)) = draft.answers.get_mut(field)
            && let Some(position) = files.iter().position(|f| f.id == file_id)
        {
            let removed = files.remove(position);
            let _ = flow.files.delete(&removed.id).await;
        }
        format!("{here}#{}", segment(&crate::pages::fields::input_id(field)))
    } else if !upload_problems.is_empty() {
        draft.problems = Some((index, upload_problems));
        format!("{here}#fehler")
    } else if let Some(group) = action.strip_prefix("add:") {
        change_items(&mut draft.answers, group, None);
        format!("{here}#{}", segment(group))
    } else if let Some(item) = action.strip_prefix("remove:") {
        let (group, index) = item.rsplit_once('.').unwrap_or((item, ""));
        change_items(&mut draft.answers, group, index.parse().ok());
        format!("{here}#{}", segment(group))
    } else if action == "save" {
        draft.problems = None;
        format!("{here}?gespeichert=1")
    } else if let Some(opened) =
        crate::validate::newly_shown(&definition, index, &before, &draft.answers, today).first()
    {
        // Without JavaScript the page could not show the questions these answers
        // open: back to the step, where they now are, before anything is judged.
        draft.problems = None;
        format!(
            "{here}?weitere=1#{}",
            segment(&crate::pages::fields::input_id(opened))
        )
    } else {
        let problems = validate_step(&definition, index, &draft.answers, today);
        if problems.is_empty() {
            draft.problems = None;
            draft.furthest_step = draft.furthest_step.max(index + 1);
            match definition.steps.get(index + 1) {
                Some(next) => step_url(&draft.id, &next.id),
                None => review_url(&draft.id),
            }
        } else {
            draft.problems = Some((index, problems));
            format!("{here}#fehler")
        }
    };
    let now = now();
    draft.expires_at = now + i64::from(flow.forms.config.draft_days) * 86_400;
    match drafts::save(&flow.db, &draft, now).await {
        Ok(()) => Redirect::to(&target).into_response(),
        Err(err) => error(err),
    }
}

/// Keeps the text a post without a signed-in person sent to `step_id` of draft `id`
/// (see `unsent`): read with the small body limit (files skipped), and kept only for
/// a draft that exists and only the step's fields.
async fn keep_unsent(
    flow: &Flow,
    session: &tower_sessions::Session,
    id: &str,
    step_id: &str,
    request: axum::extract::Request,
) {
    let request = kernel::upload::limit_body(request, SMALL_BODY);
    let Ok(posted) = kernel::upload::read(request, |_| None, None).await else {
        return;
    };
    let Ok(Some(draft)) = drafts::find_any(&flow.db, id, now()).await else {
        return;
    };
    let Ok(definition) = flow.forms.definition(&flow.db, draft.version_id).await else {
        return;
    };
    if let Some(step) = definition.steps.iter().find(|s| s.id == step_id) {
        let pairs = crate::unsent::of_step(step, posted.pairs);
        crate::unsent::keep(session, id, step_id, pairs).await;
    }
}

/// Adds an empty item to `group`, or removes item `remove`.
fn change_items(answers: &mut Answers, group: &str, remove: Option<usize>) {
    let Some(Answer::Items(items)) = answers.get_mut(group) else {
        if remove.is_none() {
            answers.insert(
                group.to_owned(),
                Answer::Items(vec![Answers::new(), Answers::new()]),
            );
        }
        return;
    };
    match remove {
        Some(index) if index < items.len() => {
            items.remove(index);
        }
        Some(_) => {}
        None if items.len() < 100 => items.push(Answers::new()),
        None => {}
    }
}

/// `POST /antraege/{draft}/absenden`: checks every step once more and files the
/// request; a draft sent twice is filed once.
async fn submit(
    State(flow): State<Flow>,
    Path(id): Path<String>,
    Extension(identity): Extension<Identity>,
    headers: axum::http::HeaderMap,
) -> Response {
    let back = review_url(&id);
    let Some(subject) = identity.subject.clone() else {
        return Redirect::to(&sign_in_url(&back, None)).into_response();
    };
    let (mut draft, definition) = match load(&flow, &identity, &id, &back).await {
        Ok(loaded) => loaded,
        // Already filed (the draft is gone): show the existing submission.
        Err(response) => {
            return already_filed(&flow, &id, &subject)
                .await
                .unwrap_or(*response);
        }
    };
    if let Some(offline) = refused_while_offline(&flow, &definition).await {
        return offline;
    }
    let today = today();
    let problems = validate_all(&definition, &draft.answers, today);
    if let Some(first) = problems.first() {
        let index = definition
            .steps
            .iter()
            .position(|s| {
                s.fields
                    .iter()
                    .any(|f| first.path.split('.').next() == Some(f.id.as_str()))
            })
            .unwrap_or(0);
        let step_problems = validate_step(&definition, index, &draft.answers, today);
        draft.problems = Some((index, step_problems));
        if let Err(err) = drafts::save(&flow.db, &draft, now()).await {
            return error(err);
        }
        return Redirect::to(&format!(
            "{}#fehler",
            step_url(&draft.id, &definition.steps[index].id)
        ))
        .into_response();
    }
    let answers = visible_answers(&definition, &draft.answers, today);
    let filing = drafts::Filing {
        reference_format: &flow.forms.config.reference_format,
        year: kernel::time::today().year(),
        now: now(),
        department: &definition.department,
        service_title: &definition.title,
        owner_name: identity.name.as_deref().unwrap_or_default(),
        owner_email: identity.profile.email.as_deref(),
        locale: kernel::i18n::request_locale(&headers),
        intake: flow.intake.as_deref(),
    };
    match drafts::submit(&flow.db, &draft, &answers, filing).await {
        Ok(submission) => Redirect::to(&receipt_url(&submission.id)).into_response(),
        Err(err) => error(err),
    }
}

async fn already_filed(flow: &Flow, draft_id: &str, owner: &str) -> Option<Response> {
    let submission = drafts::submission_for_draft(&flow.db, draft_id, owner)
        .await
        .ok()??;
    Some(Redirect::to(&receipt_url(&submission.id)).into_response())
}
