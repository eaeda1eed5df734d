//! The demo installation's toilets: a sample written for the portal in OpenStreetMap's
//! export format (`demo/munich-sample.osm.json`), at public places across Munich's
//! districts, tagged as mappers tag toilets there, with the awkward cases real data
//! has (no name, no hours, hours in prose, a way, a private one). It is loaded through
//! the importer like any source; it is not an export of OpenStreetMap.

use kernel::AppError;
use sea_orm::DatabaseTransaction;

use crate::{
    import::{
        self, Format,
        store::{self, Source},
    },
    settings::Columns,
};

/// Imports the sample as the source `beispiel`.
pub async fn load(txn: &DatabaseTransaction) -> Result<(), AppError> {
    let bytes = include_bytes!("../demo/munich-sample.osm.json");
    let read =
        import::read(bytes, Format::Overpass, &Columns::default()).map_err(AppError::internal)?;
    let source = Source {
        name: "beispiel".into(),
        licence: "CC0-1.0".into(),
        attribution: "Beispieldaten der Portal-Demo".into(),
        file: "munich-sample.osm.json".into(),
    };
    store::import(txn, &source, &read.records, chrono::Utc::now())
        .await
        .map_err(AppError::internal)?;
    Ok(())
}
