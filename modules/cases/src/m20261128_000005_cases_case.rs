//! `cases_case`: one case per filed request, with its state, who works on it, its
//! deadline and the version number that keeps two caseworkers from overwriting each
//! other; `cases_event`: the timeline of each case.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CasesCase {
    Table,
    Id,
    Reference,
    SubmissionId,
    ServiceId,
    ServiceTitle,
    VersionId,
    Department,
    Team,
    Owner,
    Applicant,
    Assignee,
    AssigneeName,
    State,
    Outcome,
    Reason,
    ProposedBy,
    Consulted,
    Version,
    SubmittedAt,
    UpdatedAt,
    DueAt,
    PausedSince,
}

#[derive(DeriveIden)]
enum CasesEvent {
    Table,
    Id,
    CaseId,
    At,
    Actor,
    ActorName,
    Kind,
    FromState,
    ToState,
    Body,
    Internal,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CasesCase::Table)
                    .if_not_exists()
                    .col(string_len(CasesCase::Id, 36).primary_key())
                    .col(string_len_uniq(CasesCase::Reference, 40))
                    .col(string_len_uniq(CasesCase::SubmissionId, 36))
                    .col(string_len(CasesCase::ServiceId, 80))
                    .col(text(CasesCase::ServiceTitle))
                    .col(integer(CasesCase::VersionId))
                    .col(string_len(CasesCase::Department, 80))
                    .col(string_len_null(CasesCase::Team, 80))
                    .col(string_len(CasesCase::Owner, 255))
                    .col(string_len(CasesCase::Applicant, 200))
                    .col(string_len_null(CasesCase::Assignee, 255))
                    .col(string_len_null(CasesCase::AssigneeName, 200))
                    .col(string_len(CasesCase::State, 32))
                    .col(string_len_null(CasesCase::Outcome, 16))
                    .col(text_null(CasesCase::Reason))
                    .col(string_len_null(CasesCase::ProposedBy, 255))
                    .col(string_len_null(CasesCase::Consulted, 80))
                    .col(integer(CasesCase::Version))
                    .col(big_integer(CasesCase::SubmittedAt))
                    .col(big_integer(CasesCase::UpdatedAt))
                    .col(big_integer(CasesCase::DueAt))
                    .col(big_integer_null(CasesCase::PausedSince))
                    .to_owned(),
            )
            .await?;
        // The inbox: a department's cases by state, newest first, paged by key.
        manager
            .create_index(
                Index::create()
                    .name("idx_cases_case_inbox")
                    .table(CasesCase::Table)
                    .col(CasesCase::Department)
                    .col(CasesCase::State)
                    .col(CasesCase::SubmittedAt)
                    .col(CasesCase::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_cases_case_owner")
                    .table(CasesCase::Table)
                    .col(CasesCase::Owner)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CasesEvent::Table)
                    .if_not_exists()
                    .col(pk_auto(CasesEvent::Id))
                    .col(string_len(CasesEvent::CaseId, 36))
                    .col(big_integer(CasesEvent::At))
                    .col(string_len(CasesEvent::Actor, 255))
                    .col(string_len(CasesEvent::ActorName, 200))
                    .col(string_len(CasesEvent::Kind, 32))
                    .col(string_len_null(CasesEvent::FromState, 32))
                    .col(string_len_null(CasesEvent::ToState, 32))
                    .col(text_null(CasesEvent::Body))
                    .col(boolean(CasesEvent::Internal))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_cases_event_case")
                    .table(CasesEvent::Table)
                    .col(CasesEvent::CaseId)
                    .col(CasesEvent::Id)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(CasesEvent::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(CasesCase::Table).to_owned())
            .await
    }
}
