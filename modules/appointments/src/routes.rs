//! The module's route fragment, placed by the host in its router.

use leptos::prelude::*;
use leptos_router::{
    SsrMode,
    components::{Outlet, ParentRoute, Route},
    path,
};

use crate::pages::{
    appointment_page::AppointmentPage,
    calendar_page::CalendarPage,
    choice_page::ChoicePage,
    confirm_page::ConfirmPage,
    offices_page::OfficesPage,
    services_page::ServicesPage,
    staff_page::{StaffDayPage, StaffOfficesPage},
};

/// The booking pages, rendered completely on the server so that they work without
/// JavaScript.
#[component(transparent)]
pub fn AppointmentRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/termine") view=Outlet ssr=SsrMode::Async>
            <Route path=path!("") view=ServicesPage ssr=SsrMode::Async />
            <Route path=path!("auswahl") view=ChoicePage ssr=SsrMode::Async />
            <Route path=path!("buero") view=OfficesPage ssr=SsrMode::Async />
            <Route path=path!("buero/:office") view=CalendarPage ssr=SsrMode::Async />
            <Route path=path!("vormerkung/:token") view=AppointmentPage ssr=SsrMode::Async />
            <Route path=path!("bestaetigen/:token") view=ConfirmPage ssr=SsrMode::Async />
            <Route path=path!("dienststelle") view=StaffOfficesPage ssr=SsrMode::Async />
            <Route path=path!("dienststelle/:office") view=StaffDayPage ssr=SsrMode::Async />
        </ParentRoute>
    }
    .into_inner()
}
