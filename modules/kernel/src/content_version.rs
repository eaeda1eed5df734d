//! Which version of the public content (catalogue entries, services and their online
//! state) this process has seen: a number that grows whenever a change to a document
//! of the public catalogue arrives through the search outbox. Pages that are the same
//! for every visitor are stored under the version they were rendered at, and are
//! rendered again once it has moved on.
//!
//! Every process follows the outbox on its own, so a change made through one of them
//! reaches all of them (within the indexer's poll, a fraction of a second).

use std::sync::{
    Arc,
    atomic::{AtomicU64, Ordering},
};

/// The process's content version, shared by its modules and its page store.
#[derive(Clone, Debug, Default)]
pub struct ContentVersion(Arc<AtomicU64>);

impl ContentVersion {
    /// The version now. Read it before rendering: a change arriving meanwhile leaves
    /// the rendered page under the older number, which is then never served again.
    pub fn current(&self) -> u64 {
        self.0.load(Ordering::Acquire)
    }

    /// Says that public content changed: everything rendered before is outdated.
    pub fn changed(&self) {
        self.0.fetch_add(1, Ordering::AcqRel);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_moves_every_clone_on() {
        let version = ContentVersion::default();
        let seen_by_pages = version.clone();
        let before = seen_by_pages.current();
        version.changed();
        assert_eq!(seen_by_pages.current(), before + 1);
    }
}
