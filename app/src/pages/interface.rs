//! `/api`: the open interface explained for the people who connect back-office
//! systems: how to get a token, every operation with its scope, parameters and
//! answers (read from the same OpenAPI document the interface serves), and every kind
//! of problem, each at the anchor its problem type links to.

use kernel::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

use crate::i18n::page_i18n;

/// One operation of the interface.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Operation {
    /// `GET`, `POST`.
    pub method: String,
    /// Full path, `/api/v1/cases/{id}`.
    pub path: String,
    /// What it does (English, as in the document).
    pub summary: String,
    /// Scopes it needs.
    pub scopes: Vec<String>,
    /// Name, where (`query`, `path`), whether required, what it means.
    pub parameters: Vec<(String, String, bool, String)>,
    /// The body's schema name, when it takes one.
    pub body: Option<String>,
    /// Status and meaning of each answer.
    pub responses: Vec<(String, String)>,
}

/// Everything the page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interface {
    /// The operations, in the document's order.
    pub operations: Vec<Operation>,
    /// Problem kinds: anchor slug and status.
    pub problems: Vec<(String, u16)>,
}

/// The interface as the page shows it; public, like the document.
#[server(endpoint = "interface/overview")]
pub async fn interface_overview() -> Result<Interface, AppError> {
    let modules = use_context::<crate::registry::Modules>().ok_or(AppError::Internal)?;
    let document = serde_json::to_value(crate::api::document::document(&modules))
        .map_err(AppError::internal)?;
    Ok(ssr::overview(&document))
}

#[cfg(feature = "ssr")]
mod ssr {
    use serde_json::Value;

    use super::{Interface, Operation};

    fn text(value: &Value) -> String {
        value.as_str().unwrap_or_default().to_owned()
    }

    /// The page's view of an OpenAPI `document`.
    pub fn overview(document: &Value) -> Interface {
        let base = text(&document["servers"][0]["url"]);
        let mut operations = Vec::new();
        for (path, item) in document["paths"].as_object().into_iter().flatten() {
            for (method, operation) in item.as_object().into_iter().flatten() {
                let scopes = operation["security"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|requirement| requirement.as_object())
                    .flat_map(|requirement| requirement.values())
                    .filter_map(Value::as_array)
                    .flatten()
                    .map(text)
                    .collect();
                let parameters = operation["parameters"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|p| {
                        (
                            text(&p["name"]),
                            text(&p["in"]),
                            p["required"].as_bool().unwrap_or(false),
                            text(&p["description"]),
                        )
                    })
                    .collect();
                let body =
                    operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
                        .as_str()
                        .and_then(|r| r.rsplit('/').next())
                        .map(str::to_owned);
                let responses = operation["responses"]
                    .as_object()
                    .into_iter()
                    .flatten()
                    .map(|(status, r)| (status.clone(), text(&r["description"])))
                    .collect();
                operations.push(Operation {
                    method: method.to_ascii_uppercase(),
                    path: format!("{base}{path}"),
                    summary: text(&operation["summary"]),
                    scopes,
                    parameters,
                    body,
                    responses,
                });
            }
        }
        let problems = kernel::api::ProblemKind::ALL
            .iter()
            .map(|kind| (kind.slug().to_owned(), kind.status()))
            .collect();
        Interface {
            operations,
            problems,
        }
    }
}

/// The page.
#[component]
pub fn InterfacePage() -> impl IntoView {
    let i18n = page_i18n();
    let overview = Resource::new(|| (), |()| interface_overview());
    // The document's texts are English; on the German page they say so.
    let english = (i18n.locale != kernel::Locale::EN).then_some("en");
    view! {
        <Title text=i18n.t("shell-api-title") />
        <h1 class="kern-heading-x-large">{i18n.phrase("shell-api-title")}</h1>
        <p class="kern-body">{i18n.phrase("shell-api-intro")}</p>
        <p class="kern-body">
            <a class="kern-link" href="/api/v1/openapi.json" rel="external">
                {i18n.phrase("shell-api-document")}
            </a>
        </p>
        <section class="portal-section" aria-labelledby="api-client">
            <h2 class="kern-heading-medium" id="api-client">{i18n.phrase("shell-api-client-heading")}</h2>
            <p class="kern-body">{i18n.phrase("shell-api-client")}</p>
            <pre class="kern-body"><code>"openapi-python-client generate --url https://…/api/v1/openapi.json"</code></pre>
        </section>
        <section class="portal-section" aria-labelledby="api-access">
            <h2 class="kern-heading-medium" id="api-access">{i18n.phrase("shell-api-access-heading")}</h2>
            <ol class="kern-body">
                <li>{i18n.phrase("shell-api-access-client")}</li>
                <li>{i18n.phrase("shell-api-access-token")}</li>
                <li>{i18n.phrase("shell-api-access-call")}</li>
            </ol>
        </section>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let Ok(interface) = overview.await else {
                    return view! { <p class="kern-body">{i18n.phrase("shell-api-unavailable")}</p> }.into_any();
                };
                view! {
                    <section class="portal-section" aria-labelledby="api-operations">
                        <h2 class="kern-heading-medium" id="api-operations">{i18n.phrase("shell-api-operations-heading")}</h2>
                        {interface.operations.into_iter().map(|op| view! { <OperationView op english /> }).collect_view()}
                    </section>
                    <section class="portal-section" aria-labelledby="api-problems">
                        <h2 class="kern-heading-medium" id="api-problems">{i18n.phrase("shell-api-problems-heading")}</h2>
                        <p class="kern-body">{i18n.phrase("shell-api-problems-intro")}</p>
                        <dl class="portal-facts">
                            {interface.problems.into_iter().map(|(slug, status)| view! {
                                <dt class="kern-label" id=format!("problem-{slug}")>
                                    <code>{status}" "{slug.clone()}</code>
                                </dt>
                                <dd class="kern-body">{i18n.t(&format!("shell-api-problem-{slug}"))}</dd>
                            }).collect_view()}
                        </dl>
                    </section>
                }.into_any()
            })}
        </Suspense>
    }
}

