//! Positions on the earth as the portal's pages pass them (`lat,lon` in degrees) and
//! the distance between two of them.

use serde::{Deserialize, Serialize};

/// A position in WGS 84 degrees.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Position {
    /// Latitude, −90 to 90.
    pub lat: f64,
    /// Longitude, −180 to 180.
    pub lon: f64,
}

impl Position {
    /// The position at `lat`, `lon`, when both are on the earth.
    pub fn new(lat: f64, lon: f64) -> Option<Self> {
        ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon))
            .then_some(Self { lat, lon })
    }

    /// Reads `lat,lon` as a form or the browser sends it; `None` for anything else.
    pub fn parse(text: &str) -> Option<Self> {
        let (lat, lon) = text.split_once(',')?;
        Self::new(lat.trim().parse().ok()?, lon.trim().parse().ok()?)
    }

    /// The distance in kilometres to `other` along the earth's surface (haversine).
    pub fn distance_km(self, other: Self) -> f64 {
        const EARTH_RADIUS_KM: f64 = 6371.0;
        let (lat1, lat2) = (self.lat.to_radians(), other.lat.to_radians());
        let dlat = (other.lat - self.lat).to_radians();
        let dlon = (other.lon - self.lon).to_radians();
        let h = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_KM * h.sqrt().asin()
    }
}

impl From<(f64, f64)> for Position {
    /// `(lat, lon)` as data files hold it, already checked.
    fn from((lat, lon): (f64, f64)) -> Self {
        Self { lat, lon }
    }
}

impl std::fmt::Display for Position {
    /// `lat,lon` with six decimals (about 10 cm), the form [`Position::parse`] reads.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:.6},{:.6}", self.lat, self.lon)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_read_only_when_on_the_earth() {
        assert_eq!(
            Position::parse(" 48.137, 11.576 "),
            Some(Position {
                lat: 48.137,
                lon: 11.576
            })
        );
        for wrong in ["", "48.1", "91,11", "48,181", "a,b", "NaN,1", "48.1,11.5,3"] {
            assert_eq!(Position::parse(wrong), None, "{wrong}");
        }
    }

    #[test]
    fn distances_are_along_the_earth() {
        // Marienplatz to Karlsplatz (Stachus): about 1.2 km.
        let marienplatz = Position::new(48.1374, 11.5755).unwrap();
        let stachus = Position::new(48.1402, 11.5600).unwrap();
        let km = marienplatz.distance_km(stachus);
        assert!((1.1..1.3).contains(&km), "{km}");
        assert!(marienplatz.distance_km(marienplatz).abs() < 1e-9);
    }
}
