//! `forms_open311_request`: what an Open311 GeoReport v2 client sent beside the form's
//! answers (coordinates, address, photo link), keyed by the draft the request was
//! filed from (unique in `forms_submission` too), so the interface can list and show
//! the requests it took in.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum FormsOpen311Request {
    Table,
    DraftId,
    ServiceId,
    Lat,
    Long,
    Address,
    MediaUrl,
    RequestedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(FormsOpen311Request::Table)
                    .if_not_exists()
                    .col(string_len(FormsOpen311Request::DraftId, 36).primary_key())
                    .col(string_len(FormsOpen311Request::ServiceId, 80))
                    .col(double_null(FormsOpen311Request::Lat))
                    .col(double_null(FormsOpen311Request::Long))
                    .col(text_null(FormsOpen311Request::Address))
                    .col(text_null(FormsOpen311Request::MediaUrl))
                    .col(big_integer(FormsOpen311Request::RequestedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_forms_open311_request_service")
                    .table(FormsOpen311Request::Table)
                    .col(FormsOpen311Request::ServiceId)
                    .col(FormsOpen311Request::RequestedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(FormsOpen311Request::Table).to_owned())
            .await
    }
}
