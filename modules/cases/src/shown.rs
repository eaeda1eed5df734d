//! A case's timeline entries and documents as its pages show them, to staff and to
//! the citizen.

use serde::{Deserialize, Serialize};

/// A timeline entry as shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShownEvent {
    /// When, `DD.MM.YYYY HH:MM`.
    pub at: String,
    /// Who.
    pub actor: String,
    /// What (`filed`, or an action).
    pub kind: String,
    /// Reason, message or opinion.
    pub body: Option<String>,
    /// Only for staff.
    pub internal: bool,
}

#[cfg(feature = "ssr")]
impl From<crate::timeline::Event> for ShownEvent {
    fn from(event: crate::timeline::Event) -> Self {
        Self {
            at: kernel::time::minute(event.at),
            actor: event.actor_name,
            kind: event.kind.as_str().to_owned(),
            body: event.body,
            internal: event.internal,
        }
    }
}

/// A document of the case as listed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShownDocument {
    /// Storage id (the download address names it).
    pub id: String,
    /// File name.
    pub name: String,
    /// MIME type.
    pub media_type: String,
    /// Size in bytes.
    pub size: u64,
    /// `request` (filed with it), `answer`, `letter` or `opinion`.
    pub kind: String,
    /// When it came, `DD.MM.YYYY HH:MM`.
    pub at: String,
    /// Only for staff.
    pub internal: bool,
}
