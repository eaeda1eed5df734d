//! PostgreSQL full-text search over the same documents: the `german` configuration
//! (Snowball stemming, stop words), weights A/B/D for title/keywords/text, a GIN index
//! built after loading, ranked by `ts_rank`.

use kernel::{SearchDocument, case_search::CaseDocument};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, Statement, Value};

/// A PostgreSQL database of its own for the benchmark.
pub struct Pg {
    db: DatabaseConnection,
}

async fn insert(
    db: &impl ConnectionTrait,
    sql_row: &str,
    columns: usize,
    rows: Vec<Vec<Value>>,
    table: &str,
) {
    let mut values = Vec::new();
    let mut tuples = Vec::new();
    for (r, row) in rows.into_iter().enumerate() {
        let mut row_sql = sql_row.to_owned();
        // `#1` … `#9` in the row become this row's parameters.
        for c in 1..=columns {
            row_sql = row_sql.replace(&format!("#{c}"), &format!("${}", r * columns + c));
        }
        tuples.push(row_sql);
        values.extend(row);
    }
    db.execute(Statement::from_sql_and_values(
        db.get_database_backend(),
        format!("INSERT INTO {table} VALUES {}", tuples.join(", ")),
        values,
    ))
    .await
    .expect("insert");
}

impl Pg {
    /// A fresh database `name` on the server of `admin_url`.
    pub async fn fresh(admin_url: &str, name: &str) -> Self {
        let admin = Database::connect(admin_url).await.expect("postgres");
        admin
            .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name}"))
            .await
            .expect("drop");
        admin
            .execute_unprepared(&format!("CREATE DATABASE {name}"))
            .await
            .expect("create");
        admin.close().await.expect("close");
        let base = admin_url.rsplit_once('/').map_or(admin_url, |(b, _)| b);
        Self {
            db: Database::connect(format!("{base}/{name}"))
                .await
                .expect("connect"),
        }
    }

    /// Drops database `name` again.
    pub async fn drop_database(self, admin_url: &str, name: &str) {
        self.db.close().await.expect("close");
        let admin = Database::connect(admin_url).await.expect("postgres");
        admin
            .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name}"))
            .await
            .expect("drop");
    }

    /// Indexes services.
    pub async fn services(&self, documents: &[SearchDocument]) {
        self.db
            .execute_unprepared(
                "DROP TABLE IF EXISTS services; CREATE TABLE services (id text, doc tsvector)",
            )
            .await
            .expect("table");
        let row = "(#1, setweight(to_tsvector('german', #2), 'A') || setweight(to_tsvector('german', #3), 'B') || setweight(to_tsvector('german', #4), 'D'))";
        for chunk in documents.chunks(500) {
            let rows = chunk.iter().map(crate::data::service_row).collect();
            insert(&self.db, row, 4, rows, "services").await;
        }
        self.db
            .execute_unprepared(
                "CREATE INDEX services_doc ON services USING gin (doc); ANALYZE services",
            )
            .await
            .expect("index");
    }

    /// The best 20 services for any of `words`.
    pub async fn find_services(&self, words: &[String]) -> Vec<String> {
        if words.is_empty() {
            return Vec::new();
        }
        self.ids(
            "SELECT id FROM services, websearch_to_tsquery('german', $1) q WHERE doc @@ q ORDER BY ts_rank(doc, q) DESC LIMIT 20",
            vec![words.join(" or ").into()],
        )
        .await
    }

    /// Indexes `count` cases made by `case`.
    pub async fn cases(&self, count: u64, case: fn(u64) -> CaseDocument) {
        self.db
            .execute_unprepared("DROP TABLE IF EXISTS cases; CREATE TABLE cases (id text, department text, doc tsvector)")
            .await
            .expect("table");
        let row = "(#1, #2, setweight(to_tsvector('german', #3), 'A') || setweight(to_tsvector('german', #4), 'A') || setweight(to_tsvector('german', #5), 'B') || setweight(to_tsvector('german', #6), 'D'))";
        let mut i = 0;
        while i < count {
            let end = (i + 1000).min(count);
            let rows = (i..end)
                .map(case)
                .map(|c| crate::data::case_row(&c))
                .collect();
            insert(&self.db, row, 6, rows, "cases").await;
            i = end;
        }
        self.db
            .execute_unprepared("CREATE INDEX cases_doc ON cases USING gin (doc); CREATE INDEX cases_department ON cases (department); ANALYZE cases")
            .await
            .expect("index");
    }

    /// The best 25 cases of `departments` with all of `words`, and how many there are.
    pub async fn find_cases(&self, words: &[String], departments: &[&str]) -> (Vec<String>, i64) {
        let departments: Vec<String> = departments.iter().map(|d| (*d).to_owned()).collect();
        let values = || {
            vec![
                Value::from(words.join(" ")),
                Value::from(departments.clone()),
            ]
        };
        let ids = self
            .ids(
                "SELECT id FROM cases, plainto_tsquery('german', $1) q WHERE doc @@ q AND department = ANY($2) ORDER BY ts_rank(doc, q) DESC LIMIT 25",
                values(),
            )
            .await;
        let count = self
            .db
            .query_one(Statement::from_sql_and_values(
                self.db.get_database_backend(),
                "SELECT COUNT(*) FROM cases, plainto_tsquery('german', $1) q WHERE doc @@ q AND department = ANY($2)",
                values(),
            ))
            .await
            .expect("count")
            .map_or(0, |row| row.try_get_by_index(0).unwrap_or(0));
        (ids, count)
    }

    /// Bytes of table `table` with its indexes.
    pub async fn size(&self, table: &str) -> u64 {
        self.db
            .query_one(Statement::from_string(
                self.db.get_database_backend(),
                format!("SELECT pg_total_relation_size('{table}')"),
            ))
            .await
            .expect("size")
            .map_or(0, |row| row.try_get_by_index::<i64>(0).unwrap_or(0))
            .try_into()
            .unwrap_or(0)
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
