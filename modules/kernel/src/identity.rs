//! Who is asking: identity, roles and permissions.
//!
//! The shared login fills these from the identity provider's claims; until someone signs
//! in, every request is [`Identity::anonymous`].

use serde::{Deserialize, Serialize};

/// A portal role. Which provider claims map to which role is configuration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// A person filing requests for themselves or their organisation.
    Citizen,
    /// Staff processing cases of their departments.
    Caseworker,
    /// Staff managing the services of their departments.
    DepartmentAdmin,
    /// Operators of the whole portal.
    PlatformAdmin,
}

/// A permission a module declares, namespaced by the module id (`toilets.edit`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Permission {
    /// `<module id>.<action>`.
    pub key: String,
    /// Roles that hold this permission unless configuration says otherwise.
    pub default_roles: Vec<Role>,
}

/// Level of assurance of a sign-in (eIDAS): how sure the identity provider is that the
/// person is who they claim to be. Ordered: `Low < Substantial < High`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// Self-registered account, e.g. user name and password (BayernID `level1`).
    Low,
    /// Identity checked, e.g. ELSTER certificate (BayernID `level3`).
    Substantial,
    /// Identity card with online function (BayernID `level4`).
    High,
}

impl Level {
    /// Every level, lowest first.
    pub const ALL: [Level; 3] = [Level::Low, Level::Substantial, Level::High];

    /// The spelling used in configuration and URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Low => "low",
            Self::Substantial => "substantial",
            Self::High => "high",
        }
    }

    /// Parses [`Level::as_str`]; `None` for anything else.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|level| level.as_str() == text)
    }
}

/// What the identity provider said about the person, kept for prefilling forms and for
/// the account page. Every field is optional: providers release different claims.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// Given name.
    pub given_name: Option<String>,
    /// Family name.
    pub family_name: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Street and house number.
    pub street_address: Option<String>,
    /// Postcode.
    pub postal_code: Option<String>,
    /// City.
    pub locality: Option<String>,
}

/// The owner of requests filed through Open311, which no person signs in for.
pub const OPEN311_SUBJECT: &str = "open311";

/// Subjects the portal gives what acts without a person's sign-in (Open311 reports,
/// the demo personas, interface clients, jobs). No provider account may carry one,
/// or it would own what they did.
pub fn is_reserved_subject(subject: &str) -> bool {
    subject == OPEN311_SUBJECT
        || ["demo:", "client:", "system:"]
            .iter()
            .any(|prefix| subject.starts_with(prefix))
}

/// The person behind a request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    /// Stable subject id from the identity provider; `None` when not signed in.
    pub subject: Option<String>,
    /// Display name.
    pub name: Option<String>,
    /// Portal roles.
    pub roles: Vec<Role>,
    /// Departments the person works for (caseworkers and department admins).
    pub departments: Vec<String>,
    /// Level of assurance of the sign-in; `None` when the provider did not say.
    pub level: Option<Level>,
    /// Personal data from the provider.
    pub profile: Profile,
    /// The roles and groups the provider sent, as it named them, whether or not a
    /// portal role matched (so the account page can say what arrived).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub received_roles: Vec<String>,
}

impl Identity {
    /// Nobody signed in.
    pub fn anonymous() -> Self {
        Self::default()
    }

    /// Whether someone is signed in.
    pub fn is_signed_in(&self) -> bool {
        self.subject.is_some()
    }

    /// Whether the identity holds `role`.
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anonymous_has_no_roles() {
        let nobody = Identity::anonymous();
        assert!(!nobody.is_signed_in());
        assert!(!nobody.has_role(Role::Citizen));
    }

    #[test]
    fn levels_are_ordered_and_round_trip() {
        assert!(Level::Low < Level::Substantial && Level::Substantial < Level::High);
        for level in Level::ALL {
            assert_eq!(Level::parse(level.as_str()), Some(level));
        }
        assert_eq!(Level::parse("level3"), None);
    }

    #[test]
    fn roles_serialise_kebab_case() {
        // Roles are spelt in configuration files; the spelling is part of the contract.
        let json = serde_json::to_string(&Role::DepartmentAdmin).unwrap();
        assert_eq!(json, "\"department-admin\"");
    }
}
