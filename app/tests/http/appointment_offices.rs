//! Choosing an office: by the earliest free day, or by distance from a postcode the
//! citizen types or from the position their browser gives when they allow it.

use crate::support::{backends, browser, page, run, spawn_app};

/// Whether the citizens' office Nord is listed before Mitte on `html`.
fn nord_first(html: &str) -> bool {
    let at = |name: &str| {
        html.find(name)
            .unwrap_or_else(|| panic!("{name} in {html}"))
    };
    at("Bürgerbüro Nord") < at("Bürgerbüro Mitte")
}

#[test]
fn offices_are_ordered_by_distance_from_a_postcode_or_the_browsers_position() {
    run(async {
        let app = spawn_app(backends()[0]).await;
        let citizen = browser();
        let offices = "/termine/buero?leistung=100003&personen=1";

        // Nord's own postcode, and a position in Milbertshofen: Nord first.
        let (_, html) = page(&citizen, &app, &format!("{offices}&nahe=80937")).await;
        assert!(
            html.contains("Sortiert nach der Entfernung von 80937"),
            "{html}"
        );
        assert!(nord_first(&html));
        let (_, html) = page(&citizen, &app, &format!("{offices}&standort=48.190,11.570")).await;
        assert!(html.contains("Entfernung von Ihrem Standort"), "{html}");
        assert!(nord_first(&html));
        // Distances as each language writes them.
        assert!(html.contains("Entfernung: etwa 1,7 km"), "{html}");
        let (_, _, english) = app
            .get_with(
                &format!("{offices}&standort=48.190,11.570"),
                &[("accept-language", "en")],
            )
            .await;
        assert!(english.contains("Distance: about 1.7 km"), "{english}");
        let (_, _, turkish) = app
            .get_with(
                &format!("{offices}&standort=48.190,11.570"),
                &[("accept-language", "tr")],
            )
            .await;
        assert!(turkish.contains("Uzaklık: yaklaşık 1,7 km"), "{turkish}");
        assert!(
            turkish.contains("Konumunuza uzaklığa göre sıralı."),
            "{turkish}"
        );
        // At Sendlinger Tor: Mitte first, the position winning over a postcode.
        let (_, html) = page(
            &citizen,
            &app,
            &format!("{offices}&nahe=80937&standort=48.134,11.567"),
        )
        .await;
        assert!(html.contains("Entfernung von Ihrem Standort"), "{html}");
        assert!(!nord_first(&html));

        // What is no position orders by the earliest free day, and says so.
        for wrong in ["999,0", "48.1", "nord", "48.1,11.5,3"] {
            let (status, html) = page(&citizen, &app, &format!("{offices}&standort={wrong}")).await;
            assert_eq!(status, reqwest::StatusCode::OK, "{wrong}");
            assert!(
                html.contains("Sortiert nach dem frühesten freien Tag"),
                "{wrong}: {html}"
            );
        }
        let (_, html) = page(&citizen, &app, &format!("{offices}&nahe=12345")).await;
        assert!(
            html.contains("Zur Postleitzahl 12345 kennen wir keinen Standort"),
            "{html}"
        );
    });
}
