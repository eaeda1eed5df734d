//! What the catalogue and service pages read: summaries and descriptions of the
//! services, from the definitions loaded at start.

use kernel::{AppError, Level};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::definition::{Description, Text};

/// A catalogue entry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceSummary {
    /// Address part under `/leistungen/`.
    pub slug: String,
    /// Title.
    pub title: Text,
    /// One or two sentences.
    pub summary: Text,
    /// Responsible department id.
    pub department: String,
    /// Life situation ids.
    pub life_situations: Vec<String>,
}

/// Everything the service page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceInfo {
    /// The catalogue entry.
    pub summary: ServiceSummary,
    /// The description.
    pub description: Description,
    /// Required level of assurance.
    pub level: Level,
    /// LeiKa key, when the service has one.
    pub leika: Option<String>,
    /// Number of form steps.
    pub steps: usize,
    /// Requests can be filed online now (a department may take a service offline).
    pub online: bool,
}

/// Every service, in catalogue order.
#[server(endpoint = "forms/services")]
pub async fn list_services() -> Result<Vec<ServiceSummary>, AppError> {
    let state = ssr::state()?;
    Ok(state
        .published()
        .catalogue
        .services
        .iter()
        .map(|s| ssr::summary(&s.definition))
        .collect())
}

/// The service with `slug`.
#[server(endpoint = "forms/service")]
pub async fn service_details(slug: String) -> Result<ServiceInfo, AppError> {
    let state = ssr::state()?;
    let published = state.published();
    let service = published
        .catalogue
        .by_slug(&slug)
        .ok_or(AppError::NotFound)?;
    let definition = &service.definition;
    Ok(ServiceInfo {
        summary: ssr::summary(definition),
        description: definition.description.clone(),
        level: definition.level,
        leika: definition.leika.clone(),
        steps: definition.steps.len(),
        online: !crate::offline::is_offline(&ssr::context()?.db, &definition.id).await?,
    })
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use std::sync::Arc;

    use kernel::AppError;
    use leptos::prelude::use_context;

    use super::ServiceSummary;
    use crate::{definition::ServiceDefinition, state::FormsState};

    /// The host's module context (database, files) from the request context.
    pub fn context() -> Result<kernel::ModuleContext, AppError> {
        use_context::<kernel::ModuleContext>()
            .ok_or_else(|| AppError::internal("module context missing"))
    }

    /// The module's shared state from the request context.
    pub fn state() -> Result<Arc<FormsState>, AppError> {
        use_context::<Arc<FormsState>>().ok_or_else(|| AppError::internal("forms state missing"))
    }

    pub fn summary(definition: &ServiceDefinition) -> ServiceSummary {
        ServiceSummary {
            slug: definition.slug.clone(),
            title: definition.title.clone(),
            summary: definition.summary.clone(),
            department: definition.department.clone(),
            life_situations: definition.life_situations.clone(),
        }
    }
}
