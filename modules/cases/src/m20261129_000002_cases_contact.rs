//! How to reach the citizen of a case: the e-mail address their sign-in gave when they
//! filed it, and the language they filed in. Notifications about the case use both;
//! deleting the case deletes them.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CasesCase {
    Table,
    ContactEmail,
    ContactLocale,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        manager
            .alter_table(
                Table::alter()
                    .table(CasesCase::Table)
                    .add_column(string_len_null(CasesCase::ContactEmail, 320))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(CasesCase::Table)
                    .add_column(string_len(CasesCase::ContactLocale, 8).default("de"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [CasesCase::ContactLocale, CasesCase::ContactEmail] {
            manager
                .alter_table(
                    Table::alter()
                        .table(CasesCase::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
