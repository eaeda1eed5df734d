//! A pattern no answer can follow: one whose language is empty (an empty class), or
//! whose every match is longer than the longest answer the field takes, or shorter than
//! its shortest. Such a field can never be answered; when it is required, the service
//! can never be filed. Read from the pattern's syntax tree (`regex-syntax`), on the
//! server only.

use regex_syntax::ParserBuilder;

use super::Findings;
use crate::{
    definition::{Field, FieldType},
    validate::{DEFAULT_TEXT_MAX, DEFAULT_TEXTAREA_MAX},
};

/// Errors for `field`'s pattern at `path` that no answer can follow.
pub(super) fn field(f: &mut Findings, field: &Field, path: &str) {
    let Some(pattern) = &field.pattern else {
        return;
    };
    let place = format!("{path}.pattern.regex");
    let Ok(chars) = ParserBuilder::new().build().parse(&pattern.regex) else {
        return;
    };
    if chars.properties().minimum_len().is_none() {
        f.error(&place, "no answer can follow it: it matches nothing");
        return;
    }
    // Lengths unit by unit, with ASCII classes as the forms' small engine reads them:
    // for a pattern written in ASCII, one unit matched is one character.
    if !pattern.regex.is_ascii() {
        return;
    }
    let Ok(units) = ParserBuilder::new()
        .unicode(false)
        .utf8(false)
        .build()
        .parse(&pattern.regex)
    else {
        return;
    };
    let properties = units.properties();
    let Some(shortest) = properties.minimum_len() else {
        return;
    };
    let longest_answer = field.max_length.unwrap_or(match field.kind {
        FieldType::Textarea => DEFAULT_TEXTAREA_MAX,
        _ => DEFAULT_TEXT_MAX,
    });
    if shortest > usize::try_from(longest_answer).unwrap_or(usize::MAX) {
        f.error(
            &place,
            format!(
                "no answer can follow it: it needs at least {shortest} characters, \
                 the field takes at most {longest_answer}"
            ),
        );
    }
    if let (Some(longest), Some(fewest)) = (properties.maximum_len(), field.min_length)
        && longest < usize::try_from(fewest).unwrap_or(usize::MAX)
    {
        f.error(
            &place,
            format!(
                "no answer can follow it: it takes at most {longest} characters, \
                 the field needs at least {fewest}"
            ),
        );
    }
}
