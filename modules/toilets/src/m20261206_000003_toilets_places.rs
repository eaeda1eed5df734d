//! Replaces the hand-written `toilets_toilet` with `toilets_place`, filled by imports
//! of open data (OpenStreetMap, GeoJSON, CSV): every place keeps where it came from
//! (source and its key there) and the licence, and is unpublished rather than deleted
//! when it leaves its source. `toilets_import` records every import; the finder
//! reloads when a newer one appears. The old table only ever held demonstration rows.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ToiletsToilet {
    Table,
}

#[derive(DeriveIden)]
enum ToiletsPlace {
    Table,
    Id,
    Source,
    SourceKey,
    Name,
    Street,
    Postcode,
    District,
    Lat,
    Lon,
    OpeningHours,
    Wheelchair,
    EuroKey,
    ChangingTable,
    Fee,
    Access,
    Operator,
    Licence,
    Attribution,
    Published,
    ChangedAt,
}

#[derive(DeriveIden)]
enum ToiletsImport {
    Table,
    Id,
    Source,
    File,
    At,
    Created,
    Updated,
    Unchanged,
    Unpublished,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(
                Table::drop()
                    .table(ToiletsToilet::Table)
                    .if_exists()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ToiletsPlace::Table)
                    .if_not_exists()
                    .col(pk_auto(ToiletsPlace::Id))
                    .col(string_len(ToiletsPlace::Source, 64))
                    .col(string_len(ToiletsPlace::SourceKey, 128))
                    .col(string_len(ToiletsPlace::Name, 200))
                    .col(string_len(ToiletsPlace::Street, 200))
                    .col(string_len(ToiletsPlace::Postcode, 16))
                    .col(string_len(ToiletsPlace::District, 100))
                    .col(double(ToiletsPlace::Lat))
                    .col(double(ToiletsPlace::Lon))
                    .col(string_len(ToiletsPlace::OpeningHours, 500))
                    .col(string_len(ToiletsPlace::Wheelchair, 16))
                    .col(boolean(ToiletsPlace::EuroKey))
                    .col(boolean(ToiletsPlace::ChangingTable))
                    .col(string_len(ToiletsPlace::Fee, 100))
                    .col(string_len(ToiletsPlace::Access, 32))
                    .col(string_len(ToiletsPlace::Operator, 200))
                    .col(string_len(ToiletsPlace::Licence, 64))
                    .col(string_len(ToiletsPlace::Attribution, 200))
                    .col(boolean(ToiletsPlace::Published))
                    .col(timestamp_with_time_zone(ToiletsPlace::ChangedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("toilets_place_source_key")
                    .table(ToiletsPlace::Table)
                    .col(ToiletsPlace::Source)
                    .col(ToiletsPlace::SourceKey)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ToiletsImport::Table)
                    .if_not_exists()
                    .col(pk_auto(ToiletsImport::Id))
                    .col(string_len(ToiletsImport::Source, 64))
                    .col(string_len(ToiletsImport::File, 300))
                    .col(timestamp_with_time_zone(ToiletsImport::At))
                    .col(integer(ToiletsImport::Created))
                    .col(integer(ToiletsImport::Updated))
                    .col(integer(ToiletsImport::Unchanged))
                    .col(integer(ToiletsImport::Unpublished))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ToiletsImport::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(ToiletsPlace::Table).to_owned())
            .await
    }
}
