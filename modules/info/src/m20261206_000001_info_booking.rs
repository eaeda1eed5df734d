//! Adds what appointment booking needs to the catalogue: per service whether it can be
//! booked, its duration, how many people one booking may be for and what it combines
//! with; per office its position, slot length and whether it takes bookings; and the
//! slots each service needs at each office. Every entry is marked as changed so that
//! the next import writes these facts for what is already imported.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum InfoService {
    Table,
    Bookable,
    DurationMinutes,
    MaxQuantity,
    Combinable,
    Digest,
}

#[derive(DeriveIden)]
enum InfoOffice {
    Table,
    Latitude,
    Longitude,
    SlotMinutes,
    Bookable,
    Digest,
}

#[derive(DeriveIden)]
enum InfoOfficeBooking {
    Table,
    OfficeId,
    ServiceId,
    Slots,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one at a time.
        let service_columns = [
            boolean(InfoService::Bookable).default(false).to_owned(),
            integer_null(InfoService::DurationMinutes).to_owned(),
            integer(InfoService::MaxQuantity).default(1).to_owned(),
            text(InfoService::Combinable).default("").to_owned(),
        ];
        for mut column in service_columns {
            manager
                .alter_table(
                    Table::alter()
                        .table(InfoService::Table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        let office_columns = [
            double_null(InfoOffice::Latitude).to_owned(),
            double_null(InfoOffice::Longitude).to_owned(),
            integer_null(InfoOffice::SlotMinutes).to_owned(),
            boolean(InfoOffice::Bookable).default(false).to_owned(),
        ];
        for mut column in office_columns {
            manager
                .alter_table(
                    Table::alter()
                        .table(InfoOffice::Table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(InfoOfficeBooking::Table)
                    .if_not_exists()
                    .col(string_len(InfoOfficeBooking::OfficeId, 32))
                    .col(string_len(InfoOfficeBooking::ServiceId, 32))
                    .col(integer(InfoOfficeBooking::Slots))
                    .primary_key(
                        Index::create()
                            .col(InfoOfficeBooking::OfficeId)
                            .col(InfoOfficeBooking::ServiceId),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .exec_stmt(
                Query::update()
                    .table(InfoService::Table)
                    .value(InfoService::Digest, "")
                    .to_owned(),
            )
            .await?;
        manager
            .exec_stmt(
                Query::update()
                    .table(InfoOffice::Table)
                    .value(InfoOffice::Digest, "")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(InfoOfficeBooking::Table).to_owned())
            .await?;
        for column in [
            InfoService::Bookable.into_iden(),
            InfoService::DurationMinutes.into_iden(),
            InfoService::MaxQuantity.into_iden(),
            InfoService::Combinable.into_iden(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(InfoService::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        for column in [
            InfoOffice::Latitude.into_iden(),
            InfoOffice::Longitude.into_iden(),
            InfoOffice::SlotMinutes.into_iden(),
            InfoOffice::Bookable.into_iden(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(InfoOffice::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
