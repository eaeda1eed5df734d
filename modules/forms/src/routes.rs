//! The module's route fragment, placed by the host in its router.

use leptos::prelude::*;
use leptos_router::{
    SsrMode,
    components::{Outlet, ParentRoute, Route},
    path,
};

use crate::pages::{
    catalogue_page::CataloguePage, design_page::DesignPage, designs_page::DesignsPage,
    mine_page::MinePage, preview_page::PreviewPage, receipt_page::ReceiptPage,
    review_page::ReviewPage, service_page::ServicePage, step_page::StepPage,
};

/// Routes of the service catalogue (`/leistungen`). Rendered completely on the server
/// (`SsrMode::Async`) so that every page works without JavaScript.
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

/// Routes of forms in progress and filed (`/antraege`), for signed-in citizens.
#[component(transparent)]
pub fn ApplicationRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/antraege") view=Outlet ssr=SsrMode::Async>
            <Route path=path!("") view=MinePage ssr=SsrMode::Async />
            <Route path=path!("eingang/:id") view=ReceiptPage ssr=SsrMode::Async />
            <Route path=path!(":draft/pruefen") view=ReviewPage ssr=SsrMode::Async />
            <Route path=path!(":draft/:step") view=StepPage ssr=SsrMode::Async />
        </ParentRoute>
    }
    .into_inner()
}

/// The service designer (`/dienststelle/entwuerfe`), for department administrators.
#[component(transparent)]
pub fn DesignerRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/dienststelle/entwuerfe") view=Outlet ssr=SsrMode::Async>
            <Route path=path!("") view=DesignsPage ssr=SsrMode::Async />
            <Route path=path!(":id") view=DesignPage ssr=SsrMode::Async />
            <Route path=path!(":id/vorschau/:step") view=PreviewPage ssr=SsrMode::Async />
        </ParentRoute>
    }
    .into_inner()
}
