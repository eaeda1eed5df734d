//! What a module contributes to the shell: navigation entries and catalogue tiles.

use leptos::{either::Either, prelude::*};
use serde::{Deserialize, Serialize};

use crate::{Text, i18n::I18n};

/// A text shown to people: either a fluent key, or text per locale that comes from data
/// (for example a service definition written by a department).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Label {
    /// A fluent message id, translated with the page's locale.
    Key(String),
    /// Text per language; German is the fallback when the page's language is missing.
    Text(Text),
}

impl Label {
    /// A label from a fluent key.
    pub fn key(key: impl Into<String>) -> Self {
        Self::Key(key.into())
    }

    /// The text in the locale of `i18n`.
    pub fn resolve(&self, i18n: &I18n) -> String {
        match self {
            Self::Key(key) => i18n.t(key),
            Self::Text(text) => text.get(i18n.locale).to_owned(),
        }
    }

    /// The text in the locale of `i18n` as a part of the page, marked with `lang`
    /// where it falls back to German.
    pub fn phrase(&self, i18n: &I18n) -> impl IntoView + use<> {
        match self {
            Self::Key(key) => Either::Left(i18n.phrase(key)),
            Self::Text(text) => Either::Right(text.phrase(i18n.locale)),
        }
    }
}

/// An entry in the main navigation of the portal header.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NavEntry {
    /// Absolute path inside the portal, e.g. `/toilets`.
    pub href: String,
    /// The link text.
    pub label: Label,
    /// Position in the navigation; lower comes first.
    pub order: i32,
}

/// A tile in the services catalogue on the home page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueEntry {
    /// Id of the module that offers the service.
    pub module: String,
    /// Absolute path of the service page.
    pub href: String,
    /// Name of the service.
    pub title: Label,
    /// One sentence that says what the service does.
    pub summary: Label,
}

/// Tiles a module adds to the services catalogue on the home page. Contributed (many).
#[cfg(feature = "ssr")]
#[async_trait::async_trait]
pub trait CatalogueSource: Send + Sync {
    /// The tiles, now.
    async fn entries(
        &self,
        ctx: &crate::ModuleContext,
    ) -> Result<Vec<CatalogueEntry>, crate::AppError>;
}

/// A tile that never changes: a module's own page, its title and summary fluent keys.
#[cfg(feature = "ssr")]
pub struct Tile(CatalogueEntry);

#[cfg(feature = "ssr")]
impl Tile {
    /// The tile of `module` leading to `href`.
    pub fn new(module: &str, href: &str, title: &str, summary: &str) -> Self {
        Self(CatalogueEntry {
            module: module.into(),
            href: href.into(),
            title: Label::key(title),
            summary: Label::key(summary),
        })
    }
}

#[cfg(feature = "ssr")]
#[async_trait::async_trait]
impl CatalogueSource for Tile {
    async fn entries(
        &self,
        _ctx: &crate::ModuleContext,
    ) -> Result<Vec<CatalogueEntry>, crate::AppError> {
        Ok(vec![self.0.clone()])
    }
}

/// The name of department `id` (`forms-department-<id>`, kept with the catalogue texts), or the id itself.
pub fn department_name(i18n: &crate::I18n, id: &str) -> String {
    i18n.try_t(&format!("forms-department-{id}"))
        .unwrap_or_else(|| id.to_uppercase())
}

/// The name of life situation `id` (`forms-life-<id>`, kept with the catalogue texts),
/// or the id itself.
pub fn life_situation_name(i18n: &crate::I18n, id: &str) -> String {
    i18n.try_t(&format!("forms-life-{id}"))
        .unwrap_or_else(|| id.to_owned())
}

/// A service as its department's staff see it: its published version and whether
/// requests can be filed online now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceStatus {
    /// Service id.
    pub id: String,
    /// Its title.
    pub title: crate::Text,
    /// The responsible department.
    pub department: String,
    /// Number of the published definition version.
    pub version: i32,
    /// Requests can be filed (not taken offline).
    pub online: bool,
}
