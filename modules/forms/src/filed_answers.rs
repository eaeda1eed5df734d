//! The answers of a filed request for those who process it: each step of the
//! definition version it was filed under, with labels and answers as the citizen saw
//! them on the check page.

use std::{
    collections::HashMap,
    sync::{Arc, OnceLock},
};

use async_trait::async_trait;
use kernel::{
    AppError, I18n,
    intake::{FiledAnswers, FiledData},
    text::AnswerSection,
};
use sea_orm::{DatabaseConnection, EntityTrait};

use crate::{
    answers::{Answer, Answers},
    definition::{Field, FieldType, ServiceDefinition},
    pages::texts::{display, label},
    state::FormsState,
};

/// The forms module's [`FiledAnswers`].
#[derive(Debug)]
pub struct SubmittedAnswers {
    state: Arc<OnceLock<Arc<FormsState>>>,
}

impl SubmittedAnswers {
    /// Answers read with the module's state once it is loaded (current definitions
    /// come from memory then, older versions from the database).
    pub fn new(state: Arc<OnceLock<Arc<FormsState>>>) -> Self {
        Self { state }
    }

    /// The definition of stored version `version_id`.
    pub(crate) async fn definition(
        &self,
        db: &DatabaseConnection,
        version_id: i32,
    ) -> Result<Arc<ServiceDefinition>, AppError> {
        Ok(match self.state.get() {
            Some(state) => state.definition(db, version_id).await?,
            None => Arc::new(crate::drafts::definition(db, version_id).await?),
        })
    }
}

#[async_trait]
impl FiledAnswers for SubmittedAnswers {
    async fn answers(
        &self,
        db: &DatabaseConnection,
        submission_id: &str,
        i18n: I18n,
    ) -> Result<Option<Vec<AnswerSection>>, AppError> {
        let Some(submission) = crate::drafts::submission_by_id(db, submission_id).await? else {
            return Ok(None);
        };
        let definition = self.definition(db, submission.version_id).await?;
        Ok(Some(sections(&i18n, &definition, &submission.answers)))
    }

    /// One query for the submissions; each definition version read once.
    async fn answers_of(
        &self,
        db: &DatabaseConnection,
        submission_ids: &[String],
        i18n: I18n,
    ) -> Result<HashMap<String, Vec<AnswerSection>>, AppError> {
        let mut definitions: HashMap<i32, Arc<ServiceDefinition>> = HashMap::new();
        let mut all = HashMap::new();
        for submission in crate::drafts::submissions_by_ids(db, submission_ids).await? {
            let definition = match definitions.get(&submission.version_id) {
                Some(definition) => Arc::clone(definition),
                None => {
                    let definition = self.definition(db, submission.version_id).await?;
                    definitions.insert(submission.version_id, Arc::clone(&definition));
                    definition
                }
            };
            all.insert(
                submission.id.clone(),
                sections(&i18n, &definition, &submission.answers),
            );
        }
        Ok(all)
    }

    async fn data(
        &self,
        db: &DatabaseConnection,
        submission_id: &str,
    ) -> Result<Option<FiledData>, AppError> {
        let Some(submission) = crate::drafts::submission_by_id(db, submission_id).await? else {
            return Ok(None);
        };
        let definition = self.definition(db, submission.version_id).await?;
        Ok(Some(FiledData {
            service_id: definition.id.clone(),
            leika: definition.leika.clone(),
            data: crate::submission_data::data(&definition, &submission.answers),
        }))
    }

    async fn level(
        &self,
        db: &DatabaseConnection,
        submission_id: &str,
    ) -> Result<Option<kernel::Level>, AppError> {
        let Some(submission) = crate::drafts::submission_by_id(db, submission_id).await? else {
            return Ok(None);
        };
        Ok(Some(
            self.definition(db, submission.version_id).await?.level,
        ))
    }

    async fn files(
        &self,
        db: &DatabaseConnection,
        submission_id: &str,
    ) -> Result<Vec<kernel::upload::StoredFile>, AppError> {
        Ok(crate::drafts::submission_by_id(db, submission_id)
            .await?
            .map(|submission| {
                crate::drafts::uploaded(&submission.answers)
                    .cloned()
                    .collect()
            })
            .unwrap_or_default())
    }

    async fn forget(
        &self,
        txn: &sea_orm::DatabaseTransaction,
        submission_id: &str,
    ) -> Result<(), AppError> {
        crate::open311::forget(txn, submission_id).await?;
        crate::entity::submission::Entity::delete_by_id(submission_id.to_owned())
            .exec(txn)
            .await?;
        Ok(())
    }
}

/// `answers` step by step, as the check page shows them.
pub fn sections(
    i18n: &I18n,
    definition: &ServiceDefinition,
    answers: &Answers,
) -> Vec<AnswerSection> {
    definition
        .steps
        .iter()
        .map(|step| {
            let mut rows = Vec::new();
            rows_of(i18n, &step.fields, answers, "", &mut rows);
            AnswerSection {
                title: step.title.get(i18n.locale).to_owned(),
                rows,
            }
        })
        .collect()
}

/// The answered fields of `fields`, group items numbered after `prefix`.
fn rows_of(
    i18n: &I18n,
    fields: &[Field],
    answers: &Answers,
    prefix: &str,
    rows: &mut Vec<(String, String)>,
) {
    for field in fields.iter().filter(|f| f.kind != FieldType::Info) {
        let Some(answer) = answers.get(&field.id).filter(|a| !a.is_empty()) else {
            continue;
        };
        let name = format!("{prefix}{}", label(i18n, field));
        match answer {
            Answer::Items(items) => {
                for (index, item) in items.iter().enumerate() {
                    let item_prefix = format!("{name} {}: ", index + 1);
                    rows_of(i18n, &field.fields, item, &item_prefix, rows);
                }
            }
            other => rows.push((name, display(i18n, field, other))),
        }
    }
}
