//! The filed request (submission id) an appointment was booked for, so those who
//! process the request see it.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AppointmentsAppointment {
    Table,
    Request,
}

const INDEX: &str = "idx_appointments_appointment_request";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(AppointmentsAppointment::Table)
                    .add_column(string_len_null(AppointmentsAppointment::Request, 36))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name(INDEX)
                    .table(AppointmentsAppointment::Table)
                    .col(AppointmentsAppointment::Request)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name(INDEX)
                    .table(AppointmentsAppointment::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(AppointmentsAppointment::Table)
                    .drop_column(AppointmentsAppointment::Request)
                    .to_owned(),
            )
            .await
    }
}
