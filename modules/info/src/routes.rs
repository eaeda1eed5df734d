//! The module's route fragment, placed by the host in its router.

use leptos::prelude::*;
use leptos_router::{
    SsrMode,
    components::{Outlet, ParentRoute, Route},
    path,
};

use crate::pages::{list_page::InfoListPage, service_page::InfoServicePage};

/// The A–Z list (`/info`) and the service pages, rendered completely on the server so
/// that they work without JavaScript.
#[component(transparent)]
pub fn InfoRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/info") view=Outlet ssr=SsrMode::Async>
            <Route path=path!("") view=InfoListPage ssr=SsrMode::Async />
            <Route path=path!(":id") view=InfoServicePage ssr=SsrMode::Async />
        </ParentRoute>
    }
    .into_inner()
}
