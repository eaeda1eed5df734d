//! `kernel_session.provider_sid`: the identity provider's session id of a sign-in, so
//! that back-channel logout finds every portal session of that provider session.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum KernelSession {
    Table,
    ProviderSid,
}

const INDEX: &str = "idx_kernel_session_provider_sid";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(KernelSession::Table)
                    .add_column(string_len_null(KernelSession::ProviderSid, 255))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name(INDEX)
                    .table(KernelSession::Table)
                    .col(KernelSession::ProviderSid)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name(INDEX)
                    .table(KernelSession::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(KernelSession::Table)
                    .drop_column(KernelSession::ProviderSid)
                    .to_owned(),
            )
            .await
    }
}
