//! The module's route fragment, placed by the host in its router.

use leptos::prelude::*;
use leptos_router::{SsrMode, components::Route, path};

use crate::pages::results_page::SearchPage;

/// The results page (`/suche`), rendered completely on the server so that it works
/// without JavaScript.
#[component(transparent)]
pub fn SearchRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! { <Route path=path!("/suche") view=SearchPage ssr=SsrMode::Async /> }.into_inner()
}
