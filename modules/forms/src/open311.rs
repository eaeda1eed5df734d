//! Open311 GeoReport v2 (<https://wiki.open311.org/GeoReport_v2>) for the services whose
//! definition has an `[open311]` table: existing Open311 clients and apps list them,
//! read their attributes and file reports, which become ordinary requests with cases;
//! they follow the reports they filed by the id they were given. Every answer comes in
//! JSON or XML, as the address's extension asks.

mod format;
mod reports;
mod services;
mod store;

use std::sync::Arc;

use kernel::routes::Routes;

use crate::state::FormsState;

pub use store::forget;

/// Where the interface is.
pub const BASE: &str = "/open311/v2";

/// What the handlers share.
#[derive(Clone)]
struct Open311State {
    forms: Arc<FormsState>,
    db: sea_orm::DatabaseConnection,
    intake: Option<Arc<dyn kernel::intake::CaseIntake>>,
    tracker: Option<Arc<dyn kernel::intake::CaseTracker>>,
    texts: kernel::I18n,
}

impl Open311State {
    /// The services Open311 clients may use, by service code.
    fn service(&self, code: &str) -> Option<Arc<crate::definition::ServiceDefinition>> {
        self.forms
            .published()
            .catalogue
            .by_id(code)
            .filter(|s| s.definition.open311.is_some())
            .map(|s| Arc::clone(&s.definition))
    }
}

/// The routes.
pub fn router(forms: Arc<FormsState>, ctx: &kernel::ModuleContext) -> Routes {
    Routes::new()
        .get(&format!("{BASE}/{{resource}}"), reports::resource_get)
        .post(&format!("{BASE}/{{resource}}"), reports::create)
        .get(&format!("{BASE}/services/{{code}}"), services::definition)
        .get(&format!("{BASE}/requests/{{id}}"), reports::one)
        .map_router(|router| {
            router.layer(axum::extract::DefaultBodyLimit::max(reports::BODY_LIMIT))
        })
        .with_state(Open311State {
            forms,
            db: ctx.db.clone(),
            intake: ctx.case_intake(),
            tracker: ctx.get::<dyn kernel::intake::CaseTracker>(),
            texts: ctx.texts.in_locale(kernel::Locale::EN),
        })
}
