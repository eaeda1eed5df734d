//! From provider claims to a portal identity: Keycloak-style roles and groups, the
//! level of assurance, and the profile, mapped by configuration.

use std::collections::{BTreeSet, HashMap};

use kernel::{Identity, Level, Profile, Role};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::server::settings::OidcSettings;

/// `{"roles": [...]}` as in `realm_access` and `resource_access.<client>`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleList {
    /// Role names.
    #[serde(default)]
    pub roles: Vec<String>,
}

/// The claims beyond the OpenID standard that the portal reads, from the ID token or
/// userinfo. Everything else the provider sends lands in `other`, where the
/// configured level claim is looked up.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ProviderClaims {
    /// Keycloak realm roles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub realm_access: Option<RoleList>,
    /// Keycloak client roles per client id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_access: Option<HashMap<String, RoleList>>,
    /// Group memberships as full paths (`/Sachbearbeitung/KVR`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups: Option<Vec<String>>,
    /// The provider's session id (for back-channel logout).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sid: Option<String>,
    /// Back-channel logout events (only in logout tokens).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub events: Option<serde_json::Map<String, Value>>,
    /// Every other claim.
    #[serde(flatten)]
    pub other: serde_json::Map<String, Value>,
}

impl openidconnect::AdditionalClaims for ProviderClaims {}

impl ProviderClaims {
    /// Fills what this set lacks from `fallback` (ID token first, then userinfo).
    pub fn or(mut self, fallback: ProviderClaims) -> Self {
        self.realm_access = self.realm_access.or(fallback.realm_access);
        self.resource_access = self.resource_access.or(fallback.resource_access);
        self.groups = self.groups.or(fallback.groups);
        for (key, value) in fallback.other {
            self.other.entry(key).or_insert(value);
        }
        self
    }

    /// A claim by name as text (numbers too: Keycloak sends `acr` as `"1"` or `1`).
    fn text(&self, name: &str) -> Option<String> {
        match self.other.get(name)? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    }
}

/// What the provider said about the person, in the form the mapping needs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Claims {
    /// `sub`.
    pub subject: String,
    /// `acr` from the ID token, when sent.
    pub acr: Option<String>,
    /// Standard profile claims.
    pub name: Option<String>,
    /// Profile data.
    pub profile: Profile,
    /// Keycloak claims and the rest.
    pub extra: ProviderClaims,
}

/// The portal identity for `claims` under the configured mapping.
pub fn identity(settings: &OidcSettings, claims: &Claims) -> Identity {
    let name = claims.name.clone().or_else(|| {
        let parts: Vec<&str> = [&claims.profile.given_name, &claims.profile.family_name]
            .into_iter()
            .filter_map(|p| p.as_deref())
            .collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    });
    Identity {
        subject: Some(claims.subject.clone()),
        name,
        roles: roles(settings, &claims.extra),
        departments: departments(settings, &claims.extra),
        level: level(settings, claims),
        profile: claims.profile.clone(),
        received_roles: received_roles(&claims.extra),
    }
}

/// Every realm role, client role (`client/role`) and group the provider sent.
fn received_roles(claims: &ProviderClaims) -> Vec<String> {
    let realm = claims
        .realm_access
        .iter()
        .flat_map(|l| l.roles.iter().cloned());
    let clients = claims
        .resource_access
        .iter()
        .flatten()
        .flat_map(|(client, list)| {
            list.roles
                .iter()
                .map(move |role| format!("{client}/{role}"))
        });
    let groups = claims.groups.iter().flatten().cloned();
    let all: BTreeSet<String> = realm.chain(clients).chain(groups).collect();
    all.into_iter().collect()
}

fn roles(settings: &OidcSettings, claims: &ProviderClaims) -> Vec<Role> {
    let rules = [
        (Role::Citizen, &settings.roles.citizen),
        (Role::Caseworker, &settings.roles.caseworker),
        (Role::DepartmentAdmin, &settings.roles.department_admin),
        (Role::PlatformAdmin, &settings.roles.platform_admin),
    ];
    rules
        .into_iter()
        .filter(|(_, rules)| rules.iter().any(|rule| matches(rule, settings, claims)))
        .map(|(role, _)| role)
        .collect()
}

fn matches(rule: &str, settings: &OidcSettings, claims: &ProviderClaims) -> bool {
    let has = |list: Option<&RoleList>, role: &str| {
        list.is_some_and(|l| l.roles.iter().any(|r| r == role))
    };
    if rule == "any" {
        return true;
    }
    if let Some(role) = rule.strip_prefix("realm:") {
        return has(claims.realm_access.as_ref(), role);
    }
    if let Some(role) = rule.strip_prefix("client:") {
        let own = claims
            .resource_access
            .as_ref()
            .and_then(|clients| clients.get(&settings.client_id));
        return has(own, role);
    }
    if let Some(path) = rule.strip_prefix("group:") {
        return claims.groups.iter().flatten().any(|group| {
            group == path
                || group
                    .strip_prefix(path)
                    .is_some_and(|rest| rest.starts_with('/'))
        });
    }
    false
}

