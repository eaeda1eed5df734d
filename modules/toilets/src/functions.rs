//! The server functions the finder's pages call.

use kernel::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::{
    place::{Credit, PlaceItem},
    query::{FinderPage, FinderQuery},
};

/// A toilet's page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceDetail {
    /// As a list shows it, judged now.
    pub item: PlaceItem,
    /// The hours as the source gives them.
    pub opening_hours: String,
    /// The next seven days' open times (`None`: the hours cannot be read), with the
    /// day (`DD.MM.`) and its weekday (1 Monday … 7 Sunday).
    pub week: Option<Vec<(String, u32, Vec<String>)>>,
    /// Who may use it.
    pub access: String,
    /// Who runs it.
    pub operator: String,
    /// The source's credit.
    pub credit: Credit,
    /// The moment judged, `DD.MM.YYYY HH:MM`.
    pub at: String,
}

/// One page of the finder.
#[server(endpoint = "toilets/find")]
pub async fn find_toilets(query: FinderQuery) -> Result<FinderPage, AppError> {
    query.validate()?;
    let toilets = use_context::<std::sync::Arc<crate::service::Toilets>>()
        .ok_or_else(|| AppError::internal("toilets not started"))?;
    toilets.find(&query).await
}

/// The page of toilet `id`.
#[server(endpoint = "toilets/place")]
pub async fn toilet_place(id: i32) -> Result<PlaceDetail, AppError> {
    let toilets = use_context::<std::sync::Arc<crate::service::Toilets>>()
        .ok_or_else(|| AppError::internal("toilets not started"))?;
    toilets.place(id).await
}
