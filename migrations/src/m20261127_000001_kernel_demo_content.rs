//! `kernel_demo_content`: which module has loaded its demo content into this database,
//! so that loading demo content at every start stays idempotent.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum KernelDemoContent {
    Table,
    ModuleId,
    LoadedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(KernelDemoContent::Table)
                    .if_not_exists()
                    .col(string_len(KernelDemoContent::ModuleId, 64).primary_key())
                    .col(timestamp_with_time_zone(KernelDemoContent::LoadedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(KernelDemoContent::Table).to_owned())
            .await
    }
}
