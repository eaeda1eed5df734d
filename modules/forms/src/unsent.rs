//! Answers posted after the session had ended are not lost: they wait in the
//! (anonymous) session while the citizen signs in again, and are put into the draft
//! when the step is shown to its owner. Files cannot wait this way; text can.

use serde::{Deserialize, Serialize};
use tower_sessions::Session;

/// Session key of the waiting answers.
const KEY: &str = "forms.unsent";

/// A step's post that arrived without a signed-in owner.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct Unsent {
    draft: String,
    step: String,
    pairs: Vec<(String, String)>,
}

/// Keeps `pairs` posted to `step` of `draft` (only the latest post waits).
pub async fn keep(session: &Session, draft: &str, step: &str, pairs: Vec<(String, String)>) {
    let unsent = Unsent {
        draft: draft.to_owned(),
        step: step.to_owned(),
        pairs,
    };
    if let Err(err) = session.insert(KEY, unsent).await {
        tracing::warn!(error = %err, "answers of an ended session could not be kept");
    }
}

/// The waiting answers for `step` of `draft`, removed from the session.
pub async fn take(session: &Session, draft: &str, step: &str) -> Option<Vec<(String, String)>> {
    let unsent: Unsent = session.get(KEY).await.ok().flatten()?;
    if unsent.draft != draft || unsent.step != step {
        return None;
    }
    let _ = session.remove::<Unsent>(KEY).await;
    Some(unsent.pairs)
}
