//! Before the clock starts: what the requests need to name (services, catalogue
//! entries, cases), read from the portal's own pages, and signed-in sessions.

use regex::Regex;
use reqwest::{Client, StatusCode, redirect::Policy};

/// What every worker draws from.
#[derive(Debug)]
pub struct Targets {
    /// Slugs of the online services (`/leistungen/{slug}`).
    pub services: Vec<String>,
    /// Ids of the information catalogue (`/info/{id}`).
    pub info: Vec<String>,
    /// Case pages the caseworker may open.
    pub cases: Vec<String>,
}

/// Words citizens search for: services, synonyms, typos, English.
pub const SEARCH_TERMS: [&str; 16] = [
    "Sperrmüll",
    "Hund",
    "Parkausweis",
    "Personalausweis",
    "Führungszeugnis",
    "Kita",
    "Gewerbe anmelden",
    "Umzug",
    "Müll abholen",
    "Baum fällen",
    "Reisepas",
    "Wohngeld",
    "dog",
    "parking permit",
    "Hundesteuer Befreiung",
    "Fundbüro",
];

/// A client as a browser: keeps cookies, follows no redirects, German first.
pub fn browser(compressed: bool) -> Result<Client, String> {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("accept-language", "de".parse().map_err(|_| "header")?);
    if compressed {
        // As browsers ask: the server compresses, as it would for them.
        headers.insert("accept-encoding", "br, gzip".parse().map_err(|_| "header")?);
    }
    Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .default_headers(headers)
        .pool_max_idle_per_host(1)
        .timeout(std::time::Duration::from_secs(30))
        .build()
        .map_err(|e| e.to_string())
}

/// Signs `client` in as demo persona `persona`.
pub async fn sign_in(client: &Client, base: &str, persona: &str) -> Result<(), String> {
    let response = client
        .post(format!("{base}/auth/demo"))
        .form(&[("persona", persona)])
        .send()
        .await
        .map_err(|e| format!("sign-in as {persona}: {e}"))?;
    if response.status() == StatusCode::SEE_OTHER {
        Ok(())
    } else {
        Err(format!(
            "sign-in as {persona}: status {}",
            response.status()
        ))
    }
}

/// Reads the targets from the portal's pages, signed in as `caseworker` for cases.
pub async fn targets(base: &str, caseworker: &str) -> Result<Targets, String> {
    let anonymous = browser(false)?;
    let page = async |client: &Client, path: &str| -> Result<String, String> {
        let response = client
            .get(format!("{base}{path}"))
            .send()
            .await
            .map_err(|e| format!("{path}: {e}"))?;
        if !response.status().is_success() {
            return Err(format!("{path}: status {}", response.status()));
        }
        response.text().await.map_err(|e| format!("{path}: {e}"))
    };
    let services = found(
        &page(&anonymous, "/leistungen").await?,
        r#"href="/leistungen/([a-z0-9-]+)""#,
    );
    // The A–Z list: one page, or a page per letter for a large catalogue.
    let list = page(&anonymous, "/info").await?;
    let mut info = Vec::new();
    for letter in found(&list, r#"href="/info\?buchstabe=([^"]+)""#) {
        let letter_page = page(&anonymous, &format!("/info?buchstabe={letter}")).await?;
        info.extend(found(&letter_page, r#"href="/info/([A-Za-z0-9_-]+)""#));
    }
    info.extend(found(&list, r#"href="/info/([A-Za-z0-9_-]+)""#));
    info.sort();
    info.dedup();
    let staff = browser(false)?;
    sign_in(&staff, base, caseworker).await?;
    let mut cases = Vec::new();
    for filter in [
        "",
        "?zustand=in_progress",
        "?zustand=submitted",
        "?aelteste=1",
    ] {
        let inbox = page(&staff, &format!("/bearbeitung{filter}")).await?;
        cases.extend(found(&inbox, r#"href="(/bearbeitung/faelle/[0-9a-f-]+)""#));
    }
    cases.sort();
    cases.dedup();
    for (what, list) in [
        ("online services", &services),
        ("catalogue entries", &info),
        ("cases", &cases),
    ] {
        if list.is_empty() {
            return Err(format!("no {what} found: is the portal seeded?"));
        }
    }
    Ok(Targets {
        services,
        info,
        cases,
    })
}

fn found(html: &str, pattern: &str) -> Vec<String> {
    let Ok(re) = Regex::new(pattern) else {
        return Vec::new();
    };
    let mut list: Vec<String> = re.captures_iter(html).map(|c| c[1].to_owned()).collect();
    list.sort();
    list.dedup();
    list
}
