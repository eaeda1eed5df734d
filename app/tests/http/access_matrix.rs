//! Who may call what: every route and server function of the portal, called as
//! anonymous, citizen, caseworker and department admin, against one table. A new page,
//! server function or module route fails the completeness checks until it is added.

use reqwest::{Client, Method, StatusCode};

use crate::support::{Backend, TestApp, browser, run, signed_in, spawn_app};

/// Whether a caller gets through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Access {
    Allow,
    Deny,
}

use Access::{Allow, Deny};

/// The callers, in the column order of [`ROUTES`].
const CALLERS: [Option<&str>; 4] = [
    None,
    Some("citizen"),
    Some("caseworker"),
    Some("department-admin"),
];

/// One row: method, path, form body, and the expected access per caller
/// (anonymous, citizen, caseworker, department admin).
pub(crate) struct Row {
    pub(crate) method: Method,
    pub(crate) path: &'static str,
    pub(crate) body: &'static str,
    access: [Access; 4],
}

const fn row(method: Method, path: &'static str, body: &'static str, access: [Access; 4]) -> Row {
    Row {
        method,
        path,
        body,
        access,
    }
}

const EVERYONE: [Access; 4] = [Allow; 4];
const NOBODY: [Access; 4] = [Deny; 4];
const SIGNED_IN: [Access; 4] = [Deny, Allow, Allow, Allow];
const STAFF: [Access; 4] = [Deny, Deny, Allow, Allow];
const CASEWORKERS: [Access; 4] = [Deny, Deny, Allow, Deny];
const DEPARTMENT_ADMINS: [Access; 4] = [Deny, Deny, Deny, Allow];

