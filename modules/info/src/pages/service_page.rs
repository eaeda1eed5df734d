//! `/info/:id`: a service of the information catalogue: what it is, what it costs, and
//! the offices that offer it with address and contact. Texts not yet translated are
//! shown in German and marked as such (`lang`), so screen readers read them right.

use kernel::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::{
    functions::info_service,
    view::{OfficeView, ServiceView},
};

/// The service page; unknown or unpublished ids get the not-found status.
#[component]
pub fn InfoServicePage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let service = Resource::new(id, info_service);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match service.await {
                    Ok(service) => {
                        kernel::shared_page::same_for_everyone();
                        view! { <Description service /> }.into_any()
                    }
                    Err(error) => view! { <kernel::error_page::ErrorPage error texts=super::ERROR /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Description(service: ServiceView) -> impl IntoView {
    let i18n = use_i18n();
    let lang = service.lang.clone();
    let untranslated = lang.is_some().then(|| {
        view! { <p class="kern-body kern-body--small">{i18n.phrase("info-untranslated")}</p> }
    });
    let fees = service.fees.map(|fees| {
        view! {
            <section class="portal-section">
                <h2 class="kern-heading-medium">{i18n.phrase("info-fees")}</h2>
                <div class="kern-body portal-rich-text" lang=lang.clone() inner_html=fees></div>
            </section>
        }
    });
    let leika = service.leika.map(|key| {
        view! { <p class="kern-body kern-body--small">{i18n.phrase("info-leika")} " " {key}</p> }
    });
    let offices = if service.offices.is_empty() {
        view! { <p class="kern-body">{i18n.phrase("info-no-offices")}</p> }.into_any()
    } else {
        view! {
            <ul class="portal-cards">
                {service.offices.into_iter().map(|office| view! { <Office office /> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let booking = service.booking.map(|href| {
        view! {
            <p class="kern-body">
                <a class="kern-btn kern-btn--primary" href=href><span class="kern-label">{i18n.phrase("info-book-appointment")}</span></a>
            </p>
        }
    });
    view! {
        <Title text=service.name.clone() />
        <h1 class="kern-heading-x-large" lang=lang.clone()>{service.name}</h1>
        {untranslated}
        {booking}
        <section class="portal-section">
            <h2 class="kern-heading-medium">{i18n.phrase("info-what")}</h2>
            <div class="kern-body portal-rich-text" lang=lang.clone() inner_html=service.description></div>
        </section>
        {fees}
        <section class="portal-section">
            <h2 class="kern-heading-medium">{i18n.phrase("info-offices")}</h2>
            {offices}
        </section>
        {leika}
        <p class="kern-body"><a class="kern-link" href="/info">{i18n.phrase("info-back-to-list")}</a></p>
    }
}

#[component]
fn Office(office: OfficeView) -> impl IntoView {
    let i18n = use_i18n();
    let contact = |key: &'static str, value: Option<String>, scheme: &'static str| {
        value.map(|value| {
            let href = format!("{scheme}{}", value.replace(' ', ""));
            let link = if scheme.is_empty() { value.clone() } else { href };
            view! {
                <div class="kern-description-list-item">
                    <dt class="kern-description-list-item__key">{i18n.t(key)}</dt>
                    <dd class="kern-description-list-item__value"><a class="kern-link" href=link>{value}</a></dd>
                </div>
            }
            .into_any()
        })
    };
    let address = [office.street, office.place]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <li class="kern-card portal-card">
            <div class="kern-card__container">
                <div class="kern-card__header">
                    <h3 class="kern-title">{office.name}</h3>
                </div>
                <div class="kern-card__body">
                    <dl class="kern-description-list kern-description-list--col">
                        {office.department.map(|department| view! {
                            <div class="kern-description-list-item">
                                <dt class="kern-description-list-item__key">{i18n.phrase("info-department")}</dt>
                                <dd class="kern-description-list-item__value">{department}</dd>
                            </div>
                        }.into_any())}
                        {(!address.is_empty()).then(|| view! {
                            <div class="kern-description-list-item">
                                <dt class="kern-description-list-item__key">{i18n.phrase("info-address")}</dt>
                                <dd class="kern-description-list-item__value">{address}</dd>
                            </div>
                        }.into_any())}
                        {contact("info-phone", office.phone, "tel:")}
                        {contact("info-email", office.email, "mailto:")}
                        {contact("info-web", office.web, "")}
                    </dl>
                </div>
            </div>
        </li>
    }
}
