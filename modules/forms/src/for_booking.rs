//! Filed requests as appointment booking needs them: whose they are, their reference,
//! and the catalogue service their form names for an appointment after filing.

use async_trait::async_trait;
use kernel::{
    AppError,
    booking::{FiledForBooking, RequestsForBooking},
};
use sea_orm::{DatabaseConnection, EntityTrait};

use crate::{entity::submission, filed_answers::SubmittedAnswers};

#[async_trait]
impl RequestsForBooking for SubmittedAnswers {
    async fn request(
        &self,
        db: &DatabaseConnection,
        submission: &str,
    ) -> Result<Option<FiledForBooking>, AppError> {
        let Some(row) = submission::Entity::find_by_id(submission.to_owned())
            .one(db)
            .await?
        else {
            return Ok(None);
        };
        let definition = self.definition(db, row.version_id).await?;
        Ok(Some(FiledForBooking {
            owner: row.owner,
            reference: row.reference,
            service: definition.appointment.clone(),
        }))
    }
}
