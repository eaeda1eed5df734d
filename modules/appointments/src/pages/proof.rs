//! The browser's part of the proof of work (ALTCHA): while the citizen looks at the
//! times, the browser app searches the number whose SHA-256 with the salt is the
//! challenge, in small steps so the page stays responsive, and puts the solution into
//! the form (`altcha`). A page without JavaScript posts none, which the portal allows
//! within its limit per address.

use leptos::prelude::*;

use crate::view::ProofChallenge;

/// Numbers tried per step before the browser gets a turn.
#[cfg_attr(not(feature = "hydrate"), expect(dead_code, reason = "browser only"))]
const STEP: u64 = 2_000;

/// The challenge in the page as the ALTCHA protocol writes it (for other clients),
/// and the hidden `altcha` field, filled once the browser has solved it: an island.
#[island]
pub fn ProofOfWork(challenge: ProofChallenge) -> impl IntoView {
    let (solution, set_solution) = signal(None::<String>);
    let written = challenge_json(&challenge);
    // Effects run in the browser only.
    Effect::new(move |_| solve(challenge.clone(), 0, set_solution));
    view! {
        <span hidden data-altcha-challenge=written></span>
        {move || solution.get().map(|s| view! { <input type="hidden" name="altcha" value=s /> })}
    }
}

/// `challenge` as ALTCHA's JSON (`maxnumber` in its spelling).
fn challenge_json(challenge: &ProofChallenge) -> String {
    format!(
        r#"{{"algorithm":"{}","challenge":"{}","maxnumber":{},"salt":"{}","signature":"{}"}}"#,
        challenge.algorithm,
        challenge.challenge,
        challenge.max_number,
        challenge.salt,
        challenge.signature
    )
}

/// The payload the portal checks: the challenge with the number found.
#[cfg_attr(
    not(any(feature = "hydrate", test)),
    expect(dead_code, reason = "browser only")
)]
fn payload(challenge: &ProofChallenge, number: u64) -> String {
    format!(
        r#"{{"algorithm":"{}","challenge":"{}","number":{number},"salt":"{}","signature":"{}"}}"#,
        challenge.algorithm, challenge.challenge, challenge.salt, challenge.signature
    )
}

/// Whether `number` solves `challenge`.
#[cfg_attr(
    not(any(feature = "hydrate", test)),
    expect(dead_code, reason = "browser only")
)]
fn solves(challenge: &ProofChallenge, number: u64) -> bool {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("{}{number}", challenge.salt));
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    hex == challenge.challenge
}

/// Tries the numbers from `from` for one step, then yields to the browser and goes on.
#[cfg(feature = "hydrate")]
fn solve(challenge: ProofChallenge, from: u64, found: WriteSignal<Option<String>>) {
    let until = from
        .saturating_add(STEP)
        .min(challenge.max_number.saturating_add(1));
    if let Some(number) = (from..until).find(|n| solves(&challenge, *n)) {
        found.set(Some(payload(&challenge, number)));
        return;
    }
    if until <= challenge.max_number {
        set_timeout(
            move || solve(challenge, until, found),
            std::time::Duration::ZERO,
        );
    }
}

/// On the server nothing is solved.
#[cfg(not(feature = "hydrate"))]
fn solve(_challenge: ProofChallenge, _from: u64, _found: WriteSignal<Option<String>>) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_number_found_solves_the_challenge_and_goes_into_the_payload() {
        use sha2::{Digest, Sha256};
        let salt = "0a1b2c?expires=1893456000";
        let challenge = ProofChallenge {
            algorithm: "SHA-256".into(),
            challenge: Sha256::digest(format!("{salt}4321"))
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
            max_number: 10_000,
            salt: salt.into(),
            signature: "f00d".into(),
        };
        let number = (0..=challenge.max_number).find(|n| solves(&challenge, *n));
        assert_eq!(number, Some(4321));
        let sent: serde_json::Value = serde_json::from_str(&payload(&challenge, 4321)).unwrap();
        assert_eq!(sent["number"], 4321);
        assert_eq!(sent["salt"], salt);
    }
}
