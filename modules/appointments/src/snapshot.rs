//! The bookable catalogue as the open interface reads it on every call: kept in
//! memory and read again from the catalogue module after [`FRESH_FOR`], so that a call
//! for free days costs one query of the counts, not a read of every office.

use std::{
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

/// The snapshot in use and when it was read.
#[derive(Debug, Default)]
pub struct CatalogueCache {
    kept: RwLock<Option<(Instant, Arc<Snapshot>)>>,
}

impl CatalogueCache {
    /// The snapshot, read again when older than [`FRESH_FOR`].
    pub async fn get(&self, ctx: &ModuleContext) -> Result<Arc<Snapshot>, AppError> {
        if let Some((read, snapshot)) = self.kept.read().await.as_ref()
            && read.elapsed() < FRESH_FOR
        {
            return Ok(Arc::clone(snapshot));
        }
        let mut kept = self.kept.write().await;
        // Another call may have read it while this one waited.
        if let Some((read, snapshot)) = kept.as_ref()
            && read.elapsed() < FRESH_FOR
        {
            return Ok(Arc::clone(snapshot));
        }
        let catalogue = catalogue(ctx)?;
        let snapshot = Arc::new(Snapshot {
            services: catalogue.services(ctx, Locale::DE.code()).await?,
            offices: catalogue.offices(ctx).await?,
        });
        *kept = Some((Instant::now(), Arc::clone(&snapshot)));
        Ok(snapshot)
    }
}
