//! The information catalogue's part of `portal seed`: made-up entries until the online
//! services and the published catalogue make the number of services asked for.

use async_trait::async_trait;
use kernel::write_transaction::begin_write;
use kernel::{
    ModuleContext,
    definitions::DefinitionFiles,
    seed::{SeedPlan, Seeder},
    start::{Context, StartResult, bail},
};

use crate::seed::{MOST, insert, published};

/// Fills the catalogue up, before requests are made up.
pub struct FillCatalogue;

#[async_trait]
impl Seeder for FillCatalogue {
    fn order(&self) -> u8 {
        10
    }

    async fn seed(&self, ctx: &ModuleContext, plan: &SeedPlan) -> StartResult {
        // The online services count towards the services asked for.
        let online: usize = ctx
            .all::<dyn DefinitionFiles>()
            .iter()
            .map(|(_, files)| files.services(&files.folder(&ctx.settings)).len())
            .sum();
        let published = published(&ctx.db).await?;
        let have = u64::try_from(online).unwrap_or(0) + published;
        let missing = usize::try_from(plan.services.saturating_sub(have)).unwrap_or(0);
        if missing > MOST {
            bail!("at most {MOST} made-up services can be added, {missing} asked for");
        }
        if missing == 0 {
            return Ok(());
        }
        let now = chrono::DateTime::from_timestamp(plan.now, 0).unwrap_or_default();
        let txn = begin_write(&ctx.db).await?;
        insert(&txn, missing, now)
            .await
            .context("writing catalogue entries (seeded before?)")?;
        // The service search reads the whole catalogue again in its next round.
        kernel::search_outbox::note(
            &txn,
            crate::MODULE_ID,
            &[kernel::search_outbox::EVERYTHING],
            plan.now,
        )
        .await?;
        txn.commit().await?;
        tracing::info!(added = missing, "seeded the information catalogue");
        Ok(())
    }
}
