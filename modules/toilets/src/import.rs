//! Reading a source file into records: OpenStreetMap's Overpass JSON, GeoJSON or
//! CSV, told apart by the content (or chosen). What is not a public toilet is
//! skipped with a reason; what is broken stops the import with its place.

mod csv_rows;
mod geojson_features;
mod overpass;
pub mod store;

use crate::{
    record::{PlaceRecord, RecordError},
    settings::Columns,
};

/// The formats read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `{"elements": [...]}` from the Overpass API (`out center;`).
    Overpass,
    /// A GeoJSON `FeatureCollection` of points.
    GeoJson,
    /// Comma- or semicolon-separated with a header row.
    Csv,
}

impl Format {
    /// The format `name` (`osm`, `geojson`, `csv`).
    pub fn named(name: &str) -> Option<Self> {
        match name {
            "osm" | "overpass" => Some(Self::Overpass),
            "geojson" => Some(Self::GeoJson),
            "csv" => Some(Self::Csv),
            _ => None,
        }
    }

    /// The format of `bytes`: JSON with `elements` is Overpass, other JSON GeoJSON,
    /// anything else CSV.
    pub fn detect(bytes: &[u8]) -> Self {
        let text = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
        let trimmed = text.trim_start_matches('\u{feff}').trim_start();
        if !trimmed.starts_with('{') {
            Self::Csv
        } else if trimmed.contains("\"elements\"") {
            Self::Overpass
        } else {
            Self::GeoJson
        }
    }

    /// Licence and credit of data in this format when the import names none:
    /// OpenStreetMap's for its exports.
    pub fn default_credit(self) -> Option<(&'static str, &'static str, &'static str)> {
        (self == Self::Overpass).then_some((
            "openstreetmap",
            "ODbL-1.0",
            "© OpenStreetMap-Mitwirkende",
        ))
    }
}

/// The records of a file, and what was left out with why.
#[derive(Debug, Default)]
pub struct Read {
    /// The public toilets.
    pub records: Vec<PlaceRecord>,
    /// `origin: reason` of each entry left out.
    pub skipped: Vec<String>,
}

impl Read {
    /// Keeps `record` when it is public, else notes it as skipped.
    fn keep(&mut self, record: PlaceRecord) {
        if crate::record::is_public(&record.access) {
            self.records.push(record);
        } else {
            self.skipped.push(format!(
                "{}: access={}, not public",
                record.origin, record.access
            ));
        }
    }
}

/// Reads `bytes` as `format`; `columns` name the fields of CSV and GeoJSON
/// (OpenStreetMap's exports always use its tags).
pub fn read(bytes: &[u8], format: Format, columns: &Columns) -> Result<Read, RecordError> {
    match format {
        Format::Overpass => overpass::read(bytes, &Columns::default()),
        Format::GeoJson => geojson_features::read(bytes, columns),
        Format::Csv => csv_rows::read(bytes, columns),
    }
}

/// A JSON syntax error with its line and column.
fn json_error(error: &serde_json::Error) -> RecordError {
    RecordError::new(
        &format!("line {}, column {}", error.line(), error.column()),
        format!("not valid JSON: {error}"),
    )
}
