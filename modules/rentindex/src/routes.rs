//! The module's route fragment, placed by the host in its router.

use leptos::prelude::*;
use leptos_router::{
    SsrMode,
    components::{Outlet, ParentRoute, Route},
    path,
};

use crate::pages::{CalculatorPage, IncreasePage};

/// The rent index pages, rendered completely on the server so that they work without
/// JavaScript.
#[component(transparent)]
pub fn RentIndexRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/mietspiegel") view=Outlet ssr=SsrMode::Async>
            <Route path=path!("") view=CalculatorPage ssr=SsrMode::Async />
            <Route path=path!("mieterhoehung") view=IncreasePage ssr=SsrMode::Async />
        </ParentRoute>
    }
    .into_inner()
}
