//! What keeps the department dashboard fast at a million cases: the kept counts per
//! department and state gain the service (`cases_count` is counted again), every
//! decision is noted in `cases_decision` with its department, service and filing time
//! (filled from the timelines), and an index finds a department's overdue cases of one
//! state by their deadline, with the service, without reading the cases.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261128_000008_cases_inbox_speed as previous;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CasesCase {
    Table,
    Department,
    State,
    DueAt,
    ServiceId,
}

#[derive(DeriveIden)]
enum CasesCount {
    Table,
    Department,
    ServiceId,
    State,
    Count,
}

#[derive(DeriveIden)]
enum CasesDecision {
    Table,
    Id,
    CaseId,
    Department,
    ServiceId,
    DecidedAt,
    SubmittedAt,
}

const DUE: &str = "idx_cases_case_due";

/// Notes every decision found in the timelines in `cases_decision`.
pub(crate) const DECISIONS_FROM_TIMELINES: &str = "INSERT INTO cases_decision (case_id, department, service_id, decided_at, submitted_at) \
     SELECT e.case_id, c.department, c.service_id, e.at, c.submitted_at \
     FROM cases_event e JOIN cases_case c ON c.id = e.case_id WHERE e.to_state = 'decided'";

/// The decisions by department and time, and by case; the cases by deadline.
fn indexes() -> [IndexCreateStatement; 3] {
    [
        Index::create()
            .name("idx_cases_decision_department")
            .table(CasesDecision::Table)
            .col(CasesDecision::Department)
            .col(CasesDecision::DecidedAt)
            .to_owned(),
        Index::create()
            .name("idx_cases_decision_case")
            .table(CasesDecision::Table)
            .col(CasesDecision::CaseId)
            .to_owned(),
        Index::create()
            .name(DUE)
            .table(CasesCase::Table)
            .col(CasesCase::Department)
            .col(CasesCase::State)
            .col(CasesCase::DueAt)
            .col(CasesCase::ServiceId)
            .to_owned(),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(CasesCount::Table).to_owned())
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CasesCount::Table)
                    .col(string_len(CasesCount::Department, 80))
                    .col(string_len(CasesCount::ServiceId, 80))
                    .col(string_len(CasesCount::State, 32))
                    .col(big_integer(CasesCount::Count))
                    .primary_key(
                        Index::create()
                            .col(CasesCount::Department)
                            .col(CasesCount::ServiceId)
                            .col(CasesCount::State),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CasesDecision::Table)
                    .col(pk_auto(CasesDecision::Id))
                    .col(string_len(CasesDecision::CaseId, 36))
                    .col(string_len(CasesDecision::Department, 80))
                    .col(string_len(CasesDecision::ServiceId, 80))
                    .col(big_integer(CasesDecision::DecidedAt))
                    .col(big_integer(CasesDecision::SubmittedAt))
                    .to_owned(),
            )
            .await?;
        for index in indexes() {
            manager.create_index(index).await?;
        }
        let db = manager.get_connection();
        db.execute_unprepared(
            "INSERT INTO cases_count (department, service_id, state, count) \
             SELECT department, service_id, state, COUNT(*) FROM cases_case \
             GROUP BY department, service_id, state",
        )
        .await?;
        db.execute_unprepared(DECISIONS_FROM_TIMELINES).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(Index::drop().name(DUE).table(CasesCase::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(CasesDecision::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(CasesCount::Table).to_owned())
            .await?;
        manager.create_table(previous::count_table()).await?;
        manager
            .get_connection()
            .execute_unprepared(previous::COUNT_BY_STATE)
            .await?;
        Ok(())
    }
}
