//! SQLite FTS5 over the same documents: Unicode tokens without diacritics (FTS5 has no
//! German stemmer), ranked by BM25 with the same field weights as the portal.

use kernel::{SearchDocument, case_search::CaseDocument};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, Statement, TransactionTrait, Value};

const TOKENIZER: &str = "tokenize = 'unicode61 remove_diacritics 2'";

/// An FTS5 database file.
pub struct Fts {
    db: DatabaseConnection,
}

async fn open(path: &std::path::Path) -> DatabaseConnection {
    let _ = std::fs::remove_file(path);
    Database::connect(format!("sqlite://{}?mode=rwc", path.display()))
        .await
        .expect("sqlite")
}

async fn insert(db: &impl ConnectionTrait, table: &str, columns: usize, rows: Vec<Vec<Value>>) {
    let per_row = format!(
        "({})",
        (0..columns).map(|_| "?").collect::<Vec<_>>().join(", ")
    );
    let sql = format!(
        "INSERT INTO {table} VALUES {}",
        vec![per_row; rows.len()].join(", ")
    );
    db.execute(Statement::from_sql_and_values(
        db.get_database_backend(),
        sql,
        rows.into_iter().flatten(),
    ))
    .await
    .expect("insert");
}

impl Fts {
    /// Indexes services.
    pub async fn services(path: &std::path::Path, documents: &[SearchDocument]) -> Self {
        let db = open(path).await;
        db.execute_unprepared(&format!(
            "CREATE VIRTUAL TABLE services USING fts5(id UNINDEXED, title, keywords, body, {TOKENIZER})"
        ))
        .await
        .expect("fts5");
        #[expect(
            clippy::disallowed_methods,
            reason = "the benchmark's own database, written by it alone, has no kernel tables"
        )]
        let txn = db.begin().await.expect("begin");
        for chunk in documents.chunks(200) {
            let rows = chunk.iter().map(crate::data::service_row).collect();
            insert(&txn, "services", 4, rows).await;
        }
        txn.commit().await.expect("commit");
        Self { db }
    }

    /// The best 20 services for any of `words`.
    pub async fn find_services(&self, words: &[String]) -> Vec<String> {
        if words.is_empty() {
            return Vec::new();
        }
        let expression = words
            .iter()
            .map(|w| format!("\"{w}\"*"))
            .collect::<Vec<_>>()
            .join(" OR ");
        self.ids(
            "SELECT id FROM services WHERE services MATCH ? ORDER BY bm25(services, 0.0, 3.0, 2.5, 1.0) LIMIT 20",
            vec![expression.into()],
        )
        .await
    }

    /// Indexes `count` cases made by `case`, in transactions of 10,000.
    pub async fn cases(path: &std::path::Path, count: u64, case: fn(u64) -> CaseDocument) -> Self {
        let db = open(path).await;
        db.execute_unprepared(&format!(
            "CREATE VIRTUAL TABLE cases USING fts5(id UNINDEXED, department UNINDEXED, reference, applicant, service, text, {TOKENIZER})"
        ))
        .await
        .expect("fts5");
        let mut i = 0;
        while i < count {
            #[expect(
                clippy::disallowed_methods,
                reason = "the benchmark's own database, written by it alone, has no kernel tables"
            )]
            let txn = db.begin().await.expect("begin");
            let end = (i + 10_000).min(count);
            let cases: Vec<CaseDocument> = (i..end).map(case).collect();
            for chunk in cases.chunks(150) {
                let rows = chunk.iter().map(crate::data::case_row).collect();
                insert(&txn, "cases", 6, rows).await;
            }
            txn.commit().await.expect("commit");
            i = end;
        }
        Self { db }
    }

    /// The best 25 cases of `departments` with all of `words`, and how many there are.
    pub async fn find_cases(&self, words: &[String], departments: &[&str]) -> (Vec<String>, i64) {
        let expression = words
            .iter()
            .map(|w| format!("\"{w}\""))
            .collect::<Vec<_>>()
            .join(" AND ");
        let places = departments
            .iter()
            .map(|_| "?")
            .collect::<Vec<_>>()
            .join(", ");
        let values = || {
            std::iter::once(Value::from(expression.clone()))
                .chain(departments.iter().map(|d| Value::from(*d)))
                .collect::<Vec<_>>()
        };
        let ids = self
            .ids(
                &format!("SELECT id FROM cases WHERE cases MATCH ? AND department IN ({places}) ORDER BY bm25(cases) LIMIT 25"),
                values(),
            )
            .await;
        let count = self
            .db
            .query_one(Statement::from_sql_and_values(
                self.db.get_database_backend(),
                format!(
                    "SELECT COUNT(*) FROM cases WHERE cases MATCH ? AND department IN ({places})"
                ),
                values(),
            ))
            .await
            .expect("count")
            .map_or(0, |row| row.try_get_by_index(0).unwrap_or(0));
        (ids, count)
    }

    async fn ids(&self, sql: &str, values: Vec<Value>) -> Vec<String> {
        self.db
            .query_all(Statement::from_sql_and_values(
                self.db.get_database_backend(),
                sql,
                values,
            ))
            .await
            .expect("query")
            .iter()
            .map(|row| row.try_get_by_index(0).unwrap_or_default())
            .collect()
    }
}
