//! The script that brings a page's islands to life: it loads the browser app only
//! where the page has an island (see `island_loader.js`), so pages without interactive
//! parts cost no WebAssembly. In place of Leptos' own hydration scripts, which load the
//! app on every page.

use leptos::{nonce::use_nonce, prelude::*};

/// The loader, given the build's script and module under their hashed names.
#[component]
pub fn IslandScripts(options: LeptosOptions) -> impl IntoView {
    let pkg = format!("/{}/{}", options.site_pkg_dir, options.output_name);
    let call = format!(
        "{}({:?}, {:?});",
        include_str!("island_loader.js").trim_end(),
        format!("{pkg}.js"),
        format!("{pkg}.wasm"),
    );
    view! { <script type="module" nonce=use_nonce()>{call}</script> }
}
