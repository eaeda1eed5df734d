//! OpenStreetMap data as the Overpass API exports it (`[out:json]`): nodes with
//! `lat`/`lon`, ways and relations with `center` (`out center;`), with their nodes'
//! `geometry` (`out geom;`), or with node ids whose nodes are in the same file.

use std::collections::{BTreeMap, HashMap};

use kernel::geo::Position;
use serde::Deserialize;

use super::Read;
use crate::{
    record::{Fields, PlaceRecord, RecordError},
    settings::Columns,
};

#[derive(Deserialize)]
struct Export {
    elements: Vec<Element>,
}

#[derive(Deserialize)]
struct LatLon {
    lat: f64,
    lon: f64,
}

#[derive(Deserialize)]
struct Element {
    #[serde(rename = "type")]
    kind: String,
    id: i64,
    lat: Option<f64>,
    lon: Option<f64>,
    center: Option<LatLon>,
    #[serde(default)]
    geometry: Vec<Option<LatLon>>,
    #[serde(default)]
    nodes: Vec<i64>,
    #[serde(default)]
    tags: BTreeMap<String, String>,
}

struct Tags<'a>(&'a BTreeMap<String, String>);

impl Fields for Tags<'_> {
    fn field(&self, name: &str) -> Option<String> {
        let value = self.0.get(name)?.trim();
        (!value.is_empty()).then(|| value.to_owned())
    }
}

/// The middle of `points`, when there are any.
fn middle(points: impl Iterator<Item = (f64, f64)>) -> Option<(f64, f64)> {
    let (mut lat, mut lon, mut count) = (0.0, 0.0, 0.0);
    for (a, b) in points {
        lat += a;
        lon += b;
        count += 1.0;
    }
    (count > 0.0).then(|| (lat / count, lon / count))
}

impl Element {
    fn position(&self, nodes: &HashMap<i64, (f64, f64)>) -> Option<(f64, f64)> {
        if let (Some(lat), Some(lon)) = (self.lat, self.lon) {
            return Some((lat, lon));
        }
        if let Some(center) = &self.center {
            return Some((center.lat, center.lon));
        }
        middle(self.geometry.iter().flatten().map(|p| (p.lat, p.lon)))
            .or_else(|| middle(self.nodes.iter().filter_map(|id| nodes.get(id).copied())))
    }
}

/// Reads an Overpass export.
pub fn read(bytes: &[u8], columns: &Columns) -> Result<Read, RecordError> {
    let export: Export = serde_json::from_slice(bytes).map_err(|e| super::json_error(&e))?;
    let nodes: HashMap<i64, (f64, f64)> = export
        .elements
        .iter()
        .filter(|e| e.kind == "node")
        .filter_map(|e| Some((e.id, (e.lat?, e.lon?))))
        .collect();
    let mut read = Read::default();
    for element in &export.elements {
        if element.tags.get("amenity").map(String::as_str) != Some("toilets") {
            continue;
        }
        let key = format!("{}/{}", element.kind, element.id);
        let position = element.position(&nodes).ok_or_else(|| {
            RecordError::new(&key, "no position (export ways with `out center;`)")
        })?;
        let position = Position::new(position.0, position.1)
            .ok_or_else(|| RecordError::new(&key, "position outside the earth"))?;
        let tags = Tags(&element.tags);
        let mut record = PlaceRecord::read(&key, &tags, columns, position, Some(key.clone()))?;
        // `eurokey=yes` is the older tag for `centralkey=eurokey`.
        record.euro_key |= tags.field("eurokey").is_some_and(|v| v == "yes");
        read.keep(record);
    }
    Ok(read)
}
