//! `kernel_job_lease`: which process runs a periodic job (retention) this period, so
//! that several portal processes on one database run it once.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum KernelJobLease {
    Table,
    Job,
    Holder,
    LeaseUntil,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(KernelJobLease::Table)
                    .if_not_exists()
                    .col(string_len(KernelJobLease::Job, 64).primary_key())
                    .col(string_len(KernelJobLease::Holder, 64))
                    .col(big_integer(KernelJobLease::LeaseUntil))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(KernelJobLease::Table).to_owned())
            .await
    }
}
