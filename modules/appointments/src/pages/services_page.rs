//! `/termine`: the services an appointment can be booked for, from A to Z.

use kernel::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::functions::appointment_services;

/// The list of bookable services.
#[component]
pub fn ServicesPage() -> impl IntoView {
    let i18n = use_i18n();
    let services = Resource::new(|| (), |()| appointment_services());
    view! {
        <Title text=i18n.t("appointments-title") />
        <h1 class="kern-heading-x-large">{i18n.phrase("appointments-title")}</h1>
        <p class="kern-body">{i18n.phrase("appointments-intro")}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match services.await {
                    Ok(services) if services.is_empty() => view! { <p class="kern-body">{i18n.phrase("appointments-none")}</p> }.into_any(),
                    Ok(services) => view! {
                        <h2 class="kern-heading-medium">{i18n.phrase("appointments-choose-service")}</h2>
                        <ul class="portal-list">
                            {services.into_iter().map(|s| view! {
                                <li><a class="kern-link" href=format!("/termine/auswahl?leistung={}", kernel::url::segment(&s.id)) lang=s.lang>{s.name}</a></li>
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(error) => view! { <kernel::error_page::ErrorPage error texts=super::ERROR /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
