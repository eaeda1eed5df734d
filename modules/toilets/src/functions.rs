//! The server functions the finder's pages call.

use crate::{
    place::PlaceDetail,
    query::{FinderPage, FinderQuery},
};
use kernel::AppError;
use leptos::prelude::*;

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
