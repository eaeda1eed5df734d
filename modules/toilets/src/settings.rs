//! `[toilets]` of the portal settings: the geocoder, the map's tiles, the page size
//! and the names of the fields a city's CSV or GeoJSON uses.

use kernel::settings::{ModuleSettings, SettingError};
use serde::{Deserialize, Serialize};

/// `[toilets]` of the portal settings.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ToiletsConfig {
    /// A Nominatim-compatible search URL (`…/search`); without one the finder offers
    /// no address field (the position from the browser still works).
    pub geocoder_url: Option<String>,
    /// Added to every address sent to the geocoder when missing from it (the city).
    pub geocoder_city: String,
    /// The map's tile URL template (`{z}`, `{x}`, `{y}`); empty for a map without
    /// tiles.
    pub tile_url: String,
    /// The attribution the tile server asks for, shown on the map.
    pub tile_attribution: String,
    /// Toilets listed on one page.
    pub page_size: u32,
    /// Field names in CSV headers and GeoJSON properties.
    pub columns: Columns,
}

impl Default for ToiletsConfig {
    fn default() -> Self {
        Self {
            geocoder_url: None,
            geocoder_city: "München".into(),
            tile_url: "https://tile.openstreetmap.org/{z}/{x}/{y}.png".into(),
            tile_attribution: "© OpenStreetMap-Mitwirkende".into(),
            page_size: 20,
            columns: Columns::default(),
        }
    }
}

/// Which field of a CSV row or GeoJSON feature holds what. The defaults are
/// OpenStreetMap's tags, as exports of it name them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Columns {
    /// The entry's key in its source, unchanged between exports.
    pub id: String,
    /// Latitude (CSV only; GeoJSON has its geometry).
    pub lat: String,
    /// Longitude (CSV only).
    pub lon: String,
    /// The place's name.
    pub name: String,
    /// Street.
    pub street: String,
    /// House number (joined to the street).
    pub housenumber: String,
    /// Postcode.
    pub postcode: String,
    /// City district.
    pub district: String,
    /// `opening_hours` syntax.
    pub opening_hours: String,
    /// `yes`, `limited`, `no`.
    pub wheelchair: String,
    /// Yes-like, or naming the Euro key (`eurokey`).
    pub euro_key: String,
    /// Yes-like when there is a changing table.
    pub changing_table: String,
    /// `yes` / `no`.
    pub fee: String,
    /// What it costs, as text (`0.50 EUR`).
    pub charge: String,
    /// `yes`, `public`, `customers`; `private` and `no` are not imported.
    pub access: String,
    /// Who runs it.
    pub operator: String,
}

impl Default for Columns {
    fn default() -> Self {
        let name = |n: &str| n.to_owned();
        Self {
            id: name("id"),
            lat: name("lat"),
            lon: name("lon"),
            name: name("name"),
            street: name("addr:street"),
            housenumber: name("addr:housenumber"),
            postcode: name("addr:postcode"),
            district: name("addr:suburb"),
            opening_hours: name("opening_hours"),
            wheelchair: name("wheelchair"),
            euro_key: name("centralkey"),
            changing_table: name("changing_table"),
            fee: name("fee"),
            charge: name("charge"),
            access: name("access"),
            operator: name("operator"),
        }
    }
}

impl ModuleSettings for ToiletsConfig {
    const DOCUMENTED: &'static [(&'static str, &'static str)] = &[
        (
            "geocoder_url",
            "a Nominatim-compatible search URL for finding toilets near an address (default: none, no address field)",
        ),
        (
            "geocoder_city",
            "added to addresses sent to the geocoder when they do not name it (default München)",
        ),
        (
            "tile_url",
            "the map's tile URL template with {z}, {x}, {y} (default OpenStreetMap's; empty: a map without tiles)",
        ),
        (
            "tile_attribution",
            "the attribution the tile server asks for (default © OpenStreetMap-Mitwirkende)",
        ),
        ("page_size", "toilets listed on one page (default 20)"),
        (
            "columns",
            "field names in imported CSV headers and GeoJSON properties: id, lat, lon, name, street, housenumber, postcode, district, opening_hours, wheelchair, euro_key, changing_table, fee, charge, access, operator (defaults: OpenStreetMap's tags)",
        ),
    ];

    fn validate(&self) -> Result<(), SettingError> {
        if !(1..=200).contains(&self.page_size) {
            return Err(SettingError::new("page_size", "between 1 and 200"));
        }
        if let Some(url) = &self.geocoder_url
            && !(url.starts_with("http://") || url.starts_with("https://"))
        {
            return Err(SettingError::new("geocoder_url", "an http(s) URL"));
        }
        let template = &self.tile_url;
        let web = template.starts_with("https://") || template.starts_with("http://");
        if !template.is_empty() && !web {
            return Err(SettingError::new(
                "tile_url",
                "an http(s) URL template, or empty",
            ));
        }
        Ok(())
    }
}

impl ToiletsConfig {
    /// The tile server's origin (`https://tile.openstreetmap.org`), for the pages'
    /// content security policy; `None` without tiles.
    pub fn tile_origin(&self) -> Option<String> {
        let rest = self
            .tile_url
            .strip_prefix("https://")
            .map(|r| ("https://", r))
            .or_else(|| {
                self.tile_url
                    .strip_prefix("http://")
                    .map(|r| ("http://", r))
            })?;
        let host = rest.1.split('/').next().filter(|h| !h.is_empty())?;
        // A template in the host (`{s}.tile…`) allows its subdomains.
        let host = match host.split_once('.') {
            Some((first, domain)) if first.contains('{') => format!("*.{domain}"),
            _ => host.to_owned(),
        };
        Some(format!("{}{host}", rest.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tile_origin_is_the_templates_scheme_and_host() {
        let mut config = ToiletsConfig::default();
        assert_eq!(
            config.tile_origin().as_deref(),
            Some("https://tile.openstreetmap.org")
        );
        config.tile_url = "https://{s}.tiles.example.org/{z}/{x}/{y}.png".into();
        assert_eq!(
            config.tile_origin().as_deref(),
            Some("https://*.tiles.example.org")
        );
        config.tile_url = String::new();
        assert_eq!(config.tile_origin(), None);
    }
}
