//! The time sessions are judged by. Production reads the system clock; tests move it
//! forward to check timeouts without waiting.

use std::sync::{
    Arc,
    atomic::{AtomicI64, Ordering},
};

use tower_sessions::cookie::time::OffsetDateTime;

/// The current Unix time, plus an offset that only tests change. Clones share the offset.
#[derive(Clone, Debug, Default)]
pub struct Clock {
    offset_secs: Arc<AtomicI64>,
}

impl Clock {
    /// Unix seconds now.
    pub fn now(&self) -> i64 {
        OffsetDateTime::now_utc().unix_timestamp() + self.offset()
    }

    /// Seconds this clock is ahead of the system clock (0 outside tests).
    pub fn offset(&self) -> i64 {
        self.offset_secs.load(Ordering::Relaxed)
    }

    /// Moves this clock (and every clone) forward by `secs`.
    pub fn advance(&self, secs: i64) {
        self.offset_secs.fetch_add(secs, Ordering::Relaxed);
    }
}
