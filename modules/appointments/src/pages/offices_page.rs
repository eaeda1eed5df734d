//! `/termine/buero?leistung=…&personen=…[&nahe=…][&standort=…]`: the offices offering
//! every chosen service, by earliest free day, or by distance from a postcode or the
//! browser's position.

use kernel::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::{Summary, WishFields, dates::long_day, wish_from_query};
use crate::{functions::appointment_offices, view::Offices};

/// The offices for a wish.
#[component]
pub fn OfficesPage() -> impl IntoView {
    let wish = wish_from_query();
    let query = use_query_map();
    let near = move || query.read().get("nahe").filter(|n| !n.trim().is_empty());
    let here = move || {
        query
            .read()
            .get("standort")
            .filter(|h| !h.trim().is_empty())
    };
    let offices = Resource::new(
        move || (wish(), near(), here()),
        |(wish, near, here)| appointment_offices(wish.services, wish.persons, near, here),
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match offices.await {
                    Ok(offices) => view! { <OfficeList offices wish=wish() /> }.into_any(),
                    Err(error) => view! { <kernel::error_page::ErrorPage error texts=super::ERROR /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn OfficeList(offices: Offices, wish: crate::plan::Wish) -> impl IntoView {
    let i18n = use_i18n();
    let query = wish.query();
    let unknown = offices.near_unknown.clone().map(|code| {
        view! {
            <div class="kern-alert kern-alert--info" role="status">
                <div class="kern-alert__body">
                    <p class="kern-body">{i18n.t_named("appointments-near-unknown", &[("postcode".into(), code)])}</p>
                </div>
            </div>
        }
    });
    let order = match &offices.near {
        _ if offices.near_here => i18n.t("appointments-order-here"),
        Some(code) => i18n.t_named(
            "appointments-order-distance",
            &[("postcode".into(), code.clone())],
        ),
        None => i18n.t("appointments-order-earliest"),
    };
    let list = if offices.offices.is_empty() {
        view! { <p class="kern-body">{i18n.phrase("appointments-no-office")}</p> }.into_any()
    } else {
        view! {
            <ul class="portal-cards">
                {offices.offices.into_iter().map(|office| {
                    let href = format!("/termine/buero/{}?{}", kernel::url::segment(&office.id), query);
                    let earliest = match &office.earliest {
                        Some(day) => i18n.t_named("appointments-earliest", &[("day".into(), long_day(&i18n, day))]),
                        None => i18n.t("appointments-no-free-day"),
                    };
                    let distance = office.distance_km.map(|km| {
                        i18n.t_named("appointments-distance", &[("km".into(), i18n.decimal(km, 1))])
                    });
                    view! {
                        <li class="kern-card portal-card">
                            <div class="kern-card__container">
                                <div class="kern-card__header">
                                    <h2 class="kern-title"><a class="kern-link" href=href>{office.name}</a></h2>
                                </div>
                                <div class="kern-card__body">
                                    <p class="kern-body">{office.address}</p>
                                    <p class="kern-body"><strong>{earliest}</strong></p>
                                    {distance.map(|d| view! { <p class="kern-body">{d}</p> })}
                                </div>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <Title text=i18n.t("appointments-offices-title") />
        <h1 class="kern-heading-x-large">{i18n.phrase("appointments-offices-title")}</h1>
        <Summary services=offices.services persons=offices.persons />
        {unknown}
        <form method="get" action="/termine/buero" class="portal-form portal-form--inline">
            <WishFields wish=wish.clone() />
            <div class="kern-form-input">
                <label class="kern-label" for="nahe">{i18n.phrase("appointments-near-label")}</label>
                <input class="kern-form-input__input" type="text" id="nahe" name="nahe" inputmode="numeric" autocomplete="postal-code" maxlength="5" value=offices.near.clone().unwrap_or_default() />
            </div>
            <button class="kern-btn kern-btn--secondary" type="submit"><span class="kern-label">{i18n.phrase("appointments-order-by-distance")}</span></button>
        </form>
        <p class="kern-body">{order}</p>
        {list}
        <p class="kern-body"><a class="kern-link" href="/termine">{i18n.phrase("appointments-back-to-start")}</a></p>
    }
}
