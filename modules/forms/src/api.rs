//! The services part of the open interface `/api/v1`: every service with its version,
//! LeiKa key and whether it takes requests now, and the JSON Schema of the data its
//! requests carry (what `GET /cases/{id}` returns as `data`).

use std::sync::Arc;

use axum::extract::{Path, State};
use kernel::{
    api::{ApiJson, Caller, Problem, ProblemKind, Scope},
    routes::Routes,
};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

use crate::state::FormsState;

/// A text in German and English.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct Texts {
    /// German.
    #[schema(examples("Bewohnerparkausweis beantragen"))]
    pub de: String,
    /// English, when translated.
    #[schema(examples("Apply for a resident parking permit"))]
    pub en: Option<String>,
}

impl From<&crate::definition::Text> for Texts {
    fn from(text: &crate::definition::Text) -> Self {
        Self {
            de: text.de().to_owned(),
            en: text.written_in(kernel::Locale::EN).map(str::to_owned),
        }
    }
}

/// One service.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct Service {
    /// Id (cases name it as `service_id`).
    #[schema(examples("bewohnerparkausweis"))]
    pub id: String,
    /// Address part of its page under `/leistungen/`.
    #[schema(examples("bewohnerparkausweis"))]
    pub slug: String,
    /// Title.
    pub title: Texts,
    /// One or two sentences.
    pub summary: Texts,
    /// Responsible department.
    #[schema(examples("kvr"))]
    pub department: String,
    /// LeiKa key, when the definition has one.
    #[schema(examples("urn:de:fim:leika:leistung:99108001000000"))]
    pub leika: Option<String>,
    /// Level of assurance a sign-in needs to file: `low`, `substantial` or `high`.
    #[schema(examples("substantial"))]
    pub level: String,
    /// The number of the definition's current version.
    #[schema(examples(2))]
    pub version: i32,
    /// Whether requests can be filed now (a department may take a service offline).
    #[schema(examples(true))]
    pub online: bool,
    /// Where the JSON Schema of its requests' data is.
    #[schema(examples("/api/v1/services/bewohnerparkausweis/schema"))]
    pub schema_href: String,
}

/// The routes, relative to the interface's base path.
pub fn router(state: Arc<FormsState>, db: sea_orm::DatabaseConnection) -> Routes {
    Routes::new()
        .get("/services", list)
        .get("/services/{id}/schema", schema)
        .with_state((state, db))
}

/// List the services.
#[utoipa::path(
    get,
    path = "/services",
    operation_id = "listServices",
    tag = "services",
    responses((status = 200, description = "Every service", body = Vec<Service>)),
    security(("bearer" = ["services:read"]))
)]
pub async fn list(
    State((forms, db)): State<(Arc<FormsState>, sea_orm::DatabaseConnection)>,
    caller: Caller,
) -> Result<ApiJson<Vec<Service>>, Problem> {
    caller.require(Scope::ServicesRead)?;
    let offline = crate::offline::offline(&db)
        .await
        .map_err(Problem::internal)?;
    let services = forms
        .published()
        .catalogue
        .services
        .iter()
        .map(|service| {
            let definition = &service.definition;
            Service {
                id: definition.id.clone(),
                slug: definition.slug.clone(),
                title: (&definition.title).into(),
                summary: (&definition.summary).into(),
                department: definition.department.clone(),
                leika: definition.leika.clone(),
                level: definition.level.as_str().to_owned(),
                version: forms
                    .published()
                    .versions
                    .get(&definition.id)
                    .map_or(0, |v| v.number),
                online: !offline.contains(&definition.id),
                schema_href: format!(
                    "{}/services/{}/schema",
                    kernel::api::BASE_PATH,
                    definition.id
                ),
            }
        })
        .collect();
    Ok(ApiJson(services))
}

/// The JSON Schema (2020-12) of the data of a service's requests.
#[utoipa::path(
    get,
    path = "/services/{id}/schema",
    operation_id = "getServiceSchema",
    tag = "services",
    params(("id" = String, Path, description = "The service's id")),
    responses(
        (status = 200, description = "The schema", body = Object, content_type = "application/schema+json"),
        (status = 404, description = "No such service", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["services:read"]))
)]
pub async fn schema(
    State((forms, _)): State<(Arc<FormsState>, sea_orm::DatabaseConnection)>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<axum::response::Response, Problem> {
    use axum::response::IntoResponse;
    caller.require(Scope::ServicesRead)?;
    let published = forms.published();
    let service = published
        .catalogue
        .by_id(&id)
        .ok_or_else(|| Problem::new(ProblemKind::NotFound))?;
    let schema = crate::submission_data::schema(&service.definition);
    Ok((
        [(axum::http::header::CONTENT_TYPE, "application/schema+json")],
        serde_json::to_string_pretty(&schema).unwrap_or_default(),
    )
        .into_response())
}

/// The OpenAPI description of [`router`].
#[derive(OpenApi)]
#[openapi(
    paths(list, schema),
    tags((name = "services", description = "The portal's services"))
)]
pub struct ServicesApi;
