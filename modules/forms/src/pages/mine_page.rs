//! `/antraege`: the citizen's drafts and filed requests.

use kernel::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    mine::{RequestOverview, my_requests},
    pages::step_page::FormError,
};

/// The "my requests" page.
#[component]
pub fn MinePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    // Anything but a page number is the first page.
    let page = move || {
        query
            .read()
            .get("seite")
            .and_then(|p| p.parse::<u64>().ok())
    };
    let mine = Resource::new(page, my_requests);
    view! {
        <Title text=i18n.t("forms-mine-title") />
        <h1 class="kern-heading-x-large">{i18n.phrase("forms-mine-title")}</h1>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match mine.await {
                    Ok(mine) => view! { <Lists mine /> }.into_any(),
                    Err(error) => view! { <FormError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Lists(mine: RequestOverview) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale;
    view! {
        <section class="portal-section">
            <h2 class="kern-heading-medium">{i18n.phrase("forms-mine-drafts")}</h2>
            {if mine.drafts.is_empty() {
                view! { <p class="kern-body">{i18n.phrase("forms-mine-no-drafts")}</p> }.into_any()
            } else {
                view! {
                    <ul class="portal-service-list">
                        {mine.drafts.into_iter().map(|d| view! {
                            <li>
                                <h3 class="kern-heading-small">{d.service.phrase(locale)}</h3>
                                <p class="kern-body">{i18n.t_args("forms-mine-draft-dates", &[("changed", d.changed.into()), ("expires", d.expires.into())])}</p>
                                <a class="kern-link" href=d.resume>{i18n.phrase("forms-mine-resume")}</a>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <section class="portal-section">
            <h2 class="kern-heading-medium">{i18n.phrase("forms-mine-filed")}</h2>
            {if mine.filed.is_empty() {
                view! { <p class="kern-body">{i18n.phrase("forms-mine-none-filed")}</p> }.into_any()
            } else {
                view! {
                    <ul class="portal-service-list">
                        {mine.filed.into_iter().map(|f| view! {
                            <li>
                                <h3 class="kern-heading-small">{f.service.phrase(locale)}</h3>
                                <p class="kern-body">{i18n.t_args("forms-mine-filed-line", &[("reference", f.reference.into()), ("sent", f.sent.into())])}</p>
                                {f.progress.map(|p| view! {
                                    <p class="kern-body">{i18n.t_args("forms-mine-state", &[("state", p.state.into()), ("changed", p.changed.into())])}</p>
                                    {p.next.map(|next| view! { <p class="kern-body"><strong>{next}</strong></p> })}
                                    <p class="kern-body"><a class="kern-link" href=p.href>{i18n.phrase("forms-mine-follow")}</a></p>
                                })}
                                <a class="kern-link" href=f.receipt>{i18n.phrase("forms-mine-receipt")}</a>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {(mine.newer.is_some() || mine.older.is_some()).then(|| view! {
                <nav class="portal-section" aria-label=i18n.t("forms-mine-pages")>
                    <ul class="portal-inline-list">
                        {mine.newer.map(|href| view! { <li><a class="kern-link" href=href>{i18n.phrase("forms-mine-newer")}</a></li> })}
                        {mine.older.map(|href| view! { <li><a class="kern-link" href=href>{i18n.phrase("forms-mine-older")}</a></li> })}
                    </ul>
                </nav>
            })}
        </section>
        {mine.more.into_iter().map(|section| view! {
            <section class="portal-section">
                <h2 class="kern-heading-medium">{section.title}</h2>
                {if section.items.is_empty() {
                    view! { <p class="kern-body">{section.empty}</p> }.into_any()
                } else {
                    view! {
                        <ul class="portal-service-list">
                            {section.items.into_iter().map(|item| view! {
                                <li>
                                    <h3 class="kern-heading-small" lang=item.lang>{item.title}</h3>
                                    {item.lines.into_iter().map(|line| view! { <p class="kern-body">{line}</p> }).collect_view()}
                                    <a class="kern-link" href=item.href>{item.link}</a>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
        }).collect_view()}
    }
}