#[component]
fn OperationView(op: Operation, english: Option<&'static str>) -> impl IntoView {
    let i18n = page_i18n();
    let scopes = op.scopes.join(", ");
    let has_parameters = !op.parameters.is_empty();
    let (parameters, responses) = (op.parameters, op.responses);
    view! {
        <article class="portal-section">
            <h3 class="kern-heading-small"><code>{op.method}" "{op.path}</code></h3>
            <p class="kern-body" lang=english>{op.summary}</p>
            <dl class="portal-facts">
                <dt class="kern-label">{i18n.phrase("shell-api-scope")}</dt>
                <dd class="kern-body"><code>{scopes}</code></dd>
                {op.body.map(|body| view! {
                    <dt class="kern-label">{i18n.phrase("shell-api-body")}</dt>
                    <dd class="kern-body"><code>{body}</code></dd>
                })}
            </dl>
            {has_parameters.then(|| view! { <ParameterTable parameters english /> })}
            <ResponseTable responses english />
        </article>
    }
    // A view type of its own: the page's whole type is too deep for the optimised
    // browser build otherwise.
    .into_any()
}

/// An operation's parameters: name (and whether required), where, meaning.
#[component]
fn ParameterTable(
    parameters: Vec<(String, String, bool, String)>,
    english: Option<&'static str>,
) -> impl IntoView {
    let i18n = page_i18n();
    view! {
        <div class="kern-table-responsive">
            <table class="kern-table kern-table--striped">
                <caption class="kern-title">{i18n.phrase("shell-api-parameters")}</caption>
                <thead class="kern-table__header">
                    <tr class="kern-table__row">
                        <th class="kern-table__header" scope="col">{i18n.phrase("shell-api-parameter-name")}</th>
                        <th class="kern-table__header" scope="col">{i18n.phrase("shell-api-parameter-in")}</th>
                        <th class="kern-table__header" scope="col">{i18n.phrase("shell-api-meaning")}</th>
                    </tr>
                </thead>
                <tbody class="kern-table__body">
                    {parameters.into_iter().map(|(name, place, required, meaning)| view! {
                        <tr class="kern-table__row">
                            <th class="kern-table__cell" scope="row">
                                <code>{name}</code>
                                {required.then(|| view! { " "{i18n.t("shell-api-required")} })}
                            </th>
                            <td class="kern-table__cell">{place}</td>
                            <td class="kern-table__cell" lang=english>{meaning}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// An operation's answers: status and meaning.
#[component]
fn ResponseTable(responses: Vec<(String, String)>, english: Option<&'static str>) -> impl IntoView {
    let i18n = page_i18n();
    view! {
        <div class="kern-table-responsive">
            <table class="kern-table kern-table--striped">
                <caption class="kern-title">{i18n.phrase("shell-api-responses")}</caption>
                <thead class="kern-table__header">
                    <tr class="kern-table__row">
                        <th class="kern-table__header" scope="col">{i18n.phrase("shell-api-status")}</th>
                        <th class="kern-table__header" scope="col">{i18n.phrase("shell-api-meaning")}</th>
                    </tr>
                </thead>
                <tbody class="kern-table__body">
                    {responses.into_iter().map(|(status, meaning)| view! {
                        <tr class="kern-table__row">
                            <th class="kern-table__cell" scope="row"><code>{status}</code></th>
                            <td class="kern-table__cell" lang=english>{meaning}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
