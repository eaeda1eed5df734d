//! The browser files: hashed names cached for a year, plain names revalidated, text
//! compressed.

use crate::support::{Backend, run, spawn_with, test_settings};

/// A site root with a made-up browser build, so the names can be checked.
fn site_with_build(root: &std::path::Path) {
    let pkg = root.join("pkg");
    std::fs::create_dir_all(&pkg).expect("pkg folder");
    std::fs::write(
        pkg.join("portal.js"),
        "export default function init() {}\n".repeat(200),
    )
    .expect("js");
    std::fs::write(pkg.join("portal.wasm"), b"\0asm\x01\0\0\0").expect("wasm");
    std::fs::write(pkg.join("portal.css"), "body { margin: 0 }\n".repeat(200)).expect("css");
    let fonts = root.join("fonts");
    std::fs::create_dir_all(&fonts).expect("fonts folder");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("public/fonts/FiraSans-Regular.woff2"),
        fonts.join("FiraSans-Regular.woff2"),
    )
    .expect("font");
}

/// The stylesheet `html` links, by its hashed name.
fn linked_stylesheet(html: &str) -> String {
    regex::Regex::new(r#"href="(/pkg/portal\.[0-9a-f]{12}\.css)""#)
        .expect("regex")
        .captures(html)
        .map(|c| c[1].to_owned())
        .expect("the page links the stylesheet by a hashed name")
}

#[test]
fn pages_name_the_build_files_by_content_hash_and_browsers_keep_them() {
    run(async {
        let (mut settings, dir) = test_settings(Backend::Sqlite).await;
        settings.site_root = dir.path().join("site");
        site_with_build(&settings.site_root);
        let app = spawn_with(settings, dir).await;

        let (status, _, html) = app.get("/").await;
        assert_eq!(status, 200);
        let css = linked_stylesheet(&html);
        // The island loader names both (the home page's search field is an island).
        let script = regex::Regex::new(r#""(/pkg/portal\.[0-9a-f]{12}\.js)""#)
            .expect("regex")
            .captures(&html)
            .map(|c| c[1].to_owned())
            .expect("the page names the script by a hashed name");
        let wasm = regex::Regex::new(r#""(/pkg/portal\.[0-9a-f]{12}\.wasm)""#)
            .expect("regex")
            .captures(&html)
            .map(|c| c[1].to_owned())
            .expect("the page names the module by a hashed name");

        for (path, content_type) in [
            (&css, "text/css"),
            (&script, "text/javascript"),
            (&wasm, "application/wasm"),
        ] {
            let (status, headers, _) = app.get(path).await;
            assert_eq!(status, 200, "{path}");
            assert_eq!(
                headers["cache-control"], "public, max-age=31536000, immutable",
                "{path}"
            );
            assert!(
                headers["content-type"]
                    .to_str()
                    .unwrap_or_default()
                    .starts_with(content_type),
                "{path}: {:?}",
                headers["content-type"]
            );
        }

        // The plain name still answers, but must be asked for again every time.
        let (status, headers, body) = app.get("/pkg/portal.css").await;
        assert_eq!(status, 200);
        assert_eq!(headers["cache-control"], "no-cache");
        assert!(body.starts_with("body"));

        // A name with another build's hash is not this build's file.
        let (status, headers, _) = app.get("/pkg/portal.000000000000.css").await;
        assert_eq!(status, 404);
        assert!(headers.get("cache-control").is_none());

        // Text goes out compressed when the browser can take it.
        for encoding in ["br", "gzip"] {
            let (status, headers, _) = app.get_with(&css, &[("accept-encoding", encoding)]).await;
            assert_eq!(status, 200);
            assert_eq!(headers["content-encoding"], encoding);
            let (_, headers, _) = app.get_with("/", &[("accept-encoding", encoding)]).await;
            assert_eq!(
                headers["content-encoding"], encoding,
                "pages are compressed"
            );
        }

        let (status, headers, _) = app.get("/fonts/FiraSans-Regular.woff2").await;
        assert_eq!(status, 200);
        assert_eq!(headers["cache-control"], "public, max-age=604800");
        let (_, headers, _) = app.get("/fonts/no-such-font.woff2").await;
        assert!(
            headers.get("cache-control").is_none(),
            "no caching for what is not there"
        );
    });
}

/// A site with a made-up build whose stylesheet has a brotli file as
/// `scripts/precompress.mjs` writes it, made `age` seconds after the stylesheet (before
/// it, when negative); the compressed file's size.
fn site_with_compressed_stylesheet(root: &std::path::Path, age: i64) -> usize {
    use std::{io::Write, time::Duration};
    site_with_build(root);
    let css = root.join("pkg/portal.css");
    let mut compressed = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut compressed, 4096, 11, 22);
        writer
            .write_all(&std::fs::read(&css).expect("css"))
            .expect("compress");
    }
    let br = root.join("pkg/portal.css.br");
    std::fs::write(&br, &compressed).expect("br");
    let now = std::time::SystemTime::now();
    let shift = Duration::from_secs(age.unsigned_abs());
    let (css_time, br_time) = if age >= 0 {
        (now - shift, now)
    } else {
        (now, now - shift)
    };
    for (path, time) in [(&css, css_time), (&br, br_time)] {
        std::fs::File::options()
            .write(true)
            .open(path)
            .and_then(|f| f.set_modified(time))
            .expect("set time");
    }
    compressed.len()
}

#[test]
fn a_release_build_s_compressed_files_go_out_as_they_are_while_current() {
    run(async {
        for (age, served_as_made) in [(60, true), (-60, false)] {
            let (mut settings, dir) = test_settings(Backend::Sqlite).await;
            settings.site_root = dir.path().join("site");
            let made = site_with_compressed_stylesheet(&settings.site_root, age);
            let app = spawn_with(settings, dir).await;
            let (_, _, html) = app.get("/").await;
            let css = linked_stylesheet(&html);
            let (status, headers, _) = app.get_with(&css, &[("accept-encoding", "br")]).await;
            assert_eq!(status, 200);
            assert_eq!(headers["content-encoding"], "br");
            assert_eq!(
                headers["cache-control"], "public, max-age=31536000, immutable",
                "the hashed name is kept a year either way"
            );
            // The file as made has its length; an answer compressed as it goes out has
            // none (it streams).
            let length = headers
                .get("content-length")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse::<usize>().ok());
            if served_as_made {
                assert_eq!(length, Some(made), "the compressed file as made");
            } else {
                assert_ne!(length, Some(made), "an older compressed file is not served");
            }
        }
    });
}

