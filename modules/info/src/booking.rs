//! The bookable part of the catalogue, as the appointments module reads it
//! ([`kernel::booking::BookingCatalogue`]).

use std::collections::{BTreeMap, HashSet};

use async_trait::async_trait;
use kernel::{
    AppError, Locale, ModuleContext,
    booking::{BookableOffice, BookableService, BookingCatalogue, BookingPages},
};
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};

use crate::{
    entity::{office, office_booking, service},
    read::{filing_key, one_per_service},
};

/// Reads the booking facts from the catalogue's tables.
pub struct Bookable;

#[async_trait]
impl BookingCatalogue for Bookable {
    async fn services(
        &self,
        ctx: &ModuleContext,
        locale: &str,
    ) -> Result<Vec<BookableService>, AppError> {
        services(&ctx.db, locale).await.map_err(AppError::internal)
    }

    async fn offices(&self, ctx: &ModuleContext) -> Result<Vec<BookableOffice>, AppError> {
        offices(&ctx.db).await.map_err(AppError::internal)
    }
}

/// Where an appointment for service `id` is booked, when a module books appointments
/// and some published office taking bookings offers it (a service page asks this on
/// every view: three small queries, not the whole catalogue).
pub async fn booking_href(ctx: &ModuleContext, id: &str) -> Result<Option<String>, AppError> {
    let Some(booking) = ctx.get::<dyn BookingPages>() else {
        return Ok(None);
    };
    let offered = async {
        let bookable = service::Entity::find()
            .filter(service::Column::Id.eq(id))
            .filter(service::Column::Published.eq(true))
            .filter(service::Column::Bookable.eq(true))
            .one(&ctx.db)
            .await?
            .is_some();
        if !bookable {
            return Ok::<bool, DbErr>(false);
        }
        let at: Vec<String> = office_booking::Entity::find()
            .filter(office_booking::Column::ServiceId.eq(id))
            .all(&ctx.db)
            .await?
            .into_iter()
            .map(|link| link.office_id)
            .collect();
        Ok(office::Entity::find()
            .filter(office::Column::Id.is_in(at))
            .filter(office::Column::Published.eq(true))
            .filter(office::Column::Bookable.eq(true))
            .one(&ctx.db)
            .await?
            .is_some())
    }
    .await
    .map_err(AppError::internal)?;
    Ok(offered.then(|| booking.href(id)))
}

/// Published offices that take bookings, each with the published bookable services it
/// offers.
async fn offices(db: &DatabaseConnection) -> Result<Vec<BookableOffice>, DbErr> {
    let bookable: HashSet<String> = service::Entity::find()
        .filter(service::Column::Published.eq(true))
        .filter(service::Column::Bookable.eq(true))
        .all(db)
        .await?
        .into_iter()
        .map(|row| row.id)
        .collect();
    let mut slots: BTreeMap<String, BTreeMap<String, u32>> = BTreeMap::new();
    for link in office_booking::Entity::find().all(db).await? {
        if let (true, Ok(count)) = (
            bookable.contains(&link.service_id),
            u32::try_from(link.slots),
        ) {
            slots
                .entry(link.office_id)
                .or_default()
                .insert(link.service_id, count);
        }
    }
    Ok(office::Entity::find()
        .filter(office::Column::Published.eq(true))
        .filter(office::Column::Bookable.eq(true))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|row| {
            let slots = slots.remove(&row.id)?;
            Some(BookableOffice {
                position: row.latitude.zip(row.longitude),
                slot_minutes: row.slot_minutes.and_then(|m| u32::try_from(m).ok()),
                id: row.id,
                name: row.name,
                street: row.street,
                postal_code: row.postal_code,
                city: row.city,
                slots,
            })
        })
        .collect())
}

/// Published bookable services offered at some bookable office, by name in `locale`.
async fn services(db: &DatabaseConnection, locale: &str) -> Result<Vec<BookableService>, DbErr> {
    let offered: HashSet<String> = offices(db)
        .await?
        .into_iter()
        .flat_map(|office| office.slots.into_keys())
        .collect();
    let rows = service::Entity::find()
        .filter(service::Column::Published.eq(true))
        .filter(service::Column::Bookable.eq(true))
        .filter(service::Column::Locale.is_in([locale, Locale::DE.code()]))
        .all(db)
        .await?;
    let mut services: Vec<BookableService> = one_per_service(rows, locale)
        .into_iter()
        .filter(|row| offered.contains(&row.id))
        .map(|row| BookableService {
            lang: (row.locale != locale).then(|| row.locale.clone()),
            duration_minutes: row
                .duration_minutes
                .and_then(|m| u32::try_from(m).ok())
                .unwrap_or(0),
            max_quantity: u32::try_from(row.max_quantity).unwrap_or(1).max(1),
            combinable: row
                .combinable
                .lines()
                .filter(|id| offered.contains(*id))
                .map(str::to_owned)
                .collect(),
            id: row.id,
            name: row.name,
        })
        .collect();
    services.sort_by_cached_key(|s| (filing_key(&s.name), s.id.clone()));
    Ok(services)
}
