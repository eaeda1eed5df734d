//! What an administrator typed into one of the designer's forms is kept when it was
//! refused (a taken id, a missing label, a length that is no number): the page shows
//! the form filled in again beside the reason. It waits in the session for the next view of that design.

use tower_sessions::Session;

/// Session key of a refused field form's values.
const TYPED: &str = "forms.designer-typed";

/// The names of the field forms and the basics form (and the rules of a field, see
/// [`crate::design_rules::is_rule_key`]); nothing else is kept.
const FIELD_FORM: [&str; 27] = [
    "aktion",
    "feld",
    "schritt",
    "art",
    "kennung",
    "bezeichnung_de",
    "bezeichnung_en",
    "hinweis_de",
    "hinweis_en",
    "pflicht",
    "optionen",
    "bedingung",
    "schritt_titel_de",
    "schritt_titel_en",
    "titel_de",
    "titel_en",
    "kurz_de",
    "kurz_en",
    "was_de",
    "was_en",
    "wer_de",
    "wer_en",
    "niveau",
    "referat",
    "bearbeitungstage",
    "termin",
    "vieraugen",
];

/// The file box, kept whole when its save was refused (someone saved meanwhile).
pub const SOURCE: &str = "quelle";

/// Longest value kept of one input (but the file box).
const LONGEST_VALUE: usize = 4_000;

/// The field form's values, kept when a field could not be added.
#[derive(serde::Serialize, serde::Deserialize)]
struct Typed {
    design: i32,
    pairs: Vec<(String, String)>,
}

/// Keeps the field form's values of the post `body` to design `design`.
pub async fn keep(session: &Session, design: i32, body: &[u8]) {
    let pairs = form_urlencoded::parse(body)
        .filter(|(k, _)| {
            FIELD_FORM.contains(&k.as_ref()) || k == SOURCE || crate::design_rules::is_rule_key(k)
        })
        .map(|(k, v)| {
            let longest = if k == SOURCE {
                crate::designs::LONGEST_SOURCE
            } else {
                LONGEST_VALUE
            };
            (k.into_owned(), v.chars().take(longest).collect())
        })
        .collect();
    if let Err(error) = session.insert(TYPED, Typed { design, pairs }).await {
        tracing::warn!(%error, "the designer's field form could not be kept");
    }
}

/// What was typed into design `design`'s field form before it was refused, taken from
/// the session.
pub async fn take(session: &Session, design: i32) -> Vec<(String, String)> {
    match session.remove::<Typed>(TYPED).await {
        Ok(Some(typed)) if typed.design == design => typed.pairs,
        _ => Vec::new(),
    }
}
