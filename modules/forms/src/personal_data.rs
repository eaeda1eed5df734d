//! The citizen's requests and drafts for their copy of their data: each with the
//! answers as the check page shows them and the files uploaded with it.

use std::sync::{Arc, OnceLock};

use async_trait::async_trait;
use kernel::{
    AppError, I18n, ModuleContext,
    personal_data::{DataFile, DataPart, DataRecord, PersonalData},
};

use crate::{answers::Answers, drafts, filed_answers::sections, state::FormsState};

/// The forms module's [`PersonalData`].
#[derive(Debug)]
pub struct RequestsAndDrafts {
    state: Arc<OnceLock<Arc<FormsState>>>,
}

impl RequestsAndDrafts {
    /// Requests read with the module's state once it is loaded.
    pub fn new(state: Arc<OnceLock<Arc<FormsState>>>) -> Self {
        Self { state }
    }
}

#[async_trait]
impl PersonalData for RequestsAndDrafts {
    async fn collect(
        &self,
        ctx: &ModuleContext,
        subject: &str,
        i18n: &I18n,
    ) -> Result<Vec<DataPart>, AppError> {
        let state = self
            .state
            .get()
            .ok_or_else(|| AppError::internal("forms module not started"))?;
        let mut requests = Vec::new();
        for submission in drafts::submissions_of(&ctx.db, subject).await? {
            let title = title(state, i18n, &submission.service_id);
            let definition = state.definition(&ctx.db, submission.version_id).await?;
            requests.push(DataRecord {
                heading: format!("{title} · {}", submission.reference),
                folder: submission.reference.clone(),
                facts: vec![
                    (i18n.t("forms-data-reference"), submission.reference),
                    (i18n.t("forms-data-service"), title),
                    (
                        i18n.t("forms-data-sent"),
                        kernel::time::minute(submission.submitted_at),
                    ),
                ],
                answers: sections(i18n, &definition, &submission.answers),
                history: Vec::new(),
                files: files(i18n, &submission.answers),
            });
        }
        let now = chrono::Utc::now().timestamp();
        let open = drafts::open_drafts(&ctx.db, subject, now).await?;
        let mut unsent = Vec::new();
        for draft in open {
            let title = title(state, i18n, &draft.service_id);
            let definition = state.definition(&ctx.db, draft.version_id).await?;
            unsent.push(DataRecord {
                heading: format!("{title} · {}", i18n.t("forms-data-draft")),
                folder: format!("entwurf-{}", draft.id.chars().take(8).collect::<String>()),
                facts: vec![
                    (i18n.t("forms-data-service"), title),
                    (
                        i18n.t("forms-data-changed"),
                        kernel::time::minute(draft.updated_at),
                    ),
                    (
                        i18n.t("forms-data-expires"),
                        kernel::time::day(draft.expires_at),
                    ),
                ],
                answers: sections(i18n, &definition, &draft.answers),
                history: Vec::new(),
                files: files(i18n, &draft.answers),
            });
        }
        let mut parts = Vec::new();
        if !requests.is_empty() {
            parts.push(DataPart {
                title: i18n.t("forms-data-requests"),
                folder: "antraege",
                note: i18n.t("forms-data-requests-note"),
                records: requests,
            });
        }
        if !unsent.is_empty() {
            parts.push(DataPart {
                title: i18n.t("forms-data-drafts"),
                folder: "entwuerfe",
                note: i18n.t("forms-data-drafts-note"),
                records: unsent,
            });
        }
        Ok(parts)
    }
}

/// The service's title in the person's language (its id if it was removed).
fn title(state: &FormsState, i18n: &I18n, service_id: &str) -> String {
    state
        .published()
        .catalogue
        .by_id(service_id)
        .map(|service| service.definition.title.get(i18n.locale).to_owned())
        .unwrap_or_else(|| service_id.to_owned())
}

fn files(i18n: &I18n, answers: &Answers) -> Vec<DataFile> {
    drafts::uploaded(answers)
        .map(|file| DataFile {
            storage_id: file.id.clone(),
            name: file.name.clone(),
            what: i18n.t("forms-data-file"),
            media_type: file.media_type.clone(),
            size: file.size,
        })
        .collect()
}
