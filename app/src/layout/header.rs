//! The page header: site name, demo notice, module navigation, language switch and
//! the service search.

use leptos::prelude::*;
use leptos_router::components::A;

use super::{account::Account, language_switch::LanguageSwitch};
use crate::{i18n::page_i18n, shell_info::load_shell_info};

/// The header of every page.
#[component]
pub fn Header() -> impl IntoView {
    let i18n = page_i18n();
    let info = Resource::new(|| (), |()| load_shell_info());
    // Read here, while the router is in reach: the account area renders later, inside
    // a suspense, when a cancelled request may already have dropped the router.
    let here = super::here_encoded()();
    view! {
        <header class="portal-header">
            <Suspense>
                {move || Suspend::new(async move {
                    info.await.ok().filter(|info| info.demo).map(|_| view! {
                        <div class="portal-demo-banner" role="note">
                            <p class="portal-container kern-body">
                                <strong>{i18n.phrase("shell-demo-label")}</strong>" "{i18n.t("shell-demo-text")}
                            </p>
                        </div>
                    })
                })}
            </Suspense>
            <div class="portal-container portal-header__content">
                <div class="portal-header__bar">
                    <a class="portal-header__home kern-link" href="/">{i18n.phrase("shell-site-name")}</a>
                    <div class="portal-header__tools">
                        <Suspense>
                            {move || {
                                let here = here.clone();
                                Suspend::new(async move {
                                    info.await.ok().map(|info| view! { <Account info=info here /> })
                                })
                            }}
                        </Suspense>
                        <LanguageSwitch />
                    </div>
                </div>
                <nav class="portal-nav" aria-label=i18n.t("shell-nav-label")>
                    <ul class="portal-inline-list">
                        <li><A href="/" attr:class="kern-link">{i18n.phrase("shell-nav-home")}</A></li>
                        <Suspense>
                            {move || Suspend::new(async move {
                                info.await.map(|info| info.nav).unwrap_or_default()
                                    .into_iter()
                                    .map(|entry| {
                                        let label = entry.label.phrase(&i18n);
                                        view! { <li><A href=entry.href attr:class="kern-link">{label}</A></li> }
                                    })
                                    .collect_view()
                            })}
                        </Suspense>
                    </ul>
                </nav>
                // A plain GET form: the results page works without JavaScript.
                <form class="portal-search portal-header__search" role="search" method="get" action="/suche" aria-label=i18n.t("shell-search-label")>
                    <label class="portal-visually-hidden" for="header-search">{i18n.phrase("shell-search-label")}</label>
                    <div class="portal-search__row">
                        // Reading a page costs no WebAssembly: the suggestions start when the
                        // field is first used.
                        <kernel::on_use::OnUse>
                            <search::pages::search_field::SearchField id="header-search".to_owned() value=String::new() />
                        </kernel::on_use::OnUse>
                        <button class="kern-btn kern-btn--secondary" type="submit">
                            <span class="kern-label">{i18n.phrase("shell-search-submit")}</span>
                        </button>
                    </div>
                </form>
            </div>
        </header>
    }
}