fn departments(settings: &OidcSettings, claims: &ProviderClaims) -> Vec<String> {
    let mut found = BTreeSet::new();
    for group in claims.groups.iter().flatten() {
        for parent in &settings.department_groups {
            let parent = parent.trim_end_matches('/');
            let Some(rest) = group.strip_prefix(parent).and_then(|r| r.strip_prefix('/')) else {
                continue;
            };
            if let Some(department) = rest.split('/').next().filter(|d| !d.is_empty()) {
                found.insert(department.to_lowercase());
            }
        }
    }
    found.into_iter().collect()
}

/// The highest portal level whose configured values contain the level claim.
fn level(settings: &OidcSettings, claims: &Claims) -> Option<Level> {
    let value = if settings.level_claim == "acr" {
        claims.acr.clone().or_else(|| claims.extra.text("acr"))
    } else {
        claims.extra.text(&settings.level_claim)
    }?;
    Level::ALL
        .into_iter()
        .rev()
        .find(|level| settings.levels.get(*level).contains(&value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn caseworker_claims() -> Claims {
        let extra: ProviderClaims = serde_json::from_value(json!({
            "realm_access": {"roles": ["staff"]},
            "resource_access": {"portal": {"roles": ["caseworker"]}, "other": {"roles": ["department-admin"]}},
            "groups": ["/Sachbearbeitung/KVR", "/Sachbearbeitung/Sozialreferat/Team 2", "/Sport", "/SachbearbeitungX/Y"],
            "authlevel": "level3",
        }))
        .unwrap();
        Claims {
            subject: "max".into(),
            profile: Profile {
                given_name: Some("Max".into()),
                family_name: Some("Beispiel".into()),
                ..Profile::default()
            },
            extra,
            ..Claims::default()
        }
    }

    fn settings() -> OidcSettings {
        OidcSettings {
            client_id: "portal".into(),
            ..OidcSettings::default()
        }
    }

    #[test]
    fn client_roles_count_only_for_this_client() {
        let identity = identity(&settings(), &caseworker_claims());
        assert_eq!(identity.roles, vec![Role::Caseworker]);
    }

    #[test]
    fn what_arrived_is_kept_whether_or_not_a_portal_role_matched() {
        let mut settings = settings();
        settings.roles.caseworker = vec!["realm:nobody-has-this".into()];
        let identity = identity(&settings, &caseworker_claims());
        assert!(identity.roles.is_empty());
        assert_eq!(
            identity.received_roles,
            vec![
                "/Sachbearbeitung/KVR",
                "/Sachbearbeitung/Sozialreferat/Team 2",
                "/SachbearbeitungX/Y",
                "/Sport",
                "other/department-admin",
                "portal/caseworker",
                "staff",
            ]
        );
    }

    #[test]
    fn departments_are_subgroups_of_the_configured_groups() {
        let identity = identity(&settings(), &caseworker_claims());
        assert_eq!(identity.departments, vec!["kvr", "sozialreferat"]);
    }

    #[test]
    fn group_rules_match_the_group_and_its_subgroups_only() {
        let mut settings = settings();
        settings.roles.platform_admin = vec!["group:/Sachbearbeitung".into()];
        settings.roles.citizen = vec!["group:/Spo".into()];
        let identity = identity(&settings, &caseworker_claims());
        assert!(identity.has_role(Role::PlatformAdmin));
        assert!(!identity.has_role(Role::Citizen));
    }

    #[test]
    fn the_level_follows_the_configured_claim_and_values() {
        assert_eq!(
            identity(&settings(), &caseworker_claims()).level,
            Some(Level::Substantial)
        );
        let mut keycloak = settings();
        keycloak.level_claim = "acr".into();
        keycloak.levels.low = vec!["1".into()];
        keycloak.levels.substantial = vec!["2".into()];
        let mut claims = caseworker_claims();
        claims.acr = Some("2".into());
        assert_eq!(identity(&keycloak, &claims).level, Some(Level::Substantial));
        claims.acr = Some("gold".into());
        assert_eq!(identity(&keycloak, &claims).level, None);
    }

    #[test]
    fn the_name_falls_back_to_given_and_family_name() {
        assert_eq!(
            identity(&settings(), &caseworker_claims()).name.as_deref(),
            Some("Max Beispiel")
        );
    }

    #[test]
    fn userinfo_fills_what_the_id_token_lacks() {
        let id_token: ProviderClaims = serde_json::from_value(json!({"groups": ["/A"]})).unwrap();
        let userinfo: ProviderClaims = serde_json::from_value(json!({
            "groups": ["/B"], "realm_access": {"roles": ["citizen"]}, "authlevel": "level1"
        }))
        .unwrap();
        let merged = id_token.or(userinfo);
        assert_eq!(merged.groups, Some(vec!["/A".to_owned()]));
        assert_eq!(merged.realm_access.unwrap().roles, vec!["citizen"]);
        assert_eq!(merged.other.get("authlevel"), Some(&json!("level1")));
    }
}
