//! The finder's view of the data: every published toilet in memory with its hours
//! read and a spatial index (an R-tree), rebuilt when an import has been recorded
//! since. A search walks the toilets nearest first (or by district and name), keeps
//! those the filters allow and stops once the page is full.

use std::{
    collections::BTreeSet,
    sync::{Arc, RwLock},
};

use chrono::NaiveDateTime;
use kernel::geo::Position;
use rstar::{RTree, primitives::GeomWithData};
use sea_orm::{
    ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

use crate::{
    entity::{import, place},
    hours::ReadHours,
    place::{Credit, PlaceItem, Wheelchair, licence_url},
    query::{FinderQuery, WheelchairNeed},
};

/// A point of the index: a toilet's position in a plane that keeps distances around
/// the city true (longitude shrunk by the cosine of the latitude), with its index.
type Indexed = GeomWithData<[f64; 2], usize>;

/// A published toilet, ready to be filtered.
#[derive(Debug)]
pub struct Entry {
    /// Its row.
    pub row: place::Model,
    /// Its hours, read.
    pub hours: ReadHours,
    /// Its step-free access.
    pub wheelchair: Wheelchair,
}

/// The published toilets at one import.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// The newest import it includes (0: none); `None` before the first load.
    generation: Option<i32>,
    /// By district, name and street.
    entries: Vec<Entry>,
    tree: RTree<Indexed>,
    /// The cosine of the toilets' middle latitude.
    squeeze: f64,
    /// Districts with a toilet.
    pub districts: Vec<String>,
    /// Sources' credits.
    pub credits: Vec<Credit>,
}

/// One page of matching toilets.
#[derive(Debug)]
pub struct Found {
    /// This page's toilets with their distance in metres (when searched from a position).
    pub items: Vec<(usize, Option<u32>)>,
    /// More match after them.
    pub more: bool,
}

impl Snapshot {
    /// Builds the snapshot of `rows` (published ones) at `generation`.
    pub fn build(generation: Option<i32>, mut rows: Vec<place::Model>) -> Self {
        rows.sort_by(|a, b| {
            (&a.district, &a.name, &a.street, a.id).cmp(&(&b.district, &b.name, &b.street, b.id))
        });
        #[expect(clippy::cast_precision_loss, reason = "counts far below 2^52")]
        let middle = rows.iter().map(|r| r.lat).sum::<f64>() / rows.len().max(1) as f64;
        let squeeze = middle.to_radians().cos();
        let tree = RTree::bulk_load(
            rows.iter()
                .enumerate()
                .map(|(index, row)| Indexed::new([row.lon * squeeze, row.lat], index))
                .collect(),
        );
        let districts: BTreeSet<String> = rows
            .iter()
            .map(|r| r.district.clone())
            .filter(|d| !d.is_empty())
            .collect();
        let credits: BTreeSet<(String, String)> = rows
            .iter()
            .map(|r| (r.attribution.clone(), r.licence.clone()))
            .collect();
        let entries = rows
            .into_iter()
            .map(|row| Entry {
                hours: ReadHours::read(&row.opening_hours),
                wheelchair: Wheelchair::from_tag(&row.wheelchair),
                row,
            })
            .collect();
        Self {
            generation,
            entries,
            tree,
            squeeze,
            districts: districts.into_iter().collect(),
            credits: credits
                .into_iter()
                .map(|(attribution, licence)| Credit {
                    licence_url: licence_url(&licence).map(str::to_owned),
                    attribution,
                    licence,
                })
                .collect(),
        }
    }

    /// The toilet at `index`.
    pub fn entry(&self, index: usize) -> Option<&Entry> {
        self.entries.get(index)
    }

    /// How many toilets are published.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Page `page` (from 1, `size` each) of the toilets `query` allows at `at`, nearest
    /// to `from` first when given.
    pub fn search(
        &self,
        query: &FinderQuery,
        at: NaiveDateTime,
        from: Option<Position>,
        page: u32,
        size: usize,
    ) -> Found {
        let allowed = |index: &usize| {
            self.entries
                .get(*index)
                .is_some_and(|e| allows(e, query, at))
        };
        let skip = (page.saturating_sub(1) as usize).saturating_mul(size);
        let mut items: Vec<(usize, Option<u32>)> = match from {
            Some(from) => self
                .tree
                .nearest_neighbor_iter([from.lon * self.squeeze, from.lat])
                .map(|point| point.data)
                .filter(allowed)
                .skip(skip)
                .take(size + 1)
                .map(|index| (index, Some(self.metres(index, from))))
                .collect(),
            None => (0..self.entries.len())
                .filter(allowed)
                .skip(skip)
                .take(size + 1)
                .map(|index| (index, None))
                .collect(),
        };
        let more = items.len() > size;
        items.truncate(size);
        Found { items, more }
    }

