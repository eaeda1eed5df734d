//! The cases module's part of `portal seed`: made-up citizens file requests for the
//! installation's online services (their answers written by the module that keeps
//! them), and each request gets a case that took a plausible path through its
//! process; the caseworkers of every department are made up too.

use kernel::write_transaction::begin_write;
use std::collections::BTreeMap;

use async_trait::async_trait;
use kernel::{
    ModuleContext, Text,
    seed::{MadeUpRequest, MadeUpRequests, SeedPlan, SeedService, Seeder},
    start::{Context, StartResult, anyhow, bail},
};
use rand::{Rng, SeedableRng, rngs::StdRng};

use crate::{CasesConfig, inbox::Colleague, loader::load_dir};

/// Requests written per transaction.
const BATCH: u64 = 1000;
/// Caseworkers made up per department.
const STAFF_PER_DEPARTMENT: usize = 20;
/// How far back requests go.
const DAYS_BACK: u64 = 730;
/// Requests the known citizens file between them, evenly over the period.
const KNOWN_CITIZENS_REQUESTS: u64 = 40;

const GIVEN: [&str; 12] = [
    "Anna", "Ben", "Clara", "Deniz", "Elif", "Felix", "Greta", "Hasan", "Ida", "Jan", "Katarina",
    "Luca",
];
const FAMILY: [&str; 12] = [
    "Bauer",
    "Huber",
    "Kaya",
    "Meier",
    "Novak",
    "Öztürk",
    "Schmid",
    "Wagner",
    "Weber",
    "Yılmaz",
    "Zimmermann",
    "Fischer",
];

/// A random UUID from `rng`, so ids repeat with the seed.
fn uuid(rng: &mut StdRng) -> String {
    uuid::Builder::from_random_bytes(rng.random())
        .into_uuid()
        .to_string()
}

/// The `n`th made-up person's name.
fn name(n: u64) -> String {
    let n = usize::try_from(n).unwrap_or(0);
    format!(
        "{} {}",
        GIVEN[n % GIVEN.len()],
        FAMILY[(n / GIVEN.len()) % FAMILY.len()]
    )
}

/// Requests with their cases, after the catalogue.
pub struct SeedCases;

#[async_trait]
impl Seeder for SeedCases {
    fn order(&self) -> u8 {
        20
    }

    async fn seed(&self, ctx: &ModuleContext, plan: &SeedPlan) -> StartResult {
        let Some(requests) = ctx.get::<dyn MadeUpRequests>() else {
            bail!("no module of this portal keeps filed requests");
        };
        let services = requests.services(ctx, plan.now).await?;
        let ids: Vec<String> = services.iter().map(|s| s.id.clone()).collect();
        let config: CasesConfig = ctx.section(crate::MODULE_ID)?;
        let (processes, problems) = load_dir(&config.processes_dir, Some(&ids));
        if let Some(problem) = problems.first() {
            bail!("the process definitions have errors: {problem}");
        }
        let staff = directory(ctx, &services, plan.now).await?;
        let today = plan.now - plan.now.rem_euclid(86_400);
        let mut rng = StdRng::seed_from_u64(plan.seed);
        let citizens = plan.citizens.max(1);
        let known_share = (plan.requests / KNOWN_CITIZENS_REQUESTS).max(2);
        let mut written = 0;
        while written < plan.requests {
            let count = BATCH.min(plan.requests - written);
            let mut filed = Vec::new();
            let mut seeded = Vec::new();
            for number in written..written + count {
                let service = &services[rng.random_range(0..services.len())];
                let (owner, owner_name) = match plan.known_citizens.len() {
                    known if known > 0 && number % known_share == known_share - 1 => {
                        let turn = usize::try_from(number / known_share).unwrap_or(0);
                        plan.known_citizens[turn % known].clone()
                    }
                    _ => {
                        let citizen = rng.random_range(0..citizens);
                        (format!("seed:citizen-{citizen}"), name(citizen))
                    }
                };
                let filed_at =
                    today - i64::try_from(rng.random_range(0..DAYS_BACK * 86_400)).unwrap_or(0);
                let request = MadeUpRequest {
                    id: uuid(&mut rng),
                    reference: format!("S{}-{number:08}", plan.seed),
                    owner: owner.clone(),
                    service_id: service.id.clone(),
                    version_id: service.version_id,
                    filed_at,
                };
                let case = crate::seed::SeedRequest {
                    id: uuid(&mut rng),
                    submission_id: request.id.clone(),
                    reference: request.reference.clone(),
                    service_id: &service.id,
                    service_title: &service.title,
                    version_id: service.version_id,
                    department: &service.department,
                    owner: (owner, owner_name),
                    submitted_at: filed_at,
                };
                let process = processes.for_service(&service.id);
                let colleagues = staff
                    .get(service.department.as_str())
                    .map_or(&[][..], Vec::as_slice);
                let mut pick = |below: usize| rng.random_range(0..below.max(1));
                seeded.push(crate::seed::build(
                    case, &process, colleagues, &mut pick, plan.now,
                ));
                filed.push(request);
            }
            let txn = begin_write(&ctx.db).await?;
            let mut pick = |below: usize| rng.random_range(0..below.max(1));
            requests
                .write(&txn, filed, &mut pick)
                .await
                .context("writing requests (seeded before with this seed?)")?;
            crate::seed::insert(&txn, seeded)
                .await
                .context("writing cases")?;
            written += count;
            if written == plan.requests {
                // Bulk rows bypass the per-change counts and decisions: note them once
                // at the end, and tell every search index to read all cases again.
                crate::counts::rebuild(&txn).await?;
                crate::decisions::rebuild(&txn).await?;
                kernel::search_outbox::note(
                    &txn,
                    kernel::case_search::CASES,
                    &[kernel::search_outbox::EVERYTHING],
                    plan.now,
                )
                .await?;
            }
            txn.commit().await?;
            if written % 100_000 == 0 || written == plan.requests {
                tracing::info!(written, requests = plan.requests, "seeding");
            }
        }
        Ok(())
    }
}

/// Makes up the caseworkers of every department and writes them and the services to
/// the inbox's directory; returns the caseworkers by department.
async fn directory(
    ctx: &ModuleContext,
    services: &[SeedService],
    now: i64,
) -> StartResult<BTreeMap<String, Vec<Colleague>>> {
    let mut by_department: BTreeMap<&str, Vec<(&str, &Text)>> = BTreeMap::new();
    for service in services {
        by_department
            .entry(service.department.as_str())
            .or_default()
            .push((service.id.as_str(), &service.title));
    }
    let mut staff = BTreeMap::new();
    for (offset, (department, services)) in by_department.into_iter().enumerate() {
        let colleagues: Vec<Colleague> = (0..STAFF_PER_DEPARTMENT)
            .map(|k| Colleague {
                subject: format!("seed:{department}-{k}"),
                name: name((offset * STAFF_PER_DEPARTMENT + k + 7) as u64),
            })
            .collect();
        crate::seed::directory(&ctx.db, department, &services, &colleagues, now)
            .await
            .map_err(|e| anyhow!("writing the directory of `{department}`: {e}"))?;
        staff.insert(department.to_owned(), colleagues);
    }
    Ok(staff)
}
