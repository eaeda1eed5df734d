//! What a service's own definition says about how its cases move: its processing time
//! and whether a second person confirms each decision. The module that moves cases
//! takes it where its own process for the service leaves it open; a service built in
//! the designer has no process of its own at all. Provided (one) by the module that
//! holds the service definitions.

/// A service's stated process choices.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StatedProcess {
    /// Days a case of the service may take, if the service states them.
    pub deadline_days: Option<u32>,
    /// A second person confirms every approval and rejection.
    pub four_eyes: bool,
}

/// The stated process choices of the published services.
pub trait StatedProcesses: Send + Sync {
    /// What service `service` states, if it is published.
    fn of(&self, service: &str) -> Option<StatedProcess>;
}
