//! The session cookie and the periodic clean-up of expired sessions.

use std::time::Duration;

use tower_sessions::{
    Expiry, SessionManagerLayer, cookie::SameSite, cookie::time, session_store::ExpiredDeletion,
};

use super::session_store::DbSessionStore;
use crate::server::Settings;

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "portal_session";
/// Its name on https: the `__Host-` prefix makes browsers accept it only host-only,
/// `Secure` and for the whole site, so no other host of the domain can plant one.
pub const SECURE_SESSION_COOKIE: &str = "__Host-portal_session";
/// How often expired sessions are deleted.
const CLEANUP_PERIOD: Duration = Duration::from_secs(300);

/// The session cookie's name under `settings`.
pub fn cookie_name(settings: &Settings) -> &'static str {
    if settings.secure_cookies() {
        SECURE_SESSION_COOKIE
    } else {
        SESSION_COOKIE
    }
}

/// Host-only, `HttpOnly`, `SameSite=Lax` session cookie, `Secure` with the `__Host-`
/// prefix unless the portal runs on plain http; the session ends after
/// `session_idle_minutes` without a request.
pub fn layer(store: DbSessionStore, settings: &Settings) -> SessionManagerLayer<DbSessionStore> {
    SessionManagerLayer::new(store)
        .with_name(cookie_name(settings))
        .with_path("/")
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(settings.secure_cookies())
        .with_expiry(Expiry::OnInactivity(time::Duration::minutes(
            settings.session_idle_minutes.into(),
        )))
        // Every request counts as activity, not only those that change the session.
        .with_always_save(true)
}

/// Deletes expired sessions every few minutes, until `stop` is cancelled.
pub fn spawn_cleanup(store: DbSessionStore, stop: tokio_util::sync::CancellationToken) {
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(CLEANUP_PERIOD);
        loop {
            tokio::select! {
                () = stop.cancelled() => return,
                _ = interval.tick() => {}
            }
            let cleaned = store.delete_expired().await;
            if let Err(err) = kernel::job_runs::record("session_cleanup", cleaned) {
                tracing::warn!(error = %err, "deleting expired sessions failed");
            }
        }
    });
}
