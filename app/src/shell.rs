//! The HTML document and the application: page frame, router and every route.

use leptos::prelude::*;
use leptos_meta::{MetaTags, Title, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};

pub(crate) mod island_scripts;

use crate::{
    i18n::page_i18n,
    layout::{Footer, Header, SkipLink},
    pages::{
        AccountPage, DeliveriesPage, ForbiddenPage, HomePage, InterfacePage, LegalPage, NotFound,
        SignInFailedPage, SignInPage,
    },
    registry::ModuleRoutes,
};

/// The whole HTML document, rendered on the server.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let i18n = page_i18n();
    // The stylesheet under its hashed name (see `server::http::assets`).
    #[cfg(feature = "ssr")]
    let stylesheet = use_context::<crate::server::Assets>()
        .map_or_else(|| "/pkg/portal.css".to_owned(), |a| a.stylesheet);
    #[cfg(not(feature = "ssr"))]
    let stylesheet = "/pkg/portal.css";
    view! {
        <!DOCTYPE html>
        <html lang=i18n.locale.code() dir=i18n.direction().attribute()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="description" content=i18n.t("shell-meta-description") />
                <link rel="stylesheet" href=stylesheet />
                <link rel="icon" href="/favicon.ico" sizes="32x32" />
                <island_scripts::IslandScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The application inside `<body>`, rendered on the server only; its interactive parts
/// are islands the browser takes over. Every route renders completely before the
/// response is sent (`SsrMode::Async`), so pages never depend on JavaScript to put
/// streamed parts in place.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let i18n = page_i18n();
    let site = i18n.t("shell-site-name");
    view! {
        <Title formatter=move |page: String| format!("{page} – {site}") />
        <Router>
            <SkipLink />
            <Header />
            <main id="main" tabindex="-1">
                <div class="portal-container">
                    <Routes fallback=NotFound>
                        <Route path=path!("/") view=HomePage ssr=SsrMode::Async />
                        <Route path=path!("/impressum") view=|| view! { <LegalPage page="imprint" /> } ssr=SsrMode::Async />
                        <Route path=path!("/datenschutz") view=|| view! { <LegalPage page="privacy" /> } ssr=SsrMode::Async />
                        <Route path=path!("/barrierefreiheit") view=|| view! { <LegalPage page="accessibility" /> } ssr=SsrMode::Async />
                        <Route path=path!("/leichte-sprache") view=|| view! { <LegalPage page="easy-language" /> } ssr=SsrMode::Async />
                        <Route path=path!("/anmelden") view=SignInPage ssr=SsrMode::Async />
                        <Route path=path!("/anmelden/fehler") view=SignInFailedPage ssr=SsrMode::Async />
                        <Route path=path!("/konto") view=AccountPage ssr=SsrMode::Async />
                        <Route path=path!("/kein-zugang") view=ForbiddenPage ssr=SsrMode::Async />
                        <Route path=path!("/api") view=InterfacePage ssr=SsrMode::Async />
                        <Route path=path!("/dienststelle/zustellungen") view=DeliveriesPage ssr=SsrMode::Async />
                        <ModuleRoutes />
                    </Routes>
                </div>
            </main>
            <Footer />
        </Router>
    }
}
