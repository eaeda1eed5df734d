//! Settings of the shared login: demo or OpenID Connect, how provider claims become
//! portal roles, departments and levels of assurance, and the sign-in rate limit.

use std::fmt;

use kernel::Level;
use serde::{Deserialize, Serialize};

/// How people sign in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AuthMode {
    /// Choose a demo persona; for the quick start, never in production.
    #[default]
    Demo,
    /// An OpenID Connect provider (Keycloak, BayernID behind Keycloak).
    Oidc,
}

/// `[auth]`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AuthSettings {
    /// `demo` or `oidc`; unset, the demo sign-in, which only a portal on loopback
    /// with a plain-http address may fall back to (see `Settings::validate`). Read it
    /// through [`AuthSettings::mode`].
    pub mode: Option<AuthMode>,
}

impl AuthSettings {
    /// How people sign in.
    pub fn mode(&self) -> AuthMode {
        self.mode.unwrap_or_default()
    }
}

/// A value that must not appear in logs or `Debug` output.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Secret(pub String);

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.is_empty() { "\"\"" } else { "\"***\"" })
    }
}

/// How to ask the provider for a higher level of assurance.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepUpMethod {
    /// Add a scope (BayernID: `level3`, `level4`).
    #[default]
    Scope,
    /// Send `acr_values` (plain Keycloak step-up).
    AcrValues,
}

/// Something per level of assurance.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerLevel<T> {
    /// `low`.
    pub low: T,
    /// `substantial`.
    pub substantial: T,
    /// `high`.
    pub high: T,
}

impl<T> PerLevel<T> {
    /// The value for `level`.
    pub fn get(&self, level: Level) -> &T {
        match level {
            Level::Low => &self.low,
            Level::Substantial => &self.substantial,
            Level::High => &self.high,
        }
    }
}

/// Claim rules per portal role. A rule is `realm:<role>` (realm role), `client:<role>`
/// (client role of this portal's client), `group:<path>` (membership of that group or
/// a subgroup) or `any` (everyone the provider signs in).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RoleRules {
    /// Rules that make someone a `citizen`.
    pub citizen: Vec<String>,
    /// Rules that make someone a `caseworker`.
    pub caseworker: Vec<String>,
    /// Rules that make someone a `department-admin`.
    pub department_admin: Vec<String>,
    /// Rules that make someone a `platform-admin`.
    pub platform_admin: Vec<String>,
}

/// `[oidc]`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct OidcSettings {
    /// Issuer URL; discovery reads `<issuer>/.well-known/openid-configuration`.
    pub issuer_url: String,
    /// The portal's client id at the provider.
    pub client_id: String,
    /// The client secret (confidential client).
    pub client_secret: Secret,
    /// Scopes asked for at every sign-in.
    pub scopes: Vec<String>,
    /// Claim that carries the level of assurance (`authlevel` for BayernID, `acr`).
    pub level_claim: String,
    /// Claim values that mean each portal level.
    pub levels: PerLevel<Vec<String>>,
    /// How a higher level is asked for: `scope` or `acr_values`.
    pub step_up: StepUpMethod,
    /// The scope or `acr_values` value that asks for each level.
    pub step_up_values: PerLevel<String>,
    /// Claim rules per portal role.
    pub roles: RoleRules,
    /// Group paths whose direct subgroups are departments
    /// (`/Sachbearbeitung` makes `/Sachbearbeitung/KVR` the department `kvr`).
    pub department_groups: Vec<String>,
}

impl Default for OidcSettings {
    fn default() -> Self {
        let strings = |items: &[&str]| items.iter().map(|s| (*s).to_owned()).collect();
        Self {
            issuer_url: String::new(),
            client_id: String::new(),
            client_secret: Secret::default(),
            scopes: strings(&["openid", "profile", "email"]),
            level_claim: "authlevel".into(),
            levels: PerLevel {
                low: strings(&["level1"]),
                substantial: strings(&["level3"]),
                high: strings(&["level4"]),
            },
            step_up: StepUpMethod::Scope,
            step_up_values: PerLevel {
                low: "level1".into(),
                substantial: "level3".into(),
                high: "level4".into(),
            },
            roles: RoleRules {
                citizen: strings(&["realm:citizen"]),
                caseworker: strings(&["client:caseworker"]),
                department_admin: strings(&["client:department-admin"]),
                platform_admin: strings(&["realm:portal-admin"]),
            },
            department_groups: strings(&["/Sachbearbeitung"]),
        }
    }
}

