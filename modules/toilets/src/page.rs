//! The finder page: a filter form and the matching toilets.
//!
//! The form is a plain GET form, so without JavaScript the browser reloads the page
//! with the filter in the URL; after hydration the router handles the same submit
//! without a page load and only the list is fetched again.

use kernel::{I18n, i18n::use_i18n, money::format_euro};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::Form, hooks::use_query_map};

use crate::list::{Toilet, ToiletFilter, ToiletList, list_toilets};

/// `/toilets`: filter by district and fee, list the results.
#[component]
pub fn ToiletFinder() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let filter = move || {
        let query = query.read();
        ToiletFilter {
            district: query.get("district").filter(|d| !d.is_empty()),
            free_only: query.get("free").is_some_and(|v| v == "1"),
        }
    };
    let list = Resource::new(filter, list_toilets);

    view! {
        <Title text=i18n.t("toilets-title") />
        <h1 class="kern-heading-large">{i18n.phrase("toilets-title")}</h1>
        <p class="kern-body">{i18n.phrase("toilets-intro")}</p>
        <Suspense fallback=move || view! { <p class="kern-body">{i18n.phrase("toilets-loading")}</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(list) => view! { <FilterForm list=list.clone() filter=filter() /> <Results toilets=list.toilets /> }.into_any(),
                    Err(_) => view! {
                        <div class="kern-alert kern-alert--danger" role="alert">
                            <div class="kern-alert__header">
                                <span class="kern-title">{i18n.phrase("toilets-error")}</span>
                            </div>
                        </div>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn FilterForm(list: ToiletList, filter: ToiletFilter) -> impl IntoView {
    let i18n = use_i18n();
    let chosen = filter.district.clone().unwrap_or_default();
    let options = list
        .districts
        .into_iter()
        .map(|d| {
            let selected = d == chosen;
            let label = d.clone();
            view! { <option value=d selected=selected>{label}</option> }
        })
        .collect_view();
    view! {
        <search>
            <Form method="GET" action="" attr:class="portal-filter" attr:aria-label=i18n.t("toilets-filter-label")>
                <kernel::select::SelectField id="district" name="district" label=i18n.t("toilets-district")>
                    <option value="" selected=chosen.is_empty()>{i18n.phrase("toilets-district-all")}</option>
                    {options}
                </kernel::select::SelectField>
                <div class="kern-form-check">
                    <input class="kern-form-check__checkbox" type="checkbox" id="free" name="free" value="1" checked=filter.free_only />
                    <label class="kern-label" for="free">{i18n.phrase("toilets-free-only")}</label>
                </div>
                <button class="kern-btn kern-btn--primary" type="submit">
                    <span class="kern-label">{i18n.phrase("toilets-apply")}</span>
                </button>
            </Form>
        </search>
    }
}

#[component]
fn Results(toilets: Vec<Toilet>) -> impl IntoView {
    let i18n = use_i18n();
    let count = i18n.t_args("toilets-count", &[("count", toilets.len().into())]);
    view! {
        <h2 class="kern-heading-medium" id="results" aria-live="polite">{count}</h2>
        <ul class="portal-cards">
            {toilets.into_iter().map(|toilet| view! { <ToiletCard toilet=toilet i18n=i18n /> }).collect_view()}
        </ul>
    }
}

#[component]
fn ToiletCard(toilet: Toilet, i18n: I18n) -> impl IntoView {
    let fee = if toilet.fee_cents == 0 {
        i18n.t("toilets-fee-free")
    } else {
        format_euro(toilet.fee_cents.into(), i18n.locale)
    };
    let yes_no = move |flag: bool| i18n.t(if flag { "toilets-yes" } else { "toilets-no" });
    let address = format!(
        "{}, {} ({})",
        toilet.street, toilet.postcode, toilet.district
    );
    view! {
        <li class="kern-card portal-card">
            <div class="kern-card__container">
                <div class="kern-card__header">
                    <h3 class="kern-title">{toilet.name}</h3>
                </div>
                <div class="kern-card__body">
                    <dl class="kern-description-list kern-description-list--col">
                        <Fact term=i18n.t("toilets-address") value=address />
                        <Fact term=i18n.t("toilets-hours") value=toilet.opening_hours />
                        <Fact term=i18n.t("toilets-euro-key") value=yes_no(toilet.euro_key) />
                        <Fact term=i18n.t("toilets-changing-table") value=yes_no(toilet.changing_table) />
                        <Fact term=i18n.t("toilets-fee") value=fee />
                    </dl>
                </div>
            </div>
        </li>
    }
}

/// One row of a card's description list.
#[component]
fn Fact(term: String, value: String) -> impl IntoView {
    view! {
        <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{term}</dt>
            <dd class="kern-description-list-item__value">{value}</dd>
        </div>
    }
}
