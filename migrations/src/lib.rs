//! The portal's migrations.
//!
//! Owns the kernel's own tables and the [`Migrator`] that merges them with the
//! migrations of every enabled module into one order. Migration names start with the
//! date (`mYYYYMMDD_NNNNNN_<module>_<what>`), so sorting by name gives one order that
//! is the same for every deployment, whichever modules it enables.

use std::{collections::BTreeSet, marker::PhantomData, sync::Arc};

use kernel::ServiceModule;
use sea_orm_migration::MigrationTrait;
pub use sea_orm_migration::MigratorTrait;

mod m20261127_000001_kernel_demo_content;
mod m20261127_000003_kernel_session;
mod m20261128_000001_kernel_session_provider_sid;
mod m20261128_000009_kernel_audit;
mod m20261129_000001_kernel_mail;
mod m20261130_000002_kernel_search_outbox;
mod m20261201_000001_kernel_webhook;
mod m20261202_000001_kernel_job_lease;

/// The modules whose migrations the [`Migrator`] merges; implemented by the host.
pub trait ModuleSet: Send + 'static {
    /// The enabled modules.
    fn modules() -> Vec<Arc<dyn ServiceModule>>;
}

/// Runs the kernel's and every module's migrations of `S` in one order.
#[derive(Debug)]
pub struct Migrator<S>(PhantomData<S>);

impl<S: ModuleSet> MigratorTrait for Migrator<S> {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        merged(&S::modules())
    }
}

/// The kernel's own migrations.
fn kernel_migrations() -> Vec<Box<dyn MigrationTrait>> {
    vec![
        Box::new(m20261127_000001_kernel_demo_content::Migration),
        Box::new(m20261127_000003_kernel_session::Migration),
        Box::new(m20261128_000001_kernel_session_provider_sid::Migration),
        Box::new(m20261128_000009_kernel_audit::Migration),
        Box::new(m20261129_000001_kernel_mail::Migration),
        Box::new(m20261130_000002_kernel_search_outbox::Migration),
        Box::new(m20261201_000001_kernel_webhook::Migration),
        Box::new(m20261202_000001_kernel_job_lease::Migration),
    ]
}

/// Kernel and module migrations, sorted by name.
pub fn merged(modules: &[Arc<dyn ServiceModule>]) -> Vec<Box<dyn MigrationTrait>> {
    let mut all = kernel_migrations();
    for (_, parts) in kernel::module::registered(modules).parts {
        all.extend(parts.migrations);
    }
    all.sort_by(|a, b| a.name().cmp(b.name()));
    all
}

/// Checks that every migration name is unique and follows the naming rule, so two
/// modules cannot silently shadow each other's migration in `seaql_migrations`.
pub fn check_names(migrations: &[Box<dyn MigrationTrait>]) -> Result<(), String> {
    let mut seen = BTreeSet::new();
    for migration in migrations {
        let name = migration.name();
        if !is_well_formed(name) {
            return Err(format!(
                "migration `{name}` must be named mYYYYMMDD_NNNNNN_<module>_<what>"
            ));
        }
        if !seen.insert(name) {
            return Err(format!("migration `{name}` is defined twice"));
        }
    }
    Ok(())
}

fn is_well_formed(name: &str) -> bool {
    let bytes = name.as_bytes();
    bytes.len() > 17
        && bytes[0] == b'm'
        && bytes[1..9].iter().all(u8::is_ascii_digit)
        && bytes[9] == b'_'
        && bytes[10..16].iter().all(u8::is_ascii_digit)
        && bytes[16] == b'_'
        && name[17..].contains('_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kernel_migrations_are_well_named() {
        assert_eq!(check_names(&kernel_migrations()), Ok(()));
    }

    #[test]
    fn naming_rule() {
        assert!(is_well_formed("m20261127_000001_kernel_demo_content"));
        assert!(!is_well_formed("m2026_create_table"));
        assert!(!is_well_formed("m20261127_000001_kernel"));
        assert!(!is_well_formed("x20261127_000001_kernel_demo"));
    }

    #[test]
    fn duplicate_names_are_refused() {
        let twice: Vec<Box<dyn MigrationTrait>> = vec![
            Box::new(m20261127_000001_kernel_demo_content::Migration),
            Box::new(m20261127_000001_kernel_demo_content::Migration),
        ];
        let err = check_names(&twice).unwrap_err();
        assert!(err.contains("defined twice"), "{err}");
    }
}
