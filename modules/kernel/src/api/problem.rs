//! Problem details (RFC 9457): every error of the interface is one JSON object with a
//! type (a link to its explanation on the interface's page), a title, the status and,
//! where it helps, what exactly was wrong.

use axum::{
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use serde::{Deserialize, Serialize};

use crate::{AppError, I18n};

/// The kinds of problems the interface reports, each documented on its page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// No bearer token, or one that is forged, expired, for another audience or from
    /// another issuer, or of a client the portal does not know (401).
    Unauthorized,
    /// The client lacks the scope the call needs (403).
    InsufficientScope,
    /// The client may not do this to this case (403).
    Forbidden,
    /// Nothing with this id among what the client may see (404).
    NotFound,
    /// The request is malformed or a value is invalid (400).
    Invalid,
    /// The case changed since the client read it, or its state does not allow this (409).
    Conflict,
    /// The request body is larger than the interface takes (413).
    TooLarge,
    /// The request body is not JSON (415).
    UnsupportedMediaType,
    /// The client sent more calls than its rate allows; `Retry-After` says when to
    /// try again (429).
    TooManyRequests,
    /// The portal failed; the call can be repeated later (500).
    Internal,
    /// Something the portal needs (the identity provider's keys) is not reachable
    /// now; the call can be repeated later (503).
    Unavailable,
}

impl ProblemKind {
    /// Every kind, in the order the interface's page explains them.
    pub const ALL: [ProblemKind; 11] = [
        Self::Unauthorized,
        Self::InsufficientScope,
        Self::Forbidden,
        Self::NotFound,
        Self::Invalid,
        Self::Conflict,
        Self::TooLarge,
        Self::UnsupportedMediaType,
        Self::TooManyRequests,
        Self::Internal,
        Self::Unavailable,
    ];

    /// The last part of the type URI.
    pub fn slug(self) -> &'static str {
        match self {
            Self::Unauthorized => "unauthorized",
            Self::InsufficientScope => "insufficient-scope",
            Self::Forbidden => "forbidden",
            Self::NotFound => "not-found",
            Self::Invalid => "invalid",
            Self::Conflict => "conflict",
            Self::TooLarge => "too-large",
            Self::UnsupportedMediaType => "unsupported-media-type",
            Self::TooManyRequests => "too-many-requests",
            Self::Internal => "internal",
            Self::Unavailable => "unavailable",
        }
    }

    /// The HTTP status.
    pub fn status(self) -> u16 {
        match self {
            Self::Unauthorized => 401,
            Self::InsufficientScope | Self::Forbidden => 403,
            Self::NotFound => 404,
            Self::Invalid => 400,
            Self::Conflict => 409,
            Self::TooLarge => 413,
            Self::UnsupportedMediaType => 415,
            Self::TooManyRequests => 429,
            Self::Internal => 500,
            Self::Unavailable => 503,
        }
    }

    /// The short, fixed title (English: the interface's language).
    pub fn title(self) -> &'static str {
        match self {
            Self::Unauthorized => "Valid bearer token required",
            Self::InsufficientScope => "Scope missing",
            Self::Forbidden => "Not allowed",
            Self::NotFound => "Not found",
            Self::Invalid => "Invalid request",
            Self::Conflict => "Conflict with the current state",
            Self::TooLarge => "Request body too large",
            Self::UnsupportedMediaType => "JSON expected",
            Self::TooManyRequests => "Too many requests",
            Self::Internal => "Internal error",
            Self::Unavailable => "Temporarily unavailable",
        }
    }

    /// The type URI: the section of the interface's page that explains the problem.
    pub fn type_uri(self) -> String {
        format!("{}#problem-{}", super::DOCS_PATH, self.slug())
    }
}

/// One problem, as sent (`application/problem+json`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Problem {
    /// Link to the explanation of this kind of problem.
    #[serde(rename = "type")]
    #[schema(examples("/api#problem-conflict"))]
    pub kind: String,
    /// Short title of the kind.
    #[schema(examples("The case has changed"))]
    pub title: String,
    /// HTTP status.
    #[schema(examples(409))]
    pub status: u16,
    /// What exactly was wrong, when it helps the caller.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(examples("the case is at version 4, the action names version 3"))]
    pub detail: Option<String>,
    /// The portal's stable code for this case of the problem (e.g.
    /// `cases-error-changed`), for programs to tell cases apart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(examples("cases-error-changed"))]
    pub code: Option<String>,
}

impl Problem {
    /// A problem of `kind` without detail.
    pub fn new(kind: ProblemKind) -> Self {
        Self {
            kind: kind.type_uri(),
            title: kind.title().to_owned(),
            status: kind.status(),
            detail: None,
            code: None,
        }
    }

    /// Logs `cause` on the server and returns the opaque internal problem.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(%cause, "internal error in the interface");
        Self::new(ProblemKind::Internal)
    }

    /// The same with `detail`.
    #[must_use]
    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    /// The problem for `error`, its detail in `texts` (the portal's keys become codes).
    pub fn from_error(error: AppError, texts: &I18n) -> Self {
        let explained = |kind: ProblemKind, key: String| Self {
            detail: Some(texts.try_t(&key).unwrap_or_else(|| key.clone())),
            code: Some(key),
            ..Self::new(kind)
        };
        match error {
            AppError::NotFound => Self::new(ProblemKind::NotFound),
            AppError::SignInRequired => Self::new(ProblemKind::Unauthorized),
            AppError::LevelRequired(_) | AppError::Forbidden => Self::new(ProblemKind::Forbidden),
            AppError::BadRequest(key) => explained(ProblemKind::Invalid, key),
            AppError::Conflict(key) => explained(ProblemKind::Conflict, key),
            AppError::Internal => Self::new(ProblemKind::Internal),
            AppError::Unavailable => Self::new(ProblemKind::Unavailable),
        }
    }
}

/// The media type of problem details.
pub const PROBLEM_JSON: &str = "application/problem+json";

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_vec(&self).unwrap_or_default();
        let mut response = (status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        if status == StatusCode::UNAUTHORIZED {
            headers.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"portal-api\""),
            );
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_have_distinct_slugs_and_client_or_server_statuses() {
        let mut slugs: Vec<_> = ProblemKind::ALL.iter().map(|k| k.slug()).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), ProblemKind::ALL.len());
        assert!(
            ProblemKind::ALL
                .iter()
                .all(|k| (400..=599).contains(&k.status()))
        );
    }

    #[test]
    fn the_body_leaves_out_what_is_unknown() {
        let json = serde_json::to_value(Problem::new(ProblemKind::NotFound)).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "type": "/api#problem-not-found",
                "title": "Not found",
                "status": 404
            })
        );
    }
}
