//! Server functions that feed the shell: navigation and the services catalogue,
//! gathered from the enabled modules.

use kernel::{AppError, CatalogueEntry, NavEntry};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the header shows on every page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShellInfo {
    /// Navigation entries of every module for the current person, in order.
    pub nav: Vec<NavEntry>,
    /// The installation runs on demo content or offers the demo sign-in.
    pub demo: bool,
    /// The demo sign-in is offered.
    pub demo_login: bool,
    /// Name of the signed-in person; `None` when nobody is signed in.
    pub user: Option<String>,
}

/// The header's navigation and site facts.
#[server(endpoint = "shell/info")]
pub async fn load_shell_info() -> Result<ShellInfo, AppError> {
    let modules = use_context::<crate::registry::Modules>()
        .ok_or_else(|| AppError::internal("module list missing"))?;
    let config = use_context::<crate::i18n::ShellConfig>().unwrap_or_default();
    let identity = use_context::<kernel::Identity>().unwrap_or_default();
    let mut nav: Vec<NavEntry> = modules
        .parts()
        .iter()
        .flat_map(|(_, parts)| parts.navigation(&identity))
        .collect();
    nav.sort_by_key(|e| e.order);
    let user = identity
        .is_signed_in()
        .then(|| identity.name.clone().unwrap_or_default());
    Ok(ShellInfo {
        nav,
        demo: config.demo,
        demo_login: config.demo_login,
        user,
    })
}

/// Catalogue tiles of every module.
#[server(endpoint = "shell/catalogue")]
pub async fn catalogue() -> Result<Vec<CatalogueEntry>, AppError> {
    let ctx = use_context::<kernel::ModuleContext>()
        .ok_or_else(|| AppError::internal("module context missing"))?;
    let mut entries = Vec::new();
    for (_, source) in ctx.all::<dyn kernel::catalogue::CatalogueSource>() {
        entries.extend(source.entries(&ctx).await?);
    }
    Ok(entries)
}
