//! `forms_draft`: a citizen's form in progress, saved after every step, resumable
//! until it expires.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum FormsDraft {
    Table,
    Id,
    Owner,
    ServiceId,
    VersionId,
    Answers,
    Problems,
    ProblemStep,
    FurthestStep,
    CreatedAt,
    UpdatedAt,
    ExpiresAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(FormsDraft::Table)
                    .if_not_exists()
                    .col(string_len(FormsDraft::Id, 36).primary_key())
                    .col(string_len(FormsDraft::Owner, 255))
                    .col(string_len(FormsDraft::ServiceId, 80))
                    .col(integer(FormsDraft::VersionId))
                    .col(text(FormsDraft::Answers))
                    .col(text_null(FormsDraft::Problems))
                    .col(integer_null(FormsDraft::ProblemStep))
                    .col(integer(FormsDraft::FurthestStep))
                    .col(big_integer(FormsDraft::CreatedAt))
                    .col(big_integer(FormsDraft::UpdatedAt))
                    .col(big_integer(FormsDraft::ExpiresAt))
                    .to_owned(),
            )
            .await?;
        // "My requests" lists a citizen's drafts; the clean-up deletes by expiry.
        manager
            .create_index(
                Index::create()
                    .name("idx_forms_draft_owner")
                    .table(FormsDraft::Table)
                    .col(FormsDraft::Owner)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_forms_draft_expires_at")
                    .table(FormsDraft::Table)
                    .col(FormsDraft::ExpiresAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(FormsDraft::Table).to_owned())
            .await
    }
}
