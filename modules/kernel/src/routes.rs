//! Plain axum endpoints that can be listed: a router that records the method and path
//! of every route it gets, so the host knows every endpoint it serves (the access
//! matrix fails on one without a row) even though axum keeps its table to itself.

use axum::{
    Router,
    handler::Handler,
    http::Method,
    routing::{MethodRouter, get, post},
};

/// One endpoint: a method and a path as axum writes it (`/cases/{id}`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Endpoint {
    /// `GET` or `POST`.
    pub method: Method,
    /// The path template.
    pub path: String,
}

/// A service answering requests for files, as axum serves them (`ServeDir`, …).
pub trait FileService:
    tower::Service<
        axum::extract::Request,
        Error = std::convert::Infallible,
        Response: axum::response::IntoResponse,
        Future: Send + 'static,
    > + Clone
    + Send
    + Sync
    + 'static
{
}

impl<T> FileService for T where
    T: tower::Service<
            axum::extract::Request,
            Error = std::convert::Infallible,
            Response: axum::response::IntoResponse,
            Future: Send + 'static,
        > + Clone
        + Send
        + Sync
        + 'static
{
}

/// An axum router and the endpoints it serves.
#[must_use]
pub struct Routes<S = ()> {
    router: Router<S>,
    endpoints: Vec<Endpoint>,
}

impl<S: Clone + Send + Sync + 'static> Default for Routes<S> {
    fn default() -> Self {
        Self::new()
    }
}

impl<S: Clone + Send + Sync + 'static> Routes<S> {
    /// No routes.
    pub fn new() -> Self {
        Self {
            router: Router::new(),
            endpoints: Vec::new(),
        }
    }

    /// `GET path` answered by `handler`.
    pub fn get<H, T>(self, path: &str, handler: H) -> Self
    where
        H: Handler<T, S>,
        T: 'static,
    {
        self.on(Method::GET, path, get(handler))
    }

    /// `POST path` answered by `handler`.
    pub fn post<H, T>(self, path: &str, handler: H) -> Self
    where
        H: Handler<T, S>,
        T: 'static,
    {
        self.on(Method::POST, path, post(handler))
    }

    fn on(mut self, method: Method, path: &str, route: MethodRouter<S>) -> Self {
        // axum merges the method routers of one path: GET and POST may come apart.
        self.router = self.router.route(path, route);
        self.listed(method, path)
    }

    fn listed(mut self, method: Method, path: impl Into<String>) -> Self {
        self.endpoints.push(Endpoint {
            method,
            path: path.into(),
        });
        self
    }

    /// Static files under `prefix` served by `service` (`GET {prefix}/{*file}`).
    pub fn files(mut self, prefix: &str, service: impl FileService) -> Self {
        self.router = self.router.nest_service(prefix, service);
        self.listed(Method::GET, format!("{prefix}/{{*file}}"))
    }

    /// One static file at `path` served by `service`.
    pub fn file(mut self, path: &str, service: impl FileService) -> Self {
        self.router = self.router.route_service(path, service);
        self.listed(Method::GET, path)
    }

    /// These routes and `other`'s.
    pub fn merge(mut self, other: Routes<S>) -> Self {
        self.router = self.router.merge(other.router);
        self.endpoints.extend(other.endpoints);
        self
    }

    /// `other`'s routes under `prefix`.
    pub fn nest(mut self, prefix: &str, other: Routes<S>) -> Self {
        self.router = self.router.nest(prefix, other.router);
        self.endpoints
            .extend(other.endpoints.into_iter().map(|endpoint| Endpoint {
                path: format!("{prefix}{}", endpoint.path),
                ..endpoint
            }));
        self
    }

    /// The router as axum's [`Router::map`]-style change (layers, fallbacks); the
    /// endpoints stay as they are, so `change` must not add routes.
    pub fn map_router<S2>(self, change: impl FnOnce(Router<S>) -> Router<S2>) -> Routes<S2> {
        Routes {
            router: change(self.router),
            endpoints: self.endpoints,
        }
    }

    /// The routes with their state given.
    pub fn with_state<S2>(self, state: S) -> Routes<S2> {
        self.map_router(|router| router.with_state(state))
    }

    /// The router and the endpoints it serves.
    pub fn into_parts(self) -> (Router<S>, Vec<Endpoint>) {
        (self.router, self.endpoints)
    }

    /// The endpoints, in the order they were added.
    pub fn endpoints(&self) -> &[Endpoint] {
        &self.endpoints
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn ok() -> &'static str {
        "ok"
    }

    #[test]
    fn every_route_added_is_listed_with_its_prefix() {
        let inner = Routes::<()>::new()
            .get("/cases/{id}", ok)
            .post("/cases/{id}", ok);
        let routes = Routes::new().get("/healthz", ok).nest("/api/v1", inner);
        let listed: Vec<(Method, &str)> = routes
            .endpoints()
            .iter()
            .map(|e| (e.method.clone(), e.path.as_str()))
            .collect();
        assert_eq!(
            listed,
            [
                (Method::GET, "/healthz"),
                (Method::GET, "/api/v1/cases/{id}"),
                (Method::POST, "/api/v1/cases/{id}"),
            ]
        );
    }
}
