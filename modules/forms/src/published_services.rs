//! The services citizens can file: the services folder's and the published designs,
//! read again when a design is published, in this process at once and in every other
//! one when the publication reaches it through the search outbox.

use kernel::AppError;
use sea_orm::DatabaseConnection;

use crate::{
    designs::{self, OtherService},
    loader::Catalogue,
    state::{FormsState, Published},
    versions,
};

impl FormsState {
    /// Reads the published designs, puts them beside the folder's services, records
    /// their versions and makes the result the published services.
    pub async fn reload(&self, db: &DatabaseConnection, now: i64) -> Result<(), AppError> {
        let designs = designs::published(db).await?;
        let mut catalogue = self.files.clone();
        let mut included = Vec::new();
        for design in &designs {
            let others = self.others(&catalogue);
            let (service, problems) = designs::checked(design.id, &design.source, &others);
            match service {
                Some(service) if problems.iter().all(|p| p.warning) => {
                    catalogue.services.push(service);
                    included.push(design.id);
                }
                // Checked when it was published; a later check (or a file added since
                // with its id or address) can refuse it. The file wins; it is named.
                _ => tracing::warn!(
                    design = design.id,
                    problems = ?problems.iter().map(ToString::to_string).collect::<Vec<_>>(),
                    "a published service design is left out"
                ),
            }
        }
        let versions = versions::sync(db, &catalogue, now).await?;
        self.replace(Published {
            catalogue,
            versions,
            designs: included,
        });
        Ok(())
    }

    /// Reads the services again if the published designs changed since the last read.
    pub async fn refresh(&self, db: &DatabaseConnection, now: i64) -> Result<(), AppError> {
        let published: Vec<i32> = designs::published(db)
            .await?
            .into_iter()
            .map(|d| d.id)
            .collect();
        if published != self.published().designs {
            self.reload(db, now).await?;
        }
        Ok(())
    }

    /// The services of `catalogue` as a design sees them beside it.
    pub fn others(&self, catalogue: &Catalogue) -> Vec<OtherService> {
        catalogue
            .services
            .iter()
            .map(|s| OtherService {
                id: s.definition.id.clone(),
                slug: s.definition.slug.clone(),
                from_file: self.files.by_id(&s.definition.id).is_some(),
            })
            .collect()
    }
}
