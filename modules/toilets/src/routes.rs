//! The module's route fragment, placed by the host in its router.

use leptos::prelude::*;
use leptos_router::{SsrMode, components::Route, path};

use crate::page::ToiletFinder;

/// Routes of the toilet finder. Rendered completely on the server (`SsrMode::Async`)
/// so that the page works without JavaScript.
#[component(transparent)]
pub fn ToiletRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! { <Route path=path!("/toilets") view=ToiletFinder ssr=SsrMode::Async /> }.into_inner()
}
