//! The free days of an office for a visit of so many slots, kept for [`FRESH_FOR`]:
//! listing them reads every full slot of the horizon, and many citizens (and the open
//! interface) ask for the same office at once. A booking, cancellation or move through
//! this process forgets the office's entries at once; another process's shows within
//! [`FRESH_FOR`]. Only the listing is cached: holding a time always asks the database,
//! which keeps every slot within its capacity.

use std::{
    collections::HashMap,
    sync::Mutex,
    time::{Duration, Instant},
};

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ConnectionTrait, DbErr};

use crate::{availability, schedule::OfficeSchedule};

/// How long listed free days are used.
pub const FRESH_FOR: Duration = Duration::from_secs(2);

/// Most entries kept; beyond, the oldest half is forgotten.
const MOST: usize = 4096;

/// An office and the slots a visit needs.
type Key = (String, usize);

/// Free days and when they were read.
type Kept = (Instant, Vec<NaiveDate>);

/// Free days by office and slots needed.
#[derive(Debug, Default)]
pub struct FreeDaysCache {
    kept: Mutex<HashMap<Key, Kept>>,
}

impl FreeDaysCache {
    /// The free days of `schedule`'s office for `need` slots: kept ones while fresh
    /// (and of the same Munich day), else read.
    pub async fn get(
        &self,
        db: &impl ConnectionTrait,
        schedule: &OfficeSchedule,
        need: usize,
        now: DateTime<Utc>,
    ) -> Result<Vec<NaiveDate>, DbErr> {
        let key = (schedule.office.clone(), need);
        if let Ok(kept) = self.kept.lock()
            && let Some((read, days)) = kept.get(&key)
            && read.elapsed() < FRESH_FOR
        {
            return Ok(days.clone());
        }
        let days = availability::free_days(db, schedule, need, now).await?;
        if let Ok(mut kept) = self.kept.lock() {
            if kept.len() >= MOST {
                kept.retain(|_, (read, _)| read.elapsed() < FRESH_FOR);
            }
            kept.insert(key, (Instant::now(), days.clone()));
        }
        Ok(days)
    }

    /// Forgets what is kept for `office` (its free times changed).
    pub fn forget(&self, office: &str) {
        if let Ok(mut kept) = self.kept.lock() {
            kept.retain(|(kept_office, _), _| kept_office != office);
        }
    }
}
