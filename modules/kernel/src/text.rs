//! Texts that departments write into definitions, in the portal's languages.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::Locale;

/// A text in the portal's languages, by language tag (`de`, `en`, `tr`). German is
/// required; the other languages are expected and German is shown where one is missing.
/// Tags of languages the portal does not (yet) offer are kept, so a department can
/// translate before the portal ships the language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    try_from = "BTreeMap<String, String>",
    into = "BTreeMap<String, String>"
)]
pub struct Text(BTreeMap<String, String>);

impl Default for Text {
    fn default() -> Self {
        Self::german(String::new())
    }
}

impl Text {
    /// A text written in German only.
    pub fn german(text: impl Into<String>) -> Self {
        Self(BTreeMap::from([(
            Locale::DE.code().to_owned(),
            text.into(),
        )]))
    }

    /// The same text with its translation into `locale`.
    #[must_use]
    pub fn with(mut self, locale: Locale, text: impl Into<String>) -> Self {
        self.0.insert(locale.code().to_owned(), text.into());
        self
    }

    /// The German text.
    pub fn de(&self) -> &str {
        self.0.get(Locale::DE.code()).map_or("", String::as_str)
    }

    /// The text written for `locale`, if any (no fallback).
    pub fn written_in(&self, locale: Locale) -> Option<&str> {
        self.0.get(locale.code()).map(String::as_str)
    }

    /// Every language the text is written in, by tag, with its text.
    pub fn languages(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0
            .iter()
            .map(|(tag, text)| (tag.as_str(), text.as_str()))
    }

    /// The text in `locale`, German where that is missing.
    pub fn get(&self, locale: Locale) -> &str {
        self.pick(locale).0
    }

    /// The text in `locale`, German where that is missing, with the language the text
    /// is in (to mark a German fallback with `lang="de"`).
    pub fn pick(&self, locale: Locale) -> (&str, Locale) {
        match self.written_in(locale) {
            Some(text) => (text, locale),
            None => (self.de(), Locale::DE),
        }
    }

    /// The `lang` an element showing this text on a `locale` page needs: `de` where
    /// the text falls back to German, none where it is written in the page language.
    pub fn lang(&self, locale: Locale) -> Option<&'static str> {
        let (_, language) = self.pick(locale);
        (language != locale).then_some(language.code())
    }

    /// The text in `locale` as a part of the page: a German fallback in
    /// `<span lang="de">`, so screen readers pronounce it as German.
    pub fn phrase(&self, locale: Locale) -> impl leptos::IntoView + use<> {
        let (text, written) = self.pick(locale);
        crate::i18n::in_language(text.to_owned(), locale, written)
    }
}

/// Why a definition's text was refused.
#[derive(Debug, thiserror::Error)]
pub enum TextError {
    /// No German text.
    #[error("a text needs its German wording (`de`)")]
    NoGerman,
    /// A key that is no language tag.
    #[error("`{0}` is not a language tag (two or three lower-case letters such as `en`, `tr`)")]
    NotALanguage(String),
}

impl TryFrom<BTreeMap<String, String>> for Text {
    type Error = TextError;

    fn try_from(texts: BTreeMap<String, String>) -> Result<Self, Self::Error> {
        if let Some(tag) = texts.keys().find(|tag| !is_language_tag(tag)) {
            return Err(TextError::NotALanguage(tag.clone()));
        }
        if !texts.contains_key(Locale::DE.code()) {
            return Err(TextError::NoGerman);
        }
        Ok(Self(texts))
    }
}

impl From<Text> for BTreeMap<String, String> {
    fn from(text: Text) -> Self {
        text.0
    }
}

fn is_language_tag(tag: &str) -> bool {
    (2..=3).contains(&tag.len()) && tag.bytes().all(|b| b.is_ascii_lowercase())
}

#[cfg(feature = "ssr")]
impl schemars::JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A text by language tag; German (`de`) is required, English (`en`) expected, further languages (`tr`, `uk`, …) welcome.",
            "type": "object",
            "required": ["de"],
            "properties": {
                "de": { "type": "string", "description": "German text." },
                "en": { "type": "string", "description": "English text." }
            },
            "propertyNames": { "pattern": "^[a-z]{2,3}$" },
            "additionalProperties": { "type": "string" }
        })
    }
}

/// One step of a filed request as people read it: its title and the answers as
/// label and text (group items numbered: "Kind 1: Vorname").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerSection {
    /// Step title.
    pub title: String,
    /// Label and answer, in form order.
    pub rows: Vec<(String, String)>,
}

/// `text` as a spreadsheet cell that runs nothing: a text a spreadsheet would run as a
/// formula (`=`, `+`, `-`, `@`, tab or carriage return first) gets a `'` before it, so
/// opening an export runs nothing a stranger typed.
pub fn spreadsheet_safe(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> Result<Text, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn german_is_required_and_other_languages_are_kept() {
        let text = parse(r#"{"de": "Antrag", "en": "Application", "tr": "Başvuru"}"#).unwrap();
        assert_eq!(text.de(), "Antrag");
        assert_eq!(text.get(Locale::EN), "Application");
        assert_eq!(text.languages().count(), 3);
        assert!(
            parse(r#"{"en": "Application"}"#)
                .unwrap_err()
                .contains("German")
        );
        assert!(
            parse(r#"{"de": "A", "Deutsch": "B"}"#)
                .unwrap_err()
                .contains("`Deutsch`")
        );
    }

    #[test]
    fn a_missing_language_falls_back_to_german_and_says_so() {
        let translated = Text::german("Antrag").with(Locale::EN, "Application");
        assert_eq!(translated.pick(Locale::EN), ("Application", Locale::EN));
        let german_only = Text::german("Antrag");
        assert_eq!(german_only.pick(Locale::EN), ("Antrag", Locale::DE));
    }
}
