//! The languages the portal offers, found in the texts the host embeds.
//!
//! A language is a folder `locales/<tag>/` with the modules' fluent files; the host
//! embeds every folder and hands the texts to [`install`] once at start (the browser
//! installs the languages its page fetched). Each folder names its language and writing direction in its
//! `language.ftl` (`language-name`, `language-direction = rtl` for Arabic, Persian…).
//! Adding a language is adding a folder: no code lists them.

use std::sync::OnceLock;

use fluent_templates::LanguageIdentifier;

use super::{Locale, Texts};

/// Writing direction of a language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Latin, Cyrillic and most scripts.
    LeftToRight,
    /// Arabic, Hebrew, Persian and their scripts.
    RightToLeft,
}

impl Direction {
    /// The value of an HTML `dir` attribute.
    pub fn attribute(self) -> &'static str {
        match self {
            Self::LeftToRight => "ltr",
            Self::RightToLeft => "rtl",
        }
    }
}

/// An offered language: its locale, its name in itself and its writing direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Language {
    /// The locale, by primary subtag.
    pub locale: Locale,
    /// The language's name in that language (`Deutsch`, `Türkçe`).
    pub name: &'static str,
    /// How the language is written.
    pub direction: Direction,
}

impl Language {
    /// A language the texts say nothing of: named by its tag, left to right.
    pub(super) fn unnamed(locale: Locale) -> Self {
        Self {
            locale,
            name: locale.code(),
            direction: Direction::LeftToRight,
        }
    }
}

struct Installed {
    texts: &'static dyn Texts,
    languages: Vec<Language>,
}

static INSTALLED: OnceLock<Installed> = OnceLock::new();

/// German alone: what the portal offers before the host has installed its texts.
const GERMAN_ONLY: &[Language] = &[Language {
    locale: Locale::DE,
    name: "Deutsch",
    direction: Direction::LeftToRight,
}];

/// Makes `texts` the portal's texts and their languages the offered ones. The first
/// call decides; later calls (every page asks) return at once.
pub fn install(texts: &'static dyn Texts) {
    INSTALLED.get_or_init(|| Installed {
        texts,
        languages: discover(texts),
    });
}

/// The offered languages: German first, then the others by tag.
pub fn offered() -> &'static [Language] {
    INSTALLED
        .get()
        .map_or(GERMAN_ONLY, |installed| installed.languages.as_slice())
}

/// The installed texts, if the host has installed them.
pub(super) fn installed_texts() -> Option<&'static dyn Texts> {
    INSTALLED.get().map(|installed| installed.texts)
}

fn discover(texts: &'static dyn Texts) -> Vec<Language> {
    let mut languages: Vec<Language> = texts
        .languages()
        .iter()
        .map(|id| describe(texts, id))
        .collect();
    languages.sort_by_key(|l| (l.locale != Locale::DE, l.locale));
    languages.dedup_by_key(|l| l.locale);
    languages
}

fn describe(texts: &dyn Texts, id: &LanguageIdentifier) -> Language {
    let tag = id.language.as_str();
    let locale = match tag {
        "de" => Locale::DE,
        "en" => Locale::EN,
        // Leaked once per folder at start: a locale is a `Copy` tag for the whole run.
        other => Locale::discovered(Box::leak(other.to_owned().into_boxed_str())),
    };
    let own = |key: &str| texts.lookup(id, key, None);
    Language {
        locale,
        name: own("language-name").map_or(locale.code(), |name| Box::leak(name.into_boxed_str())),
        direction: match own("language-direction").as_deref().map(str::trim) {
            Some("rtl") => Direction::RightToLeft,
            _ => Direction::LeftToRight,
        },
    }
}
