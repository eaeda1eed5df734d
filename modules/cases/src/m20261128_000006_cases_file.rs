//! `cases_file`: documents added to a case after filing: the citizen's answers to a
//! request for information, decision letters, a consulted department's opinion. The
//! files of the request itself stay with the submission.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CasesFile {
    Table,
    Id,
    CaseId,
    EventId,
    Kind,
    Name,
    MediaType,
    Size,
    Sha256,
    Internal,
    At,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CasesFile::Table)
                    .if_not_exists()
                    .col(string_len(CasesFile::Id, 36).primary_key())
                    .col(string_len(CasesFile::CaseId, 36))
                    .col(integer(CasesFile::EventId))
                    .col(string_len(CasesFile::Kind, 16))
                    .col(string_len(CasesFile::Name, 100))
                    .col(string_len(CasesFile::MediaType, 100))
                    .col(big_integer(CasesFile::Size))
                    .col(string_len(CasesFile::Sha256, 64))
                    .col(boolean(CasesFile::Internal))
                    .col(big_integer(CasesFile::At))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_cases_file_case")
                    .table(CasesFile::Table)
                    .col(CasesFile::CaseId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(CasesFile::Table).to_owned())
            .await
    }
}
