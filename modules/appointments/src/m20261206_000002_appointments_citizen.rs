//! What the citizen's booking needs besides the slots: the language mails are written
//! in, the hash of the secret in the link that confirms an e-mail address, whether the
//! reminder went out, what the office noted on the day (arrived, done, no show), and
//! look-ups by the manage and confirmation secrets and by owner.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AppointmentsAppointment {
    Table,
    Locale,
    ConfirmTokenHash,
    Reminded,
    Attendance,
    ManageTokenHash,
    Owner,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one at a time.
        let columns = [
            string_len(AppointmentsAppointment::Locale, 16)
                .default("de")
                .to_owned(),
            string_len_null(AppointmentsAppointment::ConfirmTokenHash, 64).to_owned(),
            boolean(AppointmentsAppointment::Reminded)
                .default(false)
                .to_owned(),
            string_len_null(AppointmentsAppointment::Attendance, 16).to_owned(),
        ];
        for mut column in columns {
            manager
                .alter_table(
                    Table::alter()
                        .table(AppointmentsAppointment::Table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        for (name, column) in [
            (
                "idx_appointments_appointment_manage",
                AppointmentsAppointment::ManageTokenHash,
            ),
            (
                "idx_appointments_appointment_confirm",
                AppointmentsAppointment::ConfirmTokenHash,
            ),
            (
                "idx_appointments_appointment_owner",
                AppointmentsAppointment::Owner,
            ),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(AppointmentsAppointment::Table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for name in [
            "idx_appointments_appointment_manage",
            "idx_appointments_appointment_confirm",
            "idx_appointments_appointment_owner",
        ] {
            manager
                .drop_index(
                    Index::drop()
                        .name(name)
                        .table(AppointmentsAppointment::Table)
                        .to_owned(),
                )
                .await?;
        }
        for column in [
            AppointmentsAppointment::Locale,
            AppointmentsAppointment::ConfirmTokenHash,
            AppointmentsAppointment::Reminded,
            AppointmentsAppointment::Attendance,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(AppointmentsAppointment::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
