//! Languages and translations.
//!
//! German is the portal's default language and the fallback for every text; English is
//! always complete. A language is a folder `locales/<tag>/` (see [`languages`]). The
//! page language comes from the `portal_lang` cookie, then `Accept-Language`, then
//! German. A text missing in the page language is shown in German and marked as German
//! (`lang="de"`) where it is a text of the page (see [`I18n::phrase`]).

pub mod languages;
mod locale;
pub mod texts;

use std::{borrow::Cow, fmt};

use fluent_templates::{LanguageIdentifier, fluent_bundle::FluentValue};
use leptos::{either::Either, prelude::*};

pub use languages::{Direction, Language};
pub use locale::Locale;
pub use texts::{FetchedTexts, Texts};

use texts::Args;

/// Name of the cookie that keeps a person's language choice.
pub const LANGUAGE_COOKIE: &str = "portal_lang";

/// Translation context of one page: its language and the portal's texts.
#[derive(Clone, Copy)]
pub struct I18n {
    /// The page language.
    pub locale: Locale,
    texts: &'static dyn Texts,
}

impl fmt::Debug for I18n {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("I18n")
            .field("locale", &self.locale)
            .finish()
    }
}

impl I18n {
    /// Translation context for `locale` using `texts`, which become the portal's
    /// texts (and their languages the offered ones) if none are yet.
    pub fn new(locale: Locale, texts: &'static dyn Texts) -> Self {
        languages::install(texts);
        Self { locale, texts }
    }

    /// The same texts in `locale`.
    pub fn in_locale(self, locale: Locale) -> Self {
        Self { locale, ..self }
    }

    /// The writing direction of the page language.
    pub fn direction(&self) -> Direction {
        self.locale.language().direction
    }

    /// The text for `key`. A missing key shows the key itself, so it is visible and
    /// found by the tests, and never breaks a page.
    pub fn t(&self, key: &str) -> String {
        self.lookup(key, None)
    }

    /// The text for `key` as a part of the page: where the page language lacks it, the
    /// German text in `<span lang="de">`, so screen readers pronounce it as German.
    /// Use [`I18n::t`] where the text goes into an attribute or a longer string.
    pub fn phrase(&self, key: &str) -> impl IntoView + use<> {
        marked(self.find(key, None), key, self.locale)
    }

    /// [`I18n::phrase`] with fluent variables.
    pub fn phrase_args(
        &self,
        key: &str,
        args: &[(&'static str, FluentValue<'static>)],
    ) -> impl IntoView + use<> {
        marked(self.find(key, Some(&to_args(args))), key, self.locale)
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

    /// `value` with `places` decimals as people write it in the page's language (the
    /// separator is `shell-decimal-separator`: 1,7 in German, 1.7 in English).
    pub fn decimal(&self, value: f64, places: usize) -> String {
        let text = format!("{value:.places$}");
        match self.try_t("shell-decimal-separator") {
            Some(separator) if separator != "." => text.replace('.', &separator),
            _ => text,
        }
    }

    /// `text` as a date for people when it is one (`YYYY-MM-DD`), else unchanged.
    pub fn date_text(&self, text: &str) -> String {
        chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map_or_else(|_| text.to_owned(), |date| self.date(date))
    }

    /// The text for `key`, or `None` where neither the page language nor German defines
    /// it (for keys built from data, such as a department id, that may lack a text).
    pub fn try_t(&self, key: &str) -> Option<String> {
        self.find(key, None).map(|found| found.text)
    }

    /// The text for `key` and the language it is written in: the page's, or German
    /// where the page language lacks it (to mark a longer text with `lang`).
    pub fn t_written(&self, key: &str) -> (String, Locale) {
        match self.find(key, None) {
            Some(found) => (found.text, found.fallback.unwrap_or(self.locale)),
            None => (key.to_owned(), self.locale),
        }
    }

    /// The text for `key` with fluent variables, e.g. `[("count", 3.into())]`.
    pub fn t_args(&self, key: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
        self.lookup(key, Some(&to_args(args)))
    }

    /// The text for `key` with variables named at run time (from stored data).
    pub fn t_named(&self, key: &str, args: &[(String, String)]) -> String {
        let map: Args = args
            .iter()
            .map(|(name, value)| (Cow::Owned(name.clone()), FluentValue::from(value.clone())))
            .collect();
        self.lookup(key, Some(&map))
    }

    fn lookup(&self, key: &str, args: Option<&Args>) -> String {
        self.find(key, args)
            .map_or_else(|| key.to_owned(), |found| found.text)
    }

    /// The text in the page language, else in German (saying so).
    fn find(&self, key: &str, args: Option<&Args>) -> Option<Found> {
        let in_language = |locale: Locale| {
            let id: LanguageIdentifier = locale.code().parse().ok()?;
            self.texts.lookup(&id, key, args)
        };
        if let Some(text) = in_language(self.locale) {
            return Some(Found {
                text,
                fallback: None,
            });
        }
        (self.locale != Locale::DE)
            .then(|| in_language(Locale::DE))
            .flatten()
            .map(|text| Found {
                text,
                fallback: Some(Locale::DE),
            })
    }
}

/// A looked-up text and, where the page language lacks it, the language it is in.
struct Found {
    text: String,
    fallback: Option<Locale>,
}

fn to_args(args: &[(&'static str, FluentValue<'static>)]) -> Args {
    args.iter()
        .map(|(name, value)| (Cow::Borrowed(*name), value.clone()))
        .collect()
}

fn marked(found: Option<Found>, key: &str, page: Locale) -> impl IntoView + use<> {
    match found {
        Some(Found { text, fallback }) => in_language(text, page, fallback.unwrap_or(page)),
        None => in_language(key.to_owned(), page, page),
    }
}

/// `text`, written in `written`, as a part of a page in `page`: as it is where the
/// languages agree, else in `<span lang="…">` so screen readers pronounce it rightly.
/// Fluent texts ([`I18n::phrase`]), definition texts ([`crate::Text::phrase`]) and
/// module labels all mark their fallbacks here.
pub fn in_language(text: String, page: Locale, written: Locale) -> impl IntoView + use<> {
    if written == page {
        Either::Left(text)
    } else {
        Either::Right(view! { <span lang=written.code()>{text}</span> })
    }
}

/// Makes `i18n` the translation context of the current component tree.
pub fn provide_i18n(i18n: I18n) {
    provide_context(i18n);
}

/// The translation context of the current page. In the browser an island has no
/// page context: it translates into the language the server wrote to `<html lang>`.
/// On the server, where the page's context is gone (a render the client abandoned goes
/// on briefly after its request's context was dropped), it answers in German, so such
/// a render ends quietly rather than panics.
pub fn use_i18n() -> I18n {
    match (use_context::<I18n>(), languages::installed_texts()) {
        (Some(i18n), _) => i18n,
        (None, Some(texts)) => I18n::new(context_free_locale(), texts),
        (None, None) => expect_context::<I18n>(),
    }
}

/// The language of a render without a translation context.
fn context_free_locale() -> Locale {
    #[cfg(feature = "hydrate")]
    {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|html| html.get_attribute("lang"))
            .and_then(|lang| Locale::parse(&lang))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "hydrate"))]
    Locale::DE
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

/// Shorthand for `use_i18n().phrase(key)` inside components.
pub fn phrase(key: &str) -> impl IntoView + use<> {
    use_i18n().phrase(key)
}
