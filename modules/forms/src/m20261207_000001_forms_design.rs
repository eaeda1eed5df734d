//! `forms_design`: services built by a department's administrators in the portal, one
//! row per version: its file in the services' repository format, its state (draft,
//! proposed for publication, published, replaced by a later one) and who did what.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum FormsDesign {
    Table,
    Id,
    ServiceId,
    Department,
    Source,
    State,
    AuthorSubject,
    AuthorName,
    ProposedBySubject,
    ProposedByName,
    PublishedByName,
    ChangedAt,
    PublishedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(FormsDesign::Table)
                    .if_not_exists()
                    .col(pk_auto(FormsDesign::Id))
                    .col(string_len_null(FormsDesign::ServiceId, 80))
                    .col(string_len_null(FormsDesign::Department, 80))
                    .col(text(FormsDesign::Source))
                    .col(string_len(FormsDesign::State, 16))
                    .col(string_len(FormsDesign::AuthorSubject, 200))
                    .col(string_len(FormsDesign::AuthorName, 200))
                    .col(string_len_null(FormsDesign::ProposedBySubject, 200))
                    .col(string_len_null(FormsDesign::ProposedByName, 200))
                    .col(string_len_null(FormsDesign::PublishedByName, 200))
                    .col(big_integer(FormsDesign::ChangedAt))
                    .col(big_integer_null(FormsDesign::PublishedAt))
                    .to_owned(),
            )
            .await?;
        // Every process reads the published ones at start and after each publication.
        manager
            .create_index(
                Index::create()
                    .name("forms_design_state")
                    .table(FormsDesign::Table)
                    .col(FormsDesign::State)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(FormsDesign::Table).to_owned())
            .await
    }
}
