//! Connecting to the portal database and migrating it.

use kernel::start::{Context, StartResult, anyhow};
use std::time::Duration;

use migrations::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend};

use super::Settings;
use crate::registry::Registry;

/// Opens the connection pool. For SQLite the folder of the file is created and the
/// database uses write-ahead logging, so readers do not block the writer.
pub async fn connect(settings: &Settings) -> StartResult<DatabaseConnection> {
    let sqlite_dir = sqlite_file(&settings.database_url)
        .and_then(|path| std::path::Path::new(path).parent())
        .filter(|dir| !dir.as_os_str().is_empty());
    if let Some(dir) = sqlite_dir {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create database folder {}", dir.display()))?;
    }
    let mut options = ConnectOptions::new(settings.database_url.clone());
    options
        .max_connections(settings.database_max_connections)
        .connect_timeout(Duration::from_secs(10))
        // A database that does not answer fails a request within seconds (the person
        // sees the "disrupted" page) instead of holding it.
        .acquire_timeout(Duration::from_secs(3))
        .sqlx_logging(false);
    let db = Database::connect(options)
        .await
        .context("cannot connect to the database")?;
    if db.get_database_backend() == DbBackend::Sqlite {
        db.execute_unprepared("PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000;")
            .await
            .context("cannot configure SQLite")?;
    }
    Ok(db)
}

/// Applies every pending migration of the kernel and the enabled modules.
pub async fn migrate(db: &DatabaseConnection) -> StartResult {
    migrations::check_names(&Migrator::<Registry>::migrations()).map_err(|e| anyhow!(e))?;
    Migrator::<Registry>::up(db, None)
        .await
        .context("migration failed")
}

/// The file path of a `sqlite://PATH?…` URL; `None` for other databases and in-memory.
pub(crate) fn sqlite_file(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next()?;
    (!path.is_empty() && path != ":memory:").then_some(path)
}

#[cfg(test)]
mod tests {
    use super::sqlite_file;

    #[test]
    fn finds_the_sqlite_file() {
        assert_eq!(
            sqlite_file("sqlite://data/portal.db?mode=rwc"),
            Some("data/portal.db")
        );
        assert_eq!(sqlite_file("sqlite:/tmp/x.db"), Some("/tmp/x.db"));
        assert_eq!(sqlite_file("sqlite::memory:"), None);
        assert_eq!(sqlite_file("postgres://localhost/portal"), None);
    }
}
