//! The optional proof of work on holding a time, in the open ALTCHA protocol that
//! Munich's booking system uses: the times form carries a signed challenge, the
//! browser app solves it (a search for the number whose SHA-256 with the salt is the
//! challenge) while the citizen chooses, and a hold with the solution is exempt from
//! the hold limit per client address. So many citizens behind one address (a library,
//! a city terminal) are not held up, while a client that holds many times pays for
//! each. Without JavaScript nothing changes: the limit per address, and the e-mail
//! confirmation, are the gate. Each solution holds once.

use altcha_lib_rs::{ChallengeOptions, Payload, create_challenge, verify_solution};
use kernel::{AppError, sql::statement};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, SqlErr};

use crate::view::ProofChallenge;

/// How long a challenge may be solved and redeemed.
const VALID_MINUTES: i64 = 30;

/// Challenges and their checks, signed with the key all portal processes share.
#[derive(Debug)]
pub struct ProofOfWork {
    key: String,
    max_number: u64,
}

/// What a posted solution comes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Redeemed {
    /// Valid, and redeemed now.
    Yes,
    /// Not a solution of a challenge of ours, expired, or redeemed before.
    Refused,
}

impl ProofOfWork {
    /// The proof with challenges up to `max_number` (the work: on average half of it
    /// hashes), signed with the key in the database (drawn by the first process);
    /// `None` when `max_number` is 0 (off).
    pub async fn start(db: &DatabaseConnection, max_number: u64) -> Result<Option<Self>, DbErr> {
        if max_number == 0 {
            return Ok(None);
        }
        let drawn: [u8; 32] = rand::random();
        let drawn: String = drawn.iter().map(|b| format!("{b:02x}")).collect();
        db.execute(statement(
            db,
            "INSERT INTO appointments_proof_key (id, secret) VALUES (1, $1) \
             ON CONFLICT (id) DO NOTHING",
            vec![drawn.into()],
        ))
        .await?;
        let key = db
            .query_one(statement(
                db,
                "SELECT secret FROM appointments_proof_key WHERE id = 1",
                vec![],
            ))
            .await?
            .ok_or_else(|| DbErr::RecordNotFound("appointments_proof_key".into()))?
            .try_get::<String>("", "secret")?;
        Ok(Some(Self { key, max_number }))
    }

    /// A new challenge, valid for [`VALID_MINUTES`].
    pub fn challenge(
        &self,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<ProofChallenge, AppError> {
        let challenge = create_challenge(ChallengeOptions {
            hmac_key: &self.key,
            max_number: Some(self.max_number),
            expires: Some(now + chrono::Duration::minutes(VALID_MINUTES)),
            ..ChallengeOptions::default()
        })
        .map_err(AppError::internal)?;
        Ok(ProofChallenge {
            algorithm: "SHA-256".into(),
            challenge: challenge.challenge,
            max_number: challenge.maxnumber,
            salt: challenge.salt,
            signature: challenge.signature,
        })
    }

    /// Forgets the redeemed challenges that have run out anyway (the module's periodic
    /// job calls it, not every hold); returns how many.
    pub async fn forget_expired(db: &impl ConnectionTrait, now: i64) -> Result<u64, DbErr> {
        Ok(db
            .execute(statement(
                db,
                "DELETE FROM appointments_proof_used WHERE expires_at < $1",
                vec![now.into()],
            ))
            .await?
            .rows_affected())
    }

    /// Checks the solution posted as `text` (the JSON the browser app writes) and
    /// redeems it: a second time it is refused.
    pub async fn redeem(
        &self,
        db: &impl ConnectionTrait,
        text: &str,
        now: i64,
    ) -> Result<Redeemed, DbErr> {
        let Ok(payload) = serde_json::from_str::<Payload>(text) else {
            return Ok(Redeemed::Refused);
        };
        if payload.number > self.max_number || verify_solution(&payload, &self.key, true).is_err() {
            return Ok(Redeemed::Refused);
        }
        let redeemed = db
            .execute(statement(
                db,
                "INSERT INTO appointments_proof_used (challenge, expires_at) VALUES ($1, $2)",
                vec![payload.challenge.into(), (now + VALID_MINUTES * 60).into()],
            ))
            .await;
        match redeemed {
            Ok(_) => Ok(Redeemed::Yes),
            Err(error) if matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
                Ok(Redeemed::Refused)
            }
            Err(error) => Err(error),
        }
    }
}
