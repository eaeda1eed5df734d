//! What keeps the inbox fast at a million cases: indexes for a department's newest
//! cases in any state and of one service (in any state or one), one for a caseworker's
//! own cases, and `cases_count`, the cases per department and state (filled from the
//! cases already there).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CasesCase {
    Table,
    Department,
    ServiceId,
    State,
    Assignee,
    SubmittedAt,
    Id,
}

#[derive(DeriveIden)]
enum CasesCount {
    Table,
    Department,
    State,
    Count,
}

/// The indexes by their leading columns; each ends in filing time and id, the inbox's
/// order and cursor.
fn indexes() -> [(&'static str, Vec<CasesCase>); 4] {
    use CasesCase::{Assignee, Department, ServiceId, State};
    [
        ("idx_cases_case_newest", vec![Department]),
        ("idx_cases_case_service", vec![Department, ServiceId]),
        (
            "idx_cases_case_service_state",
            vec![Department, ServiceId, State],
        ),
        ("idx_cases_case_assignee", vec![Assignee]),
    ]
}

/// `cases_count` as this migration makes it: per department and state.
pub(crate) fn count_table() -> TableCreateStatement {
    Table::create()
        .table(CasesCount::Table)
        .if_not_exists()
        .col(string_len(CasesCount::Department, 80))
        .col(string_len(CasesCount::State, 32))
        .col(big_integer(CasesCount::Count))
        .primary_key(
            Index::create()
                .col(CasesCount::Department)
                .col(CasesCount::State),
        )
        .to_owned()
}

/// Fills [`count_table`] from the cases.
pub(crate) const COUNT_BY_STATE: &str = "INSERT INTO cases_count (department, state, count) \
     SELECT department, state, COUNT(*) FROM cases_case GROUP BY department, state";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, leading) in indexes() {
            let mut index = Index::create();
            index.name(name).table(CasesCase::Table);
            for column in leading {
                index.col(column);
            }
            index.col(CasesCase::SubmittedAt).col(CasesCase::Id);
            manager.create_index(index.to_owned()).await?;
        }
        manager.create_table(count_table()).await?;
        // The counting of its time (later migrations count differently).
        manager
            .get_connection()
            .execute_unprepared(COUNT_BY_STATE)
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(CasesCount::Table).to_owned())
            .await?;
        for (name, _) in indexes() {
            manager
                .drop_index(Index::drop().name(name).table(CasesCase::Table).to_owned())
                .await?;
        }
        Ok(())
    }
}
