//! `/mietspiegel/mieterhoehung`: checking a landlord's request for more rent against
//! the rent index, the cap on increases and the waiting periods. The flat comes from
//! the calculator (its answers in the address); the request's figures are asked here.
//! A plain GET form, computed with the page.

use chrono::NaiveDate;
use kernel::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::{flat_from_query, location_of, money};
use crate::{
    answers::{FlatAnswers, number},
    calc::estimate,
    functions::rent_index_edition,
    increase::{Request, Standing, check},
    view::Published,
};

/// The request's answers as text.
#[derive(Clone, Debug, Default, PartialEq)]
struct RequestAnswers {
    current: String,
    requested: String,
    three_years_ago: String,
    last_change: String,
    received: String,
}

impl RequestAnswers {
    fn request(&self, today: NaiveDate) -> Option<Request> {
        let date = |text: &str| NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
        Some(Request {
            current_rent: number(&self.current)?,
            requested_rent: number(&self.requested)?,
            rent_three_years_ago: number(&self.three_years_ago),
            last_change: date(&self.last_change)?,
            received: date(&self.received).unwrap_or(today),
        })
    }

    fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// The check of a rent increase.
#[component]
pub fn IncreasePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_query_map();
    let flat = flat_from_query();
    let text = |name: &str| params.read_untracked().get(name).unwrap_or_default();
    let asked = RequestAnswers {
        current: text("miete"),
        requested: text("neue_miete"),
        three_years_ago: text("miete_vor_drei_jahren"),
        last_change: text("letzte_aenderung"),
        received: text("zugang"),
    };
    let published = Resource::new(|| (), |()| rent_index_edition());
    let located = location_of(&flat);
    view! {
        <Title text=i18n.t("rentindex-increase-title") />
        <h1 class="kern-heading-large">{i18n.phrase("rentindex-increase-title")}</h1>
        <p class="kern-body">{i18n.phrase("rentindex-increase-intro")}</p>
        <Suspense fallback=|| ()>
            {move || {
                let (flat, asked) = (flat.clone(), asked.clone());
                Suspend::new(async move {
                    match (published.await, located.await) {
                        (Ok(published), Ok(located)) => {
                            view! { <Increase published flat located=located.map(|l| l.category) asked /> }.into_any()
                        }
                        (Err(error), _) | (_, Err(error)) => {
                            view! { <kernel::error_page::ErrorPage error texts=super::ERROR /> }.into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn Increase(
    published: Published,
    flat: FlatAnswers,
    located: Option<String>,
    asked: RequestAnswers,
) -> impl IntoView {
    let i18n = use_i18n();
    let Ok(flat_data) = flat.flat(located.as_deref()) else {
        return view! {
            <p class="kern-body" role="status">{i18n.phrase("rentindex-increase-needs-flat")}</p>
            <p class="kern-body"><a class="kern-link" href="/mietspiegel" rel="external">{i18n.phrase("rentindex-to-calculator")}</a></p>
        }
        .into_any();
    };
    let Ok(estimate) = estimate(&published.edition, &flat_data) else {
        return view! {
            <p class="kern-body" role="status">{i18n.phrase("rentindex-outside")}</p>
        }
        .into_any();
    };
    let hidden = form_urlencoded::parse(flat.query().as_bytes())
        .map(|(name, value)| view! { <input type="hidden" name=name.into_owned() value=value.into_owned() /> })
        .collect_view();
    let field = |id: &'static str,
                 key: &'static str,
                 hint: &'static str,
                 value: String,
                 kind: &'static str| {
        let hint_id = format!("{id}-hint");
        view! {
            <div class="kern-form-input">
                <label class="kern-label" for=id>{i18n.phrase(key)}</label>
                <div class="kern-hint" id=hint_id.clone()>{i18n.phrase(hint)}</div>
                <input class="kern-form-input__input" type=kind id=id name=id value=value
                    inputmode=(kind == "text").then_some("decimal") aria-describedby=hint_id maxlength="20" />
            </div>
        }
    };
    let today = kernel::time::today();
    let outcome = (!asked.is_empty()).then(|| match asked.request(today) {
        Some(request) => {
            let checked = check(&request, &estimate, published.cap_percent);
            let standing = match checked.standing {
                Standing::BelowRange => "rentindex-standing-below",
                Standing::WithinRange => "rentindex-standing-within",
                Standing::AboveRange => "rentindex-standing-above",
            };
            let cap = if checked.within_cap { "rentindex-cap-ok" } else { "rentindex-cap-exceeded" };
            let waiting = if checked.request_too_early { "rentindex-too-early" } else { "rentindex-not-too-early" };
            let point = |key: &'static str, args: Vec<(&'static str, String)>| {
                let args: Vec<(&'static str, _)> = args.into_iter().map(|(k, v)| (k, v.into())).collect();
                view! { <li>{i18n.t_args(key, &args)}</li> }
            };
            view! {
                <section aria-labelledby="rent-check-heading" id="rent-check">
                    <h2 class="kern-heading-medium" id="rent-check-heading">{i18n.phrase("rentindex-check-result")}</h2>
                    <ul class="portal-rent-points">
                        {point("rentindex-increase-percent", vec![("percent", i18n.decimal(checked.increase_percent, 1))])}
                        {point(standing, vec![
                            ("low", money(i18n, estimate.low_total)),
                            ("high", money(i18n, estimate.high_total)),
                        ])}
                        {point(cap, vec![
                            ("cap", i18n.decimal(published.cap_percent, 0)),
                            ("base", money(i18n, checked.cap_base)),
                            ("most", money(i18n, checked.cap_most)),
                        ])}
                        {point(waiting, vec![("from", i18n.date(checked.request_allowed_from))])}
                        {point("rentindex-owed-from", vec![("from", i18n.date(checked.owed_from))])}
                    </ul>
                    <p class="kern-body"><strong>{published.edition.legal_note.get(i18n.locale).to_owned()}</strong></p>
                </section>
            }
            .into_any()
        }
        None => view! { <p class="kern-body" role="status">{i18n.phrase("rentindex-increase-incomplete")}</p> }.into_any(),
    });
    view! {
        <p class="kern-body">
            {i18n.t_args("rentindex-increase-flat", &[
                ("low", money(i18n, estimate.low_total).into()),
                ("high", money(i18n, estimate.high_total).into()),
            ])}
        </p>
        <form method="get" action="/mietspiegel/mieterhoehung" class="portal-rent-form" aria-label=i18n.t("rentindex-increase-title")>
            {hidden}
            {field("miete", "rentindex-current-rent", "rentindex-rent-hint", asked.current.clone(), "text")}
            {field("neue_miete", "rentindex-requested-rent", "rentindex-rent-hint", asked.requested.clone(), "text")}
            {field("miete_vor_drei_jahren", "rentindex-rent-three-years", "rentindex-rent-three-years-hint", asked.three_years_ago.clone(), "text")}
            {field("letzte_aenderung", "rentindex-last-change", "rentindex-last-change-hint", asked.last_change.clone(), "date")}
            {field("zugang", "rentindex-received", "rentindex-received-hint", asked.received.clone(), "date")}
            <button class="kern-btn kern-btn--primary" type="submit">
                <span class="kern-label">{i18n.phrase("rentindex-check")}</span>
            </button>
        </form>
        {outcome}
    }
    .into_any()
}
