//! Who may call what: every route of the portal (its pages, server functions and plain
//! endpoints, the modules' included), called by six people against one table: nobody
//! signed in, a citizen at the lowest level, the citizen who filed the requests the
//! table's addresses point at, a caseworker of their department, a department
//! administrator and a platform administrator. A route without a row fails the
//! completeness checks, and so does a row without a route.

use reqwest::{Client, Method, StatusCode};

use crate::support::{Backend, TestApp, browser, run, signed_in, spawn_app};

/// What a caller gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Access {
    /// A 2xx answer, or a redirect that is not to sign in or to the refusal page.
    Allow,
    /// 401, 403, or a redirect to sign in (at a higher level) or to the refusal page.
    Deny,
    /// 404: not the caller's business, so not there for them.
    Hidden,
    /// 400 or 422: let through, and the input refused.
    Invalid,
}

use Access::{Allow, Deny, Hidden, Invalid};

/// The callers, in the column order of the table: demo personas, or nobody.
const CALLERS: [Option<&str>; 6] = [
    None,
    Some("citizen-low"),
    Some("citizen"),
    Some("caseworker"),
    Some("department-admin"),
    Some("platform-admin"),
];

const EVERYONE: [Access; 6] = [Allow; 6];
const NOBODY: [Access; 6] = [Deny; 6];
const SIGNED_IN: [Access; 6] = [Deny, Allow, Allow, Allow, Allow, Allow];
/// Signed in at "substantial" or higher: the citizen at "low" is asked to step up.
const SUBSTANTIAL: [Access; 6] = [Deny, Deny, Allow, Allow, Allow, Allow];
/// What the citizen filed: theirs alone, not there for anyone else.
const FILER: [Access; 6] = [Deny, Hidden, Allow, Hidden, Hidden, Hidden];
const STAFF: [Access; 6] = [Deny, Deny, Deny, Allow, Allow, Deny];
const CASEWORKERS: [Access; 6] = [Deny, Deny, Deny, Allow, Deny, Deny];
const DEPARTMENT_ADMINS: [Access; 6] = [Deny, Deny, Deny, Deny, Allow, Deny];
/// A department administrator's thing that is not there (or not theirs): 404 for them.
const DEPARTMENT_ADMINS_NONE_HERE: [Access; 6] = [Deny, Deny, Deny, Deny, Hidden, Deny];

/// One row: a route (method and path template as the router has it), the address and
/// form body it is called with, and the expected answer per caller.
pub(crate) struct Row {
    pub(crate) method: Method,
    /// The path as the router writes it (`/vorgaenge/{id}`).
    template: &'static str,
    /// The address called, with the fixture's `{draft}`, `{submission}`, `{case}`,
    /// `{file}`, `{report}` and `{mail}`.
    sample: &'static str,
    body: &'static str,
    access: [Access; 6],
}

fn row(method: Method, template: &'static str, access: [Access; 6]) -> Row {
    Row {
        method,
        template,
        sample: template,
        body: "",
        access,
    }
}

impl Row {
    /// Called at `sample` instead of the template itself.
    fn at(mut self, sample: &'static str) -> Self {
        self.sample = sample;
        self
    }

    /// Called with this form body.
    fn with(mut self, body: &'static str) -> Self {
        self.body = body;
        self
    }

    /// The address to call, filled from `fixture`.
    pub(crate) fn path(&self, fixture: &Fixture) -> String {
        fixture.fill(self.sample)
    }

    /// The body to send, filled from `fixture`.
    pub(crate) fn body(&self, fixture: &Fixture) -> String {
        fixture.fill(self.body)
    }

    /// Whether calling the row signs the caller out or in again.
    pub(crate) fn changes_session(&self) -> bool {
        self.template.starts_with("/auth/")
    }

    fn name(&self) -> String {
        format!("{} {}", self.method, self.sample)
    }
}

/// An Open311 report as an app sends it.
const REPORT: &str = "service_code=maengelmelder&lat=48.137154&long=11.576124\
    &description=Schlagloch+vor+dem+Rathaus&attribute%5Bcategory%5D=pothole\
    &attribute%5Bdanger%5D=no&attribute%5Bwants_feedback%5D=no";

