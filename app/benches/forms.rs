//! Forms: validating a 100-field submission, and rendering a step with 100 fields to
//! HTML as the server does for every step page.
//!
//! `cargo bench -p app --features ssr --bench forms` (see BENCHMARKS.md).

#![expect(
    clippy::expect_used,
    reason = "a benchmark stops loudly on a broken fixture"
)]

use std::fmt::Write;

use criterion::{Criterion, criterion_group, criterion_main};
use forms::{
    Answer, Answers, ServiceDefinition,
    pages::fields::{FieldContext, FieldInput},
    validate_all,
};
use kernel::{I18n, Locale};
use leptos::prelude::*;

/// A service with one step of 100 fields cycling through the typed kinds and rules.
fn definition() -> ServiceDefinition {
    let mut toml = String::from(
        "id = \"bench\"\nslug = \"bench\"\ndepartment = \"kvr\"\n\
         title = { de = \"B\", en = \"B\" }\nsummary = { de = \"B\", en = \"B\" }\n\
         description = { what = { de = \"x\" }, who = { de = \"x\" } }\n\
         [[steps]]\nid = \"all\"\ntitle = { de = \"Alles\" }\n",
    );
    for i in 0..100 {
        let rules = match i % 10 {
            0 => "type = \"text\"\nmin_length = 2\nmax_length = 50",
            1 => {
                "type = \"text\"\npattern = { regex = \"M-[A-Z]{1,2} ?[0-9]{1,4}\", message = { de = \"x\" } }"
            }
            2 => "type = \"number\"\nmin = 1\nmax = 99",
            3 => "type = \"amount\"\nmax = 1000",
            4 => "type = \"date\"\nlatest = \"today\"\nearliest = \"today-120y\"",
            5 => "type = \"email\"",
            6 => "type = \"iban\"",
            7 => "type = \"postcode\"",
            8 => {
                "type = \"choice\"\noptions = [{ value = \"a\", label = { de = \"A\" } }, { value = \"b\", label = { de = \"B\" } }]"
            }
            _ => {
                "type = \"textarea\"\nmax_length = 2000\nshow_if = { field = \"f0\", is_set = true }"
            }
        };
        let _ = write!(
            toml,
            "[[steps.fields]]\nid = \"f{i}\"\nlabel = {{ de = \"Feld {i}\" }}\nrequired = true\n{rules}\n"
        );
    }
    toml::from_str(&toml).expect("bench definition")
}

fn answers() -> Answers {
    let values = [
        "Erika Mustermann",
        "M-AB 1234",
        "42",
        "123,45",
        "1990-05-17",
        "erika@example.org",
        "DE89 3704 0044 0532 0130 00",
        "80331",
        "a",
        "Ein längerer Text.",
    ];
    (0..100)
        .map(|i| (format!("f{i}"), Answer::Text(values[i % 10].to_owned())))
        .collect()
}

fn validation(c: &mut Criterion) {
    let definition = definition();
    let answers = answers();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).expect("date");
    assert!(
        validate_all(&definition, &answers, today).is_empty(),
        "the answers are valid"
    );
    c.bench_function("validate a 100-field submission", |b| {
        b.iter(|| validate_all(&definition, &answers, today));
    });
}

fn rendering(c: &mut Criterion) {
    let definition = definition();
    // Components render under a reactive owner, as on a page.
    let owner = Owner::new();
    owner.set();
    let context = FieldContext {
        prefix: String::new(),
        answers: answers().into(),
        problems: [].into(),
        hidden: [].into(),
        locked: [].into(),
    };
    let i18n = I18n::new(Locale::DE, &*app::i18n::LOCALES);
    let fields = definition.steps[0].fields.clone();
    c.bench_function("render a step with 100 fields to HTML", |b| {
        b.iter(|| {
            let view = fields
                .iter()
                .cloned()
                .map(|field| view! { <FieldInput field context=context.clone() i18n /> })
                .collect_view();
            view.to_html()
        });
    });
}

criterion_group!(benches, validation, rendering);
criterion_main!(benches);
