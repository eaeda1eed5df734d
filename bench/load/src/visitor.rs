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

pub struct Visitor {
    base: String,
    anonymous: Client,
    citizen: Client,
    caseworker: Client,
    targets: Arc<Targets>,
    rng: StdRng,
    form: FormFlow,
    pub tally: Tally,
}

impl Visitor {
    /// Worker `number`, signed in as `citizen` and `caseworker`.
    pub async fn new(
        number: u64,
        base: &str,
        targets: Arc<Targets>,
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
            rng: StdRng::seed_from_u64(number),
            form: FormFlow::default(),
            tally: Tally::default(),
        })
    }

    /// Sends requests of the mix until `until`.
    pub async fn run(&mut self, until: Instant) {
        while Instant::now() < until {
            let kind = pick(&mut self.rng);
            let started = Instant::now();
            let (name, error) = if kind == Kind::FormStep {
                self.form.step(&self.citizen, &self.base).await
            } else {
                let (name, client, path) = self.page(kind);
                (name, get(&client, &self.base, &path).await)
            };
            self.tally.record(name, started.elapsed(), error);
        }
    }

    /// Submissions this worker saw confirmed.
    pub fn filed(&self) -> u64 {
        self.form.filed
    }

    /// The page `kind` asks for: its name, who asks, and the path.
    fn page(&mut self, kind: Kind) -> (&'static str, Client, String) {
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
            Kind::FormStep => ("form", &self.citizen, String::new()),
        };
        (name, who.clone(), path)
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
