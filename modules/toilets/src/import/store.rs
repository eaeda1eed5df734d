//! Writing an import: in one transaction, each record of the source created or
//! updated by its key, the source's places no longer in the file unpublished (never
//! deleted: their pages and links stay answerable), and the import recorded, which
//! tells running finders to reload.

use kernel::write_transaction::begin_write;
use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TransactionTrait,
};

use crate::{
    entity::{import, place},
    record::{PlaceRecord, RecordError},
};

/// The source of an import and the credit its licence asks for.
#[derive(Clone, Debug)]
pub struct Source {
    /// Its name (`openstreetmap`); places are matched within it.
    pub name: String,
    /// E.g. `ODbL-1.0`.
    pub licence: String,
    /// E.g. `© OpenStreetMap-Mitwirkende`.
    pub attribution: String,
    /// The file's name, for the record of imports.
    pub file: String,
}

/// What an import changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// New places.
    pub created: u32,
    /// Places with new values (or published again).
    pub updated: u32,
    /// Places as they were.
    pub unchanged: u32,
    /// Places of the source no longer in the file.
    pub unpublished: u32,
}

/// Why an import stopped (nothing was written).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// A record is wrong.
    #[error(transparent)]
    Record(#[from] RecordError),
    /// The database refused.
    #[error("database: {0}")]
    Database(#[from] sea_orm::DbErr),
}

/// The row `record` of `source` becomes (without id).
fn values(record: &PlaceRecord, source: &Source) -> place::Model {
    place::Model {
        id: 0,
        source: source.name.clone(),
        source_key: record.key.clone(),
        name: record.name.clone(),
        street: record.street.clone(),
        postcode: record.postcode.clone(),
        district: record.district.clone(),
        lat: record.position.lat,
        lon: record.position.lon,
        opening_hours: record.opening_hours.clone(),
        wheelchair: record.wheelchair.as_tag().to_owned(),
        euro_key: record.euro_key,
        changing_table: record.changing_table,
        fee: record.fee.clone(),
        access: record.access.clone(),
        operator: record.operator.clone(),
        licence: source.licence.clone(),
        attribution: source.attribution.clone(),
        published: true,
        changed_at: DateTime::<Utc>::UNIX_EPOCH,
    }
}

/// `model` as it is, apart from its id and when it changed.
fn same(a: &place::Model, b: &place::Model) -> bool {
    let strip = |m: &place::Model| place::Model {
        id: 0,
        changed_at: DateTime::<Utc>::UNIX_EPOCH,
        ..m.clone()
    };
    strip(a) == strip(b)
}

/// Writes `records` of `source` at `now`.
pub async fn import<C>(
    db: &C,
    source: &Source,
    records: &[PlaceRecord],
    now: DateTime<Utc>,
) -> Result<Report, ImportError>
where
    C: ConnectionTrait + TransactionTrait,
{
    let mut seen = HashSet::new();
    for record in records {
        if !seen.insert(record.key.as_str()) {
            return Err(RecordError::new(
                &record.origin,
                format!("the key {} appears a second time", record.key),
            )
            .into());
        }
    }
    let txn = begin_write(db).await?;
    let existing: HashMap<String, place::Model> = place::Entity::find()
        .filter(place::Column::Source.eq(source.name.as_str()))
        .all(&txn)
        .await?
        .into_iter()
        .map(|row| (row.source_key.clone(), row))
        .collect();
    let mut report = Report::default();
    for record in records {
        let mut wanted = values(record, source);
        wanted.changed_at = now;
        match existing.get(&record.key) {
            Some(row) if same(row, &wanted) => report.unchanged += 1,
            Some(row) => {
                wanted.id = row.id;
                let mut active = place::ActiveModel::from(wanted).reset_all();
                active.id = sea_orm::ActiveValue::Unchanged(row.id);
                active.update(&txn).await?;
                report.updated += 1;
            }
            None => {
                let mut active: place::ActiveModel = wanted.into();
                active.id = sea_orm::ActiveValue::NotSet;
                active.insert(&txn).await?;
                report.created += 1;
            }
        }
    }
    let gone: Vec<i32> = existing
        .values()
        .filter(|row| row.published && !seen.contains(row.source_key.as_str()))
        .map(|row| row.id)
        .collect();
    if !gone.is_empty() {
        report.unpublished = u32::try_from(gone.len()).unwrap_or(u32::MAX);
        // In parts: databases limit the parameters of one statement.
        for part in gone.chunks(1000) {
            place::Entity::update_many()
                .col_expr(place::Column::Published, false.into())
                .col_expr(place::Column::ChangedAt, now.into())
                .filter(place::Column::Id.is_in(part.iter().copied()))
                .exec(&txn)
                .await?;
        }
    }
    let count = |n: u32| i32::try_from(n).unwrap_or(i32::MAX);
    import::ActiveModel {
        source: Set(source.name.clone()),
        file: Set(source.file.chars().take(300).collect()),
        at: Set(now),
        created: Set(count(report.created)),
        updated: Set(count(report.updated)),
        unchanged: Set(count(report.unchanged)),
        unpublished: Set(count(report.unpublished)),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(report)
}
