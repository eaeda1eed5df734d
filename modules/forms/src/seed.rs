//! Bulk data for benchmarks and load tests (`portal seed`): plausible answers to any
//! definition, and submissions written many at a time. Nothing here runs for a
//! citizen; a seeded submission names itself as its draft (there is none).

use sea_orm::{ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait};

use crate::{
    answers::{Address, Answer, Answers},
    definition::{Field, FieldType, ServiceDefinition},
    entity::submission,
};

/// Streets for seeded addresses.
const STREETS: [&str; 8] = [
    "Marienplatz",
    "Leopoldstraße",
    "Sendlinger Straße",
    "Rosenheimer Straße",
    "Landsberger Straße",
    "Ungererstraße",
    "Fürstenrieder Straße",
    "Dachauer Straße",
];

/// Postcodes across the city, inner districts first.
const POSTCODES: [&str; 8] = [
    "80331", "80802", "80469", "81669", "80687", "80805", "81377", "80335",
];

/// Answers to every field of `definition` (file fields left empty), varied by
/// `pick`, which returns a number below its argument.
pub fn sample_answers(
    definition: &ServiceDefinition,
    pick: &mut dyn FnMut(usize) -> usize,
) -> Answers {
    let mut answers = Answers::new();
    for step in &definition.steps {
        for field in &step.fields {
            if let Some(answer) = sample(field, pick) {
                answers.insert(field.id.clone(), answer);
            }
        }
    }
    answers
}

fn sample(field: &Field, pick: &mut dyn FnMut(usize) -> usize) -> Option<Answer> {
    let text = |s: String| Some(Answer::Text(s));
    match field.kind {
        FieldType::Text | FieldType::Textarea => text(format!("Angabe {}", pick(1000))),
        FieldType::Number => text((1 + pick(9)).to_string()),
        FieldType::Amount => text(format!("{},00", 10 + pick(90))),
        FieldType::Date => text(format!("2026-{:02}-{:02}", 1 + pick(12), 1 + pick(28))),
        FieldType::Email => text(format!("person{}@example.org", pick(100_000))),
        FieldType::Phone => text(format!("089 {}", 100_000 + pick(900_000))),
        FieldType::Postcode => text(POSTCODES[pick(POSTCODES.len())].to_owned()),
        FieldType::Iban => text("DE02120300000000202051".into()),
        FieldType::Choice => {
            let options = &field.options;
            (!options.is_empty()).then(|| Answer::Text(options[pick(options.len())].value.clone()))
        }
        FieldType::MultiChoice => {
            let options = &field.options;
            (!options.is_empty())
                .then(|| Answer::List(vec![options[pick(options.len())].value.clone()]))
        }
        FieldType::YesNo => text(if pick(2) == 0 { "yes" } else { "no" }.into()),
        FieldType::Declaration => text("yes".into()),
        FieldType::Address => Some(Answer::Address(Address {
            street: STREETS[pick(STREETS.len())].to_owned(),
            house_number: (1 + pick(120)).to_string(),
            postcode: POSTCODES[pick(POSTCODES.len())].to_owned(),
            city: "München".into(),
        })),
        FieldType::Group => {
            let item: Answers = field
                .fields
                .iter()
                .filter_map(|f| Some((f.id.clone(), sample(f, pick)?)))
                .collect();
            Some(Answer::Items(vec![item]))
        }
        FieldType::File | FieldType::Info => None,
    }
}

/// A submission to seed.
#[derive(Clone, Debug)]
pub struct SeedSubmission {
    /// Id.
    pub id: String,
    /// Reference.
    pub reference: String,
    /// Owner's subject.
    pub owner: String,
    /// Service id.
    pub service_id: String,
    /// Definition version row.
    pub version_id: i32,
    /// The answers.
    pub answers: Answers,
    /// When (Unix seconds).
    pub submitted_at: i64,
}

/// Writes `batch` in one statement.
pub async fn insert_submissions(
    db: &impl ConnectionTrait,
    batch: Vec<SeedSubmission>,
) -> Result<(), DbErr> {
    if batch.is_empty() {
        return Ok(());
    }
    let rows = batch.into_iter().map(|s| submission::ActiveModel {
        answers: Set(serde_json::to_string(&s.answers).unwrap_or_else(|_| "{}".into())),
        draft_id: Set(s.id.clone()),
        id: Set(s.id),
        reference: Set(s.reference),
        owner: Set(s.owner),
        service_id: Set(s.service_id),
        version_id: Set(s.version_id),
        submitted_at: Set(s.submitted_at),
    });
    submission::Entity::insert_many(rows)
        .exec_without_returning(db)
        .await?;
    Ok(())
}
