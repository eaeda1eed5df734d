//! Service search over a small catalogue written for this test, with the synonym and
//! compound lists the portal ships (`locales/<lang>/search-*.txt`): everyday words,
//! compounds, synonyms, typos and English find the right service first.

#![cfg(feature = "ssr")]
#![expect(clippy::unwrap_used, reason = "a test fails loudly")]

use kernel::{Locale, SearchDocument};
use search::service_index::{LanguageData, ServiceIndex};

fn language(locale: &str) -> LanguageData {
    search::words::language(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../locales")
            .join(locale),
    )
    .unwrap()
}

fn service(id: &str, locale: Locale, title: &str, body: &str, keywords: &[&str]) -> SearchDocument {
    SearchDocument {
        module: "forms".into(),
        id: id.into(),
        locale,
        title: title.into(),
        body: body.into(),
        keywords: keywords.iter().map(|k| (*k).to_owned()).collect(),
        href: format!("/leistungen/{id}"),
        department: "kvr".into(),
        tags: vec!["documents".into()],
    }
}

fn catalogue() -> ServiceIndex {
    let de = Locale::DE;
    let en = Locale::EN;
    let documents = vec![
        service(
            "personalausweis",
            de,
            "Personalausweis beantragen",
            "Den Personalausweis beantragen Sie persönlich im Bürgerbüro. Er gilt zehn Jahre.",
            &["Ausweisdokument"],
        ),
        service(
            "reisepass",
            de,
            "Reisepass beantragen",
            "Für Reisen außerhalb Europas brauchen Sie einen Reisepass.",
            &[],
        ),
        service(
            "hundeanmeldung",
            de,
            "Hundeanmeldung",
            "Wer in München einen Hund hält, muss ihn anmelden und Hundesteuer zahlen.",
            &["Hundesteuer"],
        ),
        service(
            "sperrmuell",
            de,
            "Sperrmüll abholen lassen",
            "Große Möbel und Sperrmüll holt der Abfallwirtschaftsbetrieb ab.",
            &["Entrümpelung"],
        ),
        service(
            "bewohnerparkausweis",
            de,
            "Bewohnerparkausweis beantragen",
            "Mit dem Bewohnerparkausweis parken Sie in Ihrem Viertel.",
            &["Parklizenz"],
        ),
        service(
            "fuehrungszeugnis",
            de,
            "Führungszeugnis beantragen",
            "Das Führungszeugnis brauchen Sie für viele Arbeitgeber.",
            &[],
        ),
        service(
            "hundeanmeldung",
            en,
            "Dog registration",
            "Anyone keeping a dog in Munich must register it and pay dog tax.",
            &[],
        ),
        service(
            "sperrmuell",
            en,
            "Bulky waste collection",
            "Large furniture is collected by the waste management department.",
            &[],
        ),
    ];
    ServiceIndex::build(
        &documents,
        &[(Locale::DE, language("de")), (Locale::EN, language("en"))],
    )
    .unwrap()
}

fn first(index: &ServiceIndex, locale: Locale, query: &str) -> String {
    index
        .search(locale, query, 3)
        .unwrap()
        .first()
        .map(|hit| hit.id.clone())
        .unwrap_or_else(|| format!("nothing for {query}"))
}

#[test]
fn everyday_words_find_the_service_first() {
    let index = catalogue();
    for (query, expected) in [
        ("Perso", "personalausweis"),
        ("Ausweis verlängern", "personalausweis"),
        ("Persnalausweis", "personalausweis"),
        ("Hund anmelden", "hundeanmeldung"),
        ("Hundesteuer", "hundeanmeldung"),
        ("Sperrmüll", "sperrmuell"),
        ("alte Möbel loswerden", "sperrmuell"),
        ("Parkausweis Anwohner", "bewohnerparkausweis"),
        ("Fürungszeugnis", "fuehrungszeugnis"),
        ("Reisepass", "reisepass"),
        // Found by nothing else: the end of a keyword's compound ("Parklizenz").
        ("Lizenz", "bewohnerparkausweis"),
    ] {
        assert_eq!(first(&index, Locale::DE, query), expected, "{query}");
    }
    for (query, expected) in [
        ("register my dog", "hundeanmeldung"),
        ("rubbish furniture", "sperrmuell"),
    ] {
        assert_eq!(first(&index, Locale::EN, query), expected, "{query}");
    }
}

