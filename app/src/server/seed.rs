//! `portal seed`: a city-sized data set for benchmarks and load tests. Requests go to
//! the installation's own online services; the information catalogue is filled up with
//! made-up services to the size asked for; citizens, caseworkers, requests with
//! plausible answers and cases in every state with their timelines are made up, the
//! same for the same `--seed` (dated relative to the day it runs, so deadlines and
//! overdue cases look like those of a working office). The demo citizens get a few
//! requests too, so that a signed-in load test sees a realistic "my requests".

use std::collections::BTreeMap;

use rand::{Rng, SeedableRng, rngs::StdRng};
use sea_orm::{DatabaseConnection, TransactionTrait};

use super::{Settings, database};

/// Requests written per transaction.
const BATCH: u64 = 1000;
/// Caseworkers made up per department.
const STAFF_PER_DEPARTMENT: usize = 20;
/// How far back requests go.
const DAYS_BACK: u64 = 730;

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

fn name(n: u64) -> String {
    let n = usize::try_from(n).unwrap_or(0);
    format!(
        "{} {}",
        GIVEN[n % GIVEN.len()],
        FAMILY[(n / GIVEN.len()) % FAMILY.len()]
    )
}

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

/// Requests the demo citizens file between them, evenly over the seeded period.
const PERSONA_REQUESTS: u64 = 40;

/// The demo citizens, as (subject, name).
fn demo_citizens() -> Vec<(String, String)> {
    crate::personas::PERSONAS
        .iter()
        .filter(|p| p.roles == [kernel::Role::Citizen])
        .map(|p| (format!("demo:{}", p.key), p.name.to_owned()))
        .collect()
}

