//! Texts that departments write into definitions, in the portal's languages.

use serde::{Deserialize, Serialize};

use crate::Locale;

/// A text in the portal's languages. German is required; English is expected and the
/// German text is shown where it is missing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// German text.
    pub de: String,
    /// English text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl Text {
    /// The text in `locale`, German where that is missing.
    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::En => self.en.as_deref().unwrap_or(&self.de),
            Locale::De => &self.de,
        }
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
