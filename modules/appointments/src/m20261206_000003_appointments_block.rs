//! Times an office's staff block (a closure, a training): which slots of which day,
//! why, and who blocked them.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AppointmentsBlock {
    Table,
    Id,
    Office,
    Day,
    FirstSlot,
    SlotCount,
    Reason,
    BlockedBy,
    BlockedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(AppointmentsBlock::Table)
                    .if_not_exists()
                    .col(string_len(AppointmentsBlock::Id, 36).primary_key())
                    .col(string_len(AppointmentsBlock::Office, 32))
                    .col(string_len(AppointmentsBlock::Day, 10))
                    .col(integer(AppointmentsBlock::FirstSlot))
                    .col(integer(AppointmentsBlock::SlotCount))
                    .col(string_len(AppointmentsBlock::Reason, 200))
                    .col(string_len(AppointmentsBlock::BlockedBy, 255))
                    .col(big_integer(AppointmentsBlock::BlockedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_appointments_block_office_day")
                    .table(AppointmentsBlock::Table)
                    .col(AppointmentsBlock::Office)
                    .col(AppointmentsBlock::Day)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(AppointmentsBlock::Table).to_owned())
            .await
    }
}
