//! Words the form pages build from data: error messages for each [`FieldError`], and
//! answers as a person reads them (option labels instead of values, "Ja"/"Nein",
//! addresses on one line).

use kernel::I18n;
use leptos::prelude::*;

use crate::{
    answers::Answer,
    definition::{Field, FieldType},
    validate::FieldError,
};

/// The message for `error` at `field`.
pub fn error_message(i18n: &I18n, error: &FieldError) -> String {
    let number = |key: &str, n: u32| i18n.t_args(key, &[("n", n.into())]);
    let text = |key: &str, value: String| i18n.t_args(key, &[("value", value.into())]);
    match error {
        FieldError::Required => i18n.t("forms-error-required"),
        FieldError::TooShort(n) => number("forms-error-too-short", *n),
        FieldError::TooLong(n) => number("forms-error-too-long", *n),
        FieldError::Pattern(message) => message.get(i18n.locale).to_owned(),
        FieldError::NotANumber => i18n.t("forms-error-not-a-number"),
        FieldError::NotAnAmount => i18n.t("forms-error-not-an-amount"),
        FieldError::TooSmall(min) => text("forms-error-too-small", min.clone()),
        FieldError::TooLarge(max) => text("forms-error-too-large", max.clone()),
        FieldError::NotADate => i18n.t("forms-error-not-a-date"),
        FieldError::TooEarly(date) => {
            text("forms-error-too-early", date.format("%d.%m.%Y").to_string())
        }
        FieldError::TooLate(date) => {
            text("forms-error-too-late", date.format("%d.%m.%Y").to_string())
        }
        FieldError::NotAnEmail => i18n.t("forms-error-not-an-email"),
        FieldError::NotAPhone => i18n.t("forms-error-not-a-phone"),
        FieldError::NotAPostcode => i18n.t("forms-error-not-a-postcode"),
        FieldError::NotAnIban => i18n.t("forms-error-not-an-iban"),
        FieldError::UnknownOption => i18n.t("forms-error-unknown-option"),
        FieldError::NotConfirmed => i18n.t("forms-error-not-confirmed"),
        FieldError::TooFewItems(n) => number("forms-error-too-few-items", *n),
        FieldError::TooManyItems(n) => number("forms-error-too-many-items", *n),
        FieldError::TooManyFiles(n) => number("forms-error-too-many-files", *n),
        FieldError::FileTooLarge(kb) => text(
            "forms-error-file-too-large",
            format!("{} MB", kb.div_ceil(1024)),
        ),
        FieldError::FileTypeNotAccepted => i18n.t("forms-error-file-type"),
        FieldError::FileEmpty => i18n.t("forms-error-file-empty"),
        FieldError::FileUnreadable => i18n.t("forms-error-file-unreadable"),
        FieldError::FileNotStored => i18n.t("forms-error-file-not-stored"),
        FieldError::AddressPart(part) => i18n.t(match part.as_str() {
            "street" => "forms-error-address-street",
            "house_number" => "forms-error-address-house-number",
            "postcode" => "forms-error-address-postcode",
            _ => "forms-error-address-city",
        }),
    }
}

/// The label of `field` in the page's language.
pub fn label(i18n: &I18n, field: &Field) -> String {
    field
        .label
        .as_ref()
        .map(|l| l.get(i18n.locale).to_owned())
        .unwrap_or_default()
}

/// `answer` as a person reads it (groups are shown item by item elsewhere).
pub fn display(i18n: &I18n, field: &Field, answer: &Answer) -> String {
    let option = |value: &str| {
        field
            .options
            .iter()
            .find(|o| o.value == value)
            .map_or_else(|| value.to_owned(), |o| o.label.get(i18n.locale).to_owned())
    };
    match answer {
        Answer::Text(text) => match field.kind {
            FieldType::Choice => option(text),
            FieldType::YesNo => i18n.t(if text == "yes" {
                "forms-yes"
            } else {
                "forms-no"
            }),
            FieldType::Declaration => i18n.t("forms-confirmed"),
            FieldType::Date => i18n.date_text(text),
            _ => text.clone(),
        },
        Answer::List(values) => values
            .iter()
            .map(|v| option(v))
            .collect::<Vec<_>>()
            .join(", "),
        Answer::Address(a) => format!("{} {}, {} {}", a.street, a.house_number, a.postcode, a.city),
        Answer::Files(files) => files
            .iter()
            .map(|f| f.name.clone())
            .collect::<Vec<_>>()
            .join(", "),
        Answer::Items(items) => i18n.t_args("forms-items", &[("n", items.len().into())]),
    }
}

/// A list of the answers of `fields` (a step, or a group item), as on the check page
/// and the receipt.
#[component]
pub fn AnswerList(fields: Vec<Field>, answers: crate::answers::Answers) -> impl IntoView {
    let i18n = kernel::i18n::use_i18n();
    view! {
        <dl class="portal-facts">
            {fields.into_iter().filter(|f| f.kind != FieldType::Info).filter_map(|field| {
                let answer = answers.get(&field.id).filter(|a| !a.is_empty())?.clone();
                let label = label(&i18n, &field);
                let value = match &answer {
                    Answer::Items(items) => view! {
                        <ol>
                            {items.iter().map(|item| view! {
                                <li><AnswerList fields=field.fields.clone() answers=item.clone() /></li>
                            }).collect_view()}
                        </ol>
                    }.into_any(),
                    other => display(&i18n, &field, other).into_any(),
                };
                Some(view! { <dt class="kern-label">{label}</dt><dd class="kern-body">{value}</dd> })
            }).collect_view()}
        </dl>
    }
}
