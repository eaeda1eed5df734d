//! How a question becomes a query of the services index: each word by its stems,
//! synonyms, compound parts, beginnings and endings in title, keywords and text; a
//! constant for each word matched, so services matching more of the words come first,
//! less for a word matched only in the text or only by a part of it; relevance (BM25)
//! after that; unknown words read as the compounds or typos they are.

use std::collections::HashSet;

use tantivy::{
    DocAddress, Score, Searcher, Term,
    query::{
        BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, Occur, Query, TermQuery,
    },
    schema::{Field, IndexRecordOption},
};

use super::{Correction, LanguageIndex, SearchError, WholeWords, values};
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
/// The share for a word matched only by a part of it.
const PART_COVERAGE: Score = 0.6;

/// What a title made only of the words asked for adds: less than the difference
/// between a word matched in the name and in the text, so it decides only between
/// services matching alike.
const FITTING_NAME: Score = 15.0;
/// The first matches looked at for such a title.
const FITTING_CONSIDERED: usize = 20;

/// Shortest known word that is also searched as its parts.
const SPLIT_KNOWN_FROM: usize = 8;

/// Shortest part an unknown compound is split into.
const COMPOUND_PART_FROM: usize = 3;

/// Shortest word that also matches as the beginning of longer words.
const PREFIX_FROM: usize = 4;
/// A word's ending left off when it matches as a beginning: one letter in this many.
const ENDING_SHARE: usize = 4;
/// Shortest word that also matches as the end of longer words.
const ENDING_FROM: usize = 8;

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
    /// Moves up, among the first matches, the services whose title is made only of
    /// words asked for (or their synonyms): "Parkausweis" for "Parkausweis beantragen".
    pub(super) fn favour_fitting_names(
        &self,
        searcher: &Searcher,
        words: &[String],
        found: &mut [(Score, DocAddress)],
    ) -> Result<(), SearchError> {
        let mut stemmed = self.stemmed.clone();
        let asked: HashSet<String> = words
            .iter()
            .flat_map(|word| std::iter::once(word).chain(self.synonyms.alternatives(word)))
            .flat_map(|word| analysis::terms(&mut stemmed, word))
            .collect();
        let first = found.len().min(FITTING_CONSIDERED);
        let columns = searcher
            .segment_readers()
            .iter()
            .map(|segment| segment.fast_fields().str("title_column"))
            .collect::<Result<Vec<_>, _>>()?;
        for (score, address) in &mut found[..first] {
            let column = columns[address.segment_ord as usize].as_ref();
            let title = values(column, address.doc_id)?.concat();
            let title_stems = analysis::terms(&mut stemmed, &title);
            if !title_stems.is_empty() && title_stems.iter().all(|t| asked.contains(t)) {
                *score += FITTING_NAME;
            }
        }
        found[..first].sort_by(|a, b| b.0.total_cmp(&a.0));
        Ok(())
    }

    /// One query word: its stems (and those of its synonyms, and of its compound
    /// parts' synonyms) in title, keywords and text, and the word as the beginning of
    /// a longer title or keyword word.
    pub(super) fn word_query(&self, word: &str) -> Box<dyn Query> {
        let matches = self.word_matches(word, &[], Reach::Words);
        Box::new(BooleanQuery::new(matches.relevance().into()))
    }

    /// [`Self::word_query`]'s matches, by where they are and whether they are of the
    /// word (or a synonym) as a whole or only of a part of it.
    fn word_matches(&self, word: &str, known_parts: &[String], reach: Reach) -> WordMatches {
        let mut stemmed = self.stemmed.clone();
        let mut relevance = Placed::default();
        let mut whole = Placed::default();
        let mut part = Placed::default();
        let mut parts = self.parts.clone();
        let split = analysis::terms(&mut parts, word);
        let part_synonyms = split
            .iter()
            .filter(|_| split.len() > 1)
            .flat_map(|part| self.synonyms.alternatives(part));
        // The word as typed outweighs its synonyms; its parts match only part of it.
        let alternatives = std::iter::once((word, 1.0, true))
            .chain(
                self.synonyms
                    .alternatives(word)
                    .iter()
                    .map(|synonym| (synonym.as_str(), SYNONYM_WEIGHT, true)),
            )
            .chain(
                part_synonyms
                    .chain(known_parts)
                    .map(|part| (part.as_str(), SYNONYM_WEIGHT, false)),
            );
        let ending_from = match reach {
            Reach::Words => ENDING_FROM,
            Reach::WordEndings => PREFIX_FROM,
        };
        let whole_words = self.whole_words();
        let mut beginnings: Vec<String> = Vec::new();
        for (alternative, weight, is_whole) in alternatives {
            let boost = PREFIX_BOOST * weight;
            // The beginning of a longer word of title or keywords: German compounds
            // the word list does not split ("Taxi" in "Taxigenehmigung", a synonym's
            // "Miete" in "Mietspiegel"); a long word without its ending, so other forms
            // of it match ("beglaubigte", "Beglaubigung").
            let beginning = word_beginning(alternative).filter(|b| !beginnings.contains(b));
            // The end of a longer title or keyword word: German puts a compound's
            // head last, so a "Urkundenbestellung" is a "Bestellung". Long words
            // always; shorter ones only when nothing else was found.
            let as_ending = alternative.chars().count() >= ending_from;
            for field in self.fields.whole_words() {
                let covered = if is_whole { &mut whole } else { &mut part };
                for placed in [&mut relevance, covered] {
                    if let Some(beginning) = &beginning {
                        placed
                            .name
                            .extend(beginning_query(&whole_words, field, beginning, boost));
                    }
                    if as_ending {
                        placed
                            .name
                            .extend(ending_query(&whole_words, field, alternative, boost));
                    }
                }
            }
            beginnings.extend(beginning);
            let terms = analysis::terms(&mut stemmed, alternative);
            let fields = [
                (self.fields.title, TITLE_BOOST, true),
                (self.fields.keywords, KEYWORD_BOOST, true),
                (self.fields.body, BODY_BOOST, false),
            ];
            for (field, field_boost, in_name) in fields {
                let queries = || {
                    terms
                        .iter()
                        .map(|t| term_query(field, t, field_boost * weight))
                };
                relevance.push(in_name, queries().collect());
                // A word the compound list splits ("Waffenschein") is matched as a
                // whole where all its parts are; one part alone is a part's match.
                let covered = if is_whole && terms.len() > 1 {
                    whole.push(in_name, vec![all_of(queries())]);
                    &mut part
                } else if is_whole {
                    &mut whole
                } else {
                    &mut part
                };
                covered.push(in_name, queries().collect());
            }
        }
        WordMatches {
            relevance: relevance.into_queries(),
            whole: whole.into_queries(),
            part: part.into_queries(),
        }
    }
}

