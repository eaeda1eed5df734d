//! How a question becomes a query of the services index: each word by its stems,
//! synonyms, compound parts and beginnings in title, keywords and text; a constant for
//! each word matched, so services matching more of the words come first, less for a
//! word matched only in the text; relevance (BM25) after that; unknown words read as
//! the compounds or typos they are.

use tantivy::{
    Score, Searcher, Term,
    query::{
        BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, FuzzyTermQuery, Occur,
        Query, RegexQuery, TermQuery,
    },
    schema::{Field, IndexRecordOption},
};

use super::{Correction, LanguageIndex};
use crate::analysis;

/// How much a match counts, by where it is.
const TITLE_BOOST: Score = 3.0;
const KEYWORD_BOOST: Score = 2.5;
const BODY_BOOST: Score = 1.0;
pub(super) const PREFIX_BOOST: Score = 1.0;
/// How much a synonym's match counts against the word's own.
const SYNONYM_WEIGHT: Score = 0.5;

/// What matching one word of the question adds beside its relevance: more than any
/// word's relevance, so a service matching more of the words comes first.
const COVERAGE: Score = 50.0;
/// The same for a light word: enough to tell two services matching the same other
/// words apart, too little to lift one that matches only it.
const LIGHT_COVERAGE: Score = 10.0;
/// The share of that for a word matched only in a service's text.
const TEXT_COVERAGE: Score = 0.6;

/// Shortest known word that is also searched as its parts.
const SPLIT_KNOWN_FROM: usize = 8;

/// Shortest part an unknown compound is split into.
const COMPOUND_PART_FROM: usize = 3;

/// Shortest word that also matches as the beginning of longer words.
const PREFIX_FROM: usize = 4;
/// A word's ending left off when it matches as a beginning: one letter in this many.
const ENDING_SHARE: usize = 4;

