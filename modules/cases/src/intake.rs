//! Opening a case for every filed request, inside the transaction that stores the
//! submission: a request is either filed with its case, or neither.

use async_trait::async_trait;
use kernel::{
    AppError,
    intake::{CaseIntake, FiledRequest},
};
use sea_orm::{ActiveValue::Set, DatabaseTransaction, EntityTrait};

use crate::{deadline, entity::case, lifecycle::State, loader::LoadedProcesses, timeline::Entry};

/// The cases module's intake. The host asks for it before the module has loaded its
/// processes, so it reads them when a request comes.
#[derive(Debug)]
pub struct OpenCase {
    processes: LoadedProcesses,
}

impl OpenCase {
    /// An intake opening cases by `processes`.
    pub fn new(processes: LoadedProcesses) -> Self {
        Self { processes }
    }
}

#[async_trait]
impl CaseIntake for OpenCase {
    async fn intake(
        &self,
        txn: &DatabaseTransaction,
        request: &FiledRequest,
    ) -> Result<(), AppError> {
        let process = self.processes.get().for_service(&request.service_id);
        let team = process
            .route(|field| {
                request
                    .answers
                    .iter()
                    .find(|(path, _)| path == field)
                    .map(|(_, value)| value.as_str())
            })
            .map(str::to_owned);
        let id = uuid::Uuid::new_v4().to_string();
        let applicant: String = request.owner_name.chars().take(200).collect();
        let title = serde_json::to_string(&request.service_title).map_err(AppError::internal)?;
        crate::directory::record_service(txn, &request.department, &request.service_id, &title)
            .await?;
        case::Entity::insert(case::ActiveModel {
            id: Set(id.clone()),
            reference: Set(request.reference.clone()),
            submission_id: Set(request.id.clone()),
            service_id: Set(request.service_id.clone()),
            service_title: Set(title),
            version_id: Set(request.version_id),
            department: Set(request.department.clone()),
            team: Set(team.clone()),
            owner: Set(request.owner.clone()),
            applicant: Set(applicant.clone()),
            assignee: Set(None),
            assignee_name: Set(None),
            state: Set(State::Submitted.as_str().to_owned()),
            outcome: Set(None),
            reason: Set(None),
            proposed_by: Set(None),
            consulted: Set(None),
            version: Set(1),
            submitted_at: Set(request.submitted_at),
            updated_at: Set(request.submitted_at),
            due_at: Set(deadline::due_at(
                request.submitted_at,
                process.deadline_days(),
            )),
            paused_since: Set(None),
            contact_email: Set(request.owner_email.clone().filter(|e| e.len() <= 320)),
            contact_locale: Set(request.locale.code().to_owned()),
        })
        .exec(txn)
        .await?;
        let filed = Entry {
            at: request.submitted_at,
            actor: request.owner.clone(),
            actor_name: applicant,
            kind: crate::timeline::Kind::Filed,
            moved: Some((None, State::Submitted)),
            body: None,
            internal: false,
            documents: Vec::new(),
            reveals_letters: false,
            by_applicant: true,
        };
        crate::record::append(filed, txn, &id).await?;
        let mailbox = process
            .definition
            .new_case_mail
            .as_ref()
            .and_then(|mail| mail.mailbox(team.as_deref()));
        if let Some(mailbox) = mailbox {
            let service = request.service_title.get(kernel::Locale::DE);
            crate::notify::new_case(
                txn,
                &id,
                &request.reference,
                service,
                mailbox,
                request.submitted_at,
            )
            .await?;
        }
        Ok(())
    }
}
