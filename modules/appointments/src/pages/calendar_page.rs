//! `/termine/buero/:office?leistung=…&personen=…[&tag=…]`: the days with free times at
//! an office, month by month, and the free times of the chosen day. Choosing a time
//! holds it (a form post per time, so it works without JavaScript).

use std::collections::BTreeMap;

use kernel::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{
    Summary, WishFields,
    dates::{long_day, month},
    wish_from_query,
};
use crate::{functions::appointment_calendar, plan::Wish, view::Calendar};

/// The office's calendar for a wish.
#[component]
pub fn CalendarPage() -> impl IntoView {
    let wish = wish_from_query();
    let params = use_params_map();
    let query = use_query_map();
    let office = move || params.read().get("office").unwrap_or_default();
    let day = move || query.read().get("tag");
    let note = move || query.read().get("hinweis");
    let replacing = move || query.read().get("statt").filter(|s| !s.is_empty());
    let calendar = Resource::new(
        move || (office(), wish(), day()),
        |(office, wish, day)| appointment_calendar(office, wish.services, wish.persons, day),
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match calendar.await {
                    Ok(calendar) => view! { <Days calendar wish=wish() note=note() replacing=replacing() /> }.into_any(),
                    Err(error) => view! { <kernel::error_page::ErrorPage error texts=super::ERROR /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The text of a note the posts lead back with.
fn note_key(note: &str) -> Option<&'static str> {
    match note {
        "vergeben" => Some("appointments-note-taken"),
        "zeit" => Some("appointments-note-time"),
        "tag" => Some("appointments-note-day"),
        "viele" => Some("appointments-note-many"),
        "pruefung" => Some("appointments-note-proof"),
        _ => None,
    }
}

#[component]
fn Days(
    calendar: Calendar,
    wish: Wish,
    note: Option<String>,
    replacing: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    // Moving an appointment (`statt`: its manage secret) carries it from page to page.
    let also = replacing
        .as_deref()
        .map(|r| format!("&statt={}", kernel::url::segment(r)))
        .unwrap_or_default();
    let base = format!(
        "/termine/buero/{}?{}{also}",
        kernel::url::segment(&calendar.office.id),
        wish.query()
    );
    let title = if replacing.is_some() {
        "appointments-move-title"
    } else {
        "appointments-calendar-title"
    };
    let mut months: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for day in &calendar.days {
        months
            .entry(day[..7].to_owned())
            .or_default()
            .push(day.clone());
    }
    let note = note.as_deref().and_then(note_key).map(|key| {
        view! {
            <div class="kern-alert kern-alert--warning" role="alert">
                <div class="kern-alert__body"><p class="kern-body">{i18n.phrase(key)}</p></div>
            </div>
        }
    });
    let refused = calendar.day_refused.clone().map(|key| {
        view! {
            <div class="kern-alert kern-alert--info" role="status">
                <div class="kern-alert__body"><p class="kern-body">{i18n.t(&key)}</p></div>
            </div>
        }
    });
    let chosen = calendar.day.clone();
    let days = if calendar.days.is_empty() {
        view! { <p class="kern-body">{i18n.phrase("appointments-no-free-day")}</p> }.into_any()
    } else {
        months
            .into_iter()
            .map(|(key, days)| {
                let heading = month(&i18n, &days[0]);
                let id = format!("monat-{key}");
                let labelled = id.clone();
                view! {
                    <section class="portal-section" aria-labelledby=labelled>
                        <h3 class="kern-heading-small" id=id>{heading}</h3>
                        <ul class="portal-days">
                            {days.into_iter().map(|day| {
                                let current = chosen.as_deref() == Some(day.as_str());
                                view! {
                                    <li>
                                        <a class="kern-link" href=format!("{base}&tag={day}#zeiten")
                                            aria-current=current.then_some("date")>{long_day(&i18n, &day)}</a>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </section>
                }
            })
            .collect_view()
            .into_any()
    };
    let times = match calendar.day.clone().filter(|_| !calendar.times.is_empty()) {
        None => view! { <p class="kern-body">{i18n.phrase("appointments-choose-day-first")}</p> }
            .into_any(),
        Some(day) => {
            let legend = i18n.t_named(
                "appointments-times-of",
                &[("day".into(), long_day(&i18n, &day))],
            );
            view! {
            <form method="post" action="/termine/halten" class="portal-form">
                <input type="hidden" name="buero" value=calendar.office.id.clone() />
                <input type="hidden" name="tag" value=day.clone() />
                {replacing.clone().map(|r| view! { <input type="hidden" name="statt" value=r /> })}
                <WishFields wish=wish.clone() />
                {calendar.proof.clone().map(|challenge| view! { <super::proof::ProofOfWork challenge /> })}
                <fieldset class="kern-fieldset">
                    <legend class="kern-label">{legend}</legend>
                    <p class="kern-hint">{i18n.phrase("appointments-times-hint")}</p>
                    <ul class="portal-times">
                        {calendar.times.iter().map(|(slot, time)| view! {
                            <li><button class="kern-btn kern-btn--secondary" type="submit" name="zeit" value=slot.to_string()>
                                <span class="kern-label">{time.clone()}</span>
                            </button></li>
                        }).collect_view()}
                    </ul>
                </fieldset>
            </form>
        }
        .into_any()
        }
    };
    let length = i18n.t_named(
        "appointments-length",
        &[("minutes".into(), calendar.minutes.to_string())],
    );
    view! {
        <Title text=calendar.office.name.clone() />
        <h1 class="kern-heading-x-large">{i18n.phrase(title)}</h1>
        <Summary services=calendar.services persons=calendar.persons office=calendar.office.clone() />
        <p class="kern-body">{length}</p>
        {note}
        <section class="portal-section" id="zeiten" tabindex="-1">
            <h2 class="kern-heading-medium">{i18n.phrase("appointments-times")}</h2>
            {refused}
            {times}
        </section>
        <section class="portal-section">
            <h2 class="kern-heading-medium">{i18n.phrase("appointments-days")}</h2>
            {days}
        </section>
        <p class="kern-body"><a class="kern-link" href=format!("/termine/buero?{}", wish.query())>{i18n.phrase("appointments-other-office")}</a></p>
    }
}
