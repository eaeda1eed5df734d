//! `[api]`: who may call the open interface `/api/v1` and how often.

use kernel::api::Scope;
use serde::{Deserialize, Serialize};

/// `[api]`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ApiSettings {
    /// Issuer whose access tokens the interface accepts; empty means `oidc.issuer_url`.
    /// With neither, every call is refused.
    pub issuer_url: String,
    /// Audience (`aud`) the tokens must name; empty means `<public_url>/api`.
    pub audience: String,
    /// Calls per client and minute.
    pub requests_per_minute: u32,
    /// How many of them may come at once.
    pub burst: u32,
    /// Calls to the public part (no token) per client address and minute; `0`: no
    /// limit.
    pub public_per_minute: u32,
    /// How many of them may come at once.
    pub public_burst: u32,
    /// The back-office systems that may call, by the `client_id` of their tokens.
    pub clients: Vec<ApiClient>,
}

impl Default for ApiSettings {
    fn default() -> Self {
        Self {
            issuer_url: String::new(),
            audience: String::new(),
            requests_per_minute: 600,
            burst: 60,
            public_per_minute: 600,
            public_burst: 120,
            clients: Vec::new(),
        }
    }
}

/// `[[api.clients]]`: one back-office system.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiClient {
    /// Its client id at the identity provider (client-credentials grant).
    pub client_id: String,
    /// Its name, as the case timeline and the audit trail show it.
    pub name: String,
    /// The departments whose cases it may see and change.
    pub departments: Vec<String>,
    /// What it may do.
    pub scopes: Vec<Scope>,
}

impl ApiSettings {
    /// Checks what the types alone do not.
    pub fn validate(&self) -> Result<(), String> {
        if !(1..=100_000).contains(&self.requests_per_minute) {
            return Err("`api.requests_per_minute`: must be between 1 and 100000".into());
        }
        if !(1..=100_000).contains(&self.burst) {
            return Err("`api.burst`: must be between 1 and 100000".into());
        }
        let mut seen = std::collections::HashSet::new();
        for client in &self.clients {
            if client.client_id.trim().is_empty() || !seen.insert(&client.client_id) {
                return Err(format!(
                    "`api.clients`: client id `{}` is empty or listed twice",
                    client.client_id
                ));
            }
            if client.name.trim().is_empty() {
                return Err(format!(
                    "`api.clients`: `{}` needs a name",
                    client.client_id
                ));
            }
        }
        Ok(())
    }

    /// The client `client_id`, when configured.
    pub fn client(&self, client_id: &str) -> Option<&ApiClient> {
        self.clients.iter().find(|c| c.client_id == client_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client(id: &str) -> ApiClient {
        ApiClient {
            client_id: id.into(),
            name: "DMS".into(),
            departments: vec!["kvr".into()],
            scopes: vec![Scope::CasesRead],
        }
    }

    #[test]
    fn clients_are_unique_and_named() {
        let mut settings = ApiSettings {
            clients: vec![client("dms"), client("dms")],
            ..ApiSettings::default()
        };
        assert!(settings.validate().unwrap_err().contains("twice"));
        settings.clients = vec![ApiClient {
            name: " ".into(),
            ..client("dms")
        }];
        assert!(settings.validate().unwrap_err().contains("needs a name"));
        settings.clients = vec![client("dms"), client("payments")];
        assert_eq!(settings.validate(), Ok(()));
        assert!(settings.client("payments").is_some() && settings.client("x").is_none());
    }

    #[test]
    fn scopes_are_read_from_their_configured_spelling() {
        let parsed: ApiClient = toml::from_str(
            "client_id = \"dms\"\nname = \"DMS\"\ndepartments = [\"kvr\"]\n\
             scopes = [\"cases:read\", \"cases:write\"]",
        )
        .unwrap();
        assert_eq!(parsed.scopes, vec![Scope::CasesRead, Scope::CasesWrite]);
        assert!(
            toml::from_str::<ApiClient>(
                "client_id = \"a\"\nname = \"A\"\ndepartments = []\nscopes = [\"cases:delete\"]"
            )
            .is_err()
        );
    }
}
