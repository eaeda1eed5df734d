//! `kernel_audit`: the append-only audit trail, each entry carrying the hash of the one
//! before; `kernel_audit_head`: its last number and hash, one row, which every append
//! updates first (so appends happen one after the other, on SQLite and PostgreSQL).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum KernelAudit {
    Table,
    Seq,
    At,
    Actor,
    ActorName,
    Action,
    CaseId,
    Detail,
    PrevHash,
    Hash,
}

#[derive(DeriveIden)]
enum KernelAuditHead {
    Table,
    Id,
    Seq,
    Hash,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(KernelAudit::Table)
                    .if_not_exists()
                    .col(big_integer(KernelAudit::Seq).primary_key())
                    .col(big_integer(KernelAudit::At))
                    .col(string_len(KernelAudit::Actor, 255))
                    .col(string_len(KernelAudit::ActorName, 200))
                    .col(string_len(KernelAudit::Action, 40))
                    .col(string_len_null(KernelAudit::CaseId, 36))
                    .col(text_null(KernelAudit::Detail))
                    .col(string_len(KernelAudit::PrevHash, 64))
                    .col(string_len(KernelAudit::Hash, 64))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(KernelAuditHead::Table)
                    .if_not_exists()
                    .col(integer(KernelAuditHead::Id).primary_key())
                    .col(big_integer(KernelAuditHead::Seq))
                    .col(string_len(KernelAuditHead::Hash, 64))
                    .to_owned(),
            )
            .await?;
        let genesis = Query::insert()
            .into_table(KernelAuditHead::Table)
            .columns([
                KernelAuditHead::Id,
                KernelAuditHead::Seq,
                KernelAuditHead::Hash,
            ])
            .values_panic([1.into(), 0.into(), "0".repeat(64).into()])
            .to_owned();
        manager.exec_stmt(genesis).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(KernelAuditHead::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(KernelAudit::Table).to_owned())
            .await
    }
}
