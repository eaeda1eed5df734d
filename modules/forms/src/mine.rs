//! "My requests": the citizen's open drafts (to resume) and filed requests (with their
//! receipts).

use kernel::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::definition::Text;

/// A draft to resume.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenDraft {
    /// Service title.
    pub service: Text,
    /// Where to continue.
    pub resume: String,
    /// Last change, `DD.MM.YYYY`.
    pub changed: String,
    /// Deleted after, `DD.MM.YYYY`.
    pub expires: String,
}

/// A filed request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filed {
    /// Service title.
    pub service: Text,
    /// Reference number.
    pub reference: String,
    /// The receipt.
    pub receipt: String,
    /// Sent, `DD.MM.YYYY`.
    pub sent: String,
    /// Where it stands, once a case was opened for it.
    pub progress: Option<Progress>,
}

/// Where a filed request stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// The state in plain language.
    pub state: String,
    /// Last change, `DD.MM.YYYY`.
    pub changed: String,
    /// What to do now, if anything.
    pub next: Option<String>,
    /// The page to follow it on.
    pub href: String,
}

/// Everything on the page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestOverview {
    /// Open drafts, newest first.
    pub drafts: Vec<OpenDraft>,
    /// Filed requests, newest first.
    pub filed: Vec<Filed>,
    /// What the other modules keep for the person (appointments, …).
    pub more: Vec<kernel::overview::OverviewSection>,
    /// The page of newer filed requests, when this is not the first.
    pub newer: Option<String>,
    /// The page of older filed requests, when there are more.
    pub older: Option<String>,
}

/// Filed requests on one page of "my requests": a page stays short however many a
/// person has filed over the years.
pub const FILED_PER_PAGE: u64 = 20;

/// The address of page `page` (1 is the first) of "my requests".
pub fn page_href(page: u64) -> String {
    if page <= 1 {
        "/antraege".to_owned()
    } else {
        format!("/antraege?seite={page}")
    }
}

/// The signed-in citizen's drafts and requests: page `page` of the filed ones (the
/// first when not given).
#[server(endpoint = "forms/mine")]
pub async fn my_requests(page: Option<u64>) -> Result<RequestOverview, AppError> {
    let identity = kernel::access::authorize(&kernel::Requirement::signed_in())?;
    let ctx = crate::services::ssr::context()?;
    let state = crate::services::ssr::state()?;
    let owner = identity.subject.unwrap_or_default();
    let now = chrono::Utc::now().timestamp();
    let page = page.unwrap_or(1).clamp(1, 1_000_000);
    let drafts = crate::drafts::open_drafts(&ctx.db, &owner, now).await?;
    let mut submissions = crate::drafts::filed(
        &ctx.db,
        &owner,
        (page - 1) * FILED_PER_PAGE,
        FILED_PER_PAGE + 1,
    )
    .await?;
    let more_filed = submissions.len() as u64 > FILED_PER_PAGE;
    submissions.truncate(FILED_PER_PAGE as usize);
    let day = |at: i64| {
        crate::formats::local_time(at)
            .format("%d.%m.%Y")
            .to_string()
    };
    let title = |service_id: &str| {
        state
            .published()
            .catalogue
            .by_id(service_id)
            .map(|s| s.definition.title.clone())
            .unwrap_or_else(|| Text::german(service_id))
    };
    let mut open = Vec::new();
    for draft in drafts {
        let definition = state.definition(&ctx.db, draft.version_id).await?;
        let resume = match definition.steps.get(draft.furthest_step) {
            Some(step) => crate::paths::step(&draft.id, &step.id),
            None => crate::paths::review(&draft.id),
        };
        open.push(OpenDraft {
            service: title(&draft.service_id),
            resume,
            changed: day(draft.updated_at),
            expires: day(draft.expires_at),
        });
    }
    let ids: Vec<String> = submissions.iter().map(|s| s.id.clone()).collect();
    let tracked = match &ctx.get::<dyn kernel::intake::CaseTracker>() {
        Some(tracker) => {
            tracker
                .track(&ctx.db, &owner, &ids, kernel::i18n::use_i18n())
                .await?
        }
        None => Vec::new(),
    };
    let filed = submissions
        .into_iter()
        .map(|s| Filed {
            progress: tracked
                .iter()
                .find(|t| t.submission_id == s.id)
                .map(|t| Progress {
                    state: t.state.clone(),
                    changed: day(t.changed),
                    next: t.next.clone(),
                    href: t.href.clone(),
                }),
            service: title(&s.service_id),
            reference: s.reference,
            receipt: crate::paths::receipt(&s.id),
            sent: day(s.at),
        })
        .collect();
    let i18n = kernel::i18n::use_i18n();
    let mut more = Vec::new();
    for (_, part) in ctx.all::<dyn kernel::overview::PersonalOverview>() {
        more.extend(part.sections(&ctx, &owner, &i18n).await?);
    }
    Ok(RequestOverview {
        drafts: open,
        filed,
        more,
        newer: (page > 1).then(|| page_href(page - 1)),
        older: more_filed.then(|| page_href(page + 1)),
    })
}
