//! The module's addresses, in one place for pages, handlers and redirects.

/// Step `step` of `draft`.
pub fn step(draft: &str, step: &str) -> String {
    format!("/antraege/{draft}/{step}")
}

/// The check-your-answers page of `draft`.
pub fn review(draft: &str) -> String {
    format!("/antraege/{draft}/pruefen")
}

/// The receipt of submission `id`.
pub fn receipt(id: &str) -> String {
    format!("/antraege/eingang/{id}")
}
