//! `kernel_session`: server-side sessions, so every portal process behind a load
//! balancer sees the same sessions. Expiry is stored as Unix seconds, which both
//! SQLite and PostgreSQL compare the same way.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum KernelSession {
    Table,
    Id,
    Data,
    ExpiresAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(KernelSession::Table)
                    .if_not_exists()
                    .col(string_len(KernelSession::Id, 64).primary_key())
                    .col(text(KernelSession::Data))
                    .col(big_integer(KernelSession::ExpiresAt))
                    .to_owned(),
            )
            .await?;
        // The periodic clean-up deletes by expiry.
        manager
            .create_index(
                Index::create()
                    .name("idx_kernel_session_expires_at")
                    .table(KernelSession::Table)
                    .col(KernelSession::ExpiresAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(KernelSession::Table).to_owned())
            .await
    }
}
