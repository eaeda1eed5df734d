//! The module's route fragment, placed by the host in its router.

use leptos::prelude::*;
use leptos_router::{
    SsrMode,
    components::{Outlet, ParentRoute, Route},
    path,
};

use crate::pages::{catalogue_page::CataloguePage, service_page::ServicePage};

/// Routes of the service catalogue and forms under `/leistungen`. Rendered completely
/// on the server (`SsrMode::Async`) so that every page works without JavaScript.
#[component(transparent)]
pub fn FormsRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/leistungen") view=Outlet ssr=SsrMode::Async>
            <Route path=path!("") view=CataloguePage ssr=SsrMode::Async />
            <Route path=path!(":slug") view=ServicePage ssr=SsrMode::Async />
        </ParentRoute>
    }
    .into_inner()
}
