//! Creates the appointments and the count of people each office's slot serves. The
//! count is what keeps a slot within its capacity: a booking raises the counts of its
//! slots only where they are below the capacity (a check constraint stands behind
//! that), in the same transaction as it writes the appointment.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AppointmentsSlotUse {
    Table,
    Office,
    Day,
    Slot,
    Used,
    Capacity,
}

#[derive(DeriveIden)]
enum AppointmentsAppointment {
    Table,
    Id,
    Reference,
    Office,
    Day,
    FirstSlot,
    SlotCount,
    Persons,
    Services,
    State,
    HeldUntil,
    Name,
    Email,
    Phone,
    Owner,
    ManageTokenHash,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(AppointmentsSlotUse::Table)
                    .if_not_exists()
                    .col(string_len(AppointmentsSlotUse::Office, 32))
                    .col(string_len(AppointmentsSlotUse::Day, 10))
                    .col(integer(AppointmentsSlotUse::Slot))
                    .col(integer(AppointmentsSlotUse::Used).default(0))
                    .col(integer(AppointmentsSlotUse::Capacity))
                    .primary_key(
                        Index::create()
                            .col(AppointmentsSlotUse::Office)
                            .col(AppointmentsSlotUse::Day)
                            .col(AppointmentsSlotUse::Slot),
                    )
                    .check(
                        Expr::col(AppointmentsSlotUse::Used).gte(0).and(
                            Expr::col(AppointmentsSlotUse::Used)
                                .lte(Expr::col(AppointmentsSlotUse::Capacity)),
                        ),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AppointmentsAppointment::Table)
                    .if_not_exists()
                    .col(string_len(AppointmentsAppointment::Id, 36).primary_key())
                    .col(string_len_uniq(AppointmentsAppointment::Reference, 16))
                    .col(string_len(AppointmentsAppointment::Office, 32))
                    .col(string_len(AppointmentsAppointment::Day, 10))
                    .col(integer(AppointmentsAppointment::FirstSlot))
                    .col(integer(AppointmentsAppointment::SlotCount))
                    .col(integer(AppointmentsAppointment::Persons))
                    .col(text(AppointmentsAppointment::Services))
                    .col(string_len(AppointmentsAppointment::State, 16))
                    .col(big_integer_null(AppointmentsAppointment::HeldUntil))
                    .col(string_len(AppointmentsAppointment::Name, 200))
                    .col(string_len(AppointmentsAppointment::Email, 254))
                    .col(string_len_null(AppointmentsAppointment::Phone, 50))
                    .col(string_len_null(AppointmentsAppointment::Owner, 255))
                    .col(string_len(AppointmentsAppointment::ManageTokenHash, 64))
                    .col(big_integer(AppointmentsAppointment::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_appointments_appointment_office_day")
                    .table(AppointmentsAppointment::Table)
                    .col(AppointmentsAppointment::Office)
                    .col(AppointmentsAppointment::Day)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(
                Table::drop()
                    .table(AppointmentsAppointment::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(AppointmentsSlotUse::Table).to_owned())
            .await
    }
}
