//! `/toilets`: the filters as a plain GET form (every filter works without
//! JavaScript: the browser reloads the page with them in the address), the matching
//! toilets nearest first when a position is known, and a map beside the list where
//! scripts run.

use kernel::{i18n::use_i18n, location::LocationTexts};
use leptos::prelude::*;
use leptos_meta::{Script, Stylesheet, Title};
use leptos_router::hooks::use_query_map;

use super::{
    features::{Features, address_line, display_name},
    hours_text::{distance_text, hours_text, is_open},
};
use crate::{
    functions::find_toilets,
    place::{Credit, PlaceItem},
    query::{FinderPage as Page, FinderQuery, Origin, OriginProblem, WheelchairNeed},
};

/// What "use my location" says here.
const LOCATION: LocationTexts = LocationTexts {
    button: "toilets-location-use",
    waiting: "toilets-location-waiting",
    got: "toilets-location-got",
    refused: "toilets-location-refused",
};

/// The finder.
#[component]
pub fn FinderPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_query_map();
    let query = move || FinderQuery::from_params(|name| params.read().get(name));
    let found = Resource::new(query, find_toilets);
    view! {
        <Title text=i18n.t("toilets-title") />
        <Stylesheet href="/map/leaflet.css" />
        <Script src="/map/leaflet.js" defer="defer" />
        <Script src="/map/toilets-map.js" defer="defer" />
        <h1 class="kern-heading-large">{i18n.phrase("toilets-title")}</h1>
        <p class="kern-body">{i18n.phrase("toilets-intro")}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(page) => view! { <Found page query=query() /> }.into_any(),
                    Err(error) => view! {
                        <kernel::error_page::ErrorPage error texts=ERROR />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// What a failed search says.
pub(super) const ERROR: kernel::error_page::ErrorTexts = kernel::error_page::ErrorTexts {
    not_found: "toilets-not-found",
    failed: "toilets-error",
    back_href: "/toilets",
    back: "toilets-back",
};

#[component]
fn Found(page: Page, query: FinderQuery) -> impl IntoView {
    let i18n = use_i18n();
    let heading = match &page.origin {
        Some(Origin::Browser) => i18n.t("toilets-results-near-you"),
        Some(Origin::Address(label)) => {
            i18n.t_args("toilets-results-near", &[("place", label.clone().into())])
        }
        None => i18n.t("toilets-results"),
    };
    let here = query.here.clone().unwrap_or_default();
    let tiles = page.tiles.clone();
    let empty = page.places.is_empty();
    view! {
        <Filters page=page.clone() query=query.clone() />
        <Notices page=page.clone() />
        <h2 class="kern-heading-medium" id="results">{heading}</h2>
        <p class="kern-body" id="results-time">
            {i18n.t_args("toilets-judged-at", &[("at", page.at.clone().into())])}
        </p>
        {empty.then(|| view! { <p class="kern-body" role="status">{i18n.phrase("toilets-none")}</p> })}
        <div class="portal-finder-layout">
            <ol class="portal-cards portal-finder-list" aria-labelledby="results">
                {page.places.iter().cloned().map(|place| view! { <Card place /> }).collect_view()}
            </ol>
            <div id="toilet-map" class="portal-finder-map" hidden
                role="region"
                aria-label=i18n.t("toilets-map-label")
                data-tiles=tiles.url
                data-tile-attribution=tiles.attribution
                data-here=here></div>
        </div>
        <Pages page=page.page more=page.more query=query />
        <Credits credits=page.credits />
    }
}

#[component]
fn Filters(page: Page, query: FinderQuery) -> impl IntoView {
    let i18n = use_i18n();
    let chosen = query.district.clone().unwrap_or_default();
    let districts = page
        .districts
        .into_iter()
        .map(|d| {
            let selected = d == chosen;
            let label = d.clone();
            view! { <option value=d selected=selected>{label}</option> }
        })
        .collect_view();
    let check = move |name: &'static str, key: &'static str, checked: bool| {
        view! {
            <div class="kern-form-check">
                <input class="kern-form-check__checkbox" type="checkbox" id=name name=name value="1" checked=checked />
                <label class="kern-label" for=name>{i18n.phrase(key)}</label>
            </div>
        }
    };
    let wheelchair = move |value: &'static str, key: &'static str, need: WheelchairNeed| {
        let id = format!(
            "rollstuhl-{}",
            if value.is_empty() { "egal" } else { value }
        );
        view! {
            <div class="kern-form-check">
                <input class="kern-form-check__radio" type="radio" id=id.clone() name="rollstuhl" value=value checked=query.wheelchair == need />
                <label class="kern-label" for=id>{i18n.phrase(key)}</label>
            </div>
        }
    };
    let asked_at = query
        .at
        .as_ref()
        .map(|_| page.at_value.clone())
        .unwrap_or_default();
    view! {
        <search>
            <form method="get" action="/toilets" class="portal-finder-filter" aria-label=i18n.t("toilets-filter-label")>
                <fieldset class="kern-fieldset">
                    <legend class="kern-label">{i18n.phrase("toilets-where")}</legend>
                    <div class="kern-fieldset__body">
                        {page.geocoder.then(|| view! {
                            <div class="kern-form-input">
                                <label class="kern-label" for="adresse">{i18n.phrase("toilets-address-search")}</label>
                                <div class="kern-hint" id="adresse-hint">{i18n.phrase("toilets-address-hint")}</div>
                                <input class="kern-form-input__input" type="text" id="adresse" name="adresse"
                                    maxlength="200" autocomplete="street-address" aria-describedby="adresse-hint"
                                    value=query.address.clone().unwrap_or_default() />
                            </div>
                        })}
                        <kernel::location::UseLocation texts=LOCATION />
                        <kernel::select::SelectField id="bezirk" name="bezirk" label=i18n.t("toilets-district")>
                            <option value="" selected=chosen.is_empty()>{i18n.phrase("toilets-district-all")}</option>
                            {districts}
                        </kernel::select::SelectField>
                    </div>
                </fieldset>
                <fieldset class="kern-fieldset">
                    <legend class="kern-label">{i18n.phrase("toilets-wheelchair")}</legend>
                    <div class="kern-fieldset__body">
                        {wheelchair("", "toilets-wheelchair-any", WheelchairNeed::Any)}
                        {wheelchair("ja", "toilets-wheelchair-need-yes", WheelchairNeed::Yes)}
                        {wheelchair("eingeschraenkt", "toilets-wheelchair-need-limited", WheelchairNeed::Limited)}
                    </div>
                </fieldset>
                <fieldset class="kern-fieldset">
                    <legend class="kern-label">{i18n.phrase("toilets-equipment")}</legend>
                    <div class="kern-fieldset__body">
                        {check("euroschluessel", "toilets-filter-euro-key", query.euro_key)}
                        {check("wickeltisch", "toilets-filter-changing-table", query.changing_table)}
                        {check("kostenlos", "toilets-free-only", query.free)}
                    </div>
                </fieldset>
                <fieldset class="kern-fieldset">
                    <legend class="kern-label">{i18n.phrase("toilets-when")}</legend>
                    <div class="kern-fieldset__body">
                        {check("offen", "toilets-filter-open", query.open)}
                        <div class="kern-form-input">
                            <label class="kern-label" for="zeitpunkt">{i18n.phrase("toilets-at")}</label>
                            <div class="kern-hint" id="zeitpunkt-hint">{i18n.phrase("toilets-at-hint")}</div>
                            <input class="kern-form-input__input" type="datetime-local" id="zeitpunkt" name="zeitpunkt"
                                aria-describedby="zeitpunkt-hint" value=asked_at />
                        </div>
                    </div>
                </fieldset>
                <div class="portal-finder-filter__submit">
                    <button class="kern-btn kern-btn--primary" type="submit">
                        <span class="kern-label">{i18n.phrase("toilets-apply")}</span>
                    </button>
                </div>
            </form>
        </search>
    }
}

/// Why the list is not as asked, said before it.
#[component]
fn Notices(page: Page) -> impl IntoView {
    let i18n = use_i18n();
    let mut notices = Vec::new();
    if let Some(problem) = page.origin_problem {
        notices.push(match problem {
            OriginProblem::NotFound => "toilets-address-not-found",
            OriginProblem::Unavailable => "toilets-address-unavailable",
            OriginProblem::BadPosition => "toilets-position-unreadable",
        });
    }
    if page.at_unreadable {
        notices.push("toilets-at-unreadable");
    }
    notices
        .into_iter()
        .map(|key| {
            view! {
                <div class="kern-alert kern-alert--warning" role="status">
                    <div class="kern-alert__header">
                        <span class="kern-title">{i18n.phrase(key)}</span>
                    </div>
                </div>
            }
        })
        .collect_view()
}

#[component]
fn Card(place: PlaceItem) -> impl IntoView {
    let i18n = use_i18n();
    let name = display_name(i18n, &place);
    let hours = hours_text(i18n, &place.hours, "");
    let badge = if is_open(&place.hours) {
        "kern-badge kern-badge--success"
    } else {
        "kern-badge kern-badge--info"
    };
    let distance = place.distance_m.map(|m| distance_text(i18n, m));
    let href = format!("/toilets/{}", place.id);
    let (lat, lon) = (place.lat.to_string(), place.lon.to_string());
    view! {
        <li class="kern-card portal-card" data-toilet-lat=lat data-toilet-lon=lon>
            <div class="kern-card__container">
                <div class="kern-card__header">
                    <h3 class="kern-title"><a class="kern-link" rel="external" href=href>{name}</a></h3>
                    <p class="kern-body">{address_line(&place)}</p>
                    {distance.map(|d| view! { <p class="kern-body"><strong>{d}</strong></p> })}
                    <p class="kern-body"><span class=badge>{hours}</span></p>
                </div>
                <div class="kern-card__body">
                    <Features place />
                </div>
            </div>
        </li>
    }
}

/// Links to the previous and next page, keeping the filters.
#[component]
fn Pages(page: u32, more: bool, query: FinderQuery) -> impl IntoView {
    let i18n = use_i18n();
    let link = move |to: u32| page_href(&query, to);
    let previous = (page > 1).then(|| link(page - 1));
    let next = more.then(|| link(page + 1));
    (previous.is_some() || next.is_some()).then(|| view! {
        <nav class="portal-pages" aria-label=i18n.t("toilets-pages")>
            {previous.map(|href| view! { <a class="kern-link" href=href rel="external">{i18n.phrase("toilets-previous")}</a> })}
            {next.map(|href| view! { <a class="kern-link" href=href rel="external">{i18n.phrase("toilets-next")}</a> })}
        </nav>
    })
}

/// `/toilets?…` with `query`'s filters on page `page`.
fn page_href(query: &FinderQuery, page: u32) -> String {
    format!("/toilets?{}", query.to_params(page))
}

/// The data's credits, as its licences ask, and the open-data link.
#[component]
pub fn Credits(credits: Vec<Credit>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="portal-credits">
            <p class="kern-body">
                {i18n.phrase("toilets-data-from")} " "
                {credits.into_iter().map(|credit| view! { <CreditLine credit /> }).collect_view()}
            </p>
            <p class="kern-body">
                <a class="kern-link" href="/toilets/toilets.geojson" rel="external">{i18n.phrase("toilets-open-data")}</a>
            </p>
        </footer>
    }
}

#[component]
fn CreditLine(credit: Credit) -> impl IntoView {
    let licence = match credit.licence_url {
        Some(url) => {
            view! { <a class="kern-link" href=url>{credit.licence.clone()}</a> }.into_any()
        }
        None => view! { <span>{credit.licence.clone()}</span> }.into_any(),
    };
    view! { <span class="portal-credit">{credit.attribution}" ("{licence}") "</span> }
}
