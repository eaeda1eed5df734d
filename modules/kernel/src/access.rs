//! Authorization: one mechanism for every route, page and server function.
//!
//! A [`Requirement`] says who may do something (signed in, one of some roles, a lowest
//! level of assurance). [`Identity::check`] decides; the result is a [`Denial`] that
//! each edge turns into its own answer: server functions get an [`AppError`]
//! ([`authorize`]), axum routes a redirect to sign-in or a status ([`protect`]).
//! Hiding a link is never the protection, only a courtesy.

use serde::{Deserialize, Serialize};

use crate::{
    AppError,
    identity::{Identity, Level, Permission, Role},
};

/// Where people are sent to sign in (or to sign in again at a higher level).
pub const SIGN_IN_PATH: &str = "/auth/login";

/// What an action demands of the person asking.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Requirement {
    /// Whether anyone may do it, signed in or not.
    pub public: bool,
    /// Any one of these roles; empty means any signed-in person.
    pub roles: Vec<Role>,
    /// Lowest level of assurance accepted.
    pub level: Option<Level>,
}

impl Requirement {
    /// Anyone, signed in or not.
    pub fn public() -> Self {
        Self {
            public: true,
            ..Self::default()
        }
    }

    /// Any signed-in person.
    pub fn signed_in() -> Self {
        Self::default()
    }

    /// A signed-in person holding one of `roles`.
    pub fn any_role(roles: &[Role]) -> Self {
        Self {
            roles: roles.to_vec(),
            ..Self::default()
        }
    }

    /// A signed-in person holding one of the roles of `permission`.
    pub fn permission(permission: &Permission) -> Self {
        Self::any_role(&permission.default_roles)
    }

    /// The same, signed in at `level` or higher.
    #[must_use]
    pub fn at_level(mut self, level: Level) -> Self {
        self.public = false;
        self.level = Some(level);
        self
    }
}

/// Why a request was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Denial {
    /// Nobody is signed in.
    SignIn,
    /// Signed in, but at a lower level than required: sign in again at this level.
    StepUp(Level),
    /// Signed in, but without a role that may do this.
    Forbidden,
}

impl Identity {
    /// Whether this identity meets `requirement`.
    pub fn check(&self, requirement: &Requirement) -> Result<(), Denial> {
        if requirement.public {
            return Ok(());
        }
        if !self.is_signed_in() {
            return Err(Denial::SignIn);
        }
        if !requirement.roles.is_empty() && !requirement.roles.iter().any(|r| self.has_role(*r)) {
            return Err(Denial::Forbidden);
        }
        match requirement.level {
            Some(needed) if self.level.is_none_or(|have| have < needed) => {
                Err(Denial::StepUp(needed))
            }
            _ => Ok(()),
        }
    }
}

impl From<Denial> for AppError {
    fn from(denial: Denial) -> Self {
        match denial {
            Denial::SignIn => Self::SignInRequired,
            Denial::StepUp(level) => Self::LevelRequired(level),
            Denial::Forbidden => Self::Forbidden,
        }
    }
}

/// For server functions: the identity of the request when it meets `requirement`.
#[cfg(feature = "ssr")]
pub fn authorize(requirement: &Requirement) -> Result<Identity, AppError> {
    let identity = leptos::prelude::use_context::<Identity>().unwrap_or_default();
    identity.check(requirement)?;
    Ok(identity)
}

/// For server functions reading what was filed at `level` (a draft, a receipt, a
/// case): refuses with [`AppError::LevelRequired`] unless the person is signed in at
/// that level or higher. While a page is rendered on the server, the browser is also
/// sent to sign in at the level and come back, as for writing.
#[cfg(feature = "ssr")]
pub fn require_level(identity: &Identity, level: Level) -> Result<(), AppError> {
    if identity.level.is_some_and(|have| have >= level) {
        return Ok(());
    }
    let page = leptos::prelude::use_context::<axum::http::request::Parts>()
        .filter(|parts| !parts.uri.path().starts_with("/api/"));
    if let Some(parts) = page {
        let here = parts.uri.path_and_query().map_or("/", |pq| pq.as_str());
        leptos_axum::redirect(&sign_in_url(here, Some(level)));
    }
    Err(AppError::LevelRequired(level))
}

/// The page that tells a signed-in person they may not open what they asked for.
pub const FORBIDDEN_PATH: &str = "/kein-zugang";

/// The forbidden page, naming the address that was refused.
pub fn forbidden_url(refused: &str) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    query.append_pair("seite", refused);
    format!("{FORBIDDEN_PATH}?{}", query.finish())
}

