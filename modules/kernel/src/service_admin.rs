//! Running a department's services: which exist with which published version, and
//! taking one offline (no new requests; running cases go on) and back. The forms
//! module implements it; the caller has checked that the person may.

use async_trait::async_trait;
use sea_orm::DatabaseConnection;

use crate::{AppError, catalogue::ServiceStatus};

/// The services of departments, and their online switch.
#[async_trait]
pub trait ServiceAdmin: Send + Sync {
    /// The services of `departments`, in catalogue order.
    async fn services(
        &self,
        db: &DatabaseConnection,
        departments: &[String],
    ) -> Result<Vec<ServiceStatus>, AppError>;

    /// Takes service `service_id` offline or back online on behalf of `by_name`;
    /// returns whether that changed anything.
    async fn set_online(
        &self,
        db: &DatabaseConnection,
        service_id: &str,
        online: bool,
        by_name: &str,
        now: i64,
    ) -> Result<bool, AppError>;

    /// The current definition of service `service_id` as a file of the services'
    /// repository format (TOML), which the portal loads as it is; `None` for a service
    /// it does not have.
    async fn definition_file(&self, service_id: &str) -> Result<Option<String>, AppError>;
}

impl std::fmt::Debug for dyn ServiceAdmin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ServiceAdmin")
    }
}
