//! `portal seed`: a city-sized data set for benchmarks and load tests. Every module
//! that keeps data contributes a `kernel::seed::Seeder` (the information catalogue is
//! filled up to the size asked for, citizens file requests with plausible answers, the
//! cases take their paths through their processes); the host runs them in order on a
//! migrated database, the same for the same `--seed`, dated relative to the day it
//! runs. The demo citizens file a share of the requests, so that a signed-in load test
//! sees a realistic "my requests".

use kernel::{
    seed::{SeedPlan, Seeder},
    start::{Context, StartResult},
};

use super::{Settings, state::AppState};

/// How big a city to make up.
#[derive(Clone, Copy, Debug)]
pub struct Scale {
    /// Requests, each with its case.
    pub cases: u64,
    /// Different citizens filing them.
    pub citizens: u64,
    /// Services in all: the online services and the information catalogue, filled up
    /// with made-up entries.
    pub services: u64,
}

impl Scale {
    /// `cases` requests from a fifth as many citizens, the catalogue as it is.
    pub fn cases(cases: u64) -> Self {
        Self {
            cases,
            citizens: cases / 5,
            services: 0,
        }
    }
}

/// The demo citizens, as (subject, name).
fn demo_citizens() -> Vec<(String, String)> {
    crate::personas::PERSONAS
        .iter()
        .filter(|p| p.roles == [kernel::Role::Citizen])
        .map(|p| (format!("demo:{}", p.key), p.name.to_owned()))
        .collect()
}

/// Seeds `scale` with `seed` into the database of `settings`.
pub async fn seed(settings: &Settings, scale: Scale, seed: u64) -> StartResult {
    let ctx = AppState::prepare(settings, &crate::registry::Modules::enabled()).await?;
    let plan = SeedPlan {
        requests: scale.cases,
        citizens: scale.citizens,
        services: scale.services,
        seed,
        now: chrono::Utc::now().timestamp(),
        known_citizens: demo_citizens(),
    };
    let mut seeders: Vec<(&'static str, std::sync::Arc<dyn Seeder>)> = ctx.all::<dyn Seeder>();
    seeders.sort_by_key(|(_, seeder)| seeder.order());
    for (module, seeder) in seeders {
        seeder
            .seed(&ctx, &plan)
            .await
            .with_context(|| format!("seeding `{module}`"))?;
    }
    settle(&ctx.db).await
}

/// After a bulk load, PostgreSQL is to learn the tables' statistics and mark their
/// pages all-visible (its documentation's advice for populating a database), as its
/// autovacuum would a while later: until then, counts read every row from the table
/// instead of the index (7.8 ms instead of 0.8 ms for an inbox's consultations at a
/// million cases). SQLite keeps no such state.
async fn settle(db: &sea_orm::DatabaseConnection) -> StartResult {
    use sea_orm::ConnectionTrait as _;
    if db.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
        db.execute_unprepared("VACUUM ANALYZE")
            .await
            .context("VACUUM ANALYZE after seeding")?;
    }
    Ok(())
}
