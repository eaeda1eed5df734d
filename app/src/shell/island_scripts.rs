//! The script that brings a page's islands to life: it loads the browser app only
//! where the page has an island (see `island_loader.js`), so pages without interactive
//! parts cost no WebAssembly. In place of Leptos' own hydration scripts, which load the
//! app on every page.
//!
//! It is the same on every page of a build, as are the two data scripts Leptos adds to
//! every page (empty: nothing outside the islands is sent to the browser), so the
//! content security policy allows these three by their hashes ([`inline_hashes`]):
//! pages carry no per-request nonce and can be stored once and served to every visitor.

use leptos::prelude::*;

/// The loader's text, given the build's script and module under their hashed names
/// and each language's texts (see `server::http::browser_texts`).
pub fn loader(options: &LeptosOptions) -> String {
    let pkg = format!("/{}/{}", options.site_pkg_dir, options.output_name);
    #[cfg(feature = "ssr")]
    let texts = crate::server::http::browser_texts::addresses_json();
    #[cfg(not(feature = "ssr"))]
    let texts = "{}";
    format!(
        "{}({:?}, {:?}, {texts});",
        include_str!("island_loader.js").trim_end(),
        format!("{pkg}.js"),
        format!("{pkg}.wasm"),
    )
}

/// What Leptos' server rendering writes after every page for the resources and errors
/// the browser would take over: nothing, when only islands hydrate and none of them
/// reads a resource (see `provide_islands_mode`).
#[cfg(feature = "ssr")]
const LEPTOS_DATA_SCRIPTS: [&str; 2] = [
    "__RESOLVED_RESOURCES=[];__SERIALIZED_ERRORS=[];__PENDING_RESOURCES=[];__RESOURCE_RESOLVERS=[];",
    "__INCOMPLETE_CHUNKS=[];",
];

/// The inline scripts pages may run, as CSP sources (`'sha256-…' …`, of each text as
/// the page carries it: script text is not escaped).
#[cfg(feature = "ssr")]
pub fn inline_hashes(options: &LeptosOptions) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    let loader = loader(options);
    std::iter::once(loader.as_str())
        .chain(LEPTOS_DATA_SCRIPTS)
        .map(|text| {
            let digest = sha2::Sha256::digest(text.as_bytes());
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// At the start of a server render: only islands hydrate, so only their data goes to
/// the browser. Leptos' integration starts every render as if the whole page
/// hydrated, which would write every resource's value into the page as a script.
#[cfg(feature = "ssr")]
pub fn provide_islands_mode() {
    if let Some(shared) = leptos::reactive::owner::Owner::current_shared_context() {
        shared.set_is_hydrating(false);
    }
}

/// The loader as the page's `<script>`.
#[component]
pub fn IslandScripts(options: LeptosOptions) -> impl IntoView {
    view! { <script type="module">{loader(&options)}</script> }
}
