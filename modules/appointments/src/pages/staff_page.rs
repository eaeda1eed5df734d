//! `/termine/dienststelle` and `/termine/dienststelle/:office?tag=…`: the offices a
//! caseworker serves, and an office's day: every appointment by time with who comes,
//! for what, and buttons to note arrival, service or no show; the day as CSV.

use chrono::{Days, NaiveDate};
use kernel::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{Titled, dates::long_day};
use crate::{
    functions::{office_day, staff_offices},
    view::StaffDay,
};

/// The offices the caseworker serves.
#[component]
pub fn StaffOfficesPage() -> impl IntoView {
    let i18n = use_i18n();
    let offices = Resource::new(|| (), |()| staff_offices());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match offices.await {
                    Ok(offices) => view! {
                        <Titled title="appointments-staff-title">
                            {if offices.is_empty() {
                                view! { <p class="kern-body">{i18n.phrase("appointments-staff-none")}</p> }.into_any()
                            } else {
                                view! {
                                    <ul class="portal-list">
                                        {offices.into_iter().map(|o| view! {
                                            <li><a class="kern-link" href=format!("/termine/dienststelle/{}", kernel::url::segment(&o.id))>{o.name}</a>" · "{o.address}</li>
                                        }).collect_view()}
                                    </ul>
                                }.into_any()
                            }}
                        </Titled>
                    }.into_any(),
                    Err(error) => view! { <kernel::error_page::ErrorPage error texts=super::ERROR /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// An office's day.
#[component]
pub fn StaffDayPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let office = move || params.read().get("office").unwrap_or_default();
    let day = move || query.read().get("tag");
    let blocked = move || query.read().get("gesperrt");
    let list = Resource::new(
        move || (office(), day()),
        |(office, day)| office_day(office, day),
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(list) => view! { <DayList list blocked=blocked() /> }.into_any(),
                    Err(error) => view! { <kernel::error_page::ErrorPage error texts=super::ERROR /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn DayList(list: StaffDay, blocked: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let done = blocked.map(|cancelled| {
        view! {
            <div class="kern-alert kern-alert--success" role="status">
                <div class="kern-alert__body"><p class="kern-body">{i18n.t_named("appointments-blocked-done", &[("cancelled".into(), cancelled)])}</p></div>
            </div>
        }
    });
    let blocks = (!list.blocks.is_empty()).then(|| {
        view! {
            <section class="portal-section">
                <h2 class="kern-heading-medium">{i18n.phrase("appointments-blocks")}</h2>
                <ul class="portal-list">
                    {list.blocks.clone().into_iter().map(|(from, to, why)| view! { <li>{format!("{from}–{to}: {why}")}</li> }).collect_view()}
                </ul>
            </section>
        }
    });
    let block_action = format!(
        "/termine/dienststelle/{}/sperren",
        kernel::url::segment(&list.office.id)
    );
    let block_day = list.day.clone();
    let office = kernel::url::segment(&list.office.id);
    let date = NaiveDate::parse_from_str(&list.day, "%Y-%m-%d").unwrap_or_default();
    let other = |day: Option<NaiveDate>| {
        day.map(|d| {
            format!(
                "/termine/dienststelle/{office}?tag={}",
                d.format("%Y-%m-%d")
            )
        })
        .unwrap_or_default()
    };
    let (before, after) = (
        other(date.checked_sub_days(Days::new(1))),
        other(date.checked_add_days(Days::new(1))),
    );
    let csv = format!("/termine/dienststelle/{office}/{}/liste.csv", list.day);
    let heading = format!("{} · {}", list.office.name, long_day(&i18n, &list.day));
    let rows = if list.rows.is_empty() {
        view! { <p class="kern-body">{i18n.phrase("appointments-staff-empty")}</p> }.into_any()
    } else {
        let day = list.day.clone();
        view! {
            <div class="kern-table-responsive"><table class="kern-table kern-table--striped">
                <caption class="portal-visually-hidden">{heading.clone()}</caption>
                <thead class="kern-table__header"><tr class="kern-table__row">
                    <th class="kern-table__cell" scope="col">{i18n.phrase("appointments-staff-time")}</th>
                    <th class="kern-table__cell" scope="col">{i18n.phrase("appointments-data-reference")}</th>
                    <th class="kern-table__cell" scope="col">{i18n.phrase("appointments-name")}</th>
                    <th class="kern-table__cell" scope="col">{i18n.phrase("appointments-services")}</th>
                    <th class="kern-table__cell" scope="col">{i18n.phrase("appointments-persons")}</th>
                    <th class="kern-table__cell" scope="col">{i18n.phrase("appointments-data-state")}</th>
                    <th class="kern-table__cell" scope="col">{i18n.phrase("appointments-staff-note")}</th>
                </tr></thead>
                <tbody class="kern-table__body">
                    {list.rows.into_iter().map(|row| {
                        let state = row.attendance.clone().unwrap_or_else(|| row.state.clone());
                        let action = format!("/termine/dienststelle/{office}/{}", kernel::url::segment(&row.id));
                        let booked = row.state == "booked";
                        let day = day.clone();
                        view! {
                            <tr class="kern-table__row">
                                <th class="kern-table__cell" scope="row">{format!("{}–{}", row.time, row.until)}</th>
                                <td class="kern-table__cell">{row.reference.clone()}</td>
                                <td class="kern-table__cell">{row.name}</td>
                                <td class="kern-table__cell">{row.services}</td>
                                <td class="kern-table__cell">{row.persons.to_string()}</td>
                                <td class="kern-table__cell">{i18n.t(&format!("appointments-state-{state}"))}</td>
                                <td class="kern-table__cell">
                                    {booked.then(|| view! {
                                        <form method="post" action=action class="portal-inline-form">
                                            <input type="hidden" name="tag" value=day />
                                            {crate::STAFF_MARKS.into_iter().map(|mark| view! {
                                                <button class="kern-btn kern-btn--secondary" type="submit" name="stand" value=mark
                                                    aria-label=format!("{}: {}", row.reference, i18n.t(&format!("appointments-mark-{mark}")))>
                                                    <span class="kern-label">{i18n.t(&format!("appointments-mark-{mark}"))}</span>
                                                </button>
                                            }).collect_view()}
                                        </form>
                                    })}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table></div>
        }
        .into_any()
    };
    view! {
        <leptos_meta::Title text=heading.clone() />
        <h1 class="kern-heading-x-large">{heading}</h1>
        <p class="kern-body">{list.office.address.clone()}</p>
        <nav aria-label=i18n.t("appointments-staff-days")>
            <ul class="portal-inline-list">
                <li><a class="kern-link" href=before>{i18n.phrase("appointments-staff-before")}</a></li>
                <li><a class="kern-link" href=after>{i18n.phrase("appointments-staff-after")}</a></li>
                <li><a class="kern-link" href=csv rel="external" download="">{i18n.phrase("appointments-staff-csv")}</a></li>
            </ul>
        </nav>
        {done}
        {rows}
        {blocks}
        <form method="post" action=block_action class="portal-form" novalidate>
            <h2 class="kern-heading-medium">{i18n.phrase("appointments-block-title")}</h2>
            <p class="kern-hint">{i18n.phrase("appointments-block-hint")}</p>
            <input type="hidden" name="tag" value=block_day />
            <div class="kern-form-input">
                <label class="kern-label" for="von">{i18n.phrase("appointments-block-from")}</label>
                <input class="kern-form-input__input" type="time" id="von" name="von" required />
            </div>
            <div class="kern-form-input">
                <label class="kern-label" for="bis">{i18n.phrase("appointments-block-to")}</label>
                <input class="kern-form-input__input" type="time" id="bis" name="bis" required />
            </div>
            <div class="kern-form-input">
                <label class="kern-label" for="grund">{i18n.phrase("appointments-block-reason")}</label>
                <input class="kern-form-input__input" type="text" id="grund" name="grund" maxlength="200" required />
            </div>
            <button class="kern-btn kern-btn--secondary" type="submit"><span class="kern-label">{i18n.phrase("appointments-block")}</span></button>
        </form>
        <p class="kern-body"><a class="kern-link" href="/termine/dienststelle">{i18n.phrase("appointments-staff-all")}</a></p>
    }
}
