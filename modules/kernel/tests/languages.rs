//! A language is a folder: the portal offers the folders it embeds, learns each one's
//! name and writing direction from the folder itself, and shows a text the language
//! lacks in German, marked as German. The fixtures hold German and a right-to-left
//! language (Persian) that translates one of two texts.

use kernel::{
    I18n, Locale,
    i18n::{Direction, languages::offered},
};
use leptos::prelude::RenderHtml;

fluent_templates::static_loader! {
    static FIXTURES = {
        locales: "tests/fixtures/locales",
        fallback_language: "de",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

#[test]
fn folders_are_the_languages_with_their_names_and_directions() {
    let german = I18n::new(Locale::DE, &*FIXTURES);
    let codes: Vec<&str> = offered().iter().map(|l| l.locale.code()).collect();
    assert_eq!(codes, ["de", "fa"], "German first, then the other folders");
    let persian = Locale::parse("fa-IR").expect("a folder is an offered language");
    assert_eq!(persian.native_name(), "فارسی");
    assert_eq!(
        german.in_locale(persian).direction(),
        Direction::RightToLeft
    );
    assert_eq!(german.direction(), Direction::LeftToRight);
    assert_eq!(Locale::parse("tr"), None, "no folder, no language");
    assert_eq!(Locale::negotiate(None, Some("fa, de;q=0.5")), persian);
}

/// The markup of `view` without the markers hydration reads (`<!>`).
fn html(view: impl RenderHtml) -> String {
    view.to_html().replace("<!>", "")
}

#[test]
fn a_missing_text_is_german_and_marked_as_german() {
    let german = I18n::new(Locale::DE, &*FIXTURES);
    let persian = german.in_locale(Locale::parse("fa").expect("offered"));
    assert_eq!(persian.t("demo-greeting"), "روز بخیر");
    assert_eq!(persian.t("demo-farewell"), "Auf Wiedersehen");
    assert_eq!(html(persian.phrase("demo-greeting")), "روز بخیر");
    assert_eq!(
        html(persian.phrase("demo-farewell")),
        r#"<span lang="de">Auf Wiedersehen</span>"#
    );
    // German pages never mark German.
    assert_eq!(html(german.phrase("demo-farewell")), "Auf Wiedersehen");
    // A key nobody defines shows itself, unmarked, so tests find it.
    assert_eq!(html(persian.phrase("demo-nowhere")), "demo-nowhere");
}
