//! `forms_submission`: a filed request with its answers and the definition version it
//! was filed under. The draft id is unique here, so a form sent twice (double click,
//! resent request) is filed once.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum FormsSubmission {
    Table,
    Id,
    Reference,
    DraftId,
    Owner,
    ServiceId,
    VersionId,
    Answers,
    SubmittedAt,
}

#[derive(DeriveIden)]
enum FormsReferenceCounter {
    Table,
    Year,
    Last,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(FormsSubmission::Table)
                    .if_not_exists()
                    .col(string_len(FormsSubmission::Id, 36).primary_key())
                    .col(string_len_uniq(FormsSubmission::Reference, 40))
                    .col(string_len_uniq(FormsSubmission::DraftId, 36))
                    .col(string_len(FormsSubmission::Owner, 255))
                    .col(string_len(FormsSubmission::ServiceId, 80))
                    .col(integer(FormsSubmission::VersionId))
                    .col(text(FormsSubmission::Answers))
                    .col(big_integer(FormsSubmission::SubmittedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_forms_submission_owner")
                    .table(FormsSubmission::Table)
                    .col(FormsSubmission::Owner)
                    .to_owned(),
            )
            .await?;
        // Reference numbers count up per year without gaps between processes.
        manager
            .create_table(
                Table::create()
                    .table(FormsReferenceCounter::Table)
                    .if_not_exists()
                    .col(integer(FormsReferenceCounter::Year).primary_key())
                    .col(big_integer(FormsReferenceCounter::Last))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(FormsReferenceCounter::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(FormsSubmission::Table).to_owned())
            .await
    }
}
