//! What a request carries into an address the portal redirects to — an id from the
//! path, a group or field name from a form — cannot break the `Location` header: such
//! requests get an ordinary answer, never a 500.

use reqwest::StatusCode;

use crate::{
    filing::post,
    support::{Backend, post_form as send, run, signed_in, spawn_app},
};

#[test]
fn ids_and_names_with_line_breaks_get_an_answer_not_a_server_error() {
    run(async {
        let app = spawn_app(Backend::Sqlite).await;
        let citizen = signed_in(&app, "citizen").await;
        let lena = signed_in(&app, "caseworker-awm").await;
        for (who, path) in [
            (&citizen, "/vorgaenge/%0D%0A/aktion"),
            (&citizen, "/vorgaenge/%0D%0ASet-Cookie:%20x=1/aktion"),
            (&lena, "/bearbeitung/faelle/%0D%0A/aktion"),
            (&citizen, "/antraege/%0D%0A/start"),
            (&citizen, "/antraege/a%0Db/%0A"),
        ] {
            for action in ["unknown", "message", "claim", "withdraw"] {
                let (status, location) = send(
                    who,
                    &app,
                    path,
                    &[("action", action), ("version", "1"), ("text", "x")],
                )
                .await;
                assert!(
                    status.is_client_error() || status.is_redirection(),
                    "{path} {action}: {status}"
                );
                assert!(!location.contains(['\r', '\n']), "{path}: {location:?}");
            }
        }
        // A group name from the form goes into the address's fragment, encoded.
        let first = post(
            &citizen,
            &app,
            "/leistungen/kita-platz-vormerken/antrag",
            &[],
        )
        .await;
        let (status, location) = send(
            &citizen,
            &app,
            &first,
            &[("action", "add:kinder\r\nSet-Cookie: x=1")],
        )
        .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert!(
            location.ends_with("#kinder%0D%0ASet-Cookie%3A%20x%3D1"),
            "{location}"
        );
        let (status, location) =
            send(&citizen, &app, &first, &[("action", "remove-file:a\nb/c")]).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{location}");
    });
}
