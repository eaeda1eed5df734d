//! `[webhooks]`: which systems are told of which events of which department, and how
//! persistently.

use kernel::webhook::EventKind;
use serde::{Deserialize, Serialize};

use super::Secret;

/// `[webhooks]`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct WebhookSettings {
    /// Seconds before a failed delivery is tried again, doubled after each failure, at
    /// most an hour.
    pub retry_base_seconds: u32,
    /// Attempts after which a delivery is given up (and shown as failed).
    pub max_attempts: u32,
    /// The subscriptions.
    pub subscriptions: Vec<Subscription>,
}

impl Default for WebhookSettings {
    fn default() -> Self {
        Self {
            retry_base_seconds: 30,
            max_attempts: 20,
            subscriptions: Vec::new(),
        }
    }
}

/// `[[webhooks.subscriptions]]`: one receiver.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subscription {
    /// A short name, unique among the subscriptions (shown in the delivery log).
    pub name: String,
    /// The department whose events it receives.
    pub department: String,
    /// Where events are posted.
    pub url: String,
    /// The key of the HMAC-SHA256 signature (at least 32 characters).
    pub secret: Secret,
    /// The events it receives.
    pub events: Vec<EventKind>,
    /// Whether `case.submitted` carries the request's data, its LeiKa key and the
    /// address of its JSON Schema.
    #[serde(default = "yes")]
    pub include_data: bool,
}

fn yes() -> bool {
    true
}

/// Shortest signing key accepted.
const SHORTEST_SECRET: usize = 32;

impl WebhookSettings {
    /// Checks what the types alone do not; `production` demands https receivers.
    pub fn validate(&self, production: bool) -> Result<(), String> {
        if !(1..=3600).contains(&self.retry_base_seconds) {
            return Err("`webhooks.retry_base_seconds`: must be between 1 and 3600".into());
        }
        if !(1..=100).contains(&self.max_attempts) {
            return Err("`webhooks.max_attempts`: must be between 1 and 100".into());
        }
        let mut names = std::collections::HashSet::new();
        for subscription in &self.subscriptions {
            let name = &subscription.name;
            let bad = |what: &str| Err(format!("`webhooks.subscriptions` `{name}`: {what}"));
            if name.trim().is_empty() || name.len() > 64 || !names.insert(name) {
                return bad("names must be 1 to 64 characters and unique");
            }
            let https = subscription.url.starts_with("https://");
            if !(https || !production && subscription.url.starts_with("http://")) {
                return bad("`url` must start with https:// (http:// outside production)");
            }
            if subscription.secret.0.chars().count() < SHORTEST_SECRET {
                return bad("`secret` must have at least 32 characters");
            }
            if subscription.events.is_empty() {
                return bad("`events` must name at least one event");
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subscription(name: &str) -> Subscription {
        Subscription {
            name: name.into(),
            department: "kvr".into(),
            url: "http://127.0.0.1:9/hook".into(),
            secret: Secret("x".repeat(32)),
            events: vec![EventKind::CaseSubmitted],
            include_data: true,
        }
    }

    #[test]
    fn subscriptions_are_checked() {
        let mut settings = WebhookSettings {
            subscriptions: vec![subscription("dms")],
            ..WebhookSettings::default()
        };
        assert_eq!(settings.validate(false), Ok(()));
        assert!(settings.validate(true).unwrap_err().contains("https"));
        settings.subscriptions.push(subscription("dms"));
        assert!(settings.validate(false).unwrap_err().contains("unique"));
        settings.subscriptions = vec![Subscription {
            secret: Secret("short".into()),
            ..subscription("dms")
        }];
        assert!(settings.validate(false).unwrap_err().contains("32"));
        settings.subscriptions = vec![Subscription {
            events: Vec::new(),
            ..subscription("dms")
        }];
        assert!(settings.validate(false).unwrap_err().contains("events"));
    }

    #[test]
    fn a_subscription_reads_from_toml() {
        let parsed: Subscription = toml::from_str(
            "name = \"dms\"\ndepartment = \"kvr\"\nurl = \"https://dms.example/hook\"\n\
             secret = \"0123456789abcdef0123456789abcdef\"\n\
             events = [\"case.submitted\", \"case.message_from_citizen\"]",
        )
        .unwrap();
        assert!(parsed.include_data);
        assert_eq!(parsed.events[1], EventKind::CaseMessageFromCitizen);
    }
}