#[test]
fn hits_carry_their_page_and_the_matches_in_the_text() {
    let index = catalogue();
    let hits = index.search(Locale::DE, "Hund", 10).unwrap();
    let hit = &hits[0];
    assert_eq!(
        (
            hit.title.as_str(),
            hit.href.as_str(),
            hit.department.as_str()
        ),
        ("Hundeanmeldung", "/leistungen/hundeanmeldung", "kvr")
    );
    let marked: Vec<&str> = hit
        .excerpt
        .iter()
        .filter(|(_, matched)| *matched)
        .map(|(text, _)| text.as_str())
        .collect();
    assert!(marked.contains(&"Hund"), "{:?}", hit.excerpt);
    let text: String = hit.excerpt.iter().map(|(t, _)| t.as_str()).collect();
    assert!(text.contains("einen Hund hält"), "{text}");
}

#[test]
fn a_hit_in_the_title_alone_shows_the_beginning_of_its_text() {
    let index = catalogue();
    // "Ausweisdokument" is a keyword of the identity card; its text does not have it.
    let hits = index.search(Locale::DE, "Ausweisdokument", 1).unwrap();
    assert_eq!(
        hits[0].excerpt,
        [(
            "Den Personalausweis beantragen Sie persönlich im Bürgerbüro. Er gilt zehn Jahre."
                .to_owned(),
            false
        )]
    );
}

#[test]
fn a_misspelt_word_is_searched_as_the_catalogues_word_and_said_so() {
    let index = catalogue();
    let results = index
        .search_narrowed(Locale::DE, "Persnalausweis", &Default::default(), 3)
        .unwrap();
    assert_eq!(results.hits[0].id, "personalausweis");
    assert_eq!(
        results.corrections,
        [search::service_index::Correction {
            typed: "persnalausweis".into(),
            meant: "personalausweis".into(),
        }]
    );
    // A word the catalogue has is not corrected, even near another one.
    let results = index
        .search_narrowed(Locale::DE, "Reisepass", &Default::default(), 3)
        .unwrap();
    assert!(results.corrections.is_empty());
}

#[test]
fn nothing_is_found_for_nothing() {
    let index = catalogue();
    assert!(index.search(Locale::DE, "   ", 10).unwrap().is_empty());
    assert!(
        index
            .search(Locale::DE, "Raumfahrt", 10)
            .unwrap()
            .is_empty()
    );
    assert!(index.search(Locale::DE, "Hund", 0).unwrap().is_empty());
}

#[test]
fn a_service_added_later_is_found_by_the_beginning_and_the_end_of_its_words() {
    let index = catalogue();
    for query in ["Bescheinigung", "Urkunden"] {
        assert_eq!(
            first(&index, Locale::DE, query),
            format!("nothing for {query}"),
            "before the service is added"
        );
    }
    let added = service(
        "urkunden",
        Locale::DE,
        "Urkundenbestellung",
        "Eine Abschrift aus dem Register schicken wir Ihnen zu.",
        &["Meldebescheinigung"],
    );
    index
        .replace("forms", Some(&["urkunden".to_owned()]), &[added])
        .unwrap();
    // The end of a title or keyword word ("Meldebescheinigung") and its beginning
    // ("Urkundenbestellung"): the words of a changed catalogue, not only of the first.
    for query in ["Bescheinigung", "Urkunden"] {
        assert_eq!(first(&index, Locale::DE, query), "urkunden", "{query}");
    }
}
