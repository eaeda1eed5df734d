//! `kernel_webhook_event` and `kernel_webhook_delivery`: what happened that subscribed
//! systems are told about (written in the transaction of the change), and each
//! subscription's delivery of it with its attempts, for the retrying worker and the
//! department administrators' delivery log.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum KernelWebhookEvent {
    Table,
    Seq,
    Id,
    Kind,
    Department,
    CaseId,
    Payload,
    NotedAt,
    FannedOut,
}

#[derive(DeriveIden)]
enum KernelWebhookDelivery {
    Table,
    Id,
    EventId,
    Subscription,
    Department,
    Url,
    CreatedAt,
    Attempts,
    NextAttemptAt,
    LeaseUntil,
    DeliveredAt,
    FailedAt,
    LastStatus,
    LastError,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(KernelWebhookEvent::Table)
                    .if_not_exists()
                    // Numbered in the order noted, so events go out in that order.
                    .col(
                        big_integer(KernelWebhookEvent::Seq)
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(string_len(KernelWebhookEvent::Id, 36).unique_key())
                    .col(string_len(KernelWebhookEvent::Kind, 40))
                    .col(string_len(KernelWebhookEvent::Department, 64))
                    .col(string_len_null(KernelWebhookEvent::CaseId, 64))
                    .col(text(KernelWebhookEvent::Payload))
                    .col(big_integer(KernelWebhookEvent::NotedAt))
                    .col(boolean(KernelWebhookEvent::FannedOut).default(false))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_kernel_webhook_event_fanned_out")
                    .table(KernelWebhookEvent::Table)
                    .col(KernelWebhookEvent::FannedOut)
                    .col(KernelWebhookEvent::Seq)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(KernelWebhookDelivery::Table)
                    .if_not_exists()
                    .col(
                        big_integer(KernelWebhookDelivery::Id)
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(string_len(KernelWebhookDelivery::EventId, 36))
                    .col(string_len(KernelWebhookDelivery::Subscription, 64))
                    .col(string_len(KernelWebhookDelivery::Department, 64))
                    .col(text(KernelWebhookDelivery::Url))
                    .col(big_integer(KernelWebhookDelivery::CreatedAt))
                    .col(integer(KernelWebhookDelivery::Attempts).default(0))
                    .col(big_integer_null(KernelWebhookDelivery::NextAttemptAt))
                    .col(big_integer_null(KernelWebhookDelivery::LeaseUntil))
                    .col(big_integer_null(KernelWebhookDelivery::DeliveredAt))
                    .col(big_integer_null(KernelWebhookDelivery::FailedAt))
                    .col(integer_null(KernelWebhookDelivery::LastStatus))
                    .col(text_null(KernelWebhookDelivery::LastError))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_kernel_webhook_delivery_once")
                    .table(KernelWebhookDelivery::Table)
                    .col(KernelWebhookDelivery::EventId)
                    .col(KernelWebhookDelivery::Subscription)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_kernel_webhook_delivery_due")
                    .table(KernelWebhookDelivery::Table)
                    .col(KernelWebhookDelivery::NextAttemptAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_kernel_webhook_delivery_log")
                    .table(KernelWebhookDelivery::Table)
                    .col(KernelWebhookDelivery::Department)
                    .col(KernelWebhookDelivery::CreatedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(KernelWebhookDelivery::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(KernelWebhookEvent::Table).to_owned())
            .await
    }
}
