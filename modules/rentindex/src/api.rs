//! The calculation in the open interface, for other city apps:
//! `POST /api/v1/rent-index/estimate` (public, no token).

use std::{collections::BTreeSet, sync::Arc};

use axum::extract::State;
use kernel::{
    api::{ApiJson, Problem, ProblemKind},
    routes::Routes,
};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

use crate::{
    calc::{Adjustment, Estimate, Flat, estimate},
    desk::Desk,
    view::LocatedBy,
};

/// The routes, as the module registers them.
pub fn router(desk: Arc<Desk>) -> Routes {
    Routes::new()
        .post("/rent-index/estimate", estimate_rent)
        .with_state(desk)
}

/// The document of these routes.
#[derive(OpenApi)]
#[openapi(
    paths(estimate_rent),
    components(schemas(EstimateRequest, EstimateAnswer, Estimate, Adjustment, Flat)),
    tags((name = "rent-index", description = "The local comparative rent of a flat from the rent index (public, no token)"))
)]
pub struct RentIndexApi;

/// A flat to estimate: its location by address (street list, else district) or by the
/// location category's id.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EstimateRequest {
    /// Living space in square metres.
    #[schema(examples(68.5))]
    pub living_space: f64,
    /// Year of construction.
    #[schema(examples(1962))]
    pub year: u16,
    /// Street (with `house_number`).
    #[serde(default)]
    #[schema(examples("Leopoldstraße"))]
    pub street: Option<String>,
    /// House number.
    #[serde(default)]
    #[schema(examples("14"))]
    pub house_number: Option<String>,
    /// District, for addresses the street list does not know.
    #[serde(default)]
    #[schema(examples("Schwabing-West"))]
    pub district: Option<String>,
    /// The location category's id, when known (instead of an address).
    #[serde(default)]
    #[schema(examples("good"))]
    pub location: Option<String>,
    /// Ids of the features the flat has.
    #[serde(default)]
    #[schema(examples("balcony"))]
    pub features: BTreeSet<String>,
}

/// The estimate, with how the location was found.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct EstimateAnswer {
    /// The local comparative rent.
    pub estimate: Estimate,
    /// The location category used.
    #[schema(examples("best"))]
    pub location: String,
    /// `street`, `district` or `given`.
    #[schema(examples("street"))]
    pub location_from: String,
    /// Whether the edition's figures are invented (the demo edition).
    #[schema(examples(true))]
    pub synthetic: bool,
}

fn invalid(detail: impl Into<String>) -> Problem {
    Problem::new(ProblemKind::Invalid).with_detail(detail)
}

/// The local comparative rent of a flat.
#[utoipa::path(
    post,
    path = "/rent-index/estimate",
    operation_id = "estimateRent",
    tag = "rent-index",
    request_body = EstimateRequest,
    responses(
        (status = 200, description = "The mean and range per square metre and for the flat, with every addition", body = EstimateAnswer),
        (status = 400, description = "A value outside the rent index, an unknown feature or location, or no location at all", body = Problem, content_type = "application/problem+json"),
    ),
    security(())
)]
pub async fn estimate_rent(
    State(desk): State<Arc<Desk>>,
    ApiJson(request): ApiJson<EstimateRequest>,
) -> Result<ApiJson<EstimateAnswer>, Problem> {
    let text = |value: &Option<String>| value.as_deref().unwrap_or_default().to_owned();
    for value in [
        &request.street,
        &request.house_number,
        &request.district,
        &request.location,
    ] {
        if text(value).chars().count() > 100 {
            return Err(invalid("a text longer than 100 characters"));
        }
    }
    let (location, from) = match &request.location {
        Some(location) => (location.clone(), "given".to_owned()),
        None => {
            let located = desk
                .locate(
                    &text(&request.street),
                    &text(&request.house_number),
                    &text(&request.district),
                )
                .ok_or_else(|| {
                    invalid("neither the street list nor a known district gives the location")
                })?;
            let from = match located.by {
                LocatedBy::Street => "street",
                LocatedBy::District => "district",
            };
            (located.category, from.to_owned())
        }
    };
    let flat = Flat {
        living_space: request.living_space,
        year: request.year,
        location: location.clone(),
        features: request.features,
    };
    let estimate = estimate(&desk.published.edition, &flat).map_err(|e| invalid(e.to_string()))?;
    Ok(ApiJson(EstimateAnswer {
        estimate,
        location,
        location_from: from,
        synthetic: desk.published.edition.synthetic,
    }))
}