/// Every route. Modules add their rows here.
pub(crate) fn routes() -> Vec<Row> {
    vec![
        // Shell pages.
        row(Method::GET, "/", "", EVERYONE),
        row(Method::GET, "/impressum", "", EVERYONE),
        row(Method::GET, "/datenschutz", "", EVERYONE),
        row(Method::GET, "/barrierefreiheit", "", EVERYONE),
        row(Method::GET, "/leichte-sprache", "", EVERYONE),
        row(Method::GET, "/anmelden", "", EVERYONE),
        row(Method::GET, "/anmelden/fehler", "", EVERYONE),
        row(Method::GET, "/konto", "", SIGNED_IN),
        row(Method::GET, "/konto/daten", "", SIGNED_IN),
        // The page that says "no access" answers 403 to everyone: it is the refusal.
        row(Method::GET, "/kein-zugang", "", NOBODY),
        // Shell endpoints.
        row(Method::GET, "/healthz", "", EVERYONE),
        row(Method::GET, "/readyz", "", EVERYONE),
        row(Method::GET, "/lang/en", "", EVERYONE),
        row(Method::GET, "/auth/login", "", EVERYONE),
        row(Method::GET, "/auth/callback", "", EVERYONE),
        row(Method::POST, "/auth/demo", "persona=citizen", EVERYONE),
        row(Method::POST, "/auth/logout", "", EVERYONE),
        // Server functions.
        row(Method::POST, "/api/shell/info", "", EVERYONE),
        row(Method::POST, "/api/shell/catalogue", "", EVERYONE),
        row(Method::POST, "/api/account/details", "", SIGNED_IN),
        row(Method::POST, "/api/account/level", "", EVERYONE),
        // Forms module.
        row(Method::GET, "/leistungen", "", EVERYONE),
        row(Method::GET, "/leistungen/bewohnerparkausweis", "", EVERYONE),
        row(Method::POST, "/api/forms/services", "", EVERYONE),
        // The service search.
        row(Method::GET, "/suche", "", EVERYONE),
        row(Method::GET, "/suche?q=Hund", "", EVERYONE),
        row(Method::POST, "/api/search/services", "q=Hund", EVERYONE),
        row(Method::POST, "/api/search/suggest", "q=Hund", EVERYONE),
        row(
            Method::POST,
            "/api/forms/service",
            "slug=bewohnerparkausweis",
            EVERYONE,
        ),
        row(
            Method::POST,
            "/leistungen/sperrmuell-abholung/antrag",
            "",
            SIGNED_IN,
        ),
        row(Method::GET, "/antraege", "", SIGNED_IN),
        row(Method::POST, "/api/forms/mine", "", SIGNED_IN),
        row(Method::GET, "/antraege/unknown/items", "", SIGNED_IN),
        row(
            Method::POST,
            "/antraege/unknown/items",
            "volume=1",
            SIGNED_IN,
        ),
        row(Method::GET, "/antraege/unknown/pruefen", "", SIGNED_IN),
        row(Method::POST, "/antraege/unknown/absenden", "", SIGNED_IN),
        row(Method::GET, "/antraege/eingang/unknown", "", SIGNED_IN),
        row(
            Method::POST,
            "/api/forms/step",
            "draft=unknown&step=items",
            SIGNED_IN,
        ),
        row(
            Method::POST,
            "/api/forms/review",
            "draft=unknown",
            SIGNED_IN,
        ),
        row(Method::POST, "/api/forms/receipt", "id=unknown", SIGNED_IN),
        // Cases module.
        row(Method::GET, "/bearbeitung", "", CASEWORKERS),
        row(Method::GET, "/bearbeitung/faelle/unknown", "", CASEWORKERS),
        row(
            Method::POST,
            "/bearbeitung/faelle/unknown/aktion",
            "action=claim&version=1",
            CASEWORKERS,
        ),
        row(
            Method::GET,
            "/bearbeitung/faelle/unknown/dateien/unknown",
            "",
            CASEWORKERS,
        ),
        row(
            Method::POST,
            "/bearbeitung/sammelaktion",
            "aktion=claim&fall=unknown:1",
            CASEWORKERS,
        ),
        row(Method::GET, "/bearbeitung/ergebnis", "", CASEWORKERS),
        row(Method::GET, "/bearbeitung/export.csv", "", CASEWORKERS),
        row(Method::GET, "/bearbeitung/export.jsonl", "", CASEWORKERS),
        row(
            Method::POST,
            "/api/cases/bulk-results",
            "done=unknown&refused=",
            CASEWORKERS,
        ),
        row(
            Method::POST,
            "/api/cases/inbox",
            "filter[zustand]=submitted",
            CASEWORKERS,
        ),
        row(Method::POST, "/api/cases/suggest", "q=Neumann", CASEWORKERS),
        row(
            Method::POST,
            "/api/cases/details",
            "id=unknown",
            CASEWORKERS,
        ),
        row(Method::GET, "/dienststelle", "", STAFF),
        row(Method::POST, "/api/cases/dashboard", "", STAFF),
        row(
            Method::POST,
            "/dienststelle/leistungen/unknown",
            "online=0",
            DEPARTMENT_ADMINS,
        ),
        row(Method::GET, "/vorgaenge/unknown", "", SIGNED_IN),
        row(
            Method::GET,
            "/vorgaenge/unknown/zurueckziehen",
            "",
            SIGNED_IN,
        ),
        row(
            Method::POST,
            "/vorgaenge/unknown/aktion",
            "action=withdraw&version=1",
            SIGNED_IN,
        ),
        row(Method::POST, "/api/cases/mine", "id=unknown", SIGNED_IN),
        row(
            Method::GET,
            "/vorgaenge/unknown/dateien/unknown",
            "",
            SIGNED_IN,
        ),
        // Toilets module.
        row(Method::GET, "/toilets", "", EVERYONE),
        row(
            Method::POST,
            "/api/toilets/list",
            "filter[free_only]=false",
            EVERYONE,
        ),
        // Information catalogue (an unknown id is not found for everyone alike).
        row(Method::GET, "/info", "", EVERYONE),
        row(Method::GET, "/info/unknown", "", EVERYONE),
        row(Method::POST, "/api/info/services", "", EVERYONE),
        row(Method::POST, "/api/info/service", "id=unknown", EVERYONE),
        // The test-only probe module.
        row(Method::GET, "/api", "", EVERYONE),
        row(
            Method::GET,
            "/dienststelle/zustellungen",
            "",
            DEPARTMENT_ADMINS,
        ),
        row(Method::POST, "/api/deliveries/log", "", DEPARTMENT_ADMINS),
        row(Method::POST, "/api/interface/overview", "", EVERYONE),
        // Open311 GeoReport v2: public, like the specification wants.
        row(Method::GET, "/open311/v2/services.json", "", EVERYONE),
        row(
            Method::GET,
            "/open311/v2/services/maengelmelder.xml",
            "",
            EVERYONE,
        ),
        row(Method::GET, "/open311/v2/requests.json", "", EVERYONE),
        row(Method::GET, "/open311/v2/requests/M-0.json", "", EVERYONE),
        row(Method::POST, "/open311/v2/requests.json", "", EVERYONE),
        // The open interface takes bearer tokens only: a portal session opens nothing.
        row(Method::GET, "/api/v1/openapi.json", "", EVERYONE),
        row(Method::GET, "/api/v1/services", "", NOBODY),
        row(Method::GET, "/api/v1/services/{id}/schema", "", NOBODY),
        row(Method::GET, "/api/v1/cases", "", NOBODY),
        row(Method::GET, "/api/v1/cases/{id}", "", NOBODY),
        row(
            Method::GET,
            "/api/v1/cases/{id}/documents/{file}",
            "",
            NOBODY,
        ),
        row(Method::POST, "/api/v1/cases/{id}/actions", "", NOBODY),
        row(Method::POST, "/api/v1/cases/{id}/messages", "", NOBODY),
        row(Method::POST, "/api/v1/cases/{id}/notes", "", NOBODY),
        row(Method::GET, "/probe/substantial", "", SIGNED_IN),
        row(Method::GET, "/probe/staff", "", STAFF),
    ]
}

