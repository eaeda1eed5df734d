//! What the module's pages and handlers share once it has started, and its settings.

use std::{
    path::PathBuf,
    sync::{Arc, PoisonError, RwLock},
};

use serde::{Deserialize, Serialize};

use crate::{loader::Catalogue, versions::Version};

/// `[forms]` of the portal settings.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FormsConfig {
    /// Folder with the service definitions.
    pub services_dir: PathBuf,
    /// Days after its last change after which a draft is deleted.
    pub draft_days: u32,
    /// Reference numbers: `{year}` and `{number}` / `{number:06}` are replaced.
    pub reference_format: String,
}

impl Default for FormsConfig {
    fn default() -> Self {
        Self {
            services_dir: PathBuf::from("services"),
            draft_days: 30,
            reference_format: "M-{year}-{number:06}".into(),
        }
    }
}

impl kernel::settings::ModuleSettings for FormsConfig {
    const DOCUMENTED: &'static [(&'static str, &'static str)] = &[
        (
            "services_dir",
            "folder with one service definition (*.toml) per service",
        ),
        (
            "draft_days",
            "days after its last change after which a draft is deleted (1-365)",
        ),
        (
            "reference_format",
            "reference numbers; {year} and {number} or {number:06} are replaced",
        ),
    ];

    fn validate(&self) -> Result<(), kernel::settings::SettingError> {
        use kernel::settings::SettingError;
        if !(1..=365).contains(&self.draft_days) {
            return Err(SettingError::new("draft_days", "must be between 1 and 365"));
        }
        // Without the number two requests of a year would get the same reference.
        if !self.reference_format.contains("{number") {
            return Err(SettingError::new(
                "reference_format",
                "must contain {number} or {number:06}",
            ));
        }
        Ok(())
    }
}

/// The services citizens can file now: the folder's and the designer's published ones,
/// with the stored version of each.
#[derive(Debug, Default)]
pub struct Published {
    /// Every service.
    pub catalogue: Catalogue,
    /// The stored version of each service's current definition, by service id.
    pub versions: std::collections::HashMap<String, Version>,
    /// The published designs among them (row ids), to tell when another process
    /// published one.
    pub designs: Vec<i32>,
}

/// What pages and handlers of the module share: the published services (replaced as a
/// whole when a designed service is published) and the module's settings.
#[derive(Debug)]
pub struct FormsState {
    published: RwLock<Arc<Published>>,
    /// The services of the services folder, read at start.
    pub files: Catalogue,
    /// The module's settings.
    pub config: FormsConfig,
}

impl FormsState {
    /// The state with the services folder's `files`, none published yet (see
    /// [`FormsState::reload`]).
    pub fn new(files: Catalogue, config: FormsConfig) -> Self {
        Self {
            published: RwLock::new(Arc::default()),
            files,
            config,
        }
    }

    /// The published services now; a request keeps the one it read for all it does.
    pub fn published(&self) -> Arc<Published> {
        Arc::clone(
            &self
                .published
                .read()
                .unwrap_or_else(PoisonError::into_inner),
        )
    }

    /// Makes `published` the services from now on.
    pub fn replace(&self, published: Published) {
        *self
            .published
            .write()
            .unwrap_or_else(PoisonError::into_inner) = Arc::new(published);
    }

    /// The definition of stored version `version_id`: the loaded one when it is a
    /// service's current version (no database round trip on every step), else the
    /// stored copy of the older version.
    pub async fn definition(
        &self,
        db: &sea_orm::DatabaseConnection,
        version_id: i32,
    ) -> Result<Arc<crate::definition::ServiceDefinition>, sea_orm::DbErr> {
        let published = self.published();
        let current = published.versions.iter().find(|(_, v)| v.id == version_id);
        if let Some(service) = current.and_then(|(id, _)| published.catalogue.by_id(id)) {
            return Ok(Arc::clone(&service.definition));
        }
        Ok(Arc::new(crate::drafts::definition(db, version_id).await?))
    }
}
