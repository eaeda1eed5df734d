//! A city-sized made-up data set for benchmarks and load tests (`portal seed`). Each
//! module that keeps data contributes a [`Seeder`]; the host runs them in order on a
//! migrated database. Requests belong to two modules (the answers to one, the case to
//! another): the module that keeps the answers provides [`MadeUpRequests`].

use async_trait::async_trait;
use sea_orm::{DatabaseTransaction, DbErr};

use crate::{ModuleContext, Text, start::StartResult};

/// What to make up. The same `seed` gives the same data.
#[derive(Clone, Debug)]
pub struct SeedPlan {
    /// Requests, each with its case.
    pub requests: u64,
    /// Different citizens filing them.
    pub citizens: u64,
    /// Services in all: the online services and the information catalogue, filled
    /// up with made-up entries.
    pub services: u64,
    /// The random seed.
    pub seed: u64,
    /// Now (Unix seconds): requests are dated back from it.
    pub now: i64,
    /// People whose sign-in a load test uses (subject, name): they file a share of
    /// the requests, so "my requests" looks real.
    pub known_citizens: Vec<(String, String)>,
}

/// One module's part of the made-up data. Contributed (many).
#[async_trait]
pub trait Seeder: Send + Sync {
    /// When it runs: lower first (a catalogue before the requests for it).
    fn order(&self) -> u8;

    /// Makes up and writes the module's part; the error says what failed.
    async fn seed(&self, ctx: &ModuleContext, plan: &SeedPlan) -> StartResult;
}

/// An online service requests can be made up for.
#[derive(Clone, Debug)]
pub struct SeedService {
    /// Service id.
    pub id: String,
    /// Its title.
    pub title: Text,
    /// The responsible department.
    pub department: String,
    /// The current version of its definition.
    pub version_id: i32,
}

/// A request to make up the answers for and write.
#[derive(Clone, Debug)]
pub struct MadeUpRequest {
    /// Id of the filed request.
    pub id: String,
    /// Its reference.
    pub reference: String,
    /// The citizen's subject.
    pub owner: String,
    /// Service id.
    pub service_id: String,
    /// Version of the service's definition.
    pub version_id: i32,
    /// When it was filed (Unix seconds).
    pub filed_at: i64,
}

/// Filed requests with plausible answers. Provided by the module that keeps them.
#[async_trait]
pub trait MadeUpRequests: Send + Sync {
    /// The online services, their current versions recorded.
    async fn services(&self, ctx: &ModuleContext, now: i64) -> StartResult<Vec<SeedService>>;

    /// Writes `requests` with answers to every field, varied by `pick` (a number
    /// below its argument), in `txn`.
    async fn write(
        &self,
        txn: &DatabaseTransaction,
        requests: Vec<MadeUpRequest>,
        pick: &mut (dyn FnMut(usize) -> usize + Send),
    ) -> Result<(), DbErr>;
}