/// Seeds `scale` with `seed` into the database of `settings`.
pub async fn seed(settings: &Settings, scale: Scale, seed: u64) -> Result<(), String> {
    let db = database::connect(settings)
        .await
        .map_err(|e| format!("{e:#}"))?;
    database::migrate(&db).await.map_err(|e| format!("{e:#}"))?;
    // The demo catalogue counts towards the services asked for: load it first, as the
    // serving portal would.
    if settings.demo_content() {
        super::demo_content::load(&db, &crate::registry::Modules::enabled())
            .await
            .map_err(|e| format!("{e:#}"))?;
    }
    let catalogue_entries = fill_catalogue(&db, scale.services, settings).await?;
    let (catalogue, problems) = forms::loader::load_dir(&services_dir(settings));
    if let Some(problem) = problems.iter().find(|p| !p.warning) {
        return Err(format!("the service definitions have errors: {problem}"));
    }
    let ids: Vec<String> = catalogue
        .services
        .iter()
        .map(|s| s.definition.id.clone())
        .collect();
    if ids.is_empty() {
        return Err("no service definitions to seed requests for".into());
    }
    let (processes, process_problems) =
        cases::loader::load_dir(&processes_dir(settings), Some(&ids));
    if let Some(problem) = process_problems.first() {
        return Err(format!("the process definitions have errors: {problem}"));
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
    let today = now - now.rem_euclid(86_400);
    let versions = forms::versions::sync(&db, &catalogue, now)
        .await
        .map_err(|e| e.to_string())?;

    let mut rng = StdRng::seed_from_u64(seed);
    let staff = directory(&db, &catalogue, now).await?;
    let cases = scale.cases;
    let citizens = scale.citizens.max(1);
    let personas = demo_citizens();
    let persona_share = (cases / PERSONA_REQUESTS).max(2);
    let mut written = 0;
    while written < cases {
        let count = BATCH.min(cases - written);
        let mut submissions = Vec::new();
        let mut seeded = Vec::new();
        for number in written..written + count {
            let service = &catalogue.services[rng.random_range(0..catalogue.services.len())];
            let definition = &service.definition;
            let citizen = rng.random_range(0..citizens);
            let (owner, owner_name) = if number % persona_share == persona_share - 1 {
                let turn = usize::try_from(number / persona_share).unwrap_or(0);
                personas[turn % personas.len()].clone()
            } else {
                (format!("seed:citizen-{citizen}"), name(citizen))
            };
            let submitted_at =
                today - i64::try_from(rng.random_range(0..DAYS_BACK * 86_400)).unwrap_or(0);
            let submission_id = uuid(&mut rng);
            let reference = format!("S{seed}-{number:08}");
            let version_id = versions.get(&definition.id).map_or(0, |v| v.id);
            let mut pick = |below: usize| rng.random_range(0..below.max(1));
            let answers = forms::seed::sample_answers(definition, &mut pick);
            submissions.push(forms::seed::SeedSubmission {
                id: submission_id.clone(),
                reference: reference.clone(),
                owner: owner.clone(),
                service_id: definition.id.clone(),
                version_id,
                answers,
                submitted_at,
            });
            let request = cases::seed::SeedRequest {
                id: uuid(&mut rng),
                submission_id,
                reference,
                service_id: &definition.id,
                service_title: &definition.title,
                version_id,
                department: &definition.department,
                owner: (owner, owner_name),
                submitted_at,
            };
            let process = processes.for_service(&definition.id);
            let colleagues = staff
                .get(definition.department.as_str())
                .map_or(&[][..], Vec::as_slice);
            let mut pick = |below: usize| rng.random_range(0..below.max(1));
            seeded.push(cases::seed::build(
                request, &process, colleagues, &mut pick, now,
            ));
        }
        let txn = db.begin().await.map_err(|e| e.to_string())?;
        forms::seed::insert_submissions(&txn, submissions)
            .await
            .map_err(|e| format!("writing requests (seeded before with this seed?): {e}"))?;
        cases::seed::insert(&txn, seeded)
            .await
            .map_err(|e| format!("writing cases: {e}"))?;
        written += count;
        if written == cases {
            // Bulk rows bypass the per-change counts and decisions: note them once at
            // the end.
            cases::counts::rebuild(&txn)
                .await
                .map_err(|e| e.to_string())?;
            cases::decisions::rebuild(&txn)
                .await
                .map_err(|e| e.to_string())?;
            // ... and tell every search index to read all cases again.
            kernel::search_outbox::note(
                &txn,
                kernel::case_search::CASES,
                &[kernel::search_outbox::EVERYTHING],
                now,
            )
            .await
            .map_err(|e| e.to_string())?;
            tracing::info!(catalogue_entries, "seeded the information catalogue");
        }
        txn.commit().await.map_err(|e| e.to_string())?;
        if written % 100_000 == 0 || written == cases {
            tracing::info!(written, cases, "seeding");
        }
    }
    Ok(())
}

/// Makes up the caseworkers of every department and writes them and the services to
/// the inbox's directory; returns the caseworkers by department.
async fn directory(
    db: &DatabaseConnection,
    catalogue: &forms::loader::Catalogue,
    now: i64,
) -> Result<BTreeMap<String, Vec<cases::inbox::Colleague>>, String> {
    let mut services: BTreeMap<&str, Vec<(&str, &kernel::Text)>> = BTreeMap::new();
    for service in &catalogue.services {
        let definition = &service.definition;
        services
            .entry(definition.department.as_str())
            .or_default()
            .push((definition.id.as_str(), &definition.title));
    }
    let mut staff = BTreeMap::new();
    for (offset, (department, services)) in services.into_iter().enumerate() {
        let colleagues: Vec<cases::inbox::Colleague> = (0..STAFF_PER_DEPARTMENT)
            .map(|k| cases::inbox::Colleague {
                subject: format!("seed:{department}-{k}"),
                name: name((offset * STAFF_PER_DEPARTMENT + k + 7) as u64),
            })
            .collect();
        cases::seed::directory(db, department, &services, &colleagues, now)
            .await
            .map_err(|e| e.to_string())?;
        staff.insert(department.to_owned(), colleagues);
    }
    Ok(staff)
}

/// Adds made-up entries to the information catalogue until the online services and
/// the catalogue's published entries make `services`; returns how many were added.
async fn fill_catalogue(
    db: &DatabaseConnection,
    services: u64,
    settings: &Settings,
) -> Result<usize, String> {
    let (catalogue, _) = forms::loader::load_dir(&services_dir(settings));
    let online = u64::try_from(catalogue.services.len()).unwrap_or(0);
    let published = info::seed::published(db).await.map_err(|e| e.to_string())?;
    let missing = usize::try_from(services.saturating_sub(online + published)).unwrap_or(0);
    if missing > info::seed::MOST {
        return Err(format!(
            "at most {} made-up services can be added, {missing} asked for",
            info::seed::MOST
        ));
    }
    if missing == 0 {
        return Ok(0);
    }
    let txn = db.begin().await.map_err(|e| e.to_string())?;
    info::seed::insert(&txn, missing, chrono::Utc::now())
        .await
        .map_err(|e| format!("writing catalogue entries (seeded before?): {e}"))?;
    // The service search reads the whole catalogue again in its next round.
    kernel::search_outbox::note(
        &txn,
        info::MODULE_ID,
        &[kernel::search_outbox::EVERYTHING],
        chrono::Utc::now().timestamp(),
    )
    .await
    .map_err(|e| e.to_string())?;
    txn.commit().await.map_err(|e| e.to_string())?;
    Ok(missing)
}

/// `forms.services_dir` (checked when the settings were loaded).
pub(super) fn services_dir(settings: &Settings) -> std::path::PathBuf {
    settings
        .section::<forms::FormsConfig>("forms")
        .unwrap_or_default()
        .services_dir
}

/// `cases.processes_dir` (checked when the settings were loaded).
pub(super) fn processes_dir(settings: &Settings) -> std::path::PathBuf {
    settings
        .section::<cases::CasesConfig>("cases")
        .unwrap_or_default()
        .processes_dir
}
