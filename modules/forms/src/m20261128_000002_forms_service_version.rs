//! `forms_service_version`: every version of every service definition the portal has
//! served. Drafts and submissions point at the version they were filled in, so old
//! submissions keep rendering with the form their citizen saw.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum FormsServiceVersion {
    Table,
    Id,
    ServiceId,
    Version,
    Hash,
    Definition,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(FormsServiceVersion::Table)
                    .if_not_exists()
                    .col(pk_auto(FormsServiceVersion::Id))
                    .col(string_len(FormsServiceVersion::ServiceId, 80))
                    .col(integer(FormsServiceVersion::Version))
                    .col(string_len(FormsServiceVersion::Hash, 64))
                    .col(text(FormsServiceVersion::Definition))
                    .col(big_integer(FormsServiceVersion::CreatedAt))
                    .to_owned(),
            )
            .await?;
        // One row per content: loading the same file again finds its version.
        manager
            .create_index(
                Index::create()
                    .name("idx_forms_service_version_service_hash")
                    .table(FormsServiceVersion::Table)
                    .col(FormsServiceVersion::ServiceId)
                    .col(FormsServiceVersion::Hash)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_forms_service_version_service_version")
                    .table(FormsServiceVersion::Table)
                    .col(FormsServiceVersion::ServiceId)
                    .col(FormsServiceVersion::Version)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(FormsServiceVersion::Table).to_owned())
            .await
    }
}
