//! The processing deadline: it starts when the request is filed, pauses while the
//! case waits for the citizen, and moves back by the time it was paused.

use crate::lifecycle::State;

/// Seconds in a day.
const DAY: i64 = 86_400;

/// When a case filed at `submitted_at` is due with `days` to process it.
pub fn due_at(submitted_at: i64, days: u32) -> i64 {
    submitted_at.saturating_add(i64::from(days) * DAY)
}

/// The deadline and pause of a case after it moves from `from` to `to` at `now`.
pub fn after_move(
    from: State,
    to: State,
    due_at: i64,
    paused_since: Option<i64>,
    now: i64,
) -> (i64, Option<i64>) {
    match (from.deadline_runs(), to.deadline_runs(), paused_since) {
        // Leaving a pause: the deadline moves back by the time paused.
        (false, true, Some(since)) => (due_at.saturating_add((now - since).max(0)), None),
        // Entering a pause.
        (true, false, None) => (due_at, Some(now)),
        _ => (due_at, paused_since),
    }
}

/// Whether a case in `state` due at `due_at` is overdue at `now`.
pub fn is_overdue(state: State, due_at: i64, now: i64) -> bool {
    state.deadline_runs() && now > due_at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waiting_for_the_citizen_pauses_the_deadline() {
        let filed = 1_000_000;
        let due = due_at(filed, 14);
        assert_eq!(due, filed + 14 * DAY);
        // Three days in, the citizen is asked; they answer five days later.
        let asked = filed + 3 * DAY;
        let (due, paused) = after_move(
            State::InProgress,
            State::WaitingForCitizen,
            due,
            None,
            asked,
        );
        assert_eq!((due, paused), (filed + 14 * DAY, Some(asked)));
        assert!(!is_overdue(State::WaitingForCitizen, due, filed + 30 * DAY));
        let answered = asked + 5 * DAY;
        let (due, paused) = after_move(
            State::WaitingForCitizen,
            State::InProgress,
            due,
            paused,
            answered,
        );
        assert_eq!((due, paused), (filed + 19 * DAY, None));
        assert!(!is_overdue(State::InProgress, due, filed + 19 * DAY));
        assert!(is_overdue(State::InProgress, due, filed + 19 * DAY + 1));
        // Decided and closed cases are never overdue.
        assert!(!is_overdue(State::Decided, due, filed + 100 * DAY));
        assert!(!is_overdue(State::Closed, due, filed + 100 * DAY));
    }

    #[test]
    fn moves_between_running_states_keep_the_deadline() {
        assert_eq!(
            after_move(State::Submitted, State::InProgress, 5, None, 3),
            (5, None)
        );
        assert_eq!(
            after_move(State::InProgress, State::Consulting, 5, None, 3),
            (5, None)
        );
    }
}
