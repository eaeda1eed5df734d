//! What an administrator typed into one of the designer's forms is kept when it was
//! refused (a taken id, a missing label, a length that is no number): the page shows
//! the form filled in again beside the reason. It waits in the session for the next
//! view of that design.

use tower_sessions::Session;

/// Session key of a refused form's values.
const TYPED: &str = "forms.designer-typed";

/// Most inputs kept of one form (the forms have far fewer; a post with more is no
/// form of the page).
const MOST_INPUTS: usize = 64;

/// The file box, kept whole when its save was refused (someone saved meanwhile).
pub const SOURCE: &str = "quelle";

/// Longest value kept of one input (but the file box).
const LONGEST_VALUE: usize = 4_000;

/// A refused form's values.
#[derive(serde::Serialize, serde::Deserialize)]
struct Typed {
    design: i32,
    pairs: Vec<(String, String)>,
}

/// Keeps the values of the refused post `body` to design `design`: every input the
/// form sent, as far as a form of the page has them.
pub async fn keep(session: &Session, design: i32, body: &[u8]) {
    let pairs = form_urlencoded::parse(body)
        .take(MOST_INPUTS)
        .map(|(k, v)| {
            let longest = if k == SOURCE {
                crate::designs::LONGEST_SOURCE
            } else {
                LONGEST_VALUE
            };
            (
                k.chars().take(64).collect(),
                v.chars().take(longest).collect(),
            )
        })
        .collect();
    if let Err(error) = session.insert(TYPED, Typed { design, pairs }).await {
        tracing::warn!(%error, "the designer's field form could not be kept");
    }
}

/// What was typed into a form of design `design` before it was refused, taken from
/// the session.
pub async fn take(session: &Session, design: i32) -> Vec<(String, String)> {
    match session.remove::<Typed>(TYPED).await {
        Ok(Some(typed)) if typed.design == design => typed.pairs,
        _ => Vec::new(),
    }
}