#[test]
fn pages_name_each_language_s_texts_for_the_islands_and_browsers_keep_them() {
    run(async {
        let (settings, dir) = test_settings(Backend::Sqlite).await;
        let app = spawn_with(settings, dir).await;
        let (status, _, html) = app.get("/").await;
        assert_eq!(status, 200);
        let addresses: std::collections::BTreeMap<String, String> =
            regex::Regex::new(r#""([a-z]{2,3})":\["(/texts/[a-z]{2,3}\.[0-9a-f]{12}\.ftl)""#)
                .expect("regex")
                .captures_iter(&html)
                .map(|c| (c[1].to_owned(), c[2].to_owned()))
                .collect();
        assert!(
            addresses.contains_key("de") && addresses.contains_key("en"),
            "the island loader names every language's texts: {addresses:?}"
        );
        // Each file holds its language's texts: what the islands say, e.g. a form
        // field's problem, in that language.
        for (tag, needed) in [
            ("de", "forms-error-required = Bitte"),
            ("en", "forms-error-required = Please"),
        ] {
            let path = &addresses[tag];
            let (status, headers, text) = app.get(path).await;
            assert_eq!(status, 200, "{path}");
            assert_eq!(
                headers["cache-control"], "public, max-age=31536000, immutable",
                "{path}"
            );
            assert_eq!(headers["content-type"], "text/plain; charset=utf-8");
            assert!(text.contains(needed), "{path} lacks {needed:?}");
            let (_, headers, _) = app.get_with(path, &[("accept-encoding", "br")]).await;
            assert_eq!(headers["content-encoding"], "br", "{path}");
        }
        for wrong in [
            "/texts/de.000000000000.ftl",
            "/texts/",
            "/texts/../Cargo.toml",
        ] {
            let (status, headers, _) = app.get(wrong).await;
            assert_eq!(status, 404, "{wrong}");
            assert!(headers.get("cache-control").is_none(), "{wrong}");
        }
    });
}
