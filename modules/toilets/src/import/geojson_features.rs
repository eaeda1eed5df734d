//! GeoJSON: a `FeatureCollection` whose features are toilets, their properties named
//! as the settings' columns say (OpenStreetMap's tags by default). Points are used as
//! they are; other geometries by the middle of their points.

use geojson::{Feature, GeoJson, GeometryValue, feature::Id};
use kernel::geo::Position;

use super::Read;
use crate::{
    record::{Fields, PlaceRecord, RecordError},
    settings::Columns,
};

struct Properties<'a>(&'a Feature);

impl Fields for Properties<'_> {
    fn field(&self, name: &str) -> Option<String> {
        let value = self.0.properties.as_ref()?.get(name)?;
        let text = match value {
            serde_json::Value::String(text) => text.trim().to_owned(),
            serde_json::Value::Number(number) => number.to_string(),
            serde_json::Value::Bool(flag) => if *flag { "yes" } else { "no" }.to_owned(),
            _ => return None,
        };
        (!text.is_empty()).then_some(text)
    }
}

/// Every position in `value`, flattened.
fn points(value: &GeometryValue) -> Vec<&geojson::Position> {
    match value {
        GeometryValue::Point { coordinates } => vec![coordinates],
        GeometryValue::MultiPoint { coordinates } | GeometryValue::LineString { coordinates } => {
            coordinates.iter().collect()
        }
        GeometryValue::Polygon { coordinates } | GeometryValue::MultiLineString { coordinates } => {
            coordinates
                .first()
                .map(|ring| ring.iter().collect())
                .unwrap_or_default()
        }
        GeometryValue::MultiPolygon { coordinates } => coordinates
            .first()
            .and_then(|polygon| polygon.first())
            .map(|ring| ring.iter().collect())
            .unwrap_or_default(),
        GeometryValue::GeometryCollection { geometries } => geometries
            .first()
            .map(|g| points(&g.value))
            .unwrap_or_default(),
    }
}

/// The feature's position: its point, or the middle of its points.
fn position(feature: &Feature) -> Option<Position> {
    let points = points(&feature.geometry.as_ref()?.value);
    let (mut lat, mut lon, mut count) = (0.0, 0.0, 0.0);
    for point in points {
        let coordinates = point.as_slice();
        let (Some(x), Some(y)) = (coordinates.first(), coordinates.get(1)) else {
            return None;
        };
        lon += x;
        lat += y;
        count += 1.0;
    }
    if count == 0.0 {
        return None;
    }
    Position::new(lat / count, lon / count)
}

/// Reads a GeoJSON feature collection.
pub fn read(bytes: &[u8], columns: &Columns) -> Result<Read, RecordError> {
    let collection = match serde_json::from_slice::<GeoJson>(bytes) {
        Ok(GeoJson::FeatureCollection(collection)) => collection,
        Ok(_) => return Err(RecordError::new("file", "not a GeoJSON FeatureCollection")),
        Err(error) => return Err(super::json_error(&error)),
    };
    let mut read = Read::default();
    for (index, feature) in collection.features.iter().enumerate() {
        let fields = Properties(feature);
        let id = match &feature.id {
            Some(Id::String(id)) => Some(id.clone()),
            Some(Id::Number(id)) => Some(id.to_string()),
            None => fields.field(&columns.id).or_else(|| fields.field("@id")),
        };
        let origin = match &id {
            Some(id) => format!("feature {} ({id})", index + 1),
            None => format!("feature {}", index + 1),
        };
        let position = position(feature)
            .ok_or_else(|| RecordError::new(&origin, "no usable geometry (a point in WGS 84)"))?;
        read.keep(PlaceRecord::read(&origin, &fields, columns, position, id)?);
    }
    Ok(read)
}
