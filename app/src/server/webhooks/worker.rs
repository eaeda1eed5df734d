//! The webhook worker: every second it gives new events to their subscriptions, then
//! posts the due deliveries, each claimed first (so several portal processes never post
//! one at the same time), and records the outcome. A receiver that does not answer
//! 2xx is tried again after `retry_base_seconds`, doubled each time up to an hour,
//! until `max_attempts`.

use std::{sync::Arc, time::Duration};

use kernel::{
    intake::FiledAnswers,
    webhook::{self, Due, EventKind, Target},
};
use sea_orm::{DatabaseConnection, DbErr};
use tokio_util::sync::CancellationToken;

use super::{body, sign};
use crate::{
    auth::clock::Clock,
    server::settings::{Subscription, WebhookSettings},
};

/// How often the worker looks for work.
const POLL: Duration = Duration::from_secs(1);
/// Events or deliveries taken per look.
const BATCH: u32 = 50;
/// How long a receiver may take to answer.
const TIMEOUT: Duration = Duration::from_secs(10);
/// How long a claimed delivery is left to its worker before another may try it.
const LEASE_SECS: i64 = 60;

/// What the worker needs.
pub struct Worker {
    db: DatabaseConnection,
    settings: WebhookSettings,
    filed: Option<Arc<dyn FiledAnswers>>,
    public_url: String,
    clock: Clock,
    http: reqwest::Client,
}

impl Worker {
    /// A worker for `settings`.
    pub fn new(
        db: DatabaseConnection,
        settings: WebhookSettings,
        filed: Option<Arc<dyn FiledAnswers>>,
        public_url: String,
        clock: Clock,
    ) -> kernel::start::StartResult<Self> {
        use kernel::start::Context as _;
        let http = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .context("the HTTP client that posts events")?;
        Ok(Self {
            db,
            settings,
            filed,
            public_url,
            clock,
            http,
        })
    }

    /// Gives every new event to the subscriptions that want it.
    pub async fn fan_out(&self) -> Result<(), DbErr> {
        loop {
            let events = webhook::unfanned(&self.db, BATCH).await?;
            if events.is_empty() {
                return Ok(());
            }
            for event in &events {
                let kind = EventKind::parse(&event.kind);
                let targets: Vec<Target> = self
                    .settings
                    .subscriptions
                    .iter()
                    .filter(|s| s.department == event.department)
                    .filter(|s| kind.is_some_and(|k| s.events.contains(&k)))
                    .map(|s| Target {
                        subscription: s.name.clone(),
                        url: s.url.clone(),
                    })
                    .collect();
                webhook::fan_out(&self.db, event, &targets, self.clock.now()).await?;
            }
        }
    }

    /// Posts every delivery due now; returns how many were accepted.
    pub async fn deliver_due(&self) -> Result<usize, DbErr> {
        let mut delivered = 0;
        loop {
            let batch = webhook::due(&self.db, self.clock.now(), BATCH).await?;
            if batch.is_empty() {
                return Ok(delivered);
            }
            for due in batch {
                let now = self.clock.now();
                if !webhook::claim(&self.db, due.id, now, now + LEASE_SECS).await? {
                    continue;
                }
                if self.attempt(&due).await? {
                    delivered += 1;
                }
            }
        }
    }

    /// One attempt at `due`; whether it was accepted.
    async fn attempt(&self, due: &Due) -> Result<bool, DbErr> {
        let Some(subscription) = self
            .settings
            .subscriptions
            .iter()
            .find(|s| s.name == due.subscription)
        else {
            let now = self.clock.now();
            let why = "the subscription is no longer configured";
            webhook::give_up(&self.db, due.id, now, None, why).await?;
            return Ok(false);
        };
        let outcome = self.post(due, subscription).await;
        let attempts = due.attempts + 1;
        let now = self.clock.now();
        match outcome {
            Ok(status) if (200..300).contains(&status) => {
                webhook::delivered(&self.db, due.id, now, status).await?;
                return Ok(true);
            }
            Ok(status) => {
                self.failed(due, attempts, Some(status), &format!("HTTP {status}"))
                    .await?
            }
            Err(error) => self.failed(due, attempts, None, &error).await?,
        }
        Ok(false)
    }

    async fn failed(
        &self,
        due: &Due,
        attempts: i32,
        status: Option<u16>,
        error: &str,
    ) -> Result<(), DbErr> {
        let now = self.clock.now();
        let last = u32::try_from(attempts).unwrap_or(u32::MAX) >= self.settings.max_attempts;
        tracing::warn!(delivery = due.id, event = %due.event_id, attempts, error, last, "webhook not delivered");
        if last {
            webhook::give_up(&self.db, due.id, now, status, error).await
        } else {
            let retry_at = now + kernel::mail::backoff(self.settings.retry_base_seconds, attempts);
            webhook::retry(&self.db, due.id, retry_at, status, error).await
        }
    }

    /// Posts `due` to `subscription`; the receiver's status, or why there was none.
    async fn post(&self, due: &Due, subscription: &Subscription) -> Result<u16, String> {
        let body = body::compose(
            due,
            subscription.include_data,
            self.filed.as_deref(),
            &self.db,
            &self.public_url,
        )
        .await
        .map_err(|e| e.to_string())?;
        let bytes = serde_json::to_vec(&body).map_err(|e| e.to_string())?;
        let timestamp = self.clock.now();
        let signature = sign(&subscription.secret.0, &due.event_id, timestamp, &bytes);
        let response = self
            .http
            .post(&subscription.url)
            .header("content-type", "application/json")
            .header("webhook-id", &due.event_id)
            .header("webhook-timestamp", timestamp.to_string())
            .header("webhook-signature", signature)
            .body(bytes)
            .send()
            .await
            .map_err(|e| without_url(&e))?;
        Ok(response.status().as_u16())
    }
}

/// A transport error without the receiver's address (the log shows it already).
fn without_url(error: &reqwest::Error) -> String {
    let kind = if error.is_timeout() {
        "timed out"
    } else if error.is_connect() {
        "could not connect"
    } else {
        "request failed"
    };
    kind.to_owned()
}

/// Starts `worker` until `stop` is cancelled.
pub fn spawn(worker: Worker, stop: CancellationToken) {
    tokio::spawn(async move {
        loop {
            if let Err(error) = kernel::job_runs::record("webhook_events", worker.fan_out().await) {
                tracing::warn!(%error, "webhooks: cannot read the events");
            }
            let deliveries = worker.deliver_due().await;
            if let Err(error) = kernel::job_runs::record("webhook_deliveries", deliveries) {
                tracing::warn!(%error, "webhooks: cannot read the deliveries");
            }
            tokio::select! {
                () = stop.cancelled() => return,
                () = tokio::time::sleep(POLL) => {}
            }
        }
    });
}
