//! CSV with a header row, separated by commas or (as German offices write it)
//! semicolons; the columns named as the settings say.

use std::collections::HashMap;

use kernel::geo::Position;

use super::Read;
use crate::{
    record::{Fields, PlaceRecord, RecordError},
    settings::Columns,
};

struct Row<'a> {
    header: &'a HashMap<String, usize>,
    record: &'a csv::StringRecord,
}

impl Fields for Row<'_> {
    fn field(&self, name: &str) -> Option<String> {
        let value = self.record.get(*self.header.get(name)?)?.trim();
        (!value.is_empty()).then(|| value.to_owned())
    }
}

/// `;` when the header line has more of them than commas.
fn delimiter(bytes: &[u8]) -> u8 {
    let first = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let count = |c: u8| first.iter().filter(|b| **b == c).count();
    if count(b';') > count(b',') {
        b';'
    } else {
        b','
    }
}

/// Reads CSV rows.
pub fn read(bytes: &[u8], columns: &Columns) -> Result<Read, RecordError> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(bytes))
        .flexible(false)
        .from_reader(bytes);
    let header: HashMap<String, usize> = reader
        .headers()
        .map_err(|e| RecordError::new("line 1", format!("no header row: {e}")))?
        .iter()
        .enumerate()
        .map(|(index, name)| (name.trim().to_owned(), index))
        .collect();
    for needed in [&columns.id, &columns.lat, &columns.lon] {
        if !header.contains_key(needed.as_str()) {
            return Err(RecordError::new("line 1", format!("no column {needed}")));
        }
    }
    let mut read = Read::default();
    for row in reader.records() {
        let record = row.map_err(|e| {
            let line = e.position().map_or(0, csv::Position::line);
            RecordError::new(&format!("line {line}"), e.to_string())
        })?;
        let line = record.position().map_or(0, csv::Position::line);
        let origin = format!("line {line}");
        let fields = Row {
            header: &header,
            record: &record,
        };
        let number = |name: &str| {
            fields
                .field(name)
                .as_deref()
                .and_then(kernel::decimal::read)
        };
        let position = number(&columns.lat)
            .zip(number(&columns.lon))
            .and_then(|(lat, lon)| Position::new(lat, lon))
            .ok_or_else(|| {
                RecordError::new(
                    &origin,
                    format!(
                        "{} and {} must be a position in degrees",
                        columns.lat, columns.lon
                    ),
                )
            })?;
        read.keep(PlaceRecord::read(
            &origin, &fields, columns, position, None,
        )?);
    }
    Ok(read)
}
