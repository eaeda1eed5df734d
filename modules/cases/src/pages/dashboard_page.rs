//! `/dienststelle`: the department dashboard. The period is a plain GET form, so it
//! works without JavaScript; the offline switch is a plain POST form per service.

use kernel::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    dashboard::{Dashboard, department_dashboard},
    pages::{
        parts::ColumnHeads,
        texts::{CaseError, state_name},
    },
};

/// The dashboard page.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let period = move || query.with(|q| (q.get("von"), q.get("bis")));
    let board = Resource::new(period, |(from, until)| department_dashboard(from, until));
    view! {
        <Title text=i18n.t("cases-dashboard-title") />
        <h1 class="kern-heading-x-large">{i18n.phrase("cases-dashboard-title")}</h1>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match board.await {
                    Ok(board) => view! { <Board board /> }.into_any(),
                    Err(error) => view! { <CaseError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Days as shown: one decimal, or a dash when nothing was decided.
fn days(value: Option<f64>) -> String {
    value.map_or_else(|| "–".into(), |d| format!("{d:.1}"))
}

#[component]
fn Board(board: Dashboard) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale;
    let departments = board
        .departments
        .iter()
        .map(|d| kernel::catalogue::department_name(&i18n, d))
        .collect::<Vec<_>>()
        .join(", ");
    let may_switch = board.may_switch;
    view! {
        <p class="kern-body">{i18n.t_args("cases-dashboard-departments", &[("departments", departments.into())])}</p>
        {may_switch.then(|| view! {
            <p class="kern-body">
                <a class="kern-link" href=kernel::api::DELIVERY_LOG_PATH>{i18n.phrase("cases-dashboard-deliveries")}</a>
            </p>
        })}
        <section class="portal-section" aria-labelledby="zustaende">
            <h2 class="kern-heading-medium" id="zustaende">{i18n.phrase("cases-dashboard-states")}</h2>
            <ul class="portal-count-list">
                {board.per_state.iter().map(|(state, count)| view! {
                    <li class="kern-body">{format!("{}: {count}", state_name(&i18n, *state))}</li>
                }).collect_view()}
                <li class="kern-body">
                    <a class="kern-link" href="/bearbeitung?ueberfaellig=1">
                        {format!("{}: {}", i18n.t("cases-dashboard-overdue"), board.overdue)}
                    </a>
                </li>
            </ul>
        </section>
        <section class="portal-section" aria-labelledby="leistungszahlen">
            <h2 class="kern-heading-medium" id="leistungszahlen">{i18n.phrase("cases-dashboard-per-service")}</h2>
            <form class="portal-filter" method="get" action=crate::pages::DASHBOARD_PATH>
                <div class="kern-form-input">
                    <label class="kern-label" for="von">{i18n.phrase("cases-dashboard-from")}</label>
                    <input class="kern-form-input__input" type="date" id="von" name="von" value=board.from.clone() />
                </div>
                <div class="kern-form-input">
                    <label class="kern-label" for="bis">{i18n.phrase("cases-dashboard-until")}</label>
                    <input class="kern-form-input__input" type="date" id="bis" name="bis" value=board.until.clone() />
                </div>
                <button class="kern-btn kern-btn--primary" type="submit">
                    <span class="kern-label">{i18n.phrase("cases-dashboard-show")}</span>
                </button>
            </form>
            {if board.services.is_empty() {
                view! { <p class="kern-body">{i18n.phrase("cases-dashboard-no-cases")}</p> }.into_any()
            } else {
                view! {
                    <div class="kern-table-responsive">
                        <table class="kern-table kern-table--striped">
                            <caption class="kern-title">{i18n.t_args("cases-dashboard-caption", &[("from", i18n.date_text(&board.from).into()), ("until", i18n.date_text(&board.until).into())])}</caption>
                            <thead class="kern-table__header">
                                <tr class="kern-table__row">
                                    <ColumnHeads keys=&["cases-column-service", "cases-dashboard-open", "cases-dashboard-overdue", "cases-dashboard-total", "cases-dashboard-decided", "cases-dashboard-median", "cases-dashboard-p90"] />
                                </tr>
                            </thead>
                            <tbody class="kern-table__body">
                                {board.services.into_iter().map(|s| view! {
                                    <tr class="kern-table__row">
                                        <th class="kern-table__cell" scope="row">
                                            <a class="kern-link" href=format!("/bearbeitung?leistung={}", s.id)>{s.title.get(locale).to_owned()}</a>
                                        </th>
                                        <td class="kern-table__cell">{s.open}</td>
                                        <td class="kern-table__cell">{s.overdue}</td>
                                        <td class="kern-table__cell">{s.total}</td>
                                        <td class="kern-table__cell">{s.decided}</td>
                                        <td class="kern-table__cell">{days(s.median_days)}</td>
                                        <td class="kern-table__cell">{days(s.p90_days)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
        <section class="portal-section" aria-labelledby="leistungen">
            <h2 class="kern-heading-medium" id="leistungen">{i18n.phrase("cases-dashboard-services")}</h2>
            <div class="kern-table-responsive">
                <table class="kern-table kern-table--striped">
                    <caption class="kern-title">{i18n.phrase("cases-dashboard-services-caption")}</caption>
                    <thead class="kern-table__header">
                        <tr class="kern-table__row">
                            <ColumnHeads keys=&["cases-column-service", "cases-dashboard-version", "cases-dashboard-online"] />
                            {may_switch.then(|| view! { <th class="kern-table__header" scope="col">{i18n.phrase("cases-dashboard-switch")}</th> })}
                        </tr>
                    </thead>
                    <tbody class="kern-table__body">
                        {board.catalogue.into_iter().map(|s| {
                            let title = s.title.get(locale).to_owned();
                            let (label_key, next) = if s.online {
                                ("cases-dashboard-take-offline", "0")
                            } else {
                                ("cases-dashboard-take-online", "1")
                            };
                            let label = i18n.t_args(label_key, &[("service", title.clone().into())]);
                            let export = i18n.t_args("cases-dashboard-export", &[("service", title.clone().into())]);
                            let file = crate::pages::definition_file_path(&s.id);
                            view! {
                                <tr class="kern-table__row">
                                    <th class="kern-table__cell" scope="row">{title}</th>
                                    <td class="kern-table__cell">
                                        {s.version}
                                        {may_switch.then(|| view! {
                                            " · "
                                            <a class="kern-link" href=file download>{export}</a>
                                        })}
                                    </td>
                                    <td class="kern-table__cell">{i18n.t(if s.online { "cases-dashboard-is-online" } else { "cases-dashboard-is-offline" })}</td>
                                    {may_switch.then(|| view! {
                                        <td class="kern-table__cell">
                                            <form method="post" action=format!("/dienststelle/leistungen/{}", s.id)>
                                                <input type="hidden" name="online" value=next />
                                                <button class="kern-btn kern-btn--secondary" type="submit">
                                                    <span class="kern-label">{label}</span>
                                                </button>
                                            </form>
                                        </td>
                                    })}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
