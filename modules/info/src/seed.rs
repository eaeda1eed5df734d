//! Bulk data for benchmarks and load tests (`portal seed`): made-up entries of the
//! information catalogue in German and English, so that the A–Z list, the service pages
//! and the search work on a city-sized catalogue. Nothing here runs for a citizen.

use sea_orm::ColumnTrait;
use sea_orm::{ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter};

use crate::entity::service;

/// Prefix of seeded ids, so they never meet a service database's numeric ids.
const ID_PREFIX: &str = "seed-";
/// Rows per statement (SQLite allows 32,766 bound values; a row has ten).
const ROWS_PER_INSERT: usize = 500;

/// What a service is about, German and English, with a search word each.
const SUBJECTS: [(&str, &str, &str); 40] = [
    ("Hundesteuer", "dog tax", "Hund"),
    ("Bewohnerparkausweis", "residents' parking permit", "Parken"),
    ("Gewerbeanmeldung", "business registration", "Gewerbe"),
    ("Personalausweis", "identity card", "Ausweis"),
    ("Reisepass", "passport", "Pass"),
    (
        "Meldebescheinigung",
        "certificate of registration",
        "Wohnsitz",
    ),
    ("Führungszeugnis", "certificate of good conduct", "Zeugnis"),
    ("Sperrmüllabholung", "bulky waste collection", "Müll"),
    ("Biotonne", "organic waste bin", "Abfall"),
    ("Baugenehmigung", "building permit", "Bauen"),
    ("Kita-Platz", "childcare place", "Kinderbetreuung"),
    ("Elterngeld", "parental allowance", "Eltern"),
    ("Wohngeld", "housing benefit", "Miete"),
    ("Anwohnerparkzone", "residents' parking zone", "Parken"),
    ("Fischereischein", "fishing licence", "Angeln"),
    ("Waffenbesitzkarte", "firearms licence", "Waffe"),
    ("Sondernutzungserlaubnis", "special use permit", "Straße"),
    ("Straßenfest", "street festival", "Veranstaltung"),
    ("Baumfällung", "tree felling", "Baum"),
    ("Hausnummer", "house number", "Adresse"),
    (
        "Schwerbehindertenausweis",
        "severely disabled person's pass",
        "Behinderung",
    ),
    ("Blindengeld", "blind allowance", "Sehbehinderung"),
    ("Einbürgerung", "naturalisation", "Staatsangehörigkeit"),
    ("Aufenthaltstitel", "residence permit", "Aufenthalt"),
    ("Geburtsurkunde", "birth certificate", "Urkunde"),
    ("Eheschließung", "marriage", "Heirat"),
    ("Sterbeurkunde", "death certificate", "Urkunde"),
    ("Grundsteuer", "property tax", "Steuer"),
    ("Zweitwohnungsteuer", "second home tax", "Steuer"),
    (
        "Parkausweis für Handwerker",
        "tradespeople's parking permit",
        "Parken",
    ),
    ("Schankerlaubnis", "licence to serve alcohol", "Gaststätte"),
    ("Marktstand", "market stall", "Markt"),
    ("Sportförderung", "sports funding", "Verein"),
    ("Kulturförderung", "cultural funding", "Kultur"),
    ("Schülerbeförderung", "school transport", "Schule"),
    ("Lärmschutz", "noise protection", "Lärm"),
    ("Wasseranschluss", "water connection", "Wasser"),
    ("Fundsache", "lost property", "Fundbüro"),
    ("Wahlschein", "postal vote", "Wahl"),
    ("Kfz-Zulassung", "vehicle registration", "Auto"),
];

/// What a citizen does with it.
const ACTIONS: [(&str, &str); 10] = [
    ("beantragen", "apply for"),
    ("verlängern", "renew"),
    ("ändern", "change"),
    ("abmelden", "cancel"),
    ("ersetzen", "replace"),
    ("übertragen", "transfer"),
    ("widersprechen", "appeal against"),
    ("Auskunft", "information on"),
    ("Befreiung", "exemption from"),
    ("Ermäßigung", "reduction of"),
];

