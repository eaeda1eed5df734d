//! A refused post loses nothing: the text someone wrote for an action, note or message
//! waits in their session and is back in its field when the case page shows the
//! reason (files cannot wait this way and are chosen again).

use serde::{Deserialize, Serialize};
use tower_sessions::Session;

/// Session key of the waiting text.
const KEY: &str = "cases.unsent";

/// Text written for `action` on case `case` that was not taken.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unsent {
    /// The case.
    pub case: String,
    /// The action, note or message it was for.
    pub action: String,
    /// What was written.
    pub text: String,
}

/// Keeps `unsent` (only the latest waits).
pub async fn keep(session: &Session, unsent: Unsent) {
    if unsent.text.trim().is_empty() {
        return;
    }
    if let Err(err) = session.insert(KEY, unsent).await {
        tracing::warn!(error = %err, "the text of a refused post could not be kept");
    }
}

/// The waiting text for case `case`, removed from the session; `(action, text)`.
pub async fn take(session: &Session, case: &str) -> Option<(String, String)> {
    let unsent: Unsent = session.get(KEY).await.ok().flatten()?;
    if unsent.case != case {
        return None;
    }
    let _ = session.remove::<Unsent>(KEY).await;
    Some((unsent.action, unsent.text))
}

/// The waiting text for case `case` in a server function's request.
pub async fn take_in_page(case: &str) -> Option<(String, String)> {
    let session = leptos_axum::extract::<Session>().await.ok()?;
    take(&session, case).await
}
