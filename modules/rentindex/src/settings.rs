//! `[rentindex]` of the portal settings, and loading the edition it names.

use std::path::PathBuf;

use kernel::{
    settings::{ModuleSettings, SettingError},
    start::{StartResult, anyhow, bail},
};
use serde::{Deserialize, Serialize};

use crate::{edition::Edition, streets::Section};

/// The synthetic demo edition the portal ships.
const DEMO_EDITION: &str = include_str!("../editions/demo-2025.toml");
/// Its street list.
const DEMO_STREETS: &str = include_str!("../editions/demo-2025-streets.csv");

/// `[rentindex]` of the portal settings.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RentIndexConfig {
    /// The edition file (TOML); the synthetic demo edition without one.
    pub edition_file: Option<PathBuf>,
    /// The most a rent may rise within three years, in percent (the city's cap).
    pub increase_cap_percent: f64,
}

impl Default for RentIndexConfig {
    fn default() -> Self {
        Self {
            edition_file: None,
            increase_cap_percent: 15.0,
        }
    }
}

impl ModuleSettings for RentIndexConfig {
    const DOCUMENTED: &'static [(&'static str, &'static str)] = &[
        (
            "edition_file",
            "the rent index edition (TOML, its street list beside it); without one the synthetic demo edition, marked as such on every page",
        ),
        (
            "increase_cap_percent",
            "the most a rent may rise within three years, in percent (default 15, Munich's cap; 20 where no lower cap applies)",
        ),
    ];

    fn validate(&self) -> Result<(), SettingError> {
        if (0.0..=100.0).contains(&self.increase_cap_percent) {
            Ok(())
        } else {
            Err(SettingError::new(
                "increase_cap_percent",
                "between 0 and 100",
            ))
        }
    }
}

/// An edition with its street list.
#[derive(Clone, Debug)]
pub struct Book {
    /// The edition.
    pub edition: Edition,
    /// Its street list.
    pub streets: Vec<Section>,
}

/// Reads an edition file and its street list; errors name the file and the place.
pub fn read_edition(path: &std::path::Path) -> StartResult<Book> {
    let text = std::fs::read_to_string(path).map_err(|e| anyhow!("{}: {e}", path.display()))?;
    let edition: Edition = toml::from_str(&text).map_err(|e| anyhow!("{}: {e}", path.display()))?;
    let streets = match &edition.streets {
        Some(name) => {
            let file = path.with_file_name(name);
            let text =
                std::fs::read_to_string(&file).map_err(|e| anyhow!("{}: {e}", file.display()))?;
            crate::streets::read(&text).map_err(|e| anyhow!("{}: {e}", file.display()))?
        }
        None => Vec::new(),
    };
    Ok(Book { edition, streets })
}

impl RentIndexConfig {
    /// The edition to serve: the file's, checked, or the demo edition.
    pub fn book(&self) -> StartResult<Book> {
        let book = match &self.edition_file {
            Some(path) => read_edition(path)?,
            None => Book {
                edition: toml::from_str(DEMO_EDITION)
                    .map_err(|e| anyhow!("the demo edition: {e}"))?,
                streets: crate::streets::read(DEMO_STREETS)
                    .map_err(|e| anyhow!("the demo street list: {e}"))?,
            },
        };
        let findings = crate::check::check(&book.edition, &book.streets);
        if !findings.is_empty() {
            bail!(
                "the rent index edition is not whole:\n  {}",
                findings.join("\n  ")
            );
        }
        Ok(book)
    }
}