/// A term of `field`, weighted `boost`.
fn term_query(field: Field, term: &str, boost: Score) -> (Occur, Box<dyn Query>) {
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
}

/// One clause that matches where all of `clauses` do.
fn all_of(clauses: impl Iterator<Item = (Occur, Box<dyn Query>)>) -> (Occur, Box<dyn Query>) {
    let every = clauses.map(|(_, query)| (Occur::Must, query)).collect();
    (Occur::Should, Box::new(BooleanQuery::new(every)))
}

/// Clauses, by whether they match in a service's name (title, keywords) or text.
#[derive(Default)]
struct Placed {
    name: Vec<(Occur, Box<dyn Query>)>,
    text: Vec<(Occur, Box<dyn Query>)>,
}

impl Placed {
    fn push(&mut self, in_name: bool, clauses: Vec<(Occur, Box<dyn Query>)>) {
        if in_name {
            self.name.extend(clauses);
        } else {
            self.text.extend(clauses);
        }
    }

    fn into_queries(self) -> NameAndText {
        NameAndText {
            name: Box::new(BooleanQuery::new(self.name)),
            text: Box::new(BooleanQuery::new(self.text)),
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

/// A query in a service's name (title, keywords) and one in its text.
struct NameAndText {
    name: Box<dyn Query>,
    text: Box<dyn Query>,
}

/// Where a query word matches: all its matches for relevance; those of the word as a
/// whole (or a synonym), and those of a part of it only, for coverage.
struct WordMatches {
    relevance: NameAndText,
    whole: NameAndText,
    part: NameAndText,
}

impl WordMatches {
    /// The matches as clauses whose scores add up to the word's relevance.
    fn relevance(self) -> [(Occur, Box<dyn Query>); 2] {
        [
            (Occur::Should, self.relevance.name),
            (Occur::Should, self.relevance.text),
        ]
    }
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
        match self.correction(typed) {
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
            // what the service is, the text mentions much else. A part of the word
            // ("Schein" of "Waffenschein") says less than the word.
            let constant = |query: &dyn Query, share: Score| -> Box<dyn Query> {
                Box::new(ConstScoreQuery::new(query.box_clone(), coverage * share))
            };
            clauses.push((
                Occur::Should,
                Box::new(DisjunctionMaxQuery::new(vec![
                    constant(&*matches.whole.name, 1.0),
                    constant(&*matches.whole.text, TEXT_COVERAGE),
                    constant(&*matches.part.name, PART_COVERAGE),
                    constant(&*matches.part.text, TEXT_COVERAGE * PART_COVERAGE),
                ])),
            ));
            clauses.extend(matches.relevance());
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
    fn correction(&self, word: &str) -> Option<String> {
        let chars = word.chars().count();
        let distance = usize::from(typo_distance(chars));
        if distance == 0 {
            return None;
        }
        let mut best: Option<(usize, std::cmp::Reverse<u32>, &str)> = None;
        let whole_words = self.whole_words();
        for (candidate, count) in whole_words.with_counts() {
            if candidate.chars().count().abs_diff(chars) > distance {
                continue;
            }
            let edits = strsim::damerau_levenshtein(word, candidate);
            if edits == 0 || edits > distance {
                continue;
            }
            let ranked = (edits, std::cmp::Reverse(count), candidate);
            if best.as_ref().is_none_or(|b| ranked < *b) {
                best = Some(ranked);
            }
        }
        best.map(|(_, _, candidate)| candidate.to_owned())
    }
}

/// The beginning `word` matches longer title and keyword words by: the word without a
/// quarter of its letters, keeping at least [`PREFIX_FROM`]; none for a shorter word or
/// a phrase.
fn word_beginning(word: &str) -> Option<String> {
    let chars = word.chars().count();
    if chars < PREFIX_FROM || !word.chars().all(char::is_alphanumeric) {
        return None;
    }
    let kept = chars - (chars / ENDING_SHARE).min(chars - PREFIX_FROM);
    Some(word.chars().take(kept).collect())
}

/// The words of `field` in `words` that begin with `beginning`, weighted `boost`.
pub(super) fn beginning_query(
    words: &WholeWords,
    field: Field,
    beginning: &str,
    boost: Score,
) -> Option<(Occur, Box<dyn Query>)> {
    any_of(words.beginning_with(field, beginning), boost)
}

/// The longer words of `field` in `words` that end with `ending`, weighted `boost`.
fn ending_query(
    words: &WholeWords,
    field: Field,
    ending: &str,
    boost: Score,
) -> Option<(Occur, Box<dyn Query>)> {
    any_of(words.ending_with(field, ending), boost)
}

/// A clause matching any of `terms` alike, scoring `boost`; none for no terms. (A
/// term set query would build a term automaton each time, which costs more than the
/// search.)
fn any_of(terms: Vec<Term>, boost: Score) -> Option<(Occur, Box<dyn Query>)> {
    (!terms.is_empty()).then(|| {
        let any: Vec<(Occur, Box<dyn Query>)> = terms
            .into_iter()
            .map(|term| {
                let query = TermQuery::new(term, IndexRecordOption::Basic);
                (Occur::Should, Box::new(query) as Box<dyn Query>)
            })
            .collect();
        (
            Occur::Should,
            Box::new(ConstScoreQuery::new(
                Box::new(BooleanQuery::new(any)),
                boost,
            )) as Box<dyn Query>,
        )
    })
}
