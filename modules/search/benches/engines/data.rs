//! The benchmark's documents: the demo services as the portal indexes them, a synthetic
//! catalogue made from them and Munich's export, and synthetic cases, each a pure function of its number so every
//! engine gets the same ones without holding a million in memory.

use std::path::Path;

use kernel::{Locale, SearchDocument, case_search::CaseDocument};

/// The demo services in German, as the forms module publishes them.
pub fn demo(repo: &Path) -> Vec<SearchDocument> {
    let (services, _) = forms::loader::load_dir(&repo.join("services"));
    services
        .services
        .iter()
        .flat_map(|s| forms::search_documents::of(&s.definition))
        .filter(|d| d.locale == Locale::DE)
        .collect()
}

const DISTRICTS: [&str; 12] = [
    "Altstadt",
    "Maxvorstadt",
    "Schwabing",
    "Sendling",
    "Pasing",
    "Giesing",
    "Bogenhausen",
    "Moosach",
    "Laim",
    "Trudering",
    "Milbertshofen",
    "Hadern",
];

/// `count` services made from `base`: each a base service offered in a district, with
/// the first paragraph of another one added to its text.
pub fn synthetic_catalogue(base: &[SearchDocument], count: usize) -> Vec<SearchDocument> {
    (0..count)
        .map(|i| {
            let from = &base[i % base.len()];
            let other = &base[(i * 7 + 3) % base.len()];
            let district = DISTRICTS[(i / base.len()) % DISTRICTS.len()];
            SearchDocument {
                id: format!("s{i}"),
                title: format!("{} – {district} {}", from.title, i / base.len()),
                body: format!(
                    "{}\n{}",
                    from.body,
                    other.body.lines().next().unwrap_or_default()
                ),
                ..from.clone()
            }
        })
        .collect()
}

/// A well-mixed number from `i` and `salt` (SplitMix64), so cases differ without a
/// random generator and are the same in every run.
fn mix(i: u64, salt: u64) -> u64 {
    let mut z = i
        .wrapping_mul(0x9e37_79b9_7f4a_7c15)
        .wrapping_add(salt.wrapping_mul(0xbf58_476d_1ce4_e5b9));
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn pick<'a>(list: &[&'a str], i: u64, salt: u64) -> &'a str {
    list[(mix(i, salt) % list.len() as u64) as usize]
}

