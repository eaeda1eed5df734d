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
    fn roles_serialise_kebab_case() {
        // Roles are spelt in configuration files; the spelling is part of the contract.
        let json = serde_json::to_string(&Role::DepartmentAdmin).unwrap();
        assert_eq!(json, "\"department-admin\"");
    }
}
