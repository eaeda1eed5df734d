//! The back-office system behind an API call.

use axum::{extract::FromRequestParts, http::request::Parts};
use serde::{Deserialize, Serialize};

use super::{Problem, ProblemKind};
use crate::Identity;

/// What a client may do, granted per client by configuration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Scope {
    /// Read the services.
    #[serde(rename = "services:read")]
    ServicesRead,
    /// Read the cases of the client's departments, their answers and documents.
    #[serde(rename = "cases:read")]
    CasesRead,
    /// Change their state, write messages to the citizen and internal notes.
    #[serde(rename = "cases:write")]
    CasesWrite,
    /// Read the day lists of the offices of the client's departments.
    #[serde(rename = "appointments:read")]
    AppointmentsRead,
}

impl Scope {
    /// Every scope.
    pub const ALL: [Scope; 4] = [
        Scope::ServicesRead,
        Scope::CasesRead,
        Scope::CasesWrite,
        Scope::AppointmentsRead,
    ];

    /// The spelling in configuration and in the OpenAPI document.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ServicesRead => "services:read",
            Self::CasesRead => "cases:read",
            Self::CasesWrite => "cases:write",
            Self::AppointmentsRead => "appointments:read",
        }
    }
}

/// A verified client: its id at the identity provider, the identity it acts with
/// (a caseworker of its departments, so the pages' rules apply unchanged) and its
/// scopes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Caller {
    /// `client_id` of the token.
    pub client_id: String,
    /// Who the client acts as: subject `client:<id>`, the configured name, the
    /// caseworker role and the configured departments.
    pub identity: Identity,
    /// What the client may do.
    pub scopes: Vec<Scope>,
}

impl Caller {
    /// `Ok` when the client holds `scope`; otherwise a 403 problem naming it.
    pub fn require(&self, scope: Scope) -> Result<&Identity, Problem> {
        if self.scopes.contains(&scope) {
            Ok(&self.identity)
        } else {
            Err(Problem::new(ProblemKind::InsufficientScope)
                .with_detail(format!("this call needs the scope `{}`", scope.as_str())))
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Caller {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Caller>()
            .cloned()
            .ok_or_else(|| Problem::new(ProblemKind::Unauthorized))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_scope_is_named() {
        let caller = Caller {
            client_id: "dms".into(),
            identity: Identity::anonymous(),
            scopes: vec![Scope::CasesRead],
        };
        assert!(caller.require(Scope::CasesRead).is_ok());
        let problem = caller.require(Scope::CasesWrite).unwrap_err();
        assert_eq!(problem.status, 403);
        assert!(problem.detail.unwrap_or_default().contains("cases:write"));
    }

    #[test]
    fn scopes_are_spelt_as_configured() {
        for scope in Scope::ALL {
            let json = serde_json::to_string(&scope).unwrap();
            assert_eq!(json, format!("\"{}\"", scope.as_str()));
        }
    }
}
