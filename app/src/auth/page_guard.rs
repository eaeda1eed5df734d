//! Pages that not everyone may open are checked before they render: the shell's own
//! (the account page) and those each module declares. A refused browser is sent to
//! sign in (or to sign in again at a higher level) and comes back afterwards.

use std::sync::Arc;

use axum::{
    extract::{Request, State},
    http::Method,
    middleware::Next,
    response::Response,
};
use kernel::{Identity, Requirement};

use crate::registry::Modules;

/// Path prefixes of pages with their requirement.
#[derive(Clone, Debug)]
pub struct PageRequirements(Arc<Vec<(&'static str, Requirement)>>);

impl PageRequirements {
    /// The shell's pages and every enabled module's.
    pub fn new(modules: &Modules) -> Self {
        let mut all = vec![
            ("/konto", Requirement::signed_in()),
            (
                kernel::api::DELIVERY_LOG_PATH,
                Requirement::any_role(&[kernel::Role::DepartmentAdmin]),
            ),
        ];
        for (_, parts) in modules.parts() {
            all.extend(parts.page_requirements.iter().cloned());
        }
        Self(Arc::new(all))
    }

    /// The requirement of `path`: that of the longest matching prefix.
    pub fn of(&self, path: &str) -> Option<&Requirement> {
        self.0
            .iter()
            .filter(|(prefix, _)| {
                path == *prefix
                    || path
                        .strip_prefix(prefix)
                        .is_some_and(|rest| rest.starts_with('/'))
            })
            .max_by_key(|(prefix, _)| prefix.len())
            .map(|(_, requirement)| requirement)
    }
}

/// Middleware: refuses page requests whose requirement the identity does not meet.
pub async fn enforce(
    State(pages): State<PageRequirements>,
    request: Request,
    next: Next,
) -> Response {
    let is_page_request = matches!(*request.method(), Method::GET | Method::HEAD);
    if let Some(requirement) = pages.of(request.uri().path()).filter(|_| is_page_request) {
        let identity = request
            .extensions()
            .get::<Identity>()
            .cloned()
            .unwrap_or_default();
        if let Err(denial) = identity.check(requirement) {
            return kernel::access::refuse(&request, denial);
        }
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_match_whole_segments() {
        let pages = PageRequirements(Arc::new(vec![("/konto", Requirement::signed_in())]));
        assert!(pages.of("/konto").is_some());
        assert!(pages.of("/konto/daten").is_some());
        assert!(pages.of("/kontoauszug").is_none());
        assert!(pages.of("/").is_none());
    }
}