/// How many edits a word of `chars` characters may be away: none for short words,
/// where one edit makes another word.
pub(super) fn typo_distance(chars: usize) -> u8 {
    match chars {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

impl LanguageIndex {
    /// One query word: its stems (and those of its synonyms, and of its compound
    /// parts' synonyms) in title, keywords and text, and the word as the beginning of
    /// a longer title or keyword word.
    pub(super) fn word_query(&self, word: &str) -> Box<dyn Query> {
        let matches = self.word_matches(word, &[], Reach::Words);
        Box::new(BooleanQuery::new(vec![
            (Occur::Should, matches.in_name),
            (Occur::Should, matches.in_text),
        ]))
    }

    /// [`Self::word_query`] in two: the matches in title and keywords, and in the text.
    fn word_matches(&self, word: &str, known_parts: &[String], reach: Reach) -> WordMatches {
        let mut stemmed = self.stemmed.clone();
        let mut in_name: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut in_text: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut parts = self.parts.clone();
        let split = analysis::terms(&mut parts, word);
        let part_synonyms = split
            .iter()
            .filter(|_| split.len() > 1)
            .flat_map(|part| self.synonyms.alternatives(part));
        // The word as typed outweighs its synonyms.
        let alternatives = std::iter::once((word, 1.0)).chain(
            self.synonyms
                .alternatives(word)
                .iter()
                .chain(part_synonyms)
                .chain(known_parts)
                .map(|synonym| (synonym.as_str(), SYNONYM_WEIGHT)),
        );
        let term_query = |field: Field, term: &str, boost: Score| -> (Occur, Box<dyn Query>) {
            (
                Occur::Should,
                Box::new(BoostQuery::new(
                    Box::new(TermQuery::new(
                        Term::from_field_text(field, term),
                        IndexRecordOption::WithFreqs,
                    )),
                    boost,
                )),
            )
        };
        for (alternative, weight) in alternatives {
            for term in analysis::terms(&mut stemmed, alternative) {
                in_name.push(term_query(self.fields.title, &term, TITLE_BOOST * weight));
                in_name.push(term_query(
                    self.fields.keywords,
                    &term,
                    KEYWORD_BOOST * weight,
                ));
                in_text.push(term_query(self.fields.body, &term, BODY_BOOST * weight));
            }
        }
        // The beginning of a longer word of title or keywords: German compounds the
        // word list does not split ("Taxi" in "Taxigenehmigung"); a long word without
        // its ending, so other forms of it match ("beglaubigte", "Beglaubigung").
        let chars = word.chars().count();
        if chars >= PREFIX_FROM {
            let kept = chars - (chars / ENDING_SHARE).min(chars - PREFIX_FROM);
            let beginning: String = word.chars().take(kept).collect();
            in_name.extend(self.in_whole_words(
                PREFIX_BOOST,
                |term| FuzzyTermQuery::new_prefix(term, 0, false),
                &beginning,
            ));
        }
        if reach == Reach::WordEndings && chars >= PREFIX_FROM {
            for field in [self.fields.title_whole, self.fields.keywords_whole] {
                // Letters only (the whole-word analyser's words), so no pattern syntax.
                if word.chars().all(char::is_alphanumeric)
                    && let Ok(ending) = RegexQuery::from_pattern(&format!(".+{word}"), field)
                {
                    in_name.push((
                        Occur::Should,
                        Box::new(BoostQuery::new(Box::new(ending), PREFIX_BOOST)),
                    ));
                }
            }
        }
        WordMatches {
            in_name: Box::new(BooleanQuery::new(in_name)),
            in_text: Box::new(BooleanQuery::new(in_text)),
        }
    }
}

/// How far a query word reaches into the catalogue's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Reach {
    /// Its stems, synonyms and beginnings.
    Words,
    /// Also the end of longer title and keyword words.
    WordEndings,
}

/// Where a query word matches: in a service's name (title, keywords) or in its text.
struct WordMatches {
    in_name: Box<dyn Query>,
    in_text: Box<dyn Query>,
}

impl LanguageIndex {
    /// The query for `words`: each word's matches for relevance, and once more as a
    /// constant for having matched at all; unknown words read as their corrections.
    pub(super) fn question(
        &self,
        searcher: &Searcher,
        words: &[String],
        reach: Reach,
    ) -> (BooleanQuery, Vec<Correction>) {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut corrections = Vec::new();
        let mut stemmed = self.stemmed.clone();
        for typed in words {
            // Stop words ("ich", "nach") say nothing about the service.
            if analysis::terms(&mut stemmed, typed).is_empty() {
                continue;
            }
            let (read, correction) = self.read(searcher, typed);
            corrections.extend(correction);
            for word in read {
                // A compound the catalogue has also finds its parts, weighed as synonyms
                // ("Heiratsurkunde" finds "Urkundenbestellung").
                let parts = if word.chars().count() >= SPLIT_KNOWN_FROM {
                    self.parts_known(searcher, &word).unwrap_or_default()
                } else {
                    Vec::new()
                };
                self.add_word(&mut clauses, &word, &parts, reach);
            }
        }
        (BooleanQuery::new(clauses), corrections)
    }

    /// How a typed word is searched: as typed when the catalogue knows it; else as
    /// the two known words it is made of (a compound the catalogue writes apart or
    /// otherwise: "Meldeadresse"); else as the nearest known word (a typo, reported).
    fn read(&self, searcher: &Searcher, typed: &str) -> (Vec<String>, Option<Correction>) {
        if self.known(searcher, typed) {
            return (vec![typed.to_owned()], None);
        }
        if let Some(parts) = self.parts_known(searcher, typed) {
            return (parts, None);
        }
        match self.correction(searcher, typed) {
            Some(meant) => (
                vec![meant.clone()],
                Some(Correction {
                    typed: typed.to_owned(),
                    meant,
                }),
            ),
            None => (vec![typed.to_owned()], None),
        }
    }

    /// `word` split in two known words (the first possibly with a linking "s"), the
    /// longest first part first.
    fn parts_known(&self, searcher: &Searcher, word: &str) -> Option<Vec<String>> {
        let bounds: Vec<usize> = word.char_indices().map(|(at, _)| at).collect();
        let chars = bounds.len();
        (COMPOUND_PART_FROM..=chars.saturating_sub(COMPOUND_PART_FROM))
            .rev()
            .find_map(|split| {
                let (head, tail) = word.split_at(bounds[split]);
                let head_known = self.known(searcher, head)
                    || head
                        .strip_suffix('s')
                        .is_some_and(|stem| self.known(searcher, stem));
                (head_known && self.known(searcher, tail))
                    .then(|| vec![head.trim_end_matches('s').to_owned(), tail.to_owned()])
            })
    }

    /// `word`'s clauses: its matches for relevance, and once more as a constant for
    /// having matched at all.
    fn add_word(
        &self,
        clauses: &mut Vec<(Occur, Box<dyn Query>)>,
        word: &str,
        parts: &[String],
        reach: Reach,
    ) {
        {
            let matches = self.word_matches(word, parts, reach);
            let coverage = if self.light_words.contains(word) {
                LIGHT_COVERAGE
            } else {
                COVERAGE
            };
            // Matching in the name counts fully, only in the text less: the name says
            // what the service is, the text mentions much else.
            clauses.push((
                Occur::Should,
                Box::new(DisjunctionMaxQuery::new(vec![
                    Box::new(ConstScoreQuery::new(matches.in_name.box_clone(), coverage)),
                    Box::new(ConstScoreQuery::new(
                        matches.in_text.box_clone(),
                        coverage * TEXT_COVERAGE,
                    )),
                ])),
            ));
            clauses.push((Occur::Should, matches.in_name));
            clauses.push((Occur::Should, matches.in_text));
        }
    }

    /// Whether the catalogue has `word`: one of its stems in title, keywords or text,
    /// the word itself in title or keywords, or a synonym for it.
    fn known(&self, searcher: &Searcher, word: &str) -> bool {
        if !self.synonyms.alternatives(word).is_empty() {
            return true;
        }
        let has = |field: Field, text: &str| {
            searcher
                .doc_freq(&Term::from_field_text(field, text))
                .is_ok_and(|n| n > 0)
        };
        let fields = &self.fields;
        let mut stemmed = self.stemmed.clone();
        analysis::terms(&mut stemmed, word).iter().any(|stem| {
            [fields.title, fields.keywords, fields.body]
                .into_iter()
                .any(|field| has(field, stem))
        }) || [fields.title_whole, fields.keywords_whole]
            .into_iter()
            .any(|field| has(field, word))
    }

    /// The title or keyword word nearest to `word` within its typo distance (the more
    /// frequent of equally near ones), if there is one.
    fn correction(&self, searcher: &Searcher, word: &str) -> Option<String> {
        let chars = word.chars().count();
        let distance = usize::from(typo_distance(chars));
        if distance == 0 {
            return None;
        }
        let mut best: Option<(usize, std::cmp::Reverse<u32>, String)> = None;
        for field in [self.fields.title_whole, self.fields.keywords_whole] {
            for segment in searcher.segment_readers() {
                let Ok(inverted) = segment.inverted_index(field) else {
                    continue;
                };
                let Ok(mut stream) = inverted.terms().stream() else {
                    continue;
                };
                while stream.advance() {
                    let Ok(candidate) = std::str::from_utf8(stream.key()) else {
                        continue;
                    };
                    if candidate.chars().count().abs_diff(chars) > distance {
                        continue;
                    }
                    let edits = strsim::damerau_levenshtein(word, candidate);
                    if edits == 0 || edits > distance {
                        continue;
                    }
                    let ranked = (
                        edits,
                        std::cmp::Reverse(stream.value().doc_freq),
                        candidate.to_owned(),
                    );
                    if best.as_ref().is_none_or(|b| ranked < *b) {
                        best = Some(ranked);
                    }
                }
            }
        }
        best.map(|(_, _, candidate)| candidate)
    }
}

impl LanguageIndex {
    /// `matching` of `word` in the whole words of title and keywords, weighted `boost`.
    pub(super) fn in_whole_words(
        &self,
        boost: Score,
        matching: impl Fn(Term) -> FuzzyTermQuery,
        word: &str,
    ) -> Vec<(Occur, Box<dyn Query>)> {
        [self.fields.title_whole, self.fields.keywords_whole]
            .into_iter()
            .map(|field| {
                let query = matching(Term::from_field_text(field, word));
                (
                    Occur::Should,
                    Box::new(BoostQuery::new(Box::new(query), boost)) as Box<dyn Query>,
                )
            })
            .collect()
    }
}
