//! The error that crosses server functions and module boundaries.
//!
//! Layers: a module's storage code returns `sea_orm::DbErr` or its own `thiserror` enum;
//! at the edge of a server function or handler it becomes an [`AppError`], which is what
//! the browser receives. Only [`AppError::Internal`] hides its cause: the detail is
//! logged on the server and the citizen sees a generic message and a request id.

use serde::{Deserialize, Serialize};

use crate::identity::Level;

/// An error a person can be shown, with its HTTP meaning.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum AppError {
    /// The thing asked for does not exist (404).
    #[error("not found")]
    NotFound,
    /// Nobody is signed in, and this needs someone who is (401).
    #[error("sign-in required")]
    SignInRequired,
    /// Signed in at a lower level of assurance than this needs (403).
    #[error("sign-in at level {} required", .0.as_str())]
    LevelRequired(Level),
    /// The person may not do this (403).
    #[error("forbidden")]
    Forbidden,
    /// The input is invalid; the message says what to change (400).
    #[error("invalid input: {0}")]
    BadRequest(String),
    /// The thing changed since the person read it, or its state does not allow this
    /// any more; the message says what happened (409).
    #[error("conflict: {0}")]
    Conflict(String),
    /// Something failed on the server; details are only in the server log (500).
    #[error("internal error")]
    Internal,
    /// The database does not answer right now; asking again later will work (503).
    #[error("temporarily unavailable")]
    Unavailable,
}

impl AppError {
    /// The HTTP status code for this error.
    pub fn status(&self) -> u16 {
        match self {
            Self::NotFound => 404,
            Self::SignInRequired => 401,
            Self::LevelRequired(_) | Self::Forbidden => 403,
            Self::BadRequest(_) => 400,
            Self::Conflict(_) => 409,
            Self::Internal => 500,
            Self::Unavailable => 503,
        }
    }

    /// [`Self::status`] as the server's status type.
    #[cfg(feature = "ssr")]
    pub fn status_code(&self) -> axum::http::StatusCode {
        axum::http::StatusCode::from_u16(self.status())
            .unwrap_or(axum::http::StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// Logs `cause` on the server and returns the opaque [`AppError::Internal`].
    #[cfg(feature = "ssr")]
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(%cause, "internal error");
        Self::Internal
    }
}

#[cfg(feature = "ssr")]
impl From<sea_orm::DbErr> for AppError {
    /// No connection to the database is a passing state, not a fault of the portal's:
    /// the person is told to try again soon.
    fn from(err: sea_orm::DbErr) -> Self {
        match err {
            sea_orm::DbErr::ConnectionAcquire(_) | sea_orm::DbErr::Conn(_) => {
                tracing::warn!(cause = %err, "database unavailable");
                Self::Unavailable
            }
            err => Self::internal(err),
        }
    }
}

impl leptos::server_fn::error::FromServerFnError for AppError {
    type Encoder = leptos::server_fn::codec::JsonEncoding;

    fn from_server_fn_error(value: leptos::server_fn::error::ServerFnErrorErr) -> Self {
        use leptos::server_fn::error::ServerFnErrorErr as E;
        match value {
            E::Args(msg) | E::Deserialization(msg) | E::MissingArg(msg) => Self::BadRequest(msg),
            _ => Self::Internal,
        }
    }
}

/// A plain answer with the error's status and its message, for routes that are not
/// pages (a form post's failure, a file that cannot be served).
#[cfg(feature = "ssr")]
impl axum::response::IntoResponse for AppError {
    fn into_response(self) -> axum::response::Response {
        (self.status_code(), self.to_string()).into_response()
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use sea_orm::{ConnAcquireErr, DbErr, RuntimeErr};

    use super::AppError;

    #[test]
    fn a_database_out_of_reach_is_unavailable_anything_else_internal() {
        let unreachable = AppError::from(DbErr::ConnectionAcquire(ConnAcquireErr::Timeout));
        assert_eq!(unreachable, AppError::Unavailable);
        assert_eq!(unreachable.status(), 503);
        let refused = AppError::from(DbErr::Conn(RuntimeErr::Internal("refused".into())));
        assert_eq!(refused, AppError::Unavailable);
        let broken = AppError::from(DbErr::Custom("constraint".into()));
        assert_eq!(broken, AppError::Internal);
        assert_eq!(broken.status(), 500);
    }

    #[tokio::test]
    async fn an_error_answers_with_its_status_and_message() {
        use axum::response::IntoResponse;
        use http_body_util::BodyExt;

        let answer = AppError::Conflict("the case was decided".into()).into_response();
        assert_eq!(answer.status(), axum::http::StatusCode::CONFLICT);
        let body = answer.into_body().collect().await.unwrap().to_bytes();
        assert_eq!(body, "conflict: the case was decided");
        assert_eq!(
            AppError::LevelRequired(crate::identity::Level::Substantial).status_code(),
            axum::http::StatusCode::FORBIDDEN
        );
    }
}
