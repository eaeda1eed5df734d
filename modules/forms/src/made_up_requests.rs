//! The forms module's part of `portal seed`: the online services to make up requests
//! for, and the requests written with plausible answers.

use std::sync::OnceLock;

use async_trait::async_trait;
use kernel::{
    ModuleContext,
    seed::{MadeUpRequest, MadeUpRequests, SeedService},
    start::{StartResult, anyhow, bail},
};
use sea_orm::{DatabaseTransaction, DbErr};

use crate::{
    FormsConfig,
    loader::{Catalogue, load_dir},
    seed::{SeedSubmission, insert_submissions, sample_answers},
};

/// Requests for the services in `forms.services_dir`.
#[derive(Default)]
pub struct SeedRequests {
    /// The definitions, read by [`MadeUpRequests::services`].
    catalogue: OnceLock<Catalogue>,
}

#[async_trait]
impl MadeUpRequests for SeedRequests {
    async fn services(&self, ctx: &ModuleContext, now: i64) -> StartResult<Vec<SeedService>> {
        let config: FormsConfig = ctx.section(crate::MODULE_ID)?;
        let (catalogue, problems) = load_dir(&config.services_dir);
        if let Some(problem) = problems.iter().find(|p| !p.warning) {
            bail!("the service definitions have errors: {problem}");
        }
        if catalogue.services.is_empty() {
            bail!(
                "no service definitions in {} to make up requests for",
                config.services_dir.display()
            );
        }
        let versions = crate::versions::sync(&ctx.db, &catalogue, now)
            .await
            .map_err(|e| anyhow!("recording the definitions' versions: {e}"))?;
        let services = catalogue
            .services
            .iter()
            .map(|service| {
                let definition = &service.definition;
                SeedService {
                    id: definition.id.clone(),
                    title: definition.title.clone(),
                    department: definition.department.clone(),
                    version_id: versions.get(&definition.id).map_or(0, |v| v.id),
                }
            })
            .collect();
        let _ = self.catalogue.set(catalogue);
        Ok(services)
    }

    async fn write(
        &self,
        txn: &DatabaseTransaction,
        requests: Vec<MadeUpRequest>,
        pick: &mut (dyn FnMut(usize) -> usize + Send),
    ) -> Result<(), DbErr> {
        let catalogue = self
            .catalogue
            .get()
            .ok_or_else(|| DbErr::Custom("the services were not read first".into()))?;
        let mut batch = Vec::with_capacity(requests.len());
        for request in requests {
            let Some(service) = catalogue.by_id(&request.service_id) else {
                return Err(DbErr::Custom(format!(
                    "no service `{}`",
                    request.service_id
                )));
            };
            batch.push(SeedSubmission {
                answers: sample_answers(&service.definition, pick),
                id: request.id,
                reference: request.reference,
                owner: request.owner,
                service_id: request.service_id,
                version_id: request.version_id,
                submitted_at: request.filed_at,
            });
        }
        insert_submissions(txn, batch).await
    }
}
