//! What the finder's server functions and open-data route share: the snapshot, the
//! settings and the geocoder.

use chrono::{Datelike, NaiveDateTime};
use kernel::{AppError, geo::Position};
use sea_orm::{DatabaseConnection, EntityTrait};

use crate::{
    entity::place,
    finder::{Finder, item},
    geocoder::{GeocodeError, Geocoder},
    hours::ReadHours,
    place::{Credit, PlaceDetail, Wheelchair, licence_url},
    query::{FinderPage, FinderQuery, MapTiles, Origin, OriginProblem},
    settings::ToiletsConfig,
};

/// The toilet finder, made at start.
#[derive(Debug)]
pub struct Toilets {
    /// The snapshot of published toilets.
    pub finder: Finder,
    /// `[toilets]`.
    pub config: ToiletsConfig,
    geocoder: Option<Geocoder>,
    db: DatabaseConnection,
}

/// Now in Munich.
fn now() -> NaiveDateTime {
    kernel::time::local(chrono::Utc::now().timestamp())
}

impl Toilets {
    /// The finder on `db` with `config`.
    pub fn new(db: DatabaseConnection, config: ToiletsConfig) -> Self {
        Self {
            finder: Finder::new(db.clone()),
            geocoder: config
                .geocoder_url
                .as_deref()
                .map(|url| Geocoder::new(url, &config.geocoder_city)),
            config,
            db,
        }
    }

    /// Where to search from: the browser's position, else the address's.
    async fn origin(
        &self,
        query: &FinderQuery,
    ) -> (Option<(Position, Origin)>, Option<OriginProblem>) {
        if let Some(here) = &query.here {
            return match Position::parse(here) {
                Some(position) => (Some((position, Origin::Browser)), None),
                None => (None, Some(OriginProblem::BadPosition)),
            };
        }
        let (Some(address), Some(geocoder)) = (&query.address, &self.geocoder) else {
            return (None, None);
        };
        match geocoder.find(address).await {
            Ok(found) => (Some((found.position, Origin::Address(found.label))), None),
            Err(GeocodeError::NotFound) => (None, Some(OriginProblem::NotFound)),
            Err(GeocodeError::Unavailable) => (None, Some(OriginProblem::Unavailable)),
        }
    }

    /// One page of the finder.
    pub async fn find(&self, query: &FinderQuery) -> Result<FinderPage, AppError> {
        let snapshot = self.finder.snapshot().await?;
        let asked = query
            .at
            .as_deref()
            .map(|at| NaiveDateTime::parse_from_str(at, "%Y-%m-%dT%H:%M"));
        let at_unreadable = matches!(asked, Some(Err(_)));
        let at = asked.and_then(Result::ok).unwrap_or_else(now);
        let (origin, origin_problem) = self.origin(query).await;
        let size = self.config.page_size as usize;
        let found = snapshot.search(query, at, origin.as_ref().map(|o| o.0), query.page, size);
        Ok(FinderPage {
            districts: snapshot.districts.clone(),
            places: found
                .items
                .into_iter()
                .filter_map(|(index, metres)| snapshot.item(index, at, metres))
                .collect(),
            page: query.page.max(1),
            more: found.more,
            origin: origin.map(|o| o.1),
            origin_problem,
            at: at.format("%d.%m.%Y %H:%M").to_string(),
            at_value: at.format("%Y-%m-%dT%H:%M").to_string(),
            at_unreadable,
            geocoder: self.geocoder.is_some(),
            credits: snapshot.credits.clone(),
            tiles: MapTiles {
                url: self.config.tile_url.clone(),
                attribution: self.config.tile_attribution.clone(),
            },
        })
    }

    /// The page of toilet `id`; unpublished ones are gone.
    pub async fn place(&self, id: i32) -> Result<PlaceDetail, AppError> {
        let row = place::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .filter(|row| row.published)
            .ok_or(AppError::NotFound)?;
        let at = now();
        let hours = ReadHours::read(&row.opening_hours);
        let week = (0..7)
            .map(|ahead| {
                let day = at.date() + chrono::Duration::days(ahead);
                hours.open_on(day).map(|open| {
                    (
                        day.format("%d.%m.").to_string(),
                        day.weekday().number_from_monday(),
                        open,
                    )
                })
            })
            .collect();
        let entry = crate::finder::Entry {
            wheelchair: Wheelchair::from_tag(&row.wheelchair),
            hours,
            row,
        };
        let row = &entry.row;
        Ok(PlaceDetail {
            item: item(&entry, at, None),
            opening_hours: row.opening_hours.clone(),
            week,
            access: row.access.clone(),
            operator: row.operator.clone(),
            credit: Credit {
                attribution: row.attribution.clone(),
                licence: row.licence.clone(),
                licence_url: licence_url(&row.licence).map(str::to_owned),
            },
            at: at.format("%d.%m.%Y %H:%M").to_string(),
        })
    }
}
