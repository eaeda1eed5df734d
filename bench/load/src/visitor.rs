//! One worker of a load run: an anonymous visitor, a signed-in citizen and a signed-in
//! caseworker in one, sending the mix's requests one after another until the time is up.

use std::{sync::Arc, time::Instant};

use rand::{Rng, SeedableRng, rngs::StdRng};
use reqwest::{Client, StatusCode};

use crate::{
    form_flow::FormFlow,
    mix::{Kind, pick},
    prepare::{SEARCH_TERMS, Targets, browser, sign_in},
    tally::Tally,
};

/// A citizen filing requests, one form step at a time. A person has one draft per
/// service, so the workers share a few filers, each used by one worker at a time.
pub struct Filer {
    client: Client,
    flow: FormFlow,
}

/// The filers of a run, one per demo citizen.
pub struct Filers(Vec<tokio::sync::Mutex<Filer>>);

impl Filers {
    /// Signs in one filer per persona of `personas`.
    pub async fn new(base: &str, personas: &[&str]) -> Result<Self, String> {
        let mut filers = Vec::new();
        for persona in personas {
            let client = browser(true)?;
            sign_in(&client, base, persona).await?;
            filers.push(tokio::sync::Mutex::new(Filer {
                client,
                flow: FormFlow::default(),
            }));
        }
        Ok(Self(filers))
    }

    /// Submissions confirmed with a receipt, by all filers.
    pub async fn filed(&self) -> u64 {
        let mut filed = 0;
        for filer in &self.0 {
            filed += filer.lock().await.flow.filed;
        }
        filed
    }
}

pub struct Visitor {
    base: String,
    anonymous: Client,
    citizen: Client,
    caseworker: Client,
    targets: Arc<Targets>,
    filers: Arc<Filers>,
    rng: StdRng,
    pub tally: Tally,
}

impl Visitor {
    /// Worker `number`, signed in as `citizen` and `caseworker`.
    pub async fn new(
        number: u64,
        base: &str,
        targets: Arc<Targets>,
        filers: Arc<Filers>,
        citizen: &str,
        caseworker: &str,
    ) -> Result<Self, String> {
        let signed_in = async |persona: &str| -> Result<Client, String> {
            let client = browser(true)?;
            sign_in(&client, base, persona).await?;
            Ok(client)
        };
        Ok(Self {
            base: base.to_owned(),
            anonymous: browser(true)?,
            citizen: signed_in(citizen).await?,
            caseworker: signed_in(caseworker).await?,
            targets,
            filers,
            rng: StdRng::seed_from_u64(number),
            tally: Tally::default(),
        })
    }

    /// Sends requests of the mix until `until`.
    pub async fn run(&mut self, until: Instant) {
        while Instant::now() < until {
            let kind = pick(&mut self.rng);
            match self.page(kind) {
                Some((name, client, path)) => {
                    let started = Instant::now();
                    let error = get(&client, &self.base, &path).await;
                    self.tally.record(name, started.elapsed(), error);
                }
                None => self.file_step().await,
            }
        }
    }

    /// The next step of one of the shared filers' forms.
    async fn file_step(&mut self) {
        let filers = Arc::clone(&self.filers);
        let filer = &filers.0[self.rng.random_range(0..filers.0.len())];
        let mut filer = filer.lock().await;
        let Filer { client, flow } = &mut *filer;
        // Timed from the request on, not from waiting for the filer.
        let started = Instant::now();
        let (name, error) = flow.step(client, &self.base).await;
        self.tally.record(name, started.elapsed(), error);
    }

    /// The page `kind` asks for: its name, who asks, and the path; `None` for a form
    /// step, which a filer sends.
    fn page(&mut self, kind: Kind) -> Option<(&'static str, Client, String)> {
        let targets = Arc::clone(&self.targets);
        let mut one = |list: &[String]| list[self.rng.random_range(0..list.len())].clone();
        let (name, who, path) = match kind {
            Kind::Home => ("home", &self.anonymous, "/".into()),
            Kind::Catalogue => ("online services", &self.anonymous, "/leistungen".into()),
            Kind::OnlineService => (
                "online service page",
                &self.anonymous,
                format!("/leistungen/{}", one(&targets.services)),
            ),
            Kind::InfoService => (
                "catalogue service page",
                &self.anonymous,
                format!("/info/{}", one(&targets.info)),
            ),
            Kind::AtoZ => ("A–Z list", &self.anonymous, "/info".into()),
            Kind::Search => {
                let term = SEARCH_TERMS[self.rng.random_range(0..SEARCH_TERMS.len())];
                let query: String = form_urlencoded::byte_serialize(term.as_bytes()).collect();
                ("search", &self.anonymous, format!("/suche?q={query}"))
            }
            Kind::MyRequests => ("my requests", &self.citizen, "/antraege".into()),
            Kind::Inbox => ("inbox", &self.caseworker, "/bearbeitung".into()),
            Kind::InboxFiltered => (
                "inbox, in progress",
                &self.caseworker,
                "/bearbeitung?zustand=in_progress".into(),
            ),
            Kind::CasePage => ("case page", &self.caseworker, one(&targets.cases)),
            Kind::FormStep => return None,
        };
        Some((name, who.clone(), path))
    }
}

/// GETs `path`, reads the whole body; an error unless the answer is 200.
async fn get(client: &Client, base: &str, path: &str) -> Option<String> {
    match client.get(format!("{base}{path}")).send().await {
        Ok(response) => {
            let status = response.status();
            let body = response.bytes().await;
            match (status, body) {
                (StatusCode::OK, Ok(_)) => None,
                (status, Ok(_)) => Some(format!("{path}: status {status}")),
                (_, Err(e)) => Some(format!("{path}: {e}")),
            }
        }
        Err(e) => Some(format!("{path}: {e}")),
    }
}
