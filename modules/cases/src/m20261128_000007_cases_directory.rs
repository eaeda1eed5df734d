//! What the inbox names without scanning cases: `cases_service`, the services cases
//! were filed for per department (the service filter), and `cases_staff`, the
//! caseworkers who have worked in the portal with their departments (assigning a case
//! to a colleague). Also an index for the cases a department was consulted on.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CasesService {
    Table,
    Department,
    ServiceId,
    Title,
}

#[derive(DeriveIden)]
enum CasesStaff {
    Table,
    Subject,
    Name,
    Departments,
    SeenAt,
}

#[derive(DeriveIden)]
enum CasesCase {
    Table,
    Consulted,
    SubmittedAt,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CasesService::Table)
                    .if_not_exists()
                    .col(string_len(CasesService::Department, 80))
                    .col(string_len(CasesService::ServiceId, 80))
                    .col(text(CasesService::Title))
                    .primary_key(
                        Index::create()
                            .col(CasesService::Department)
                            .col(CasesService::ServiceId),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CasesStaff::Table)
                    .if_not_exists()
                    .col(string_len(CasesStaff::Subject, 255).primary_key())
                    .col(string_len(CasesStaff::Name, 200))
                    .col(text(CasesStaff::Departments))
                    .col(big_integer(CasesStaff::SeenAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_cases_case_consulted")
                    .table(CasesCase::Table)
                    .col(CasesCase::Consulted)
                    .col(CasesCase::SubmittedAt)
                    .col(CasesCase::Id)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_cases_case_consulted")
                    .table(CasesCase::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(CasesStaff::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(CasesService::Table).to_owned())
            .await
    }
}