/// Who asks, so that names repeat rarely.
const GROUPS: [(&str, &str); 25] = [
    ("Privatpersonen", "private persons"),
    ("Familien", "families"),
    ("Studierende", "students"),
    ("Seniorinnen und Senioren", "senior citizens"),
    ("Menschen mit Behinderung", "people with disabilities"),
    ("Vereine", "associations"),
    ("Unternehmen", "businesses"),
    ("Selbstständige", "self-employed people"),
    ("Vermieterinnen und Vermieter", "landlords"),
    ("Mieterinnen und Mieter", "tenants"),
    ("Eigentümergemeinschaften", "owners' associations"),
    ("Schulen", "schools"),
    ("Kindertageseinrichtungen", "day-care centres"),
    ("Gaststätten", "restaurants"),
    ("Handwerksbetriebe", "craft businesses"),
    ("Neubürgerinnen und Neubürger", "new residents"),
    ("Geflüchtete", "refugees"),
    ("Alleinerziehende", "single parents"),
    ("Pflegende Angehörige", "family carers"),
    ("Auszubildende", "apprentices"),
    ("Bauherrinnen und Bauherren", "builders"),
    ("Veranstalter", "event organisers"),
    ("Gewerbetreibende", "traders"),
    ("Landwirtschaft", "farming"),
    ("Stiftungen", "foundations"),
];

/// How many different services the word lists can name.
pub const MOST: usize = SUBJECTS.len() * ACTIONS.len() * GROUPS.len();

/// Published entries of the catalogue (any language counted once).
pub async fn published(db: &impl ConnectionTrait) -> Result<u64, DbErr> {
    service::Entity::find()
        .filter(service::Column::Published.eq(true))
        .filter(service::Column::Locale.eq("de"))
        .count(db)
        .await
}

/// Writes `count` made-up services (numbered from 0, at most [`MOST`]) in German and
/// English at `now`.
pub async fn insert(
    db: &impl ConnectionTrait,
    count: usize,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), DbErr> {
    let count = count.min(MOST);
    let rows: Vec<service::ActiveModel> = (0..count)
        .flat_map(|n| [entry(n, "de", now), entry(n, "en", now)])
        .collect();
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<_> = rows.by_ref().take(ROWS_PER_INSERT).collect();
        service::Entity::insert_many(chunk).exec(db).await?;
    }
    Ok(())
}

fn id(n: usize) -> String {
    format!("{ID_PREFIX}{n:05}")
}

/// Entry `n`: every combination of subject, action and group once, subjects varying
/// fastest so that the first hundred already cover the whole city.
fn entry(n: usize, locale: &str, now: chrono::DateTime<chrono::Utc>) -> service::ActiveModel {
    let (subject_de, subject_en, word) = SUBJECTS[n % SUBJECTS.len()];
    let (action_de, action_en) = ACTIONS[(n / SUBJECTS.len()) % ACTIONS.len()];
    let (group_de, group_en) = GROUPS[(n / (SUBJECTS.len() * ACTIONS.len())) % GROUPS.len()];
    let office = 1 + n % 12;
    let (name, description, fees) = if locale == "de" {
        (
            format!("{subject_de} {action_de} ({group_de})"),
            format!(
                "<p>{group_de} können hier {subject_de} {action_de}. Die Dienststelle prüft \
                 den Antrag und meldet sich, wenn Unterlagen fehlen.</p><p>Bitte bringen \
                 Sie einen gültigen Ausweis mit. Zuständig ist das Bürgerbüro {office}.</p>"
            ),
            format!("<p>{} Euro</p>", 5 * (n % 20)),
        )
    } else {
        (
            format!("{subject_en}: {action_en} ({group_en})"),
            format!(
                "<p>{group_en} can {action_en} {subject_en} here. The office checks the \
                 request and gets in touch when documents are missing.</p><p>Please bring \
                 a valid identity document. Citizens' office {office} is responsible.</p>"
            ),
            format!("<p>{} euros</p>", 5 * (n % 20)),
        )
    };
    service::ActiveModel {
        id: Set(id(n)),
        locale: Set(locale.to_owned()),
        name: Set(name),
        description: Set(description),
        fees: Set((!n.is_multiple_of(3)).then_some(fees)),
        keywords: Set(format!("{word}\n{subject_de}")),
        leika: Set(None),
        bookable: Set(false),
        duration_minutes: Set(None),
        max_quantity: Set(1),
        combinable: Set(String::new()),
        published: Set(true),
        digest: Set("seeded".to_owned()),
        imported_at: Set(now),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_seeded_service_has_a_name_of_its_own() {
        let now = chrono::Utc::now();
        let names: std::collections::HashSet<String> = (0..MOST)
            .map(|n| match entry(n, "de", now).name {
                sea_orm::ActiveValue::Set(name) => name,
                _ => String::new(),
            })
            .collect();
        assert_eq!(names.len(), MOST);
        const { assert!(MOST >= 10_000, "the word lists name a city's catalogue") };
    }
}
