//! The module's route fragment, placed by the host in its router.

use leptos::prelude::*;
use leptos_router::{
    SsrMode,
    components::{Outlet, ParentRoute, Route},
    path,
};

use crate::pages::{FinderPage, PlacePage};

/// Routes of the toilet finder. Rendered completely on the server (`SsrMode::Async`)
/// so that the pages work without JavaScript.
#[component(transparent)]
pub fn ToiletRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/toilets") view=Outlet ssr=SsrMode::Async>
            <Route path=path!("") view=FinderPage ssr=SsrMode::Async />
            <Route path=path!(":id") view=PlacePage ssr=SsrMode::Async />
        </ParentRoute>
    }
    .into_inner()
}
