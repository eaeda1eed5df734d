//! The proof of work on holds: the key its challenges are signed with (one for every
//! portal process, drawn by the first) and the challenges already redeemed, so a
//! solution holds one time only.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AppointmentsProofKey {
    Table,
    Id,
    Secret,
}

#[derive(DeriveIden)]
enum AppointmentsProofUsed {
    Table,
    Challenge,
    ExpiresAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(AppointmentsProofKey::Table)
                    .if_not_exists()
                    .col(integer(AppointmentsProofKey::Id).primary_key())
                    .col(string_len(AppointmentsProofKey::Secret, 64))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AppointmentsProofUsed::Table)
                    .if_not_exists()
                    .col(string_len(AppointmentsProofUsed::Challenge, 128).primary_key())
                    .col(big_integer(AppointmentsProofUsed::ExpiresAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(AppointmentsProofUsed::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(AppointmentsProofKey::Table).to_owned())
            .await
    }
}
