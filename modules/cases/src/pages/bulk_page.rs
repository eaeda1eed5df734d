//! `/bearbeitung/ergebnis`: what a bulk action did to each selected case.

use kernel::{AppError, i18n::use_i18n};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    bulk::{BulkOutcome, bulk_outcomes},
    inbox::InboxFilter,
    pages::texts::{CaseError, REFUSALS, refusal},
};

/// The result page.
#[component]
pub fn BulkResultPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let param = move |name: &str| query.with(|q| q.get(name).unwrap_or_default());
    let outcomes = Resource::new(
        move || (param("ok"), param("fehler")),
        |(done, refused)| bulk_outcomes(done, refused),
    );
    let action = param("aktion");
    let back = query.with_untracked(|q| {
        let back = q.get("zurueck").unwrap_or_default();
        let pairs: Vec<(String, String)> = form_urlencoded::parse(back.as_bytes())
            .into_owned()
            .collect();
        InboxFilter::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))).to_query()
    });
    let title = i18n.t("cases-bulk-result-title");
    view! {
        <Title text=title.clone() />
        <h1 class="kern-heading-x-large">{title}</h1>
        <p class="kern-body">
            {i18n.phrase("cases-bulk-action")}": "
            {crate::bulk::BulkAction::parse(&action).map(|a| i18n.t(&format!("cases-bulk-{}", a.as_str().replace('_', "-"))))}
        </p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match outcomes.await {
                    Ok(outcomes) => view! { <Outcomes outcomes /> }.into_any(),
                    Err(error) => view! { <CaseError error /> }.into_any(),
                }
            })}
        </Suspense>
        <p class="kern-body"><a class="kern-link" href=format!("/bearbeitung?{back}")>{i18n.phrase("cases-back-to-inbox")}</a></p>
    }
}

#[component]
fn Outcomes(outcomes: Vec<BulkOutcome>) -> impl IntoView {
    let i18n = use_i18n();
    let done = outcomes.iter().filter(|o| o.refused.is_none()).count();
    let summary = i18n.t_args(
        "cases-bulk-summary",
        &[
            ("done", (done as i64).into()),
            ("all", (outcomes.len() as i64).into()),
        ],
    );
    let alert = if done == outcomes.len() {
        "success"
    } else {
        "warning"
    };
    view! {
        <div class=format!("kern-alert kern-alert--{alert}") role="status">
            <div class="kern-alert__header"><span class="kern-title">{summary}</span></div>
        </div>
        <div class="kern-table-responsive">
            <table class="kern-table kern-table--striped">
                <caption class="kern-title">{i18n.phrase("cases-bulk-result-caption")}</caption>
                <thead class="kern-table__header">
                    <tr class="kern-table__row">
                        <th class="kern-table__header" scope="col">{i18n.phrase("cases-column-reference")}</th>
                        <th class="kern-table__header" scope="col">{i18n.phrase("cases-bulk-result")}</th>
                    </tr>
                </thead>
                <tbody class="kern-table__body">
                    {outcomes.into_iter().map(|outcome| {
                        let result = match &outcome.refused {
                            None => i18n.t("cases-action-done"),
                            Some(key) if REFUSALS.contains(&key.as_str()) => {
                                refusal(&i18n, &AppError::BadRequest(key.clone()))
                            }
                            Some(_) => i18n.t("cases-error-general"),
                        };
                        view! {
                            <tr class="kern-table__row">
                                <th class="kern-table__cell" scope="row">
                                    <a class="kern-link" href=format!("/bearbeitung/faelle/{}", outcome.id)>{outcome.reference}</a>
                                </th>
                                <td class="kern-table__cell">{result}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
