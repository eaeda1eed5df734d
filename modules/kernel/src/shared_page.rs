//! Pages that are the same for every visitor who is not signed in (per language): the
//! catalogue, a service's page, search results. A page says so once its content has
//! loaded; the portal may then store the rendered page and serve it to the next
//! visitor without rendering it again, until the public content changes
//! ([`crate::content_version`]). A page showing anything of the person asking, or an
//! error, must not say so.

/// The response header a page sets to say it may be shared; the portal removes it
/// before the answer leaves.
pub const HEADER: &str = "x-portal-shared-page";

/// Inside a page's render, once its content has loaded: this answer is the same for
/// every visitor of its language who is not signed in.
pub fn same_for_everyone() {
    #[cfg(feature = "ssr")]
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(
            axum::http::HeaderName::from_static(HEADER),
            axum::http::HeaderValue::from_static("1"),
        );
    }
}
