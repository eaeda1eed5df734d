//! The whole words of titles and keywords, kept beside the reader and read again after
//! each change, to find the longer words a word begins ("Taxi" in "Taxigenehmigung") or
//! ends ("Bestellung" in "Urkundenbestellung"): a prefix or pattern query would build
//! an automaton for every word and synonym of every question, which costs
//! milliseconds; a look through these few thousand words costs microseconds. The
//! nearest word to a misspelt one is looked for among them too.

use std::collections::BTreeMap;

use tantivy::{Searcher, TantivyError, Term, schema::Field};

/// Each whole-word field with its words, sorted, and the number of documents each is
/// in.
#[derive(Debug, Default)]
pub(super) struct WholeWords {
    fields: Vec<(Field, Vec<(String, u32)>)>,
}

impl WholeWords {
    /// The words of `fields` in the index `searcher` reads.
    pub(super) fn read(searcher: &Searcher, fields: &[Field]) -> Result<Self, TantivyError> {
        let mut read = Vec::new();
        for &field in fields {
            let mut words = BTreeMap::new();
            for segment in searcher.segment_readers() {
                let inverted = segment.inverted_index(field)?;
                let mut stream = inverted.terms().stream()?;
                while stream.advance() {
                    if let Ok(word) = std::str::from_utf8(stream.key()) {
                        *words.entry(word.to_owned()).or_insert(0) += stream.value().doc_freq;
                    }
                }
            }
            read.push((field, words.into_iter().collect()));
        }
        Ok(Self { fields: read })
    }

    /// The words of `field` that begin with `beginning` (itself included).
    pub(super) fn beginning_with(&self, field: Field, beginning: &str) -> Vec<Term> {
        self.fields
            .iter()
            .filter(|(f, _)| *f == field)
            .flat_map(|(_, words)| {
                // The words are sorted: those beginning alike stand together.
                let first = words.partition_point(|(word, _)| word.as_str() < beginning);
                words[first..]
                    .iter()
                    .map(|(word, _)| word)
                    .take_while(|word| word.starts_with(beginning))
            })
            .map(|word| Term::from_field_text(field, word))
            .collect()
    }

    /// The words of `field` that end with `ending` and are longer.
    pub(super) fn ending_with(&self, field: Field, ending: &str) -> Vec<Term> {
        self.fields
            .iter()
            .filter(|(f, _)| *f == field)
            .flat_map(|(_, words)| words)
            .map(|(word, _)| word)
            .filter(|word| word.len() > ending.len() && word.ends_with(ending))
            .map(|word| Term::from_field_text(field, word))
            .collect()
    }

    /// Every word of every field with the number of documents it is in (a word of
    /// title and keywords comes once for each).
    pub(super) fn with_counts(&self) -> impl Iterator<Item = (&str, u32)> {
        self.fields
            .iter()
            .flat_map(|(_, words)| words)
            .map(|(word, count)| (word.as_str(), *count))
    }
}
