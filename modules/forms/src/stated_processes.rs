//! The process choices the published services state (their processing days, four
//! eyes), for the module that moves their cases.

use std::sync::{Arc, OnceLock};

use kernel::stated_process::{StatedProcess, StatedProcesses};

use crate::state::FormsState;

/// The published services' stated process choices, once the module has started.
pub struct PublishedProcesses(Arc<OnceLock<Arc<FormsState>>>);

impl PublishedProcesses {
    /// Reads from the module's state once it is there.
    pub fn new(state: Arc<OnceLock<Arc<FormsState>>>) -> Self {
        Self(state)
    }
}

impl StatedProcesses for PublishedProcesses {
    fn of(&self, service: &str) -> Option<StatedProcess> {
        let published = self.0.get()?.published();
        let definition = &published.catalogue.by_id(service)?.definition;
        Some(StatedProcess {
            deadline_days: definition.processing_days,
            four_eyes: definition.four_eyes,
        })
    }
}
