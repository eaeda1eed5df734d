//! Answers posted after the session had ended are not lost: they wait in the
//! (anonymous) session while the citizen signs in again, and are put into the draft
//! when the step is shown to its owner. Files cannot wait this way; text can.
//!
//! Nobody signed in sends these, so what is kept is bounded: only for a draft that
//! exists (its address is known only to its owner), only the step's own fields, and
//! at most [`MAX_KEPT`] bytes.

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

/// The most bytes (names and values) kept from one post.
pub const MAX_KEPT: usize = 64 * 1024;

/// The pairs of `posted` that belong to `step`'s fields (`home.street` to `home`), up
/// to [`MAX_KEPT`] bytes.
pub fn of_step(
    step: &crate::definition::Step,
    posted: Vec<(String, String)>,
) -> Vec<(String, String)> {
    let mut used = 0;
    posted
        .into_iter()
        .filter(|(name, _)| {
            let field = name.split('.').next().unwrap_or_default();
            step.fields.iter().any(|f| f.id == field)
        })
        .take_while(|(name, value)| {
            used += name.len() + value.len();
            used <= MAX_KEPT
        })
        .collect()
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