const FIRST: [&str; 24] = [
    "Anna", "Ben", "Clara", "David", "Emma", "Felix", "Greta", "Hannah", "Ida", "Jonas", "Karl",
    "Lena", "Mia", "Noah", "Olga", "Paul", "Rosa", "Sami", "Tara", "Uwe", "Vera", "Wim", "Yusuf",
    "Zoe",
];
const LAST: [&str; 40] = [
    "Huber",
    "Bauer",
    "Wagner",
    "Müller",
    "Schmid",
    "Fischer",
    "Weber",
    "Mayer",
    "Hofmann",
    "Becker",
    "Schneider",
    "Keller",
    "Richter",
    "Wolf",
    "Schäfer",
    "Koch",
    "Brunner",
    "Graf",
    "Lang",
    "Vogel",
    "Frank",
    "Berger",
    "Winkler",
    "Roth",
    "Lorenz",
    "Baumann",
    "Kraus",
    "Böhm",
    "Simon",
    "Franke",
    "Albrecht",
    "Ludwig",
    "Winter",
    "Kaiser",
    "Fuchs",
    "Peters",
    "Yilmaz",
    "Nowak",
    "Kovač",
    "Rossi",
];
const SERVICES: [(&str, &str, &str); 7] = [
    ("sperrmuell", "Sperrmüll abholen lassen", "awm"),
    (
        "hundeanmeldung",
        "Hund anmelden (Hundesteuer)",
        "stadtkaemmerei",
    ),
    (
        "bewohnerparkausweis",
        "Bewohnerparkausweis beantragen",
        "kvr",
    ),
    ("fuehrungszeugnis", "Führungszeugnis beantragen", "kvr"),
    ("kita-vormerkung", "Kita-Platz vormerken", "rbs"),
    (
        "maengelmelder",
        "Mangel im öffentlichen Raum melden",
        "baureferat",
    ),
    ("gewerbe", "Gewerbe anmelden", "kvr"),
];
const STATES: [&str; 8] = [
    "submitted",
    "in_progress",
    "waiting_for_citizen",
    "decided",
    "closed",
    "withdrawn",
    "consulting",
    "awaiting_confirmation",
];
const ITEMS: [&str; 12] = [
    "Sofa",
    "Sessel",
    "Kühlschrank",
    "Schrank",
    "Matratze",
    "Waschmaschine",
    "Tisch",
    "Stühle",
    "Bett",
    "Regal",
    "Teppich",
    "Fahrrad",
];
const STREETS: [&str; 16] = [
    "Lindwurmstraße",
    "Leopoldstraße",
    "Sonnenstraße",
    "Ungererstraße",
    "Landsberger Straße",
    "Rosenheimer Straße",
    "Dachauer Straße",
    "Schleißheimer Straße",
    "Nymphenburger Straße",
    "Tegernseer Landstraße",
    "Wasserburger Landstraße",
    "Fürstenrieder Straße",
    "Plinganserstraße",
    "Belgradstraße",
    "Arnulfstraße",
    "Kapuzinerstraße",
];
const MESSAGES: [&str; 8] = [
    "Bitte reichen Sie ein Foto der Gegenstände nach.",
    "Wann passt Ihnen die Abholung am Vormittag?",
    "Der Nachweis über den Wohnsitz fehlt noch.",
    "Die Zufahrt ist durch eine Baustelle gesperrt.",
    "Bitte bestätigen Sie die Menge in Kubikmetern.",
    "Der Bescheid wurde per Post versandt.",
    "Rückfrage zur Hausnummer im Hinterhof.",
    "Die Gebühr wurde noch nicht überwiesen.",
];

/// Case number `i` of a city: applicant, service, state, dates and the text of its
/// answers and messages.
pub fn case(i: u64) -> CaseDocument {
    let (service_id, service_title, department) = SERVICES[(mix(i, 1) % 7) as usize];
    let first = pick(&FIRST, i, 2);
    let last = pick(&LAST, i, 3);
    let submitted_at = 1_700_000_000 + (mix(i, 4) % (400 * 86_400)) as i64;
    let text = format!(
        "{first} {last}\n{} {}\n{}, {} und {}\nMenge {} m³\n{}",
        pick(&STREETS, i, 5),
        mix(i, 6) % 180 + 1,
        pick(&ITEMS, i, 7),
        pick(&ITEMS, i, 8),
        pick(&ITEMS, i, 9),
        mix(i, 10) % 8 + 1,
        pick(&MESSAGES, i, 11),
    );
    CaseDocument {
        id: format!("{:032x}", mix(i, 12) as u128 | (u128::from(i) << 64)),
        reference: format!("S1-{i:08}"),
        applicant: format!("{first} {last}"),
        service_id: service_id.into(),
        service_title: service_title.into(),
        state: pick(&STATES, i, 13).into(),
        department: department.into(),
        assignee: (!mix(i, 14).is_multiple_of(3))
            .then(|| format!("seed:{department}-{}", mix(i, 15) % 20)),
        submitted_at,
        due_at: submitted_at + 14 * 86_400,
        text,
    }
}

/// A service as the SQL engines store it: id, title, keywords, text.
pub fn service_row(document: &SearchDocument) -> Vec<sea_orm::Value> {
    vec![
        document.id.clone().into(),
        document.title.clone().into(),
        document.keywords.join(" ").into(),
        document.body.clone().into(),
    ]
}

/// A case as the SQL engines store it: id, department, reference, applicant, service,
/// text.
pub fn case_row(case: &CaseDocument) -> Vec<sea_orm::Value> {
    vec![
        case.id.clone().into(),
        case.department.clone().into(),
        case.reference.clone().into(),
        case.applicant.clone().into(),
        case.service_title.clone().into(),
        case.text.clone().into(),
    ]
}
