//! `/leistungen/:slug`: what a citizen reads before starting: the description, fees,
//! documents, the sign-in level needed, and the start button.

use kernel::{AppError, Level, i18n::use_i18n};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::{
    definition::Text,
    services::{ServiceInfo, service_details},
};

/// The service page; unknown slugs get the not-found status.
#[component]
pub fn ServicePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let details = Resource::new(slug, service_details);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match details.await {
                    Ok(details) => {
                        // Its online state changes through the search outbox too.
                        kernel::shared_page::same_for_everyone();
                        view! { <ServiceDescription details /> }.into_any()
                    }
                    Err(error) => {
                        #[cfg(feature = "ssr")]
                        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
                            response.set_status(error.status_code());
                        }
                        let key = if error == AppError::NotFound { "forms-service-not-found" } else { "forms-catalogue-error" };
                        view! {
                            <Title text=i18n.t(key) />
                            <h1 class="kern-heading-x-large">{i18n.t(key)}</h1>
                            <p class="kern-body"><a class="kern-link" href="/leistungen">{i18n.phrase("forms-back-to-catalogue")}</a></p>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

fn level_key(level: Level) -> &'static str {
    match level {
        Level::Low => "forms-service-level-low",
        Level::Substantial => "forms-service-level-substantial",
        Level::High => "forms-service-level-high",
    }
}

#[component]
fn ServiceDescription(details: ServiceInfo) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale;
    let title = details.summary.title.get(locale).to_owned();
    let title_lang = details.summary.title.lang(locale);
    let d = details.description;
    let sections: Vec<(&'static str, Option<Text>)> = vec![
        ("forms-service-what", Some(d.what)),
        ("forms-service-who", Some(d.who)),
        ("forms-service-requirements", d.requirements),
        ("forms-service-documents", d.documents),
        ("forms-service-fees", d.fees),
        ("forms-service-processing-time", d.processing_time),
        ("forms-service-legal-basis", d.legal_basis),
        ("forms-service-contact", d.contact),
    ];
    let start = format!("/leistungen/{}/antrag", details.summary.slug);
    view! {
        <Title text=title.clone() />
        <p class="kern-body kern-body--small">{kernel::catalogue::department_name(&i18n, &details.summary.department)}</p>
        <h1 class="kern-heading-x-large" lang=title_lang>{title}</h1>
        <p class="kern-body kern-body--large">{details.summary.summary.phrase(locale)}</p>
        {sections.into_iter().filter_map(|(key, text)| text.map(|text| view! {
            <section class="portal-section">
                <h2 class="kern-heading-medium">{i18n.t(key)}</h2>
                <p class="kern-body">{text.phrase(locale)}</p>
            </section>
        })).collect_view()}
        <section class="portal-section">
            <h2 class="kern-heading-medium">{i18n.phrase("forms-service-apply")}</h2>
            {if details.online {
                view! {
                    <p class="kern-body">{i18n.t(level_key(details.level))}</p>
                    <form method="post" action=start>
                        <button class="kern-btn kern-btn--primary" type="submit">
                            <span class="kern-label">{i18n.phrase("forms-service-start")}</span>
                        </button>
                    </form>
                }
                    .into_any()
            } else {
                view! {
                    <div class="kern-alert kern-alert--warning" role="status">
                        <div class="kern-alert__body">
                            <p class="kern-body">{i18n.phrase("forms-service-offline")}</p>
                        </div>
                    </div>
                }
                    .into_any()
            }}
        </section>
    }
}
