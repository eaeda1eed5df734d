//! `kernel_search_outbox`: the changes every process's search index follows, numbered in
//! the order they were noted; the time lets old rows be pruned.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum KernelSearchOutbox {
    Table,
    Seq,
    Module,
    DocId,
    NotedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(KernelSearchOutbox::Table)
                    .if_not_exists()
                    .col(
                        big_integer(KernelSearchOutbox::Seq)
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(string_len(KernelSearchOutbox::Module, 32))
                    .col(string_len(KernelSearchOutbox::DocId, 64))
                    .col(big_integer(KernelSearchOutbox::NotedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_kernel_search_outbox_noted_at")
                    .table(KernelSearchOutbox::Table)
                    .col(KernelSearchOutbox::NotedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(KernelSearchOutbox::Table).to_owned())
            .await
    }
}
