//! Languages and translations.
//!
//! German is the portal's default language and English is always complete. The page
//! language comes from the `portal_lang` cookie, then `Accept-Language`, then German.
//! Texts live in fluent files (`locales/<lang>/<module>.ftl`); the host crate embeds
//! them and hands the loader to [`I18n`], which components read from context.

use std::{borrow::Cow, collections::HashMap, fmt};

use fluent_templates::{LanguageIdentifier, Loader, StaticLoader, fluent_bundle::FluentValue};
use leptos::prelude::{expect_context, provide_context, use_context};
use serde::{Deserialize, Serialize};

/// Name of the cookie that keeps a person's language choice.
pub const LANGUAGE_COOKIE: &str = "portal_lang";

/// A language the portal speaks.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    /// German, the default and fallback.
    #[default]
    De,
    /// English.
    En,
}

impl Locale {
    /// Every supported locale, default first.
    pub const ALL: [Locale; 2] = [Locale::De, Locale::En];

    /// The BCP 47 primary language subtag (`de`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Self::De => "de",
            Self::En => "en",
        }
    }

    /// The language's name in that language, for the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::De => "Deutsch",
            Self::En => "English",
        }
    }

    /// Parses a language tag such as `de`, `de-DE` or `EN-gb`; `None` when unsupported.
    pub fn parse(tag: &str) -> Option<Self> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Self::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// Chooses the page language: an explicit choice (cookie) wins, then the best
    /// supported entry of an `Accept-Language` header, then German.
    pub fn negotiate(choice: Option<&str>, accept_language: Option<&str>) -> Self {
        choice
            .and_then(Self::parse)
            .or_else(|| accept_language.and_then(best_accepted))
            .unwrap_or_default()
    }

    fn langid(self) -> LanguageIdentifier {
        match self {
            Self::De => fluent_templates::langid!("de"),
            Self::En => fluent_templates::langid!("en"),
        }
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The supported locale with the highest quality value in an `Accept-Language` header.
/// Entries with `q=0` are refused languages; malformed entries are skipped.
fn best_accepted(header: &str) -> Option<Locale> {
    let mut best: Option<(Locale, f32)> = None;
    for entry in header.split(',').take(32) {
        let mut parts = entry.split(';');
        let Some(locale) = parts.next().and_then(Locale::parse) else {
            continue;
        };
        let quality = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())
            .filter(|q| (0.0..=1.0).contains(q));
        match quality {
            Some(q) if q > 0.0 && best.is_none_or(|(_, b)| q > b) => best = Some((locale, q)),
            _ => {}
        }
    }
    best.map(|(locale, _)| locale)
}

/// Translation context of one page: its language and the embedded fluent texts.
#[derive(Clone, Copy)]
pub struct I18n {
    /// The page language.
    pub locale: Locale,
    loader: &'static StaticLoader,
}

impl fmt::Debug for I18n {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("I18n")
            .field("locale", &self.locale)
            .finish()
    }
}

impl I18n {
    /// Translation context for `locale` using the texts in `loader`.
    pub fn new(locale: Locale, loader: &'static StaticLoader) -> Self {
        Self { locale, loader }
    }

    /// The same texts in `locale`.
    pub fn in_locale(self, locale: Locale) -> Self {
        Self { locale, ..self }
    }

    /// The text for `key`. A missing key shows the key itself, so it is visible and
    /// found by the tests, and never breaks a page.
    pub fn t(&self, key: &str) -> String {
        self.lookup(key, None)
    }

    /// `date` as people write it in the page's language (`shell-date-format` in the
    /// language's texts: 12.04.1985, 12 April 1985), never as ISO.
    pub fn date(&self, date: chrono::NaiveDate) -> String {
        use std::fmt::Write;
        const GERMAN: &str = "%d.%m.%Y";
        let format = self.try_t("shell-date-format");
        let mut text = String::new();
        // A format a translator mistyped falls back to the German way.
        if write!(text, "{}", date.format(format.as_deref().unwrap_or(GERMAN))).is_err() {
            text.clear();
            let _ = write!(text, "{}", date.format(GERMAN));
        }
        text
    }

    /// `text` as a date for people when it is one (`YYYY-MM-DD`), else unchanged.
    pub fn date_text(&self, text: &str) -> String {
        chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map_or_else(|_| text.to_owned(), |date| self.date(date))
    }

