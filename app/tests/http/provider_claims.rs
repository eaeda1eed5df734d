//! Citizens whose provider sends less than the demo personas have: only the full
//! name, no roles, a lower level than a service needs. Signed in through the real test
//! provider (`end2end/idp`), they still file, see what arrived, and are told plainly
//! what a refused step-up means.

use reqwest::StatusCode;

use crate::{
    idp::{OidcApp, abort_sign_in, follow, sign_in, spawn_oidc, spawn_oidc_with},
    support::{Backend, browser, run, without_scripts},
};

fn login_url(app: &crate::support::TestApp, return_to: &str, level: Option<&str>) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    query.append_pair("return_to", return_to);
    if let Some(level) = level {
        query.append_pair("level", level);
    }
    app.url(&format!("/auth/login?{}", query.finish()))
}

/// The `<input …>` tag of the field named `name` on `page`.
fn input<'a>(page: &'a str, name: &str) -> &'a str {
    crate::support::tag_with(page, &format!(r#"name="{name}""#))
}

#[test]
fn a_citizen_with_only_a_full_name_files_with_names_she_may_correct() {
    run(async {
        let OidcApp { app, .. } = spawn_oidc(Backend::Sqlite).await;
        let browser = browser();
        let start = "/leistungen/bewohnerparkausweis/antrag";
        let (url, status, _) = sign_in(
            &browser,
            &login_url(&app, start, Some("substantial")),
            "ayse",
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{url}");
        assert!(
            url.contains("/antraege/") && url.ends_with("/person"),
            "{url}"
        );
        let (_, _, page) = follow(&browser, &url).await;
        let page = without_scripts(&page);
        // Split from the full name as a suggestion: filled in, and hers to change.
        for (name, value) in [("given_name", "Ayşe"), ("family_name", "Yılmaz")] {
            let tag = input(&page, name);
            assert!(tag.contains(&format!(r#"value="{value}""#)), "{tag}");
            assert!(!tag.contains("readonly"), "{tag}");
        }
        let sent = browser
            .post(&url)
            .form(&[
                ("given_name", "Ayşe"),
                ("family_name", "Yılmaz-Demir"),
                ("home.street", "Sendlinger Straße"),
                ("home.house_number", "1"),
                ("home.postcode", "80331"),
                ("home.city", "München"),
                ("email", "ayse.yilmaz@example.org"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(sent.status(), StatusCode::SEE_OTHER);
        let next = sent.headers()["location"].to_str().unwrap().to_owned();
        assert!(next.ends_with("/vehicle"), "on to the next step: {next}");
        let (_, _, again) = follow(&browser, &url).await;
        assert!(
            input(&again, "family_name").contains(r#"value="Yılmaz-Demir""#),
            "her correction is kept"
        );

        // Someone whose provider sends the split names finds them fixed, and a
        // changed value posted anyway is put back.
        let erika = crate::support::browser();
        let (url, _, page) = sign_in(
            &erika,
            &login_url(&app, start, Some("substantial")),
            "erika",
        )
        .await;
        assert!(input(&page, "given_name").contains("readonly"));
        erika
            .post(&url)
            .form(&[
                ("given_name", "Mallory"),
                ("family_name", "X"),
                ("action", "save"),
            ])
            .send()
            .await
            .unwrap();
        let (_, _, page) = follow(&erika, &url).await;
        assert!(input(&page, "given_name").contains(r#"value="Erika""#));
    });
}

#[test]
fn the_account_page_says_what_roles_arrived_when_none_matched() {
    run(async {
        let OidcApp { app, .. } = spawn_oidc_with(Backend::Sqlite, |settings| {
            settings.oidc.roles.caseworker = vec!["client:sachbearbeitung".into()];
        })
        .await;
        let (_, _, page) = sign_in(&browser(), &login_url(&app, "/konto", None), "max").await;
        assert!(
            page.contains("keine Rolle des Portals (übermittelt:")
                && page.contains("/Sachbearbeitung/KVR")
                && page.contains("staff"),
            "{page}"
        );
        // Nothing sent at all: said so.
        let (_, _, page) = sign_in(&browser(), &login_url(&app, "/konto", None), "ayse").await;
        let roles = page.split("Rollen").nth(1).unwrap_or_default();
        assert!(roles.contains("nicht übermittelt"), "{page}");
    });
}

#[test]
fn a_refused_step_up_explains_the_level_and_tries_again_with_the_way_back() {
    run(async {
        let OidcApp { app, .. } = spawn_oidc(Backend::Sqlite).await;
        let browser = browser();
        sign_in(&browser, &login_url(&app, "/", None), "erika").await;
        let back = "/leistungen/bewohnerparkausweis/antrag";
        let (_, _, page) = follow(&browser, &login_url(&app, back, Some("substantial"))).await;
        // At the provider: the person does not complete the higher level.
        let (url, status, page) = abort_sign_in(&browser, &page).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{url}");
        assert!(url.contains("grund=stufe"), "{url}");
        for expected in [
            "„substanziell“",
            "ELSTER",
            "Online-Ausweisfunktion",
            "weiterhin angemeldet, mit dem Vertrauensniveau „niedrig“",
        ] {
            assert!(page.contains(expected), "{expected} missing: {page}");
        }
        assert!(!page.contains("abgebrochen"));
        // The header agrees: still signed in.
        assert!(page.contains("Erika Mustermann"));
        // Trying again keeps where to go and the level.
        let again = kernel::access::sign_in_url(back, Some(kernel::Level::Substantial))
            .replace('&', "&amp;");
        assert!(page.contains(&again), "{again} missing: {page}");
    });
}

#[test]
fn what_was_filed_at_a_level_is_read_at_that_level_too() {
    run(async {
        let OidcApp { app, .. } = spawn_oidc(Backend::Sqlite).await;
        // Erika files a parking permit signed in at "substantial", as the service asks.
        let high = browser();
        sign_in(&high, &login_url(&app, "/", Some("substantial")), "erika").await;
        let vehicle = crate::uploads::at_vehicle_step(&app, &high).await;
        let draft = vehicle.split('/').nth(2).unwrap().to_owned();
        let next = crate::uploads::post_files(
            &app,
            &high,
            &vehicle,
            vec![("schein.png", crate::uploads::png(600))],
            "continue",
        )
        .await;
        let review = crate::filing::post(&high, &app, &next, &[("truthful", "yes")]).await;
        assert!(review.ends_with("/pruefen"), "{review}");
        // The same person signed in at "low" in another browser: every read of what
        // was filed asks for "substantial" first, the draft's pages too.
        let low = browser();
        sign_in(&low, &login_url(&app, "/", None), "erika").await;
        let refused_to = async |path: &str| {
            let response = low
                .get(app.url(path))
                .header("accept", "text/html")
                .send()
                .await
                .unwrap();
            assert!(
                response.status().is_redirection(),
                "{path}: {}",
                response.status()
            );
            response.headers()["location"].to_str().unwrap().to_owned()
        };
        for path in [review.as_str(), vehicle.as_str()] {
            let location = refused_to(path).await;
            assert!(
                location.ends_with("level=substantial"),
                "{path}: {location}"
            );
        }
        let receipt =
            crate::filing::post(&high, &app, &format!("/antraege/{draft}/absenden"), &[]).await;
        let submission = receipt.rsplit('/').next().unwrap().to_owned();
        let case = cases::act::case_for_submission(&app.state.ctx.db, &submission)
            .await
            .unwrap()
            .unwrap();
        let case_page = format!("/vorgaenge/{case}");
        let (_, _, page) = follow(&high, &app.url(&case_page)).await;
        let document = regex::Regex::new(r#"href="(/vorgaenge/[^"]+/dateien/[^"]+)""#)
            .unwrap()
            .captures(&page)
            .unwrap_or_else(|| panic!("a document link: {page}"))[1]
            .to_owned();

        for path in [receipt.as_str(), case_page.as_str(), document.as_str()] {
            let location = refused_to(path).await;
            assert!(
                location.starts_with("/auth/login?") && location.ends_with("level=substantial"),
                "{path}: {location}"
            );
        }
        // And the same reads at "substantial" work.
        let (_, status, _) = follow(&high, &app.url(&receipt)).await;
        assert_eq!(status, StatusCode::OK);
    });
}
