//! The bookable catalogue as the pages, posts and the open interface read it on every
//! call: kept in memory (per language of the service names) and read again from the catalogue module after [`FRESH_FOR`], so that a call
//! for free days costs one query of the counts, not a read of every office.

use std::{
    collections::HashMap,
    sync::Arc,
    time::{Duration, Instant},
};

use kernel::{
    AppError, Locale, ModuleContext,
    booking::{BookableOffice, BookableService, BookingCatalogue},
};
use tokio::sync::RwLock;

/// How long a read catalogue is used: an import shows within this time.
pub const FRESH_FOR: Duration = Duration::from_secs(60);

/// The bookable services (names in German) and offices at one moment.
#[derive(Debug)]
pub struct Snapshot {
    /// Every bookable service.
    pub services: Vec<BookableService>,
    /// Every office taking bookings.
    pub offices: Vec<BookableOffice>,
}

/// The catalogue's bookable part; an installation without it books nothing.
pub fn catalogue(ctx: &ModuleContext) -> Result<Arc<dyn BookingCatalogue>, AppError> {
    ctx.get::<dyn BookingCatalogue>().ok_or(AppError::NotFound)
}

/// The snapshots in use, by language of the service names, and when each was read.
#[derive(Debug, Default)]
pub struct CatalogueCache {
    kept: RwLock<HashMap<String, (Instant, Arc<Snapshot>)>>,
}

impl CatalogueCache {
    /// The snapshot with German service names (the interface's).
    pub async fn get(&self, ctx: &ModuleContext) -> Result<Arc<Snapshot>, AppError> {
        self.get_in(ctx, Locale::DE.code()).await
    }

    /// The snapshot with service names in `locale` (German where not translated),
    /// read again when older than [`FRESH_FOR`].
    pub async fn get_in(
        &self,
        ctx: &ModuleContext,
        locale: &str,
    ) -> Result<Arc<Snapshot>, AppError> {
        let fresh = |kept: &HashMap<String, (Instant, Arc<Snapshot>)>| {
            kept.get(locale)
                .filter(|(read, _)| read.elapsed() < FRESH_FOR)
                .map(|(_, snapshot)| Arc::clone(snapshot))
        };
        if let Some(snapshot) = fresh(&*self.kept.read().await) {
            return Ok(snapshot);
        }
        let mut kept = self.kept.write().await;
        // Another call may have read it while this one waited.
        if let Some(snapshot) = fresh(&kept) {
            return Ok(snapshot);
        }
        let catalogue = catalogue(ctx)?;
        let snapshot = Arc::new(Snapshot {
            services: catalogue.services(ctx, locale).await?,
            offices: catalogue.offices(ctx).await?,
        });
        kept.insert(locale.to_owned(), (Instant::now(), Arc::clone(&snapshot)));
        Ok(snapshot)
    }
}
