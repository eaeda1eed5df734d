//! The forms module's [`ServiceAdmin`]: services from the loaded catalogue with their
//! stored version, the offline switch, and each definition as a file.

use kernel::write_transaction::begin_write;
use std::sync::{Arc, OnceLock};

use async_trait::async_trait;
use kernel::{AppError, catalogue::ServiceStatus, service_admin::ServiceAdmin};
use sea_orm::DatabaseConnection;

use crate::state::FormsState;

/// Services read from the module's state once it is loaded.
#[derive(Debug)]
pub struct DepartmentServices {
    state: Arc<OnceLock<Arc<FormsState>>>,
}

impl DepartmentServices {
    /// Services of the module state `state` (set when the module starts).
    pub fn new(state: Arc<OnceLock<Arc<FormsState>>>) -> Self {
        Self { state }
    }
}

#[async_trait]
impl ServiceAdmin for DepartmentServices {
    async fn services(
        &self,
        db: &DatabaseConnection,
        departments: &[String],
    ) -> Result<Vec<ServiceStatus>, AppError> {
        let Some(state) = self.state.get() else {
            return Ok(Vec::new());
        };
        let offline = crate::offline::offline(db).await?;
        Ok(state
            .published()
            .catalogue
            .services
            .iter()
            .map(|s| &s.definition)
            .filter(|d| departments.contains(&d.department))
            .map(|d| ServiceStatus {
                id: d.id.clone(),
                title: d.title.clone(),
                department: d.department.clone(),
                version: state
                    .published()
                    .versions
                    .get(&d.id)
                    .map_or(0, |v| v.number),
                online: !offline.contains(&d.id),
            })
            .collect())
    }

    async fn set_online(
        &self,
        db: &DatabaseConnection,
        service_id: &str,
        online: bool,
        by_name: &str,
        now: i64,
    ) -> Result<bool, AppError> {
        let txn = begin_write(db).await?;
        let changed = crate::offline::set(&txn, service_id, online, by_name, now).await?;
        if changed {
            // Every process's pages and search learn of it through the outbox.
            kernel::search_outbox::note(&txn, crate::MODULE_ID, &[service_id], now).await?;
        }
        txn.commit().await?;
        Ok(changed)
    }

    async fn definition_file(&self, service_id: &str) -> Result<Option<String>, AppError> {
        let Some(state) = self.state.get() else {
            return Ok(None);
        };
        state
            .published()
            .catalogue
            .services
            .iter()
            .find(|s| s.definition.id == service_id)
            .map(|s| crate::loader::to_file(&s.definition))
            .transpose()
    }
}
