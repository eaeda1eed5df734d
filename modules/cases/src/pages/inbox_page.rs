//! `/bearbeitung`: the caseworker inbox. A plain GET form filters (so it works without
//! JavaScript and every view is a link); state counts lead to the cases in that state.

use kernel::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    bulk::BulkAction,
    inbox::{Assigned, InboxFilter, InboxPage, inbox},
    lifecycle::State,
    pages::{
        parts::ColumnHeads,
        texts::{CaseError, state_name},
    },
};

/// Asks for the cases suggested for what was typed.
fn cases_suggested(
    typed: String,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = Vec<kernel::suggest_field::Suggestion>>>> {
    Box::pin(async move { crate::inbox::suggest_cases(typed).await.unwrap_or_default() })
}

/// The inbox's search field with the cases suggested: an island.
#[island]
fn CaseSearchField(
    /// What the field shows when the page loads.
    value: String,
) -> impl IntoView {
    view! {
        <kernel::suggest_field::SuggestField id="suche".to_owned() name="suche".to_owned() suggest=cases_suggested
            count_key="cases-search-suggestions" value described_by="suche-hint".to_owned() />
    }
}

/// The inbox page.
#[component]
pub fn InboxPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let filter = move || {
        query.with(|q| InboxFilter::from_pairs(q.into_iter().map(|(k, v)| (k.as_ref(), v))))
    };
    let page = Resource::new(filter, inbox);
    view! {
        <Title text=i18n.t("cases-inbox-title") />
        <h1 class="kern-heading-x-large">{i18n.phrase("cases-inbox-title")}</h1>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let filter = filter();
                match page.await {
                    Ok(page) => view! { <Inbox page filter /> }.into_any(),
                    Err(error) => view! { <CaseError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Inbox(page: InboxPage, filter: InboxFilter) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale;
    // A count leads to its state's cases, of the search when searching.
    let count_link = |state: State| {
        InboxFilter {
            state: Some(state),
            search: filter.search.clone(),
            ..InboxFilter::default()
        }
        .to_query()
    };
    let service_link = |service: &str| {
        InboxFilter {
            service: Some(service.to_owned()),
            after: None,
            page: 0,
            ..filter.clone()
        }
        .to_query()
    };
    let searched = filter.search.clone();
    let selected_state = filter.state;
    let assigned = filter.assigned;
    let service_options = page
        .services
        .iter()
        .map(|(id, title)| {
            let selected = filter.service.as_deref() == Some(id.as_str());
            view! { <option value=id.clone() selected=selected>{title.get(locale).to_owned()}</option> }
        })
        .collect_view();
    view! {
        <nav aria-label=i18n.t("cases-inbox-counts") class="portal-section">
            <ul class="portal-count-list">
                <li><a class="kern-link" href="/bearbeitung">{i18n.phrase("cases-inbox-all")}</a></li>
                {page.counts.iter().map(|(state, count)| view! {
                    <li>
                        <a class="kern-link" href=format!("/bearbeitung?{}", count_link(*state))
                            aria-current=(selected_state == Some(*state)).then_some("page")>
                            {format!("{} ({count})", state_name(&i18n, *state))}
                        </a>
                    </li>
                }).collect_view()}
                <li>
                    <a class="kern-link" href=format!("/bearbeitung?zuweisung={}", Assigned::Consulted.as_str())
                        aria-current=(assigned == Some(Assigned::Consulted)).then_some("page")>
                        {format!("{} ({})", i18n.t("cases-inbox-consulting"), page.consulting)}
                    </a>
                </li>
            </ul>
        </nav>
        <form class="portal-section portal-filter" method="get" action="/bearbeitung" role="search" aria-label=i18n.t("cases-search-label")>
            <div class="kern-form-input portal-filter__wide">
                <label class="kern-label" for="suche">{i18n.phrase("cases-search-label")}</label>
                <div class="kern-hint" id="suche-hint">{i18n.phrase("cases-search-hint")}</div>
                <CaseSearchField value=filter.search.clone().unwrap_or_default() />
            </div>
            <kernel::select::SelectField id="zustand" name="zustand" label=i18n.t("cases-filter-state")>
                <option value="">{i18n.phrase("cases-filter-any")}</option>
                {State::ALL.into_iter().map(|state| view! {
                    <option value=state.as_str() selected=selected_state == Some(state)>{state_name(&i18n, state)}</option>
                }).collect_view()}
            </kernel::select::SelectField>
            <kernel::select::SelectField id="zuweisung" name="zuweisung" label=i18n.t("cases-filter-assigned")>
                <option value="">{i18n.phrase("cases-filter-any")}</option>
                <option value="mine" selected=assigned == Some(Assigned::Mine)>{i18n.phrase("cases-filter-mine")}</option>
                <option value="nobody" selected=assigned == Some(Assigned::Nobody)>{i18n.phrase("cases-filter-nobody")}</option>
                <option value=Assigned::Consulted.as_str() selected=assigned == Some(Assigned::Consulted)>{i18n.phrase("cases-filter-consulted")}</option>
            </kernel::select::SelectField>
            <kernel::select::SelectField id="leistung" name="leistung" label=i18n.t("cases-filter-service")>
                <option value="">{i18n.phrase("cases-filter-any")}</option>
                {service_options}
            </kernel::select::SelectField>
            <div class="kern-form-input">
                <label class="kern-label" for="von">{i18n.phrase("cases-filter-from")}</label>
                <input class="kern-form-input__input" type="date" id="von" name="von" value=filter.from.clone() />
            </div>
            <div class="kern-form-input">
                <label class="kern-label" for="bis">{i18n.phrase("cases-filter-until")}</label>
                <input class="kern-form-input__input" type="date" id="bis" name="bis" value=filter.until.clone() />
            </div>
            <div class="kern-form-check">
                <input class="kern-form-check__checkbox" type="checkbox" id="ueberfaellig" name="ueberfaellig" value="1" checked=filter.overdue />
                <label class="kern-label" for="ueberfaellig">{i18n.phrase("cases-filter-overdue")}</label>
            </div>
            <div class="kern-form-check">
                <input class="kern-form-check__checkbox" type="checkbox" id="aelteste" name="aelteste" value="1" checked=filter.oldest_first />
                <label class="kern-label" for="aelteste">{i18n.phrase("cases-filter-oldest-first")}</label>
            </div>
            <button class="kern-btn kern-btn--primary" type="submit">
                <span class="kern-label">{i18n.phrase("cases-filter-apply")}</span>
            </button>
        </form>
        {page.found.zip(searched.clone()).map(|(found, words)| view! {
            <h2 class="kern-heading-medium" id="treffer">
                {i18n.t_args("cases-search-found", &[("count", found.into()), ("query", words.into())])}
            </h2>
        })}
        {if page.rows.is_empty() {
            let key = if searched.is_some() { "cases-search-none" } else { "cases-inbox-empty" };
            view! { <p class="kern-body">{i18n.t(key)}</p> }.into_any()
        } else {
            let bulk = assigned != Some(Assigned::Consulted);
            view! {
                <form method="post" action=crate::pages::BULK_PATH>
                <input type="hidden" name="zurueck" value=filter.to_query() />
                <div class="kern-table-responsive">
                    <table class="kern-table kern-table--striped">
                        <caption class="kern-title">{i18n.phrase("cases-inbox-caption")}</caption>
                        <thead class="kern-table__header">
                            <tr class="kern-table__row">
                                {bulk.then(|| view! { <th class="kern-table__header" scope="col">{i18n.phrase("cases-bulk-select-column")}</th> })}
                                <ColumnHeads keys=&["cases-column-reference", "cases-column-service", "cases-column-applicant", "cases-column-state", "cases-column-assignee", "cases-column-filed", "cases-column-due"] />
                            </tr>
                        </thead>
                        <tbody class="kern-table__body">
                            {page.rows.into_iter().map(|row| view! {
                                <tr class="kern-table__row">
                                    {bulk.then(|| view! {
                                        <td class="kern-table__cell">
                                            <input class="kern-form-check__checkbox" type="checkbox" name="fall"
                                                value=format!("{}:{}", row.id, row.version)
                                                aria-label=i18n.t_args("cases-bulk-select", &[("reference", row.reference.clone().into())]) />
                                        </td>
                                    })}
                                    <th class="kern-table__cell" scope="row">
                                        <a class="kern-link" href=format!("/bearbeitung/faelle/{}", row.id)>{row.reference}</a>
                                    </th>
                                    <td class="kern-table__cell">
                                        <a class="kern-link" href=format!("/bearbeitung?{}", service_link(&row.service_id))>{row.service.get(locale).to_owned()}</a>
                                    </td>
                                    <td class="kern-table__cell">{row.applicant}</td>
                                    <td class="kern-table__cell">{state_name(&i18n, row.state)}</td>
                                    <td class="kern-table__cell">{row.assignee.unwrap_or_else(|| i18n.t("cases-unassigned"))}</td>
                                    <td class="kern-table__cell">{row.filed}</td>
                                    <td class="kern-table__cell">
                                        {row.due}
                                        {row.overdue.then(|| view! { " " <span class="kern-badge kern-badge--danger"><span class="kern-label kern-label--small">{i18n.phrase("cases-overdue")}</span></span> })}
                                    </td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                {bulk.then(|| view! { <BulkControls colleagues=page.colleagues.clone() /> })}
                </form>
            }.into_any()
        }}
        // The export lists the filter's cases; a search's hits are not exported.
        {searched.is_none().then(|| {
            let query = InboxFilter { after: None, ..filter.clone() }.to_query();
            view! {
                <p class="kern-body">
                    {i18n.phrase("cases-export")}" "
                    <a class="kern-link" href=format!("/bearbeitung/export.csv?{query}") download="faelle.csv">"CSV"</a>
                    " · "
                    <a class="kern-link" href=format!("/bearbeitung/export.jsonl?{query}") download="faelle.jsonl">"JSON Lines"</a>
                </p>
            }
        })}
        {page.next.map(|next| view! {
            <p class="kern-body"><a class="kern-link" href=format!("/bearbeitung?{next}") rel="next">{i18n.phrase("cases-inbox-next")}</a></p>
        })}
    }
}

/// What to do with the selected cases: an action and, for handing over, a colleague.
#[component]
fn BulkControls(colleagues: Vec<crate::inbox::Colleague>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="kern-fieldset portal-section portal-filter">
            <legend class="kern-label">{i18n.phrase("cases-bulk-heading")}</legend>
            <kernel::select::SelectField id="aktion" name="aktion" label=i18n.t("cases-bulk-action")>
                {BulkAction::ALL.into_iter().map(|action| view! {
                    <option value=action.as_str()>{i18n.t(&format!("cases-bulk-{}", action.as_str().replace('_', "-")))}</option>
                }).collect_view()}
            </kernel::select::SelectField>
            <kernel::select::SelectField id="bulk-an" name="an" label=i18n.t("cases-bulk-colleague")>
                <option value="">"–"</option>
                {colleagues.into_iter().map(|c| view! { <option value=c.subject>{c.name}</option> }).collect_view()}
            </kernel::select::SelectField>
            <button class="kern-btn kern-btn--secondary" type="submit">
                <span class="kern-label">{i18n.phrase("cases-bulk-apply")}</span>
            </button>
        </fieldset>
    }
}
