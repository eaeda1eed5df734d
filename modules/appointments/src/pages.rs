//! The booking pages: a service, the people and combined services, an office, a day
//! and a time, the details, the appointment.

pub mod appointment_page;
pub mod calendar_page;
pub mod choice_page;
pub mod confirm_page;
pub mod dates;
pub mod offices_page;
mod proof;
pub mod services_page;
pub mod staff_page;

use kernel::error_page::ErrorTexts;
use leptos::prelude::*;

use crate::plan::Wish;

/// What the pages say when something cannot be shown.
pub const ERROR: ErrorTexts = ErrorTexts {
    not_found: "appointments-not-found",
    failed: "appointments-error",
    back_href: "/termine",
    back: "appointments-back-to-start",
};

/// The wish a page's address carries (`leistung`, `personen`, `antrag`).
pub fn wish_from_query() -> impl Fn() -> Wish + Copy {
    let query = leptos_router::hooks::use_query_map();
    move || {
        let query = query.read();
        Wish::from_parts(
            query.get_all("leistung").unwrap_or_default(),
            query
                .get("personen")
                .and_then(|p| p.parse().ok())
                .unwrap_or(1),
        )
        .for_request(query.get("antrag"))
    }
}

/// The wish as hidden fields of a form.
#[component]
pub fn WishFields(wish: Wish) -> impl IntoView {
    view! {
        {wish.services.into_iter().map(|s| view! { <input type="hidden" name="leistung" value=s /> }).collect_view()}
        <input type="hidden" name="personen" value=wish.persons.to_string() />
        {wish.request.map(|r| view! { <input type="hidden" name="antrag" value=r /> })}
    }
}

/// The chosen services and people, as a short summary list.
#[component]
pub fn Summary(
    services: Vec<crate::view::ServiceItem>,
    persons: u32,
    #[prop(optional)] office: Option<crate::view::OfficeItem>,
    #[prop(optional)] when: Option<String>,
) -> impl IntoView {
    let i18n = kernel::i18n::use_i18n();
    let row = |key: &'static str, value: AnyView| {
        view! {
            <div class="kern-description-list-item">
                <dt class="kern-description-list-item__key">{i18n.phrase(key)}</dt>
                <dd class="kern-description-list-item__value">{value}</dd>
            </div>
        }
    };
    view! {
        <dl class="kern-description-list portal-summary">
            {row("appointments-services", view! {
                <ul class="portal-list">
                    {services.into_iter().map(|s| view! { <li lang=s.lang>{s.name}</li> }).collect_view()}
                </ul>
            }.into_any())}
            {row("appointments-persons", persons.to_string().into_any())}
            {office.map(|o| row("appointments-office", view! { {o.name} <br /> {o.address} }.into_any()))}
            {when.map(|w| row("appointments-when", w.into_any()))}
        </dl>
    }
}

/// The notice that an appointment is booked: its number and where the confirmation
/// went.
#[component]
pub fn BookedNotice(reference: String, email: String) -> impl IntoView {
    let i18n = kernel::i18n::use_i18n();
    view! {
        <div class="kern-alert kern-alert--success" role="status">
            <div class="kern-alert__body">
                <p class="kern-body">{i18n.phrase("appointments-reference")}" "<strong id="reference">{reference}</strong></p>
                <p class="kern-body">{i18n.t_named("appointments-booked-mail", &[("email".into(), email)])}</p>
            </div>
        </div>
    }
}

/// What a page says of a hold or link that ran out, and the way to a new time.
#[component]
pub fn Expired() -> impl IntoView {
    let i18n = kernel::i18n::use_i18n();
    view! {
        <p class="kern-body">{i18n.phrase("appointments-expired-text")}</p>
        <p class="kern-body"><a class="kern-link" href="/termine">{i18n.phrase("appointments-book-new")}</a></p>
    }
}

/// A page's title and heading, then its body.
#[component]
pub fn Titled(title: &'static str, children: Children) -> impl IntoView {
    let i18n = kernel::i18n::use_i18n();
    view! {
        <leptos_meta::Title text=i18n.t(title) />
        <h1 class="kern-heading-x-large">{i18n.phrase(title)}</h1>
        {children()}
    }
}
