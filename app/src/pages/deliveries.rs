//! `/dienststelle/zustellungen` ([`kernel::api::DELIVERY_LOG_PATH`]): the delivery log of the department administrator's
//! webhook subscriptions: each event posted, to where, how often tried, with what
//! outcome, so a failing receiver is noticed.

use kernel::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

use crate::i18n::page_i18n;

/// Deliveries shown.
#[cfg(feature = "ssr")]
const SHOWN: u32 = 200;

/// One row of the log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delivery {
    /// Event type.
    pub kind: String,
    /// Event id.
    pub event_id: String,
    /// Subscription and receiver address.
    pub target: String,
    /// When the event happened.
    pub at: String,
    /// Attempts so far.
    pub attempts: i32,
    /// `delivered`, `failed` or `pending`, with the time that goes with it.
    pub state: (String, String),
    /// The receiver's last answer or what went wrong.
    pub last: String,
}

/// The newest deliveries of the administrator's departments.
#[server(endpoint = "deliveries/log")]
pub async fn delivery_log() -> Result<Vec<Delivery>, AppError> {
    let identity = kernel::access::authorize(&kernel::Requirement::any_role(&[
        kernel::Role::DepartmentAdmin,
    ]))?;
    let ctx = use_context::<kernel::ModuleContext>().ok_or(AppError::Internal)?;
    let rows = kernel::webhook::log(&ctx.db, &identity.departments, SHOWN).await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let minute = kernel::time::minute;
            let state = match (row.delivered_at, row.failed_at, row.next_attempt_at) {
                (Some(at), _, _) => ("delivered", minute(at)),
                (None, Some(at), _) => ("failed", minute(at)),
                (None, None, next) => ("pending", next.map(minute).unwrap_or_default()),
            };
            let last = match (row.last_status, row.last_error) {
                (_, Some(error)) => error,
                (Some(status), None) => format!("HTTP {status}"),
                (None, None) => String::new(),
            };
            Delivery {
                kind: row.kind,
                event_id: row.event_id,
                target: format!("{} ({})", row.subscription, row.url),
                at: minute(row.noted_at),
                attempts: row.attempts,
                state: (state.0.to_owned(), state.1),
                last,
            }
        })
        .collect())
}

/// The page.
#[component]
pub fn DeliveriesPage() -> impl IntoView {
    let i18n = page_i18n();
    let log = Resource::new(|| (), |()| delivery_log());
    view! {
        <Title text=i18n.t("shell-deliveries-title") />
        <h1 class="kern-heading-x-large">{i18n.phrase("shell-deliveries-title")}</h1>
        <p class="kern-body">{i18n.phrase("shell-deliveries-intro")}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match log.await {
                    Ok(rows) if rows.is_empty() => view! {
                        <p class="kern-body">{i18n.phrase("shell-deliveries-none")}</p>
                    }.into_any(),
                    Ok(rows) => view! { <DeliveryTable rows /> }.into_any(),
                    Err(_) => view! {
                        <p class="kern-body">{i18n.phrase("shell-deliveries-unavailable")}</p>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn DeliveryTable(rows: Vec<Delivery>) -> impl IntoView {
    let i18n = page_i18n();
    let heads = [
        "shell-deliveries-event",
        "shell-deliveries-at",
        "shell-deliveries-target",
        "shell-deliveries-attempts",
        "shell-deliveries-state",
        "shell-deliveries-last",
    ];
    view! {
        <div class="kern-table-responsive">
            <table class="kern-table kern-table--striped">
                <caption class="kern-title">{i18n.phrase("shell-deliveries-caption")}</caption>
                <thead class="kern-table__header">
                    <tr class="kern-table__row">
                        {heads.into_iter().map(|key| view! {
                            <th class="kern-table__header" scope="col">{i18n.t(key)}</th>
                        }).collect_view()}
                    </tr>
                </thead>
                <tbody class="kern-table__body">
                    {rows.into_iter().map(|row| {
                        let state = i18n.t_args(
                            &format!("shell-deliveries-{}", row.state.0),
                            &[("at", row.state.1.clone().into())],
                        );
                        view! {
                            <tr class="kern-table__row">
                                <th class="kern-table__cell" scope="row">
                                    <code>{row.kind}</code>" "<span class="kern-body kern-body--small">{row.event_id}</span>
                                </th>
                                <td class="kern-table__cell">{row.at}</td>
                                <td class="kern-table__cell">{row.target}</td>
                                <td class="kern-table__cell">{row.attempts}</td>
                                <td class="kern-table__cell">{state}</td>
                                <td class="kern-table__cell">{row.last}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
