//! `/dienststelle/entwuerfe`: a department administrator's service designs, and a new
//! one from a service file.

use kernel::{AppError, i18n::use_i18n};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::design_view::{DESIGNS_PATH, DesignSummary, design_href, my_designs};

/// The list of designs.
#[component]
pub fn DesignsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    // What was wrong with a file sent for a new draft (nothing was stored).
    let refused = move || {
        let note = query.read().get("hinweis").unwrap_or_default();
        ["leer", "keine-textdatei", "zu-lang"]
            .into_iter()
            .find(|known| *known == note)
    };
    let designs = Resource::new(|| (), |()| my_designs());
    view! {
        <Title text=i18n.t("designer-title") />
        <h1 class="kern-heading-x-large">{i18n.phrase("designer-title")}</h1>
        <p class="kern-body">{i18n.phrase("designer-intro")}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match designs.await {
                    Ok(designs) => view! { <List designs /> }.into_any(),
                    Err(error) => view! { <DesignError error /> }.into_any(),
                }
            })}
        </Suspense>
        <section class="portal-section" aria-labelledby="new-design">
            <h2 class="kern-heading-medium" id="new-design">{i18n.phrase("designer-new")}</h2>
            {move || refused().map(|note| view! {
                <div class="kern-alert kern-alert--danger" role="alert">
                    <div class="kern-alert__body"><p class="kern-body">{i18n.phrase(&format!("designer-note-{note}"))}</p></div>
                </div>
            })}
            <form method="post" action=DESIGNS_PATH enctype="multipart/form-data">
                <div class="kern-form-input">
                    <label class="kern-label" for="datei">{i18n.phrase("designer-file")}</label>
                    <div class="kern-hint" id="datei-hint">{i18n.phrase("designer-file-hint")}</div>
                    <input class="kern-form-input__input" type="file" id="datei" name="datei"
                        accept=".toml,application/toml,text/plain" aria-describedby="datei-hint" />
                </div>
                <div class="kern-form-input">
                    <label class="kern-label" for="quelle">{i18n.phrase("designer-source")}</label>
                    <div class="kern-hint" id="quelle-hint">{i18n.phrase("designer-source-hint")}</div>
                    <textarea class="kern-form-input__input portal-source" id="quelle" name="quelle" rows="16"
                        aria-describedby="quelle-hint" spellcheck="false"></textarea>
                </div>
                <button class="kern-btn kern-btn--primary" type="submit">
                    <span class="kern-label">{i18n.phrase("designer-create")}</span>
                </button>
            </form>
        </section>
    }
}

#[component]
fn List(designs: Vec<DesignSummary>) -> impl IntoView {
    let i18n = use_i18n();
    if designs.is_empty() {
        return view! { <p class="kern-body">{i18n.phrase("designer-none")}</p> }.into_any();
    }
    view! {
        <div class="portal-table-scroll">
            <table class="kern-table">
                <caption class="kern-table__caption">{i18n.phrase("designer-caption")}</caption>
                <thead class="kern-table__head">
                    <tr class="kern-table__row">
                        <th class="kern-table__header" scope="col">{i18n.phrase("designer-service")}</th>
                        <th class="kern-table__header" scope="col">{i18n.phrase("designer-state")}</th>
                        <th class="kern-table__header" scope="col">{i18n.phrase("designer-changed")}</th>
                    </tr>
                </thead>
                <tbody class="kern-table__body">
                    {designs.into_iter().map(|d| {
                        let name = d.title.clone().or(d.service_id.clone())
                            .unwrap_or_else(|| i18n.t_args("designer-unnamed", &[("id", d.id.into())]));
                        view! {
                            <tr class="kern-table__row">
                                <th class="kern-table__cell" scope="row">
                                    <a class="kern-link" href=design_href(d.id)>{name}</a>
                                </th>
                                <td class="kern-table__cell">{i18n.t(&format!("designer-design-state-{}", d.state))}</td>
                                <td class="kern-table__cell">{d.changed}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// Not an administrator of the design's department, or a failure.
#[component]
pub fn DesignError(error: AppError) -> impl IntoView {
    let texts = kernel::error_page::ErrorTexts {
        not_found: "designer-design-not-found",
        failed: "designer-error",
        back_href: DESIGNS_PATH,
        back: "designer-back",
    };
    view! { <kernel::error_page::ErrorPage error texts /> }
}