    fn metres(&self, index: usize, from: Position) -> u32 {
        let Some(entry) = self.entries.get(index) else {
            return 0;
        };
        let km = from.distance_km(Position::from((entry.row.lat, entry.row.lon)));
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "metres on earth fit"
        )]
        let metres = (km * 1000.0).round() as u32;
        metres
    }

    /// The list item of `index` at `at`, `distance_m` from the search's position.
    pub fn item(
        &self,
        index: usize,
        at: NaiveDateTime,
        distance_m: Option<u32>,
    ) -> Option<PlaceItem> {
        let entry = self.entries.get(index)?;
        Some(item(entry, at, distance_m))
    }
}

/// `entry` as a list shows it.
pub fn item(entry: &Entry, at: NaiveDateTime, distance_m: Option<u32>) -> PlaceItem {
    let row = &entry.row;
    PlaceItem {
        id: row.id,
        name: row.name.clone(),
        street: row.street.clone(),
        postcode: row.postcode.clone(),
        district: row.district.clone(),
        lat: row.lat,
        lon: row.lon,
        wheelchair: entry.wheelchair,
        euro_key: row.euro_key,
        changing_table: row.changing_table,
        fee: row.fee.clone(),
        hours: entry.hours.at(at),
        distance_m,
    }
}

/// Whether `query` allows `entry` at `at`; the hours (the dearest check) last.
fn allows(entry: &Entry, query: &FinderQuery, at: NaiveDateTime) -> bool {
    let row = &entry.row;
    let wheelchair = match query.wheelchair {
        WheelchairNeed::Any => true,
        WheelchairNeed::Yes => entry.wheelchair == Wheelchair::Yes,
        WheelchairNeed::Limited => {
            matches!(entry.wheelchair, Wheelchair::Yes | Wheelchair::Limited)
        }
    };
    wheelchair
        && query.district.as_ref().is_none_or(|d| *d == row.district)
        && (!query.euro_key || row.euro_key)
        && (!query.changing_table || row.changing_table)
        && (!query.free || row.fee == "no")
        && (!query.open || entry.hours.is_open(at))
}

/// The finder's snapshot, kept current.
#[derive(Debug)]
pub struct Finder {
    db: DatabaseConnection,
    current: RwLock<Arc<Snapshot>>,
    rebuilding: tokio::sync::Mutex<()>,
}

impl Finder {
    /// A finder reading `db`; the first search loads it.
    pub fn new(db: DatabaseConnection) -> Self {
        Self {
            db,
            current: RwLock::new(Arc::new(Snapshot::default())),
            rebuilding: tokio::sync::Mutex::new(()),
        }
    }

    fn held(&self) -> Arc<Snapshot> {
        self.current
            .read()
            .map(|s| Arc::clone(&s))
            .unwrap_or_default()
    }

    /// The snapshot as of the newest import (one indexed read when nothing changed).
    pub async fn snapshot(&self) -> Result<Arc<Snapshot>, DbErr> {
        let newest = newest_import(&self.db).await?;
        let held = self.held();
        if held.generation == Some(newest) {
            return Ok(held);
        }
        let _one_at_a_time = self.rebuilding.lock().await;
        let held = self.held();
        if held.generation == Some(newest) {
            return Ok(held);
        }
        let rows = place::Entity::find()
            .filter(place::Column::Published.eq(true))
            .all(&self.db)
            .await?;
        let built = Arc::new(Snapshot::build(Some(newest), rows));
        if let Ok(mut current) = self.current.write() {
            *current = Arc::clone(&built);
        }
        Ok(built)
    }
}

/// The id of the newest import (0 when none was recorded).
async fn newest_import(db: &DatabaseConnection) -> Result<i32, DbErr> {
    let newest: Option<i32> = import::Entity::find()
        .select_only()
        .column(import::Column::Id)
        .order_by_desc(import::Column::Id)
        .limit(1)
        .into_tuple()
        .one(db)
        .await?;
    Ok(newest.unwrap_or_default())
}