/// Every route.
pub(crate) fn routes() -> Vec<Row> {
    use Method as M;
    vec![
        // Shell pages.
        row(M::GET, "/", EVERYONE),
        row(M::GET, "/impressum", EVERYONE),
        row(M::GET, "/datenschutz", EVERYONE),
        row(M::GET, "/barrierefreiheit", EVERYONE),
        row(M::GET, "/leichte-sprache", EVERYONE),
        row(M::GET, "/anmelden", EVERYONE),
        // Why a sign-in failed: for everyone, with 400 so it never passes for success.
        row(M::GET, "/anmelden/fehler", [Invalid; 6]).at("/anmelden/fehler?grund=stufe"),
        row(M::GET, "/konto", SIGNED_IN),
        row(M::GET, "/konto/daten", SIGNED_IN),
        // The page that says "no access" answers 403 to everyone: it is the refusal.
        row(M::GET, "/kein-zugang", NOBODY),
        // Built files. The tests run without a browser build: nobody finds its files.
        row(M::GET, "/pkg/{*file}", [Hidden; 6]).at("/pkg/portal.js"),
        row(M::GET, "/fonts/{*file}", EVERYONE).at("/fonts/FiraSans-Regular.woff2"),
        // The languages' texts for the browser: a name this build did not make is
        // nobody's (the names of the build's files are in `assets`).
        row(M::GET, "/texts/{*file}", [Hidden; 6]).at("/texts/de.000000000000.ftl"),
        row(M::GET, "/favicon.ico", EVERYONE),
        // Shell endpoints.
        row(M::GET, "/healthz", EVERYONE),
        row(M::GET, "/readyz", EVERYONE),
        row(M::GET, "/lang/{code}", EVERYONE).at("/lang/en"),
        row(M::GET, "/auth/login", EVERYONE),
        // A demo installation has no provider to come back from.
        row(M::GET, "/auth/callback", [Hidden; 6]),
        row(M::POST, "/auth/demo", EVERYONE).with("persona=citizen"),
        row(M::POST, "/auth/logout", EVERYONE),
        // Only a provider's signed logout token is taken.
        row(M::POST, "/auth/backchannel-logout", [Invalid; 6]),
        // The mail outbox of a demo installation (this one), for trying the portal.
        row(M::GET, "/entwicklung/post", EVERYONE),
        row(M::GET, "/entwicklung/post/{id}", EVERYONE).at("/entwicklung/post/{mail}"),
        // Server functions.
        row(M::POST, "/api/shell/info", EVERYONE),
        row(M::POST, "/api/shell/catalogue", EVERYONE),
        row(M::POST, "/api/account/details", SIGNED_IN),
        row(M::POST, "/api/account/level", EVERYONE),
        // Forms module.
        row(M::GET, "/leistungen", EVERYONE),
        row(M::GET, "/leistungen/{slug}", EVERYONE).at("/leistungen/bewohnerparkausweis"),
        row(M::POST, "/api/forms/services", EVERYONE),
        row(M::POST, "/api/forms/service", EVERYONE).with("slug=bewohnerparkausweis"),
        // The parking permit asks for "substantial".
        row(M::GET, "/leistungen/{slug}/antrag", SUBSTANTIAL)
            .at("/leistungen/bewohnerparkausweis/antrag"),
        row(M::POST, "/leistungen/{slug}/antrag", SUBSTANTIAL)
            .at("/leistungen/bewohnerparkausweis/antrag"),
        row(M::GET, "/antraege", SIGNED_IN),
        row(M::POST, "/api/forms/mine", SIGNED_IN),
        row(M::GET, "/antraege/{draft}/{step}", FILER).at("/antraege/{draft}/items"),
        row(M::POST, "/antraege/{draft}/{step}", FILER)
            .at("/antraege/{draft}/items")
            .with("volume=1"),
        row(M::GET, "/antraege/{draft}/pruefen", FILER).at("/antraege/{draft}/pruefen"),
        row(M::GET, "/antraege/eingang/{id}", FILER).at("/antraege/eingang/{submission}"),
        row(M::POST, "/api/forms/step", FILER).with("draft={draft}&step=items"),
        row(M::POST, "/api/forms/review", FILER).with("draft={draft}"),
        row(M::POST, "/api/forms/receipt", FILER).with("id={submission}"),
        // Sends the draft: the last of the rows that need it.
        row(M::POST, "/antraege/{draft}/absenden", FILER).at("/antraege/{draft}/absenden"),
        // The service search.
        row(M::GET, "/suche", EVERYONE),
        row(M::GET, "/suche", EVERYONE).at("/suche?q=Hund"),
        row(M::POST, "/api/search/services", EVERYONE).with("q=Hund"),
        row(M::POST, "/api/search/suggest", EVERYONE).with("q=Hund"),
        // Cases module: the citizen's request is a case of the caseworker's department.
        row(M::GET, "/bearbeitung", CASEWORKERS),
        row(M::GET, "/bearbeitung/faelle/{id}", CASEWORKERS).at("/bearbeitung/faelle/{case}"),
        row(M::POST, "/bearbeitung/faelle/{id}/aktion", CASEWORKERS)
            .at("/bearbeitung/faelle/{case}/aktion")
            .with("action=claim&version=1"),
        row(
            M::GET,
            "/bearbeitung/faelle/{id}/dateien/{file}",
            CASEWORKERS,
        )
        .at("/bearbeitung/faelle/{case}/dateien/{file}"),
        row(M::POST, "/bearbeitung/sammelaktion", CASEWORKERS).with("aktion=claim&fall={case}:1"),
        row(M::GET, "/bearbeitung/ergebnis", CASEWORKERS),
        row(M::GET, "/bearbeitung/export.csv", CASEWORKERS),
        row(M::GET, "/bearbeitung/export.jsonl", CASEWORKERS),
        row(M::POST, "/api/cases/bulk-results", CASEWORKERS).with("done={case}&refused="),
        row(M::POST, "/api/cases/inbox", CASEWORKERS).with("filter[zustand]=submitted"),
        row(M::POST, "/api/cases/suggest", CASEWORKERS).with("q=Neumann"),
        row(M::POST, "/api/cases/details", CASEWORKERS).with("id={case}"),
        row(M::GET, "/dienststelle", STAFF),
        row(M::POST, "/api/cases/dashboard", STAFF),
        row(
            M::POST,
            "/dienststelle/leistungen/{service}",
            DEPARTMENT_ADMINS,
        )
        .at("/dienststelle/leistungen/bewohnerparkausweis")
        .with("online=1"),
        row(
            M::GET,
            "/dienststelle/leistungen/{service}/definition.toml",
            DEPARTMENT_ADMINS,
        )
        .at("/dienststelle/leistungen/bewohnerparkausweis/definition.toml"),
        // The service designer: design 999 does not exist.
        row(M::GET, "/dienststelle/entwuerfe", DEPARTMENT_ADMINS),
        row(M::POST, "/dienststelle/entwuerfe", DEPARTMENT_ADMINS).with("quelle=id+%3D+%22x%22"),
        row(M::POST, "/api/forms/designs", DEPARTMENT_ADMINS),
        row(
            M::GET,
            "/dienststelle/entwuerfe/{id}",
            DEPARTMENT_ADMINS_NONE_HERE,
        )
        .at("/dienststelle/entwuerfe/999"),
        row(
            M::POST,
            "/dienststelle/entwuerfe/{id}",
            DEPARTMENT_ADMINS_NONE_HERE,
        )
        .at("/dienststelle/entwuerfe/999")
        .with("aktion=speichern&quelle=x"),
        row(
            M::GET,
            "/dienststelle/entwuerfe/{id}/dienst.toml",
            DEPARTMENT_ADMINS_NONE_HERE,
        )
        .at("/dienststelle/entwuerfe/999/dienst.toml"),
        row(M::POST, "/api/forms/design", DEPARTMENT_ADMINS_NONE_HERE).with("id=999"),
        row(
            M::GET,
            "/dienststelle/entwuerfe/{id}/vorschau/{step}",
            DEPARTMENT_ADMINS_NONE_HERE,
        )
        .at("/dienststelle/entwuerfe/999/vorschau/1"),
        row(
            M::POST,
            "/api/forms/design-step",
            DEPARTMENT_ADMINS_NONE_HERE,
        )
        .with("id=999&number=1"),
        row(M::GET, "/vorgaenge/{id}", FILER).at("/vorgaenge/{case}"),
        row(M::GET, "/vorgaenge/{id}/zurueckziehen", FILER).at("/vorgaenge/{case}/zurueckziehen"),
        // Without the confirmation: sent back to confirm, nothing withdrawn.
        row(M::POST, "/vorgaenge/{id}/aktion", FILER)
            .at("/vorgaenge/{case}/aktion")
            .with("action=withdraw&version=1"),
        row(M::POST, "/api/cases/mine", FILER).with("id={case}"),
        row(M::GET, "/vorgaenge/{id}/dateien/{file}", FILER).at("/vorgaenge/{case}/dateien/{file}"),
        // Toilets module.
        row(M::GET, "/toilets", EVERYONE),
        row(M::GET, "/toilets/{id}", EVERYONE).at("/toilets/1"),
        row(M::GET, "/toilets/toilets.geojson", EVERYONE),
        row(M::POST, "/api/toilets/find", EVERYONE).with("query[free]=true"),
        row(M::POST, "/api/toilets/place", EVERYONE).with("id=1"),
        // Rent index: public, nothing stored.
        row(M::GET, "/mietspiegel", EVERYONE),
        row(M::GET, "/mietspiegel/mieterhoehung", EVERYONE),
        row(M::POST, "/api/rentindex/edition", EVERYONE),
        row(M::POST, "/api/rentindex/locate", EVERYONE)
            .with("street=Hansastra%C3%9Fe&number=3&district="),
        // Information catalogue.
        row(M::GET, "/info", EVERYONE),
        row(M::GET, "/info/{id}", EVERYONE).at("/info/100001"),
        row(M::POST, "/api/info/services", EVERYONE),
        row(M::POST, "/api/info/service", EVERYONE).with("id=100001"),
        // Appointments: anyone books; an appointment's pages and posts answer only
        // to its secret link (an unknown one is not there).
        row(M::GET, "/termine", EVERYONE),
        row(M::GET, "/termine/auswahl", EVERYONE).at("/termine/auswahl?leistung=100003"),
        row(M::GET, "/termine/buero", EVERYONE).at("/termine/buero?leistung=100003&personen=1"),
        row(M::GET, "/termine/buero/{office}", EVERYONE)
            .at("/termine/buero/200001?leistung=100003&personen=1"),
        row(M::GET, "/termine/vormerkung/{token}", [Hidden; 6]).at("/termine/vormerkung/00ff"),
        row(M::GET, "/termine/bestaetigen/{token}", [Hidden; 6]).at("/termine/bestaetigen/00ff"),
        // More people than the service allows: refused, nothing held.
        row(M::POST, "/termine/halten", [Invalid; 6])
            .with("buero=200001&leistung=100003&personen=9&tag=2026-12-07&zeit=0"),
        row(M::POST, "/termine/vormerkung/{token}", [Hidden; 6])
            .at("/termine/vormerkung/00ff")
            .with("name=Ada&email=ada%40example.org"),
        row(M::POST, "/termine/vormerkung/{token}/absagen", [Hidden; 6])
            .at("/termine/vormerkung/00ff/absagen"),
        row(M::POST, "/termine/bestaetigen/{token}", [Hidden; 6]).at("/termine/bestaetigen/00ff"),
        row(M::POST, "/api/appointments/services", EVERYONE),
        row(M::POST, "/api/appointments/choice", EVERYONE).with("id=100003"),
        row(M::POST, "/api/appointments/offices", EVERYONE).with("services[0]=100003&persons=1"),
        row(M::POST, "/api/appointments/calendar", EVERYONE)
            .with("office=200001&services[0]=100003&persons=1"),
        row(M::POST, "/api/appointments/appointment", [Hidden; 6]).with("token=00ff"),
        // The offices' day lists: caseworkers of the office's department (the KVR).
        row(M::GET, "/termine/dienststelle", CASEWORKERS),
        row(M::GET, "/termine/dienststelle/{office}", CASEWORKERS)
            .at("/termine/dienststelle/200001"),
        row(
            M::GET,
            "/termine/dienststelle/{office}/{day}/liste.csv",
            CASEWORKERS,
        )
        .at("/termine/dienststelle/200001/2026-12-07/liste.csv"),
        // No such appointment at the office: not there for its staff.
        row(
            M::POST,
            "/termine/dienststelle/{office}/{id}",
            [Deny, Deny, Deny, Hidden, Deny, Deny],
        )
        .at("/termine/dienststelle/200001/00000000-0000-0000-0000-000000000000")
        .with("stand=arrived"),
        // The end before the start: refused, nothing blocked.
        row(
            M::POST,
            "/termine/dienststelle/{office}/sperren",
            [Deny, Deny, Deny, Invalid, Deny, Deny],
        )
        .at("/termine/dienststelle/200001/sperren")
        .with("tag=2026-12-07&von=09:00&bis=08:00&grund=Schulung"),
        row(M::POST, "/api/appointments/staff-offices", CASEWORKERS),
        row(M::POST, "/api/appointments/office-day", CASEWORKERS).with("office=200001"),
        row(M::POST, "/api/appointments/confirmation", [Hidden; 6]).with("token=00ff"),
        // The interface pages.
        row(M::GET, "/api", EVERYONE),
        row(M::GET, "/dienststelle/zustellungen", DEPARTMENT_ADMINS),
        row(M::POST, "/api/deliveries/log", DEPARTMENT_ADMINS),
        row(M::POST, "/api/interface/overview", EVERYONE),
        // Open311 GeoReport v2: public, like the specification wants.
        row(M::GET, "/open311/v2/{resource}", EVERYONE).at("/open311/v2/services.json"),
        row(M::GET, "/open311/v2/{resource}", EVERYONE).at("/open311/v2/requests.json"),
        row(M::POST, "/open311/v2/{resource}", EVERYONE)
            .at("/open311/v2/requests.json")
            .with(REPORT),
        row(M::GET, "/open311/v2/services/{code}", EVERYONE)
            .at("/open311/v2/services/maengelmelder.xml"),
        row(M::GET, "/open311/v2/requests/{id}", EVERYONE).at("/open311/v2/requests/{report}.json"),
        // The open interface takes bearer tokens only: a portal session opens nothing.
        row(M::GET, "/api/v1/openapi.json", EVERYONE),
        // The free appointment times are open data: no token.
        row(M::GET, "/api/v1/appointments/services", EVERYONE),
        row(M::GET, "/api/v1/appointments/offices", EVERYONE),
        row(
            M::GET,
            "/api/v1/appointments/offices/{office}/days",
            EVERYONE,
        )
        .at("/api/v1/appointments/offices/200001/days?service=100003"),
        row(
            M::GET,
            "/api/v1/appointments/offices/{office}/days/{day}/times",
            [Invalid; 6],
        )
        .at("/api/v1/appointments/offices/200001/days/2020-01-06/times?service=100003"),
        row(
            M::GET,
            "/api/v1/appointments/offices/{office}/days/{day}/appointments",
            NOBODY,
        )
        .at("/api/v1/appointments/offices/200001/days/2020-01-06/appointments"),
        // The rent estimate is public: everyone gets to the body's check (a form is
        // not the JSON it takes).
        row(M::POST, "/api/v1/rent-index/estimate", [Invalid; 6]),
        row(M::GET, "/api/v1/services", NOBODY),
        row(M::GET, "/api/v1/services/{id}/schema", NOBODY),
        row(M::GET, "/api/v1/cases", NOBODY),
        row(M::GET, "/api/v1/cases/{id}", NOBODY),
        row(M::GET, "/api/v1/cases/{id}/documents/{file}", NOBODY),
        row(M::POST, "/api/v1/cases/{id}/actions", NOBODY),
        row(M::POST, "/api/v1/cases/{id}/messages", NOBODY),
        row(M::POST, "/api/v1/cases/{id}/notes", NOBODY),
        // The test-only probe module.
        row(M::GET, "/probe/substantial", SUBSTANTIAL),
        row(M::GET, "/probe/staff", STAFF),
    ]
}

