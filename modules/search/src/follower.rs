//! Where an index stands in the search outbox.
//!
//! Outbox numbers are handed out when a transaction writes its row, not when it
//! commits: a reader can see number 12 before number 11 of a transaction still running.
//! The follower therefore moves its position only over numbers without a gap before
//! them; a gap that stays open for [`GAP_WAIT`] was a rolled-back transaction and is
//! stepped over. Changes after a gap are applied anyway and read again next time
//! (applying a change twice does no harm), so nothing waits on a gap but the position.

use std::time::{Duration, Instant};

use kernel::search_outbox::Change;

/// How long a missing number may still be a running transaction.
pub const GAP_WAIT: Duration = Duration::from_secs(10);

/// An index's position in the outbox.
#[derive(Clone, Debug)]
pub struct Follower {
    position: i64,
    /// The first missing number and when it was first seen missing.
    gap: Option<(i64, Instant)>,
    /// The highest number read so far: changes after a gap are read again.
    newest: i64,
}

impl Follower {
    /// A follower that has applied everything up to `position`.
    pub fn new(position: i64) -> Self {
        Self {
            position,
            gap: None,
            newest: position,
        }
    }

    /// Those of `changes` (read after the position) not read before.
    pub fn unread<'a>(&self, changes: &'a [Change]) -> impl Iterator<Item = &'a Change> {
        let newest = self.newest;
        changes.iter().filter(move |change| change.seq > newest)
    }

    /// The last change applied with everything before it.
    pub fn position(&self) -> i64 {
        self.position
    }

    /// Tells the monitoring how far `index` has applied the outbox
    /// (`portal_search_index_position`; the lag is the outbox's latest number minus it).
    pub fn report(&self, index: &'static str) {
        // Exact: outbox numbers stay far below 2^53.
        metrics::gauge!("portal_search_index_position", "index" => index).set(self.position as f64);
    }

    /// Moves the position over `changes` (read after it, in order), as far as no gap
    /// younger than [`GAP_WAIT`] stands before them.
    pub fn advance(&mut self, changes: &[Change], now: Instant) {
        self.newest = changes.iter().map(|c| c.seq).fold(self.newest, i64::max);
        let mut next = self.position;
        for change in changes {
            if change.seq <= next {
                continue;
            }
            if change.seq != next + 1 {
                let missing = next + 1;
                let since = match self.gap {
                    Some((seq, since)) if seq == missing => since,
                    _ => {
                        self.gap = Some((missing, now));
                        now
                    }
                };
                if now.duration_since(since) < GAP_WAIT {
                    break;
                }
            }
            next = change.seq;
        }
        if self.gap.is_some_and(|(seq, _)| seq <= next) {
            self.gap = None;
        }
        self.position = next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changes(seqs: &[i64]) -> Vec<Change> {
        seqs.iter()
            .map(|&seq| Change {
                seq,
                module: "cases".into(),
                id: seq.to_string(),
                at: 0,
            })
            .collect()
    }

    #[test]
    fn moves_over_numbers_without_gaps() {
        let mut follower = Follower::new(3);
        follower.advance(&changes(&[4, 5, 6]), Instant::now());
        assert_eq!(follower.position(), 6);
    }

    #[test]
    fn waits_at_a_gap_until_it_is_filled() {
        let start = Instant::now();
        let mut follower = Follower::new(3);
        follower.advance(&changes(&[4, 6, 7]), start);
        assert_eq!(follower.position(), 4, "5 may still be written");
        follower.advance(&changes(&[6, 7]), start + Duration::from_secs(1));
        assert_eq!(follower.position(), 4);
        follower.advance(&changes(&[5, 6, 7]), start + Duration::from_secs(2));
        assert_eq!(follower.position(), 7, "5 arrived");
    }

    #[test]
    fn changes_after_a_gap_are_unread_once() {
        let start = Instant::now();
        let mut follower = Follower::new(3);
        let first = changes(&[4, 6]);
        assert_eq!(follower.unread(&first).count(), 2);
        follower.advance(&first, start);
        let again = changes(&[6, 7]);
        let unread: Vec<i64> = follower.unread(&again).map(|c| c.seq).collect();
        assert_eq!(unread, [7], "6 was read before the gap at 5 closed");
    }

    #[test]
    fn steps_over_a_gap_that_stays_open() {
        let start = Instant::now();
        let mut follower = Follower::new(3);
        follower.advance(&changes(&[6]), start);
        assert_eq!(follower.position(), 3);
        follower.advance(&changes(&[6, 8]), start + GAP_WAIT);
        assert_eq!(
            follower.position(),
            6,
            "4 and 5 rolled back; 7 is a new gap"
        );
        follower.advance(
            &changes(&[8]),
            start + GAP_WAIT * 2 + Duration::from_secs(1),
        );
        assert_eq!(follower.position(), 8);
    }
}
