//! How texts become terms. German: words split at non-letters, lower-cased, stop words
//! ("der", "aus") dropped, compound words split into the parts a word list knows (`anwohnerparkausweis` → `anwohner`,
//! `park`, `ausweis`), then stemmed (Snowball, which also folds umlauts), so that
//! "Hund anmelden" meets "Hundeanmeldung". English: lower-cased and stemmed. Beside
//! each, a "whole word" analysis (lower-cased only) that typo-tolerant matching
//! compares against, since a misspelt compound cannot be split.

use kernel::Locale;
use tantivy::{
    Index,
    tokenizer::{
        Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, SplitCompoundWords, Stemmer,
        StopWordFilter, TextAnalyzer,
    },
};

/// Words longer than this are dropped (no real word is; base64 and the like are).
const LONGEST_WORD: usize = 40;

/// Names under which the analysers are registered on an index.
#[derive(Clone, Copy, Debug)]
pub struct Analysers {
    /// Split and stemmed terms.
    pub stemmed: &'static str,
    /// Whole lower-cased words.
    pub whole: &'static str,
}

/// The languages the search analyses and keeps an index for. Documents are written in
/// these; a page in another language searches the German index (see
/// [`crate::service_index::ServiceIndex::search_narrowed`]).
pub const ANALYSED: [Locale; 2] = [Locale::DE, Locale::EN];

/// The analysers of `locale` (German's for a language the search does not analyse).
pub fn analysers(locale: Locale) -> Analysers {
    if locale == Locale::EN {
        Analysers {
            stemmed: "portal_en",
            whole: "portal_en_whole",
        }
    } else {
        Analysers {
            stemmed: "portal_de",
            whole: "portal_de_whole",
        }
    }
}

/// The stemming analyser of `locale`; `compound_parts` (lower case) are the parts
/// German compounds are split into.
pub fn stemmed(locale: Locale, compound_parts: &[String]) -> tantivy::Result<TextAnalyzer> {
    let words = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST_WORD))
        .filter(LowerCaser);
    // Words like "der" or "aus" would match every text and outweigh the word that
    // matters; they are dropped before stemming.
    let stop = |language| {
        StopWordFilter::new(language).ok_or_else(|| {
            tantivy::TantivyError::InvalidArgument("no stop words for the language".into())
        })
    };
    Ok(if locale == Locale::EN {
        words
            .filter(stop(Language::English)?)
            .filter(Stemmer::new(Language::English))
            .build()
    } else {
        words
            .filter(stop(Language::German)?)
            .filter(SplitCompoundWords::from_dictionary(compound_parts)?)
            .filter(Stemmer::new(Language::German))
            .build()
    })
}

/// The whole-word analyser (every language).
pub fn whole() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST_WORD))
        .filter(LowerCaser)
        .build()
}

/// Whole words split into `compound_parts` where they are made of them, not stemmed:
/// the parts as they are written, to look up their synonyms.
pub fn parts(compound_parts: &[String]) -> tantivy::Result<TextAnalyzer> {
    let words = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST_WORD))
        .filter(LowerCaser);
    Ok(if compound_parts.is_empty() {
        words.build()
    } else {
        words
            .filter(SplitCompoundWords::from_dictionary(compound_parts)?)
            .build()
    })
}

/// Registers the analysers of `locale` on `index`.
pub fn register(index: &Index, locale: Locale, compound_parts: &[String]) -> tantivy::Result<()> {
    let names = analysers(locale);
    index
        .tokenizers()
        .register(names.stemmed, stemmed(locale, compound_parts)?);
    index.tokenizers().register(names.whole, whole());
    Ok(())
}

/// The terms `analyser` makes of `text`.
pub fn terms(analyser: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyser.token_stream(text);
    let mut terms = Vec::new();
    while let Some(token) = stream.next() {
        terms.push(token.text.clone());
    }
    terms
}

/// The parts of a compound-word list: one part per line, `#` starts a comment.
pub fn compound_parts(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| {
            line.split('#')
                .next()
                .unwrap_or_default()
                .trim()
                .to_lowercase()
        })
        .filter(|part| !part.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn german(text: &str) -> Vec<String> {
        let parts =
            compound_parts("anwohner\npark\nausweis\npersonal\nhunde\nanmeldung\nsperr\nmüll");
        terms(&mut stemmed(Locale::DE, &parts).unwrap(), text)
    }

    #[test]
    fn german_compounds_are_split_and_stemmed() {
        assert_eq!(german("Anwohnerparkausweis"), ["anwohn", "park", "ausweis"]);
        assert_eq!(german("Hundeanmeldung"), german("Hund anmelden"));
        assert_eq!(german("Sperrmüll"), ["sperr", "mull"]);
        // Not fully made of known parts: kept whole.
        assert_eq!(german("Bauantrag"), ["bauantrag"]);
    }

    #[test]
    fn stop_words_are_dropped() {
        assert_eq!(german("aus der Kirche austreten"), ["kirch", "austret"]);
        let mut english = stemmed(Locale::EN, &[]).unwrap();
        assert_eq!(
            terms(&mut english, "the dog of a neighbour"),
            ["dog", "neighbour"]
        );
    }

    #[test]
    fn english_is_stemmed() {
        let mut english = stemmed(Locale::EN, &[]).unwrap();
        assert_eq!(terms(&mut english, "Registering dogs"), ["regist", "dog"]);
    }
}