/// The sign-in address that brings the person back to `return_to` at `level`.
pub fn sign_in_url(return_to: &str, level: Option<Level>) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    query.append_pair("return_to", return_to);
    if let Some(level) = level {
        query.append_pair("level", level.as_str());
    }
    format!("{SIGN_IN_PATH}?{}", query.finish())
}

#[cfg(feature = "ssr")]
mod axum_guard {
    use std::sync::Arc;

    use axum::{
        extract::{Request, State},
        http::{Method, StatusCode, header},
        middleware::Next,
        response::{IntoResponse, Redirect, Response},
    };

    use super::{Denial, Requirement, sign_in_url};
    use crate::{Identity, routes::Routes};

    /// Applies `requirement` to every route of `routes`. The identity middleware of the
    /// host must run first (it does for every module router).
    pub fn protect<S>(routes: Routes<S>, requirement: Requirement) -> Routes<S>
    where
        S: Clone + Send + Sync + 'static,
    {
        routes.map_router(|router| {
            router.route_layer(axum::middleware::from_fn_with_state(
                Arc::new(requirement),
                enforce,
            ))
        })
    }

    async fn enforce(
        State(requirement): State<Arc<Requirement>>,
        request: Request,
        next: Next,
    ) -> Response {
        let identity = request
            .extensions()
            .get::<Identity>()
            .cloned()
            .unwrap_or_default();
        match identity.check(&requirement) {
            Ok(()) => next.run(request).await,
            Err(denial) => refuse(&request, denial),
        }
    }

    /// A browser asking for a page is sent to sign in and comes back, or, signed in
    /// without the role, to a portal page that says so (a form post too); anything
    /// else gets the status.
    pub fn refuse(request: &Request, denial: Denial) -> Response {
        let browser = request
            .headers()
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|accept| accept.contains("text/html"));
        let wants_page = browser && request.method() == Method::GET;
        let here = request.uri().path_and_query().map_or("/", |pq| pq.as_str());
        let level = match denial {
            Denial::SignIn => None,
            Denial::StepUp(level) => Some(level),
            Denial::Forbidden if browser => {
                return Redirect::to(&super::forbidden_url(request.uri().path())).into_response();
            }
            Denial::Forbidden => {
                return (StatusCode::FORBIDDEN, "forbidden / nicht erlaubt").into_response();
            }
        };
        if wants_page {
            return Redirect::to(&sign_in_url(here, level)).into_response();
        }
        let status = if level.is_some() {
            StatusCode::FORBIDDEN
        } else {
            StatusCode::UNAUTHORIZED
        };
        (status, "sign-in required / Anmeldung erforderlich").into_response()
    }
}

#[cfg(feature = "ssr")]
pub use axum_guard::{protect, refuse};

#[cfg(test)]
mod tests {
    use super::*;

    fn person(roles: &[Role], level: Option<Level>) -> Identity {
        Identity {
            subject: Some("someone".into()),
            roles: roles.to_vec(),
            level,
            ..Identity::default()
        }
    }

    #[test]
    fn public_admits_everyone() {
        assert_eq!(Identity::anonymous().check(&Requirement::public()), Ok(()));
    }

    #[test]
    fn anonymous_must_sign_in() {
        let denial = Identity::anonymous().check(&Requirement::signed_in());
        assert_eq!(denial, Err(Denial::SignIn));
    }

    #[test]
    fn roles_are_any_of() {
        let requirement = Requirement::any_role(&[Role::Caseworker, Role::DepartmentAdmin]);
        assert_eq!(
            person(&[Role::DepartmentAdmin], None).check(&requirement),
            Ok(())
        );
        assert_eq!(
            person(&[Role::Citizen], None).check(&requirement),
            Err(Denial::Forbidden)
        );
    }

    #[test]
    fn a_low_level_asks_for_step_up() {
        let requirement = Requirement::signed_in().at_level(Level::Substantial);
        assert_eq!(
            person(&[], Some(Level::Low)).check(&requirement),
            Err(Denial::StepUp(Level::Substantial))
        );
        assert_eq!(
            person(&[], None).check(&requirement),
            Err(Denial::StepUp(Level::Substantial))
        );
        assert_eq!(person(&[], Some(Level::High)).check(&requirement), Ok(()));
    }

    #[test]
    fn sign_in_url_encodes_the_way_back() {
        assert_eq!(
            sign_in_url("/a?b=1&c=2", Some(Level::High)),
            "/auth/login?return_to=%2Fa%3Fb%3D1%26c%3D2&level=high"
        );
    }
}
