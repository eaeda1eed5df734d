//! The database half of a backup: a consistent copy while the portal keeps serving
//! (SQLite's `VACUUM INTO`, PostgreSQL's `pg_dump` in one snapshot), restored only into
//! a database without tables, with no portal running on it.

use std::path::Path;

use kernel::start::{Context, StartResult, bail};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend};

use super::manifest::DatabaseKind;
use crate::server::{Settings, database};

/// Copies the database into `dir`; returns which kind it is.
pub async fn snapshot(
    settings: &Settings,
    db: &DatabaseConnection,
    dir: &Path,
) -> StartResult<DatabaseKind> {
    let kind = kind_of(db);
    let target = dir.join(kind.file_name());
    match kind {
        DatabaseKind::Sqlite => {
            let path = target.to_string_lossy().replace('\'', "''");
            db.execute_unprepared(&format!("VACUUM INTO '{path}'"))
                .await
                .context("cannot copy the SQLite database")?;
        }
        DatabaseKind::Postgres => {
            let mut dump = pg_tool("pg_dump", &settings.database_url)?;
            dump.args(["--format=custom", "--no-owner", "--no-privileges", "--file"])
                .arg(&target);
            run(dump, "pg_dump").await?;
        }
    }
    Ok(kind)
}

/// The database of `settings`, when it is of `kind` and has no tables: a restore's
/// target.
pub async fn empty_target(
    settings: &Settings,
    kind: DatabaseKind,
) -> StartResult<DatabaseConnection> {
    let db = database::connect(settings).await?;
    if kind_of(&db) != kind {
        bail!("the backup is of a {kind} database; a restore goes into the same kind");
    }
    let tables = table_count(&db).await?;
    if tables > 0 {
        bail!("the database is not empty ({tables} tables): a restore goes into a new database");
    }
    Ok(db)
}

/// Writes the copy in `dir` into the database of `settings`, which must have no
/// tables yet.
pub async fn restore(settings: &Settings, kind: DatabaseKind, dir: &Path) -> StartResult {
    let db = empty_target(settings, kind).await?;
    let source = dir.join(kind.file_name());
    match kind {
        DatabaseKind::Sqlite => {
            // The copy becomes the database file (its tables, indexes, triggers and
            // counters exactly); the empty file the connection made goes first.
            let path = database::sqlite_file(&settings.database_url)
                .context("a restore needs a SQLite file, not an in-memory database")?;
            db.close().await.ok();
            for suffix in ["", "-wal", "-shm"] {
                match tokio::fs::remove_file(format!("{path}{suffix}")).await {
                    Err(err) if err.kind() != std::io::ErrorKind::NotFound => {
                        return Err(err).context("cannot replace the empty database file");
                    }
                    _ => {}
                }
            }
            tokio::fs::copy(&source, path)
                .await
                .context("cannot write the database file")?;
        }
        DatabaseKind::Postgres => {
            db.close().await.ok();
            let mut load = pg_tool("pg_restore", &settings.database_url)?;
            load.args(["--no-owner", "--no-privileges", "--exit-on-error"])
                .arg(&source);
            run(load, "pg_restore").await?;
        }
    }
    Ok(())
}

fn kind_of(db: &DatabaseConnection) -> DatabaseKind {
    match db.get_database_backend() {
        DbBackend::Sqlite => DatabaseKind::Sqlite,
        _ => DatabaseKind::Postgres,
    }
}

async fn table_count(db: &DatabaseConnection) -> StartResult<i64> {
    let sql = match db.get_database_backend() {
        DbBackend::Sqlite => {
            "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        }
        _ => {
            "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = current_schema()"
        }
    };
    let row = db
        .query_one(sea_orm::Statement::from_string(
            db.get_database_backend(),
            sql,
        ))
        .await
        .context("cannot read the database's tables")?
        .context("no answer")?;
    row.try_get("", "n").context("table count")
}

/// PostgreSQL's client `tool` for the database at `url`. A password goes in the tool's
/// environment, not on its command line, where every user of the host could read it.
fn pg_tool(tool: &str, url: &str) -> StartResult<tokio::process::Command> {
    let mut url = reqwest::Url::parse(url).context("database_url is not a URL")?;
    let mut command = tokio::process::Command::new(tool);
    if let Some(password) = url.password() {
        let password = percent_encoding::percent_decode_str(password).decode_utf8_lossy();
        command.env("PGPASSWORD", password.as_ref());
        url.set_password(None).map_err(|()| {
            kernel::start::anyhow!("database_url: the password cannot be taken out")
        })?;
    }
    command.arg("--dbname").arg(url.as_str());
    Ok(command)
}

/// Runs a PostgreSQL client tool; its complaint is the error when it fails.
async fn run(mut command: tokio::process::Command, tool: &str) -> StartResult {
    let output = command.output().await.with_context(|| {
        format!("cannot run {tool}: install PostgreSQL's client tools (the server's major version or newer)")
    })?;
    if !output.status.success() {
        bail!(
            "{tool} failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::pg_tool;

    #[test]
    fn the_password_goes_in_the_environment_not_on_the_command_line() {
        let command =
            pg_tool("pg_dump", "postgres://portal:s%40cret@db.example:5432/city").unwrap();
        let command = command.as_std();
        let args: Vec<String> = command
            .get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        assert_eq!(args, ["--dbname", "postgres://portal@db.example:5432/city"]);
        let password = command
            .get_envs()
            .find(|(key, _)| *key == "PGPASSWORD")
            .and_then(|(_, value)| value);
        assert_eq!(password, Some(std::ffi::OsStr::new("s@cret")));
        let plain = pg_tool("pg_dump", "postgres://postgres@127.0.0.1/city").unwrap();
        assert!(plain.as_std().get_envs().next().is_none());
    }
}
