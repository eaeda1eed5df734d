//! `kernel_mail`: the outbox of e-mails. A change that should tell someone writes a row
//! in its own transaction; a background worker sends due rows and retries failures
//! with growing pauses, so a mail server that is down delays mails and loses none.
//! Rows keep a template name and its arguments, not a written text: the worker writes
//! the mail in the recipient's language when it sends it.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum KernelMail {
    Table,
    Id,
    MessageId,
    Recipient,
    Locale,
    Template,
    Args,
    About,
    CreatedAt,
    Attempts,
    NextAttemptAt,
    LeaseUntil,
    SentAt,
    LastError,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(KernelMail::Table)
                    .if_not_exists()
                    .col(big_integer(KernelMail::Id).auto_increment().primary_key())
                    .col(string_len_uniq(KernelMail::MessageId, 120))
                    .col(string_len(KernelMail::Recipient, 320))
                    .col(string_len(KernelMail::Locale, 8))
                    .col(string_len(KernelMail::Template, 80))
                    .col(text(KernelMail::Args))
                    .col(string_len_null(KernelMail::About, 120))
                    .col(big_integer(KernelMail::CreatedAt))
                    .col(integer(KernelMail::Attempts))
                    .col(big_integer_null(KernelMail::NextAttemptAt))
                    .col(big_integer_null(KernelMail::LeaseUntil))
                    .col(big_integer_null(KernelMail::SentAt))
                    .col(text_null(KernelMail::LastError))
                    .to_owned(),
            )
            .await?;
        // The worker asks for due rows; sent rows have no next attempt.
        manager
            .create_index(
                Index::create()
                    .name("kernel_mail_due")
                    .table(KernelMail::Table)
                    .col(KernelMail::NextAttemptAt)
                    .to_owned(),
            )
            .await?;
        // Retention removes the mails about a case it deletes.
        manager
            .create_index(
                Index::create()
                    .name("kernel_mail_about")
                    .table(KernelMail::Table)
                    .col(KernelMail::About)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(KernelMail::Table).to_owned())
            .await
    }
}