    /// The text for `key`, or `None` where no locale defines it (for keys built from
    /// data, such as a department id, that may lack a text).
    pub fn try_t(&self, key: &str) -> Option<String> {
        self.loader.try_lookup(&self.locale.langid(), key)
    }

    /// The text for `key` with fluent variables, e.g. `[("count", 3.into())]`.
    pub fn t_args(&self, key: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue<'static>> = args
            .iter()
            .map(|(name, value)| (Cow::Borrowed(*name), value.clone()))
            .collect();
        self.lookup(key, Some(&map))
    }

    /// The text for `key` with variables named at run time (from stored data).
    pub fn t_named(&self, key: &str, args: &[(String, String)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue<'static>> = args
            .iter()
            .map(|(name, value)| (Cow::Owned(name.clone()), FluentValue::from(value.clone())))
            .collect();
        self.lookup(key, Some(&map))
    }

    fn lookup(
        &self,
        key: &str,
        args: Option<&HashMap<Cow<'static, str>, FluentValue<'static>>>,
    ) -> String {
        self.loader
            .try_lookup_complete(&self.locale.langid(), key, args)
            .unwrap_or_else(|| key.to_owned())
    }
}

/// Makes `i18n` the translation context of the current component tree.
pub fn provide_i18n(i18n: I18n) {
    provide_context(i18n);
}

/// The portal's texts, for a render that has lost its page context.
static FALLBACK: std::sync::OnceLock<&'static StaticLoader> = std::sync::OnceLock::new();

/// Names the portal's texts once, so [`use_i18n`] can answer even where the page's
/// context is gone: a render the client abandoned goes on briefly after its request's
/// context was dropped, and must end quietly rather than panic.
pub fn set_fallback_texts(loader: &'static StaticLoader) {
    let _ = FALLBACK.set(loader);
}

/// The translation context of the current page (German texts where it is gone).
pub fn use_i18n() -> I18n {
    match (use_context::<I18n>(), FALLBACK.get()) {
        (Some(i18n), _) => i18n,
        (None, Some(loader)) => I18n::new(Locale::De, loader),
        (None, None) => expect_context::<I18n>(),
    }
}

/// The language a request asks for: the language cookie, then `Accept-Language`.
#[cfg(feature = "ssr")]
pub fn request_locale(headers: &axum::http::HeaderMap) -> Locale {
    use axum::http::header;
    let choice = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| {
            let (name, value) = pair.trim().split_once('=')?;
            (name == LANGUAGE_COOKIE).then_some(value)
        });
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    Locale::negotiate(choice, accept)
}

/// Shorthand for `use_i18n().t(key)` inside components.
pub fn t(key: &str) -> String {
    use_i18n().t(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tags_case_insensitively() {
        assert_eq!(Locale::parse("de"), Some(Locale::De));
        assert_eq!(Locale::parse("EN-gb"), Some(Locale::En));
        assert_eq!(Locale::parse("en_US"), Some(Locale::En));
        assert_eq!(Locale::parse("fr"), None);
        assert_eq!(Locale::parse(""), None);
    }

    #[test]
    fn cookie_choice_wins_over_header() {
        assert_eq!(Locale::negotiate(Some("en"), Some("de-DE")), Locale::En);
    }

    #[test]
    fn unsupported_cookie_falls_back_to_header() {
        assert_eq!(
            Locale::negotiate(Some("xx"), Some("en-US,en;q=0.9")),
            Locale::En
        );
    }

    #[test]
    fn header_quality_values_are_respected() {
        let header = "fr-FR, de;q=0.5, en;q=0.8";
        assert_eq!(Locale::negotiate(None, Some(header)), Locale::En);
    }

    #[test]
    fn refused_and_malformed_entries_are_ignored() {
        assert_eq!(
            Locale::negotiate(None, Some("en;q=0, de;q=0.1")),
            Locale::De
        );
        assert_eq!(Locale::negotiate(None, Some("en;q=abc")), Locale::De);
        assert_eq!(Locale::negotiate(None, Some("en;q=7")), Locale::De);
        assert_eq!(Locale::negotiate(None, Some(";;,,")), Locale::De);
    }

    #[test]
    fn german_is_the_default() {
        assert_eq!(Locale::negotiate(None, None), Locale::De);
        assert_eq!(Locale::negotiate(None, Some("fr, it")), Locale::De);
    }
}
