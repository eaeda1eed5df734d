//! What the pages show: one service with its offices, and the A–Z list.

use kernel::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// An office that offers a service.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeView {
    /// Name.
    pub name: String,
    /// Department it belongs to.
    pub department: Option<String>,
    /// Street and house number.
    pub street: Option<String>,
    /// Postcode and city.
    pub place: Option<String>,
    /// Telephone.
    pub phone: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Web page.
    pub web: Option<String>,
}

/// A service of the information catalogue as its page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceView {
    /// Name.
    pub name: String,
    /// Language of the texts, when it is not the page's (no translation yet).
    pub lang: Option<String>,
    /// Safe HTML (sanitised when imported).
    pub description: String,
    /// Safe HTML.
    pub fees: Option<String>,
    /// LeiKa key.
    pub leika: Option<String>,
    /// Where it is offered.
    pub offices: Vec<OfficeView>,
}

/// One line of the A–Z list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListedService {
    /// Its page.
    pub href: String,
    /// Name.
    pub name: String,
    /// Language of the name, when it is not the page's.
    pub lang: Option<String>,
}

/// Longest id asked for; the catalogue's ids are shorter.
#[cfg(feature = "ssr")]
const LONGEST_ID: usize = 32;

/// The published service `id` in the page's language (German when not translated);
/// `NotFound` when there is none.
#[server(endpoint = "info/service")]
pub async fn info_service(id: String) -> Result<ServiceView, AppError> {
    if id.len() > LONGEST_ID {
        return Err(AppError::NotFound);
    }
    let db = use_context::<kernel::ModuleContext>()
        .ok_or(AppError::Internal)?
        .db;
    let locale = kernel::i18n::use_i18n().locale;
    crate::read::service(&db, &id, locale.code())
        .await
        .map_err(AppError::from)?
        .ok_or(AppError::NotFound)
}

/// Every published service by name, in the page's language (German when not
/// translated).
#[server(endpoint = "info/services")]
pub async fn info_services() -> Result<Vec<ListedService>, AppError> {
    let db = use_context::<kernel::ModuleContext>()
        .ok_or(AppError::Internal)?
        .db;
    let locale = kernel::i18n::use_i18n().locale;
    crate::read::list(&db, locale.code())
        .await
        .map_err(AppError::from)
}
