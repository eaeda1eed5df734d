//! `/konto`: what the portal knows about the signed-in person — the data the identity
//! provider released, the level of assurance, roles and departments — and sign-out.

use kernel::{AppError, Identity, Level, Role};
use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::page_i18n;

/// Where the signed-in person downloads their data as one archive.
pub const MY_DATA_PATH: &str = "/konto/daten";

/// The account page's data; only for the person themselves.
#[server(endpoint = "account/details")]
pub async fn account_details() -> Result<Identity, AppError> {
    kernel::access::authorize(&kernel::Requirement::signed_in())
}

/// The message key naming `level` for people.
pub fn level_key(level: Option<Level>) -> &'static str {
    match level {
        Some(Level::Low) => "shell-level-low",
        Some(Level::Substantial) => "shell-level-substantial",
        Some(Level::High) => "shell-level-high",
        None => "shell-level-unknown",
    }
}

fn role_key(role: Role) -> &'static str {
    match role {
        Role::Citizen => "shell-role-citizen",
        Role::Caseworker => "shell-role-caseworker",
        Role::DepartmentAdmin => "shell-role-department-admin",
        Role::PlatformAdmin => "shell-role-platform-admin",
    }
}

/// The account page. The host only renders it for signed-in people (see
/// `auth::page_guard`); the server function checks again.
#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = page_i18n();
    let details = Resource::new(|| (), |()| account_details());
    view! {
        <Title text=i18n.t("shell-account-title") />
        <h1 class="kern-heading-x-large">{i18n.phrase("shell-account-title")}</h1>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match details.await {
                    Ok(identity) => view! { <AccountFacts identity /> }.into_any(),
                    Err(_) => view! {
                        <p class="kern-body">{i18n.phrase("shell-account-signed-out")}</p>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// What the portal knows about `identity`, as label and value in the person's language.
pub fn account_facts(i18n: &kernel::I18n, identity: &Identity) -> Vec<(String, String)> {
    let missing = i18n.t("shell-account-not-given");
    let or_missing = move |value: Option<String>| value.unwrap_or_else(|| missing.clone());
    let profile = identity.profile.clone();
    let address = [
        profile.street_address,
        profile
            .postal_code
            .map(|p| format!("{p} {}", profile.locality.clone().unwrap_or_default())),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ");
    let roles = identity
        .roles
        .iter()
        .map(|r| i18n.t(role_key(*r)))
        .collect::<Vec<_>>()
        .join(", ");
    let departments = identity.departments.join(", ").to_uppercase();
    vec![
        ("shell-account-name", or_missing(identity.name.clone())),
        ("shell-account-email", or_missing(profile.email)),
        (
            "shell-account-address",
            or_missing(Some(address).filter(|a| !a.is_empty())),
        ),
        ("shell-account-level", i18n.t(level_key(identity.level))),
        ("shell-account-roles", roles_text(i18n, identity, roles)),
        (
            "shell-account-departments",
            or_missing(Some(departments).filter(|d| !d.is_empty())),
        ),
    ]
    .into_iter()
    .map(|(key, value)| (i18n.t(key), value))
    .collect()
}

/// The portal roles; where none matched, what the provider sent instead, so a person
/// (or the help desk) sees that roles arrived and none was one of the portal's.
fn roles_text(i18n: &kernel::I18n, identity: &Identity, roles: String) -> String {
    if !roles.is_empty() {
        return roles;
    }
    if identity.received_roles.is_empty() {
        return i18n.t("shell-account-not-given");
    }
    i18n.t_args(
        "shell-account-roles-unmatched",
        &[("received", identity.received_roles.join(", ").into())],
    )
}

#[component]
fn AccountFacts(identity: Identity) -> impl IntoView {
    let i18n = page_i18n();
    let rows = account_facts(&i18n, &identity);
    view! {
        <p class="kern-body">{i18n.phrase("shell-account-intro")}</p>
        <dl class="portal-facts">
            {rows.into_iter().map(|(label, value)| view! {
                <dt class="kern-label">{label}</dt>
                <dd class="kern-body">{value}</dd>
            }).collect_view()}
        </dl>
        <section class="portal-section" aria-labelledby="my-data">
            <h2 class="kern-heading-medium" id="my-data">{i18n.phrase("shell-data-heading")}</h2>
            <p class="kern-body">{i18n.phrase("shell-data-intro")}</p>
            // A file, not a page: the router must leave the click to the browser.
            <a class="kern-btn kern-btn--secondary" href=MY_DATA_PATH download="" rel="external">
                <span class="kern-label">{i18n.phrase("shell-data-download")}</span>
            </a>
        </section>
        <form class="portal-section" method="post" action="/auth/logout">
            <button class="kern-btn kern-btn--secondary" type="submit">
                <span class="kern-label">{i18n.phrase("shell-sign-out")}</span>
            </button>
        </form>
    }
}
