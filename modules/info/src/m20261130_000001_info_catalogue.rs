//! Creates the information catalogue: services per language, offices, and which office
//! offers which service.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum InfoService {
    Table,
    Id,
    Locale,
    Name,
    Description,
    Fees,
    Keywords,
    Leika,
    Published,
    Digest,
    ImportedAt,
}

#[derive(DeriveIden)]
enum InfoOffice {
    Table,
    Id,
    Name,
    Department,
    Street,
    PostalCode,
    City,
    Phone,
    Email,
    Web,
    Published,
    Digest,
    ImportedAt,
}

#[derive(DeriveIden)]
enum InfoServiceOffice {
    Table,
    ServiceId,
    OfficeId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(InfoService::Table)
                    .if_not_exists()
                    .col(string_len(InfoService::Id, 32))
                    .col(string_len(InfoService::Locale, 8))
                    .col(string_len(InfoService::Name, 300))
                    .col(text(InfoService::Description))
                    .col(text_null(InfoService::Fees))
                    .col(text(InfoService::Keywords))
                    .col(string_len_null(InfoService::Leika, 14))
                    .col(boolean(InfoService::Published))
                    .col(string_len(InfoService::Digest, 64))
                    .col(timestamp_with_time_zone(InfoService::ImportedAt))
                    .primary_key(
                        Index::create()
                            .col(InfoService::Id)
                            .col(InfoService::Locale),
                    )
                    .to_owned(),
            )
            .await?;
        // The A–Z list: published services of one language by name.
        manager
            .create_index(
                Index::create()
                    .name("idx_info_service_list")
                    .table(InfoService::Table)
                    .col(InfoService::Locale)
                    .col(InfoService::Published)
                    .col(InfoService::Name)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(InfoOffice::Table)
                    .if_not_exists()
                    .col(string_len(InfoOffice::Id, 32).primary_key())
                    .col(string_len(InfoOffice::Name, 300))
                    .col(string_len_null(InfoOffice::Department, 300))
                    .col(string_len_null(InfoOffice::Street, 300))
                    .col(string_len_null(InfoOffice::PostalCode, 16))
                    .col(string_len_null(InfoOffice::City, 100))
                    .col(string_len_null(InfoOffice::Phone, 100))
                    .col(string_len_null(InfoOffice::Email, 254))
                    .col(string_len_null(InfoOffice::Web, 500))
                    .col(boolean(InfoOffice::Published))
                    .col(string_len(InfoOffice::Digest, 64))
                    .col(timestamp_with_time_zone(InfoOffice::ImportedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(InfoServiceOffice::Table)
                    .if_not_exists()
                    .col(string_len(InfoServiceOffice::ServiceId, 32))
                    .col(string_len(InfoServiceOffice::OfficeId, 32))
                    .primary_key(
                        Index::create()
                            .col(InfoServiceOffice::ServiceId)
                            .col(InfoServiceOffice::OfficeId),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            InfoServiceOffice::Table.into_iden(),
            InfoOffice::Table.into_iden(),
            InfoService::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
