//! Creates `toilets_toilet` and its district index (the finder filters by district).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ToiletsToilet {
    Table,
    Id,
    Name,
    Street,
    Postcode,
    District,
    OpeningHours,
    EuroKey,
    ChangingTable,
    FeeCents,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ToiletsToilet::Table)
                    .if_not_exists()
                    .col(pk_auto(ToiletsToilet::Id))
                    .col(string_len(ToiletsToilet::Name, 200))
                    .col(string_len(ToiletsToilet::Street, 200))
                    .col(string_len(ToiletsToilet::Postcode, 5))
                    .col(string_len(ToiletsToilet::District, 64))
                    .col(string_len(ToiletsToilet::OpeningHours, 200))
                    .col(boolean(ToiletsToilet::EuroKey))
                    .col(boolean(ToiletsToilet::ChangingTable))
                    .col(integer(ToiletsToilet::FeeCents))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_toilets_toilet_district")
                    .table(ToiletsToilet::Table)
                    .col(ToiletsToilet::District)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ToiletsToilet::Table).to_owned())
            .await
    }
}
