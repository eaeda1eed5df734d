//! `forms_service_offline`: services a department administrator has taken offline (no
//! new requests; running cases go on), since when and by whom.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum FormsServiceOffline {
    Table,
    ServiceId,
    Since,
    ByName,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(FormsServiceOffline::Table)
                    .if_not_exists()
                    .col(string_len(FormsServiceOffline::ServiceId, 80).primary_key())
                    .col(big_integer(FormsServiceOffline::Since))
                    .col(string_len(FormsServiceOffline::ByName, 200))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(FormsServiceOffline::Table).to_owned())
            .await
    }
}
