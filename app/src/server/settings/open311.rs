//! `[open311]`: who may file reports through Open311 GeoReport v2 and how often.
//!
//! The specification's `api_key` names an app or partner system the city knows; a
//! report without one comes from anyone on the internet and gets a stricter rate.

use serde::{Deserialize, Serialize};

use super::Secret;

/// `[open311]`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Open311Settings {
    /// The apps and systems that report with an `api_key`.
    pub api_keys: Vec<Open311Key>,
    /// Reports per key and minute.
    pub keyed_per_minute: u32,
    /// Reports without a key per client address and minute; 0 refuses them.
    pub anonymous_per_minute: u32,
    /// How many reports without a key a client address may send at once.
    pub anonymous_burst: u32,
}

impl Default for Open311Settings {
    fn default() -> Self {
        Self {
            api_keys: Vec::new(),
            keyed_per_minute: 60,
            anonymous_per_minute: 3,
            anonymous_burst: 3,
        }
    }
}

/// `[[open311.api_keys]]`: one reporting app or system.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Open311Key {
    /// Its name, as the log shows it.
    pub client: String,
    /// The key it sends as `api_key` (at least 24 characters).
    pub key: Secret,
}

/// Shortest key taken: long enough not to be guessed at the keyed rate.
const SHORTEST_KEY: usize = 24;

impl Open311Settings {
    /// Checks what the types alone do not.
    pub fn validate(&self) -> Result<(), String> {
        if !(1..=10_000).contains(&self.keyed_per_minute) {
            return Err("`open311.keyed_per_minute`: must be between 1 and 10000".into());
        }
        if self.anonymous_per_minute > 10_000 {
            return Err("`open311.anonymous_per_minute`: must be between 0 and 10000".into());
        }
        if !(1..=10_000).contains(&self.anonymous_burst) {
            return Err("`open311.anonymous_burst`: must be between 1 and 10000".into());
        }
        let mut clients = std::collections::HashSet::new();
        let mut keys = std::collections::HashSet::new();
        for entry in &self.api_keys {
            if entry.client.trim().is_empty() || !clients.insert(&entry.client) {
                return Err("`open311.api_keys`: every key needs a client name of its own".into());
            }
            if entry.key.0.chars().count() < SHORTEST_KEY || !keys.insert(&entry.key.0) {
                return Err(format!(
                    "`open311.api_keys`: the key of `{}` must be unique and at least \
                     {SHORTEST_KEY} characters (`openssl rand -base64 24`)",
                    entry.client
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_keys(keys: &[(&str, &str)]) -> Open311Settings {
        Open311Settings {
            api_keys: keys
                .iter()
                .map(|(client, key)| Open311Key {
                    client: (*client).into(),
                    key: Secret((*key).into()),
                })
                .collect(),
            ..Open311Settings::default()
        }
    }

    #[test]
    fn keys_must_be_long_unique_and_named() {
        let long = "k".repeat(SHORTEST_KEY);
        assert!(with_keys(&[("App", &long)]).validate().is_ok());
        for (keys, named) in [
            (vec![("App", "short")], "the key of `App`"),
            (
                vec![("App", &*long), ("Other", &*long)],
                "the key of `Other`",
            ),
            (vec![("", &*long)], "client name"),
            (vec![("App", &*long), ("App", "x")], "client name"),
        ] {
            let error = with_keys(&keys).validate().unwrap_err();
            assert!(error.starts_with("`open311.api_keys`"), "{error}");
            assert!(error.contains(named), "{error}");
        }
    }

    #[test]
    fn rates_name_their_key() {
        let zero_keyed = Open311Settings {
            keyed_per_minute: 0,
            ..Open311Settings::default()
        };
        assert!(
            zero_keyed
                .validate()
                .unwrap_err()
                .contains("keyed_per_minute")
        );
        let no_anonymous = Open311Settings {
            anonymous_per_minute: 0,
            ..Open311Settings::default()
        };
        assert!(no_anonymous.validate().is_ok());
    }
}
