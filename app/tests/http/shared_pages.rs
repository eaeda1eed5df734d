//! Pages the same for every visitor who is not signed in are rendered once and served
//! from memory until the public content changes: a change through the outbox reaches
//! every process's visitors within a second, signed-in people always get their page
//! rendered for them (what they changed, they see at once), and nothing personal is
//! ever stored.

use reqwest::StatusCode;

use crate::support::{
    Backend, TestApp, backends, client, page, run, signed_in, spawn_app, test_settings,
    within_seconds,
};

const SERVICE: &str = "/leistungen/bewohnerparkausweis";
const OFFLINE: &str = "vorübergehend nicht online möglich";

/// An anonymous visitor's answer for `path`: status, `ETag`, `Cache-Control`, text.
async fn visit(app: &TestApp, path: &str, if_none_match: Option<&str>) -> Visit {
    let mut request = client().get(app.url(path));
    if let Some(tag) = if_none_match {
        request = request.header("if-none-match", tag);
    }
    let response = request.send().await.expect("GET");
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    Visit {
        status: response.status(),
        etag: header("etag"),
        cache_control: header("cache-control"),
        text: response.text().await.expect("body"),
    }
}

struct Visit {
    status: StatusCode,
    etag: Option<String>,
    cache_control: Option<String>,
    text: String,
}

/// The department's administrator takes the parking permit offline (`online` "0") or
/// back online ("1") on `app`.
async fn switch(app: &TestApp, online: &str) {
    let dana = signed_in(app, "department-admin").await;
    let status = dana
        .post(app.url("/dienststelle/leistungen/bewohnerparkausweis"))
        .form(&[("online", online)])
        .send()
        .await
        .expect("switch")
        .status();
    assert_eq!(status, StatusCode::SEE_OTHER);
}

#[test]
fn a_public_page_is_stored_revalidated_and_renewed_on_a_change() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let first = visit(&app, SERVICE, None).await;
        assert_eq!(first.status, StatusCode::OK);
        assert!(!first.text.contains(OFFLINE));
        let etag = first.etag.clone().expect("an ETag");
        assert_eq!(first.cache_control.as_deref(), Some("no-cache"));

        // The browser's copy is current: 304 without a body.
        let again = visit(&app, SERVICE, Some(&etag)).await;
        assert_eq!(again.status, StatusCode::NOT_MODIFIED);
        assert!(again.text.is_empty());
        assert_eq!(again.etag.as_deref(), Some(etag.as_str()));

        // Stored, not rendered again: a change written past the outbox is not seen by
        // visitors (every change of public content goes through it)...
        let db = &app.state.ctx.db;
        sea_orm::ConnectionTrait::execute(
            db,
            kernel::sql::statement(
                db,
                "INSERT INTO forms_service_offline (service_id, since, by_name) VALUES ($1, 0, 'test')",
                vec!["bewohnerparkausweis".into()],
            ),
        )
        .await
        .expect("insert");
        assert!(!visit(&app, SERVICE, None).await.text.contains(OFFLINE));
        // ...while a signed-in person's page is theirs, rendered for them and not kept.
        let erika = signed_in(&app, "citizen").await;
        let response = erika.get(app.url(SERVICE)).send().await.expect("GET");
        assert_eq!(response.headers()["cache-control"], "private, no-store");
        assert!(response.headers().get("etag").is_none());
        assert!(response.text().await.expect("body").contains(OFFLINE));
        sea_orm::ConnectionTrait::execute(
            db,
            kernel::sql::statement(
                db,
                "DELETE FROM forms_service_offline WHERE service_id = $1",
                vec!["bewohnerparkausweis".into()],
            ),
        )
        .await
        .expect("delete");

        // Taken offline by the department: visitors see it within a second, under a
        // new ETag, and the old one no longer answers 304.
        switch(&app, "0").await;
        let changed = within_seconds(
            1,
            async || visit(&app, SERVICE, Some(&etag)).await,
            |visit| visit.status == StatusCode::OK && visit.text.contains(OFFLINE),
        )
        .await;
        assert!(changed.text.contains(OFFLINE), "offline within a second");
        assert_ne!(changed.etag.as_deref(), Some(etag.as_str()));
    });
}

#[test]
fn stored_pages_are_per_language_and_encoding_and_never_personal() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let in_language = async |language: &str| {
            client()
                .get(app.url("/leistungen"))
                .header("accept-language", language)
                .send()
                .await
                .expect("GET")
                .text()
                .await
                .expect("body")
        };
        assert!(in_language("de").await.contains("lang=\"de\""));
        assert!(in_language("en").await.contains("lang=\"en\""));
        assert!(in_language("de").await.contains("lang=\"de\""));

        let compressed = client()
            .get(app.url("/leistungen"))
            .header("accept-encoding", "gzip, br")
            .send()
            .await
            .expect("GET");
        assert_eq!(compressed.headers()["content-encoding"], "br");
        assert!(
            compressed.headers()["vary"]
                .to_str()
                .unwrap()
                .contains("cookie")
        );
        let bytes = compressed.bytes().await.expect("body");
        let mut html = Vec::new();
        brotli::BrotliDecompress(&mut bytes.as_ref(), &mut html).expect("brotli");
        assert!(
            String::from_utf8(html)
                .unwrap()
                .contains("Bewohnerparkausweis")
        );

        // The page a signed-in person got is not handed to the next visitor, and a
        // visitor's stored page is not handed to a signed-in person.
        let erika = signed_in(&app, "citizen").await;
        let (_, hers) = page(&erika, &app, "/").await;
        assert!(hers.contains("Erika"), "{hers}");
        let (status, anonymous) = page(&client(), &app, "/").await;
        assert_eq!(status, StatusCode::OK);
        assert!(!anonymous.contains("Erika"));
        let (_, hers_again) = page(&erika, &app, "/").await;
        assert!(hers_again.contains("Erika"));

        // Pages not offered for sharing are not stored: an unknown address stays 404.
        let missing = visit(&app, "/leistungen/gibt-es-nicht", None).await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND);
        assert!(missing.etag.is_none());
        assert!(visit(&app, "/anmelden", None).await.etag.is_none());
    });
}

#[test]
fn a_change_through_one_process_reaches_the_others_visitors_within_a_second() {
    run(async {
        if !backends().contains(&Backend::Postgres) {
            return;
        }
        let (settings, first_dir) = test_settings(Backend::Postgres).await;
        let (first, second) = crate::support::two_portals(settings, first_dir).await;
        for portal in [&first, &second] {
            let stored = visit(portal, SERVICE, None).await;
            assert!(stored.etag.is_some() && !stored.text.contains(OFFLINE));
        }
        switch(&first, "0").await;
        for portal in [&second, &first] {
            let seen = within_seconds(
                1,
                async || visit(portal, SERVICE, None).await,
                |visit| visit.text.contains(OFFLINE),
            )
            .await;
            assert!(
                seen.text.contains(OFFLINE),
                "offline on {} within a second",
                portal.addr
            );
        }
        switch(&second, "1").await;
        let back = within_seconds(
            1,
            async || visit(&first, SERVICE, None).await,
            |visit| !visit.text.contains(OFFLINE),
        )
        .await;
        assert!(!back.text.contains(OFFLINE), "back online within a second");
    });
}