/// A browser signed in as `persona` (or anonymous).
async fn caller(app: &TestApp, persona: Option<&str>) -> Client {
    match persona {
        Some(persona) => signed_in(app, persona).await,
        None => browser(),
    }
}

/// Answers that hold nothing personal, which caches may keep.
const NOT_PERSONAL: [&str; 3] = ["/healthz", "/readyz", "/api/v1/"];

/// What the portal answered: refused (401, 403, or a page sending the browser to
/// sign in or to the refusal page), or let through; and for a successful answer its
/// `Cache-Control` (empty when missing).
async fn access(client: &Client, app: &TestApp, row: &Row) -> (Access, Option<String>) {
    // Pages are asked for as a browser does; server functions as the hydrated app does.
    let accept = if row.path.starts_with("/api/") {
        "application/json"
    } else {
        "text/html"
    };
    let response = client
        .request(row.method.clone(), app.url(row.path))
        .header("accept", accept)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(row.body)
        .send()
        .await
        .unwrap();
    let status = response.status();
    let caching = status.is_success().then(|| {
        response
            .headers()
            .get("cache-control")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    });
    // Refused browsers are sent to sign in, or to the page that says they may not.
    let to_sign_in = status.is_redirection()
        && response.headers()["location"]
            .to_str()
            .map(|to| to.starts_with("/auth/login?") || to.starts_with("/kein-zugang?"))
            .unwrap();
    assert_ne!(
        status,
        StatusCode::INTERNAL_SERVER_ERROR,
        "{} {}",
        row.method,
        row.path
    );
    let access = if matches!(status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN) || to_sign_in
    {
        Deny
    } else {
        Allow
    };
    (access, caching)
}

#[test]
fn every_route_admits_exactly_the_expected_callers() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let mut wrong = Vec::new();
        for (column, persona) in CALLERS.iter().enumerate() {
            for row in routes() {
                // Each call with a fresh session: sign-out and sign-in rows change it.
                let client = caller(&app, *persona).await;
                let (got, caching) = access(&client, &app, &row).await;
                // What a signed-in person is answered stays in no cache.
                let personal = !NOT_PERSONAL.iter().any(|p| row.path.starts_with(p));
                if let Some(caching) = caching.filter(|_| persona.is_some() && personal)
                    && !caching.contains("no-store")
                {
                    wrong.push(format!(
                        "{} {} as {}: Cache-Control {caching:?}",
                        row.method,
                        row.path,
                        persona.unwrap_or_default()
                    ));
                }
                if got != row.access[column] {
                    wrong.push(format!(
                        "{} {} as {}: expected {:?}, got {got:?}",
                        row.method,
                        row.path,
                        persona.unwrap_or("anonymous"),
                        row.access[column]
                    ));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    });
}

#[test]
fn every_server_function_is_in_the_table() {
    let table: Vec<String> = routes().iter().map(|r| r.path.to_owned()).collect();
    let functions: Vec<_> = leptos::server_fn::axum::server_fn_paths().collect();
    assert!(
        functions.len() >= 4,
        "server functions found: {functions:?}"
    );
    for (path, _) in functions {
        assert!(
            table.contains(&path.to_owned()),
            "server function {path} missing in the access table"
        );
    }
}

#[test]
fn every_interface_operation_is_in_the_table() {
    let table: Vec<(String, String)> = routes()
        .iter()
        .map(|r| (r.method.to_string(), r.path.to_owned()))
        .collect();
    let document = app::api::document::document(&app::registry::Modules::enabled());
    let mut operations = 0;
    for (path, item) in &document.paths.paths {
        for (method, operation) in [("GET", &item.get), ("POST", &item.post)] {
            if operation.is_some() {
                operations += 1;
                let row = (method.to_owned(), format!("/api/v1{path}"));
                assert!(table.contains(&row), "{row:?} missing in the access table");
            }
        }
    }
    assert!(operations >= 8, "operations found: {operations}");
}

#[test]
fn every_page_is_in_the_table() {
    let table: Vec<String> = routes().iter().map(|r| r.path.to_owned()).collect();
    let pages = run(async { leptos_axum::generate_route_list(app::shell::App) });
    assert!(pages.len() >= 8, "pages found: {}", pages.len());
    for route in pages {
        // Parameters as the table's sample URLs fill them.
        let path = route
            .path()
            .replace("{slug}", "bewohnerparkausweis")
            .replace("{draft}", "unknown")
            .replace("{step}", "items")
            .replace("{id}", "unknown");
        let path = path.as_str();
        assert!(
            table.contains(&path.to_owned()),
            "page {path} missing in the access table"
        );
    }
}