impl OidcSettings {
    /// Checks what the types alone do not; the message names the key.
    pub fn validate(&self, production: bool) -> Result<(), String> {
        let https = self.issuer_url.starts_with("https://");
        if !(https || (!production && self.issuer_url.starts_with("http://"))) {
            return Err(if production {
                "`oidc.issuer_url`: must start with https:// in production".into()
            } else {
                "`oidc.issuer_url`: must start with http:// or https://".into()
            });
        }
        if self.client_id.is_empty() {
            return Err("`oidc.client_id`: must be set".into());
        }
        if self.client_secret.0.is_empty() {
            return Err("`oidc.client_secret`: must be set (confidential client)".into());
        }
        if !self.scopes.iter().any(|s| s == "openid") {
            return Err("`oidc.scopes`: must contain openid".into());
        }
        let rules = [
            &self.roles.citizen,
            &self.roles.caseworker,
            &self.roles.department_admin,
            &self.roles.platform_admin,
        ];
        for rule in rules.into_iter().flatten() {
            let known = rule == "any"
                || ["realm:", "client:", "group:/"]
                    .iter()
                    .any(|prefix| rule.len() > prefix.len() && rule.starts_with(prefix));
            if !known {
                return Err(format!(
                    "`oidc.roles`: rule `{rule}` must be any, realm:<role>, client:<role> or group:/<path>"
                ));
            }
        }
        if let Some(bad) = self.department_groups.iter().find(|g| !g.starts_with('/')) {
            return Err(format!(
                "`oidc.department_groups`: `{bad}` must be a full group path starting with /"
            ));
        }
        Ok(())
    }
}

/// Whose address a rate limit counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClientAddress {
    /// The TCP peer: right when the portal faces the internet directly.
    #[default]
    Peer,
    /// `X-Forwarded-For` / `Forwarded` from a trusted reverse proxy, then the peer.
    Forwarded,
}

/// `[rate_limit]`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RateLimitSettings {
    /// Sign-in requests (start, callback, demo) per client address and minute.
    pub login_per_minute: u32,
    /// How many of them may come at once.
    pub login_burst: u32,
    /// `peer` or `forwarded`.
    pub client_address: ClientAddress,
}

impl Default for RateLimitSettings {
    fn default() -> Self {
        Self {
            login_per_minute: 30,
            login_burst: 10,
            client_address: ClientAddress::Peer,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> OidcSettings {
        OidcSettings {
            issuer_url: "https://login.example.org/realms/city".into(),
            client_id: "portal".into(),
            client_secret: Secret("s3cret".into()),
            ..OidcSettings::default()
        }
    }

    #[test]
    fn a_complete_client_is_valid() {
        assert_eq!(valid().validate(true), Ok(()));
    }

    #[test]
    fn plain_http_issuers_only_outside_production() {
        let settings = OidcSettings {
            issuer_url: "http://127.0.0.1:8080/realms/city".into(),
            ..valid()
        };
        assert!(settings.validate(false).is_ok());
        assert!(settings.validate(true).unwrap_err().contains("issuer_url"));
    }

    #[test]
    fn unknown_role_rules_are_named() {
        let mut settings = valid();
        settings.roles.caseworker = vec!["role:caseworker".into()];
        assert!(
            settings
                .validate(false)
                .unwrap_err()
                .contains("role:caseworker")
        );
    }

    #[test]
    fn the_secret_never_shows_in_debug_output() {
        let text = format!("{:?}", valid());
        assert!(!text.contains("s3cret"), "{text}");
    }
}
