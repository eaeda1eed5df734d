//! Finding an address's position through a Nominatim-compatible search service
//! (`GET {url}?q=…&format=jsonv2&limit=1`). Answers are kept for the process's life
//! (Nominatim's usage policy asks for caching), a bounded number of them.

use std::{collections::HashMap, sync::Mutex, time::Duration};

use kernel::geo::Position;
use serde::Deserialize;

/// Addresses whose answers are kept before the cache starts over.
const KEPT: usize = 2_000;

/// A found place.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// Its position.
    pub position: Position,
    /// The name the service gives it.
    pub label: String,
}

/// Why there is no position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GeocodeError {
    /// The service knows no such place.
    NotFound,
    /// The service did not answer usefully.
    Unavailable,
}

#[derive(Deserialize)]
struct Hit {
    lat: String,
    lon: String,
    #[serde(default)]
    display_name: String,
}

/// The geocoder.
#[derive(Debug)]
pub struct Geocoder {
    url: String,
    city: String,
    client: reqwest::Client,
    kept: Mutex<HashMap<String, Option<Found>>>,
}

impl Geocoder {
    /// The service at `url`; `city` is added to addresses that do not name it.
    pub fn new(url: &str, city: &str) -> Self {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .user_agent(concat!("municipal-portal/", env!("CARGO_PKG_VERSION")))
            .build()
            .unwrap_or_default();
        Self {
            url: url.to_owned(),
            city: city.to_owned(),
            client,
            kept: Mutex::new(HashMap::new()),
        }
    }

    /// The position of `address`.
    pub async fn find(&self, address: &str) -> Result<Found, GeocodeError> {
        let mut query = address.trim().to_owned();
        if !self.city.is_empty() && !query.to_lowercase().contains(&self.city.to_lowercase()) {
            query = format!("{query}, {}", self.city);
        }
        if let Some(kept) = self.kept.lock().ok().and_then(|k| k.get(&query).cloned()) {
            return kept.ok_or(GeocodeError::NotFound);
        }
        let hits: Vec<Hit> = self
            .client
            .get(&self.url)
            .query(&[("q", query.as_str()), ("format", "jsonv2"), ("limit", "1")])
            .send()
            .await
            .and_then(reqwest::Response::error_for_status)
            .map_err(|error| {
                tracing::warn!(%error, "geocoder did not answer");
                GeocodeError::Unavailable
            })?
            .json()
            .await
            .map_err(|error| {
                tracing::warn!(%error, "geocoder answered something else than JSON hits");
                GeocodeError::Unavailable
            })?;
        let found = hits.into_iter().find_map(|hit| {
            let position = Position::new(hit.lat.parse().ok()?, hit.lon.parse().ok()?)?;
            Some(Found {
                position,
                label: hit.display_name,
            })
        });
        if let Ok(mut kept) = self.kept.lock() {
            if kept.len() >= KEPT {
                kept.clear();
            }
            kept.insert(query, found.clone());
        }
        found.ok_or(GeocodeError::NotFound)
    }
}