/// What the table's addresses point at: the citizen's bulky-waste pick-up, ready to
/// send, their filed parking permit (submission, case, uploaded document), an
/// Open311 report and a mail of the outbox.
pub(crate) struct Fixture {
    draft: String,
    submission: String,
    case: String,
    file: String,
    report: String,
    mail: String,
}

impl Fixture {
    /// Ids that name nothing.
    pub(crate) fn unknown() -> Self {
        let unknown = || "unknown".to_owned();
        Self {
            draft: unknown(),
            submission: unknown(),
            case: unknown(),
            file: unknown(),
            report: unknown(),
            mail: unknown(),
        }
    }

    /// Files what the table needs, as the demo citizen.
    async fn filed(app: &TestApp) -> Self {
        let citizen = signed_in(app, "citizen").await;
        let submission = crate::filing::file_parking_permit(&citizen, app).await;
        let case = crate::filing::case_of(app, &submission).await;
        let case_page = text(&citizen, app, &format!("/vorgaenge/{case}")).await;
        let file = between(&case_page, &format!("/vorgaenge/{case}/dateien/"), "\"");
        let draft = crate::filing::bulky_waste_ready(&citizen, app).await;
        let report: serde_json::Value = browser()
            .post(app.url("/open311/v2/requests.json"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(REPORT)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        // The receipt mail, once the mail worker has written it.
        let mut outbox = String::new();
        for _ in 0..100 {
            outbox = text(&browser(), app, "/entwicklung/post").await;
            if outbox.contains("/entwicklung/post/") {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        Self {
            draft,
            submission,
            case,
            file,
            report: report[0]["service_request_id"].as_str().unwrap().to_owned(),
            mail: between(&outbox, "/entwicklung/post/", "\""),
        }
    }

    /// `text` with the fixture's placeholders filled; other placeholders of a
    /// template name nothing.
    fn fill(&self, text: &str) -> String {
        let mut filled = text.to_owned();
        for (name, value) in [
            ("{draft}", &self.draft),
            ("{submission}", &self.submission),
            ("{case}", &self.case),
            ("{file}", &self.file),
            ("{report}", &self.report),
            ("{mail}", &self.mail),
        ] {
            filled = filled.replace(name, value);
        }
        while let Some(start) = filled.find('{')
            && let Some(length) = filled[start..].find('}')
        {
            filled.replace_range(start..=start + length, "unknown");
        }
        filled
    }
}

async fn text(client: &Client, app: &TestApp, path: &str) -> String {
    let response = client.get(app.url(path)).send().await.unwrap();
    assert!(response.status().is_success(), "GET {path}");
    response.text().await.unwrap()
}

/// The text after the first `start` up to `end`.
fn between(text: &str, start: &str, end: &str) -> String {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("{start} not found"))
        + start.len();
    let length = text[from..].find(end).unwrap_or(0);
    text[from..from + length].to_owned()
}

/// A browser signed in as `persona` (or anonymous).
async fn caller(app: &TestApp, persona: Option<&str>) -> Client {
    match persona {
        Some(persona) => signed_in(app, persona).await,
        None => browser(),
    }
}

/// Answers that hold nothing personal, which caches may keep.
// Open data is the same for everyone: caches may keep it.
const NOT_PERSONAL: [&str; 6] = [
    "/healthz",
    "/readyz",
    "/api/v1/",
    "/fonts/",
    "/favicon.ico",
    "/toilets/toilets.geojson",
];

/// What the portal answered, and for a successful answer its `Cache-Control` (empty
/// when missing).
async fn access(
    client: &Client,
    app: &TestApp,
    row: &Row,
    fixture: &Fixture,
) -> (Access, Option<String>) {
    // Pages are asked for as a browser does; server functions as the hydrated app does.
    let path = row.path(fixture);
    let accept = if path.starts_with("/api/") {
        "application/json"
    } else {
        "text/html"
    };
    let response = client
        .request(row.method.clone(), app.url(&path))
        .header("accept", accept)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(row.body(fixture))
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
    let refused = status.is_redirection()
        && response.headers()["location"]
            .to_str()
            .map(|to| to.starts_with("/auth/login?") || to.starts_with("/kein-zugang?"))
            .unwrap();
    let access = match status {
        StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => Deny,
        _ if refused => Deny,
        StatusCode::NOT_FOUND => Hidden,
        StatusCode::BAD_REQUEST
        | StatusCode::UNPROCESSABLE_ENTITY
        | StatusCode::UNSUPPORTED_MEDIA_TYPE => Invalid,
        _ if status.is_success() || status.is_redirection() => Allow,
        other => panic!("{}: {other}", row.name()),
    };
    (access, caching)
}

#[test]
fn every_route_admits_exactly_the_expected_callers() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let fixture = Fixture::filed(&app).await;
        let mut wrong = Vec::new();
        for (column, persona) in CALLERS.iter().enumerate() {
            for row in routes() {
                // Each call with a fresh session: sign-out and sign-in rows change it.
                let client = caller(&app, *persona).await;
                let (got, caching) = access(&client, &app, &row, &fixture).await;
                let who = persona.unwrap_or("anonymous");
                // What a signed-in person is answered stays in no cache.
                let personal = !NOT_PERSONAL.iter().any(|p| row.sample.starts_with(p));
                if let Some(caching) = caching.filter(|_| persona.is_some() && personal)
                    && !caching.contains("no-store")
                {
                    wrong.push(format!(
                        "{} as {who}: Cache-Control {caching:?}",
                        row.name()
                    ));
                }
                if got != row.access[column] {
                    wrong.push(format!(
                        "{} as {who}: expected {:?}, got {got:?}",
                        row.name(),
                        row.access[column]
                    ));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    });
}

/// The table's routes as (method, template).
fn table() -> Vec<(String, String)> {
    routes()
        .iter()
        .map(|r| (r.method.to_string(), r.template.to_owned()))
        .collect()
}

#[test]
fn every_server_function_is_in_the_table() {
    let table = table();
    let functions: Vec<_> = leptos::server_fn::axum::server_fn_paths().collect();
    assert!(
        functions.len() >= 4,
        "server functions found: {functions:?}"
    );
    for (path, method) in functions {
        let row = (method.to_string(), path.to_owned());
        assert!(
            table.contains(&row),
            "server function {row:?} missing in the access table"
        );
    }
}

#[test]
fn every_interface_operation_is_in_the_table() {
    let table = table();
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

/// The Leptos pages as (method, template).
fn pages() -> Vec<(String, String)> {
    run(async { leptos_axum::generate_route_list(app::shell::App) })
        .into_iter()
        .map(|route| ("GET".to_owned(), route.path().to_owned()))
        .collect()
}

#[test]
fn every_page_is_in_the_table() {
    let table = table();
    let pages = pages();
    assert!(pages.len() >= 8, "pages found: {}", pages.len());
    for page in pages {
        assert!(
            table.contains(&page),
            "page {page:?} missing in the access table"
        );
    }
}

#[test]
fn every_plain_endpoint_is_in_the_table_and_every_row_is_a_route() {
    let pages = pages();
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let endpoints: Vec<(String, String)> = app::server::http::endpoints(app.state.clone())
            .unwrap()
            .into_iter()
            .map(|e| (e.method.to_string(), e.path))
            .collect();
        assert!(endpoints.len() >= 20, "endpoints found: {endpoints:?}");
        let table = table();
        for endpoint in &endpoints {
            assert!(
                table.contains(endpoint),
                "endpoint {endpoint:?} missing in the access table"
            );
        }
        // And the other way round: no row for a route that is gone.
        let functions = leptos::server_fn::axum::server_fn_paths()
            .map(|(path, method)| (method.to_string(), path.to_owned()));
        let routes: Vec<_> = endpoints
            .into_iter()
            .chain(pages)
            .chain(functions)
            .collect();
        for row in table {
            assert!(routes.contains(&row), "{row:?} in the table is no route");
        }
    });
}
