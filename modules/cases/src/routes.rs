//! The module's route fragment, placed by the host in its router.

use leptos::prelude::*;
use leptos_router::{
    SsrMode,
    components::{Outlet, ParentRoute, Route},
    path,
};

use crate::pages::{
    bulk_page::BulkResultPage,
    case_page::CasePage,
    citizen_page::{CitizenCasePage, WithdrawPage},
    dashboard_page::DashboardPage,
    inbox_page::InboxPage,
};

/// Routes of the caseworkers' pages (`/bearbeitung`), rendered completely on the
/// server so that they work without JavaScript.
#[component(transparent)]
pub fn CaseworkRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/bearbeitung") view=Outlet ssr=SsrMode::Async>
            <Route path=path!("") view=InboxPage ssr=SsrMode::Async />
            <Route path=path!("faelle/:id") view=CasePage ssr=SsrMode::Async />
            <Route path=path!("ergebnis") view=BulkResultPage ssr=SsrMode::Async />
        </ParentRoute>
    }
    .into_inner()
}

/// The department dashboard (`/dienststelle`), for caseworkers and department
/// administrators.
#[component(transparent)]
pub fn DepartmentRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! { <Route path=path!("/dienststelle") view=DashboardPage ssr=SsrMode::Async /> }
        .into_inner()
}

/// The citizens' case pages (`/vorgaenge`).
#[component(transparent)]
pub fn CitizenCaseRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/vorgaenge") view=Outlet ssr=SsrMode::Async>
            <Route path=path!(":id") view=CitizenCasePage ssr=SsrMode::Async />
            <Route path=path!(":id/zurueckziehen") view=WithdrawPage ssr=SsrMode::Async />
        </ParentRoute>
    }
    .into_inner()
}
