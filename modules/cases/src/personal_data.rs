//! The citizen's cases for their copy of their data: each case as they follow it
//! (state, decision, history without internal steps), the documents added since
//! filing (answers, published letters), the e-mails sent about it and how long it is
//! kept. The answers and files filed with the request are the forms module's part.

use async_trait::async_trait;
use kernel::{
    AppError, I18n, ModuleContext,
    personal_data::{DataEvent, DataFile, DataPart, DataRecord, PersonalData},
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::{
    case::Case,
    entity::case,
    lifecycle::{Outcome, State},
    loader::LoadedProcesses,
    tracker::citizen_state,
};

/// The archive folder of the cases.
const FOLDER: &str = "vorgaenge";

/// The cases module's [`PersonalData`].
#[derive(Debug)]
pub struct CitizenCases {
    processes: LoadedProcesses,
}

impl CitizenCases {
    /// Cases worded by `processes`.
    pub fn new(processes: LoadedProcesses) -> Self {
        Self { processes }
    }
}

#[async_trait]
impl PersonalData for CitizenCases {
    async fn collect(
        &self,
        ctx: &ModuleContext,
        subject: &str,
        i18n: &I18n,
    ) -> Result<Vec<DataPart>, AppError> {
        let rows = case::Entity::find()
            .filter(case::Column::Owner.eq(subject))
            .order_by_desc(case::Column::SubmittedAt)
            .all(&ctx.db)
            .await?;
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let mut records = Vec::with_capacity(rows.len());
        for row in rows {
            let contact = row.contact_email.clone();
            let case = Case::try_from(row)?;
            records.push(self.record(ctx, i18n, case, contact).await?);
        }
        Ok(vec![DataPart {
            title: i18n.t("cases-data-title"),
            folder: FOLDER,
            note: i18n.t("cases-data-note"),
            records,
        }])
    }
}

impl CitizenCases {
    async fn record(
        &self,
        ctx: &ModuleContext,
        i18n: &I18n,
        case: Case,
        contact: Option<String>,
    ) -> Result<DataRecord, AppError> {
        let process = self.processes.get().for_service(&case.service_id);
        let title = case.service_title.get(i18n.locale).to_owned();
        let mut facts = vec![
            (i18n.t("cases-data-reference"), case.reference.clone()),
            (i18n.t("cases-data-service"), title.clone()),
            (i18n.t("cases-data-name"), case.applicant.clone()),
            (
                i18n.t("cases-data-filed"),
                kernel::time::minute(case.submitted_at),
            ),
            (
                i18n.t("cases-data-state"),
                citizen_state(i18n, &process, case.state),
            ),
        ];
        if let Some(outcome) = case
            .outcome
            .filter(|_| matches!(case.state, State::Decided | State::Closed))
        {
            let decision = match outcome {
                Outcome::Approved => "cases-decision-approved",
                Outcome::Rejected => "cases-decision-rejected",
            };
            facts.push((i18n.t("cases-data-decision"), i18n.t(decision)));
            if let Some(reason) = &case.reason {
                facts.push((i18n.t("cases-data-reason"), reason.clone()));
            }
        }
        if let Some(address) = &contact {
            facts.push((i18n.t("cases-data-contact"), address.clone()));
        }
        if case.state.is_final() {
            let until = crate::retention::expires(case.updated_at, process.retention_months());
            facts.push((i18n.t("cases-data-kept-until"), kernel::time::day(until)));
        }
        // Timeline and mails by time (both in the order they were written).
        let mut history: Vec<(i64, DataEvent)> =
            crate::timeline::timeline(&ctx.db, &case.id, false)
                .await?
                .into_iter()
                .map(|event| {
                    (
                        event.at,
                        DataEvent {
                            at: kernel::time::minute(event.at),
                            what: i18n.t(&format!(
                                "cases-event-{}",
                                event.kind.as_str().replace('_', "-")
                            )),
                            by: event.actor_name,
                            text: event.body,
                        },
                    )
                })
                .collect();
        let reference = [("reference".to_owned(), case.reference.clone())];
        // The mails to them; those to the office's mailbox are the office's.
        let mails = kernel::mail::about(&ctx.db, &crate::notify::about(&case.id)).await?;
        let to_them = mails
            .into_iter()
            .filter(|mail| contact.as_deref() == Some(mail.to.as_str()));
        history.extend(to_them.map(|mail| {
            let at = mail.sent_at.unwrap_or(mail.created_at);
            let what = if mail.sent_at.is_some() {
                "cases-data-mail-sent"
            } else {
                "cases-data-mail-waiting"
            };
            (
                at,
                DataEvent {
                    at: kernel::time::minute(at),
                    what: i18n.t(what),
                    by: mail.to,
                    text: Some(i18n.t_named(&mail.template, &reference)),
                },
            )
        }));
        history.sort_by_key(|(at, _)| *at);
        let files = crate::documents::of_case(&ctx.db, None, &case, false)
            .await?
            .into_iter()
            .map(|document| DataFile {
                what: i18n.t(&format!("cases-document-{}", document.kind)),
                storage_id: document.id,
                name: document.name,
                media_type: document.media_type,
                size: document.size,
            })
            .collect();
        Ok(DataRecord {
            heading: format!("{title} · {}", case.reference),
            folder: case.reference,
            facts,
            answers: Vec::new(),
            history: history.into_iter().map(|(_, event)| event).collect(),
            files,
        })
    }
}
