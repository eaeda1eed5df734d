//! The home page: welcome and the services catalogue that modules fill.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::{i18n::page_i18n, shell_info::catalogue};

/// `/`.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = page_i18n();
    let entries = Resource::new(|| (), |()| catalogue());
    view! {
        <Title text=i18n.t("shell-home-title") />
        <h1 class="kern-heading-x-large">{i18n.phrase("shell-home-title")}</h1>
        <p class="kern-body kern-body--large">{i18n.phrase("shell-home-intro")}</p>
        <section class="portal-section" aria-labelledby="catalogue-heading">
            <h2 class="kern-heading-medium" id="catalogue-heading">{i18n.phrase("shell-catalogue-heading")}</h2>
            <Suspense>
                {move || Suspend::new(async move {
                    let Ok(entries) = entries.await else {
                        return view! { <p class="kern-body" role="alert">{i18n.phrase("shell-catalogue-error")}</p> }.into_any();
                    };
                    kernel::shared_page::same_for_everyone();
                    if entries.is_empty() {
                        return view! { <p class="kern-body">{i18n.phrase("shell-catalogue-empty")}</p> }.into_any();
                    }
                    view! {
                        <ul class="portal-cards">
                            {entries.into_iter().map(|entry| {
                                let title = entry.title.phrase(&i18n);
                                let summary = entry.summary.phrase(&i18n);
                                view! {
                                    <li class="kern-card">
                                        <div class="kern-card__container">
                                            <div class="kern-card__header">
                                                <h3 class="kern-title"><A href=entry.href attr:class="kern-link">{title}</A></h3>
                                            </div>
                                            <div class="kern-card__body"><p class="kern-body">{summary}</p></div>
                                        </div>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                })}
            </Suspense>
        </section>
    }
}
