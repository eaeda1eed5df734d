//! The toilets as open data again: `GET /toilets/toilets.geojson`, a GeoJSON
//! `FeatureCollection` of every published toilet with OpenStreetMap's tag names, its
//! page, its source and licence, and the credits of all sources at the top.

use std::sync::Arc;

use axum::{
    extract::State,
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use geojson::{Feature, FeatureCollection, Geometry, GeometryValue, JsonObject};
use kernel::routes::Routes;
use serde_json::{Value, json};

use crate::{finder::Snapshot, service::Toilets};

/// The route, as the module registers it.
pub fn router(toilets: Arc<Toilets>) -> Routes {
    Routes::new()
        .get("/toilets/toilets.geojson", geojson)
        .with_state(toilets)
}

/// `GET /toilets/toilets.geojson`.
async fn geojson(State(toilets): State<Arc<Toilets>>) -> Response {
    match toilets.finder.snapshot().await {
        Ok(snapshot) => {
            let mut response = collection(&snapshot).to_string().into_response();
            response.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/geo+json"),
            );
            response.headers_mut().insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=300"),
            );
            response
        }
        Err(error) => {
            tracing::error!(%error, "toilets for the open data could not be read");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

/// The feature of one toilet.
fn feature(entry: &crate::finder::Entry) -> Feature {
    let row = &entry.row;
    let mut properties = JsonObject::new();
    let mut put = |key: &str, value: Value| {
        if value != Value::String(String::new()) {
            properties.insert(key.to_owned(), value);
        }
    };
    put("amenity", json!("toilets"));
    put("name", json!(row.name));
    put("addr:street", json!(row.street));
    put("addr:postcode", json!(row.postcode));
    put("addr:suburb", json!(row.district));
    put("opening_hours", json!(row.opening_hours));
    put("wheelchair", json!(row.wheelchair));
    put(
        "centralkey",
        json!(if row.euro_key { "eurokey" } else { "" }),
    );
    put(
        "changing_table",
        json!(if row.changing_table { "yes" } else { "" }),
    );
    put(
        "fee",
        json!(match row.fee.as_str() {
            "no" | "yes" | "" => row.fee.clone(),
            _ => "yes".to_owned(),
        }),
    );
    if !matches!(row.fee.as_str(), "no" | "yes" | "") {
        put("charge", json!(row.fee));
    }
    put("access", json!(row.access));
    put("operator", json!(row.operator));
    put("source", json!(row.source));
    put("source:ref", json!(row.source_key));
    put("license", json!(row.licence));
    put("attribution", json!(row.attribution));
    put("url", json!(format!("/toilets/{}", row.id)));
    Feature {
        bbox: None,
        geometry: Some(Geometry::new(GeometryValue::new_point([row.lon, row.lat]))),
        id: Some(geojson::feature::Id::Number(row.id.into())),
        properties: Some(properties),
        foreign_members: None,
    }
}

/// Every published toilet with the sources' credits.
pub fn collection(snapshot: &Snapshot) -> FeatureCollection {
    let features = (0..snapshot.len())
        .filter_map(|index| snapshot.entry(index))
        .map(feature)
        .collect();
    let mut top = JsonObject::new();
    top.insert(
        "licenses".into(),
        json!(snapshot
            .credits
            .iter()
            .map(|c| json!({ "license": c.licence, "attribution": c.attribution, "url": c.licence_url }))
            .collect::<Vec<_>>()),
    );
    FeatureCollection {
        bbox: None,
        features,
        foreign_members: Some(top),
    }
}
