//! The services catalogue as a search index, one per language, held in memory (a
//! catalogue of ten thousand services is a few megabytes) and built from the modules'
//! search documents at start (forms' services are files read at start anyway); changes
//! after that are applied per document (`replace`) as the outbox reports them.
//!
//! A query word matches by its stems and compound parts in title, keywords and text,
//! widened by the language's synonyms, and as the beginning of longer title and keyword
//! words. Services matching more of the question's words come first, then by relevance
//! (BM25, title and keywords weighted up); words that only say how someone asks
//! (`beantragen`) count little. A word the catalogue does not know is read as the
//! nearest title or keyword word within its typo distance, and the results say so.

use std::{collections::HashSet, sync::Mutex};

use kernel::{Locale, SearchDocument, suggest_field::Suggestion};
use tantivy::{
    Index, IndexReader, IndexWriter, ReloadPolicy, Score, Searcher, TantivyDocument, Term,
    collector::TopDocs,
    doc,
    query::{
        BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, FuzzyTermQuery, Occur,
        Query, RegexQuery, TermQuery,
    },
    schema::{
        FAST, Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
        Value,
    },
    snippet::SnippetGenerator,
    tokenizer::TextAnalyzer,
};

use crate::{analysis, synonyms::Synonyms};

/// Memory the index writer may use while building (tantivy's minimum per thread).
const WRITER_MEMORY: usize = 15_000_000;

/// Matches looked at for the facet counts and for narrowing (a catalogue query that
/// matches more is too vague to narrow by counts anyway).
const MATCHES_CONSIDERED: usize = 500;

/// Longest excerpt shown with a hit, in characters.
const EXCERPT_CHARS: usize = 180;

/// How much a match counts, by where it is.
const TITLE_BOOST: Score = 3.0;
const KEYWORD_BOOST: Score = 2.5;
const BODY_BOOST: Score = 1.0;
const PREFIX_BOOST: Score = 1.0;
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

/// What a language's analysis needs beside the texts.
#[derive(Clone, Debug, Default)]
pub struct LanguageData {
    /// The synonym groups.
    pub synonyms: Synonyms,
    /// The parts compound words are split into (German).
    pub compound_parts: Vec<String>,
    /// Words that say how someone asks, not what for (see [`crate::words::light_words`]).
    pub light_words: HashSet<String>,
}

/// Why the index could not be built or searched.
#[derive(Debug, thiserror::Error)]
#[error("search index: {0}")]
pub struct SearchError(#[from] tantivy::TantivyError);

/// A service found.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Document id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Page of the service.
    pub href: String,
    /// A piece of the text around the matches: parts, each marked as a match or not.
    pub excerpt: Vec<(String, bool)>,
    /// Responsible department.
    pub department: String,
    /// Tags (life situations).
    pub tags: Vec<String>,
    /// Relevance.
    pub score: Score,
}

/// A word of the query the catalogue does not know, read as a word it does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Correction {
    /// As typed (lower case).
    pub typed: String,
    /// As searched.
    pub meant: String,
}

/// What a search is narrowed to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Narrowing {
    /// Only services of this department.
    pub department: Option<String>,
    /// Only services with this tag (life situation).
    pub tag: Option<String>,
}

/// The services found, and how many of all matches each department and tag has.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Results {
    /// The best hits that fit the narrowing.
    pub hits: Vec<Hit>,
    /// Departments with their number of matches, most first.
    pub departments: Vec<(String, usize)>,
    /// Tags with their number of matches, most first.
    pub tags: Vec<(String, usize)>,
    /// The language of the index searched (and so of the titles and excerpts).
    pub language: Locale,
    /// The words searched as others, in the order typed.
    pub corrections: Vec<Correction>,
}

#[derive(Clone, Copy, Debug)]
struct Fields {
    /// `<module>:<id>`, to replace one document.
    key: Field,
    /// The publishing module, to replace all of its documents.
    module: Field,
    id: Field,
    title: Field,
    title_whole: Field,
    keywords: Field,
    keywords_whole: Field,
    body: Field,
    href: Field,
    department: Field,
    tags: Field,
}

/// One language's index.
struct LanguageIndex {
    locale: Locale,
    reader: IndexReader,
    writer: Mutex<IndexWriter<TantivyDocument>>,
    fields: Fields,
    synonyms: Synonyms,
    light_words: HashSet<String>,
    stemmed: TextAnalyzer,
    whole: TextAnalyzer,
    /// Whole words split into their compound parts, not stemmed.
    parts: TextAnalyzer,
}

/// The catalogue in every language.
pub struct ServiceIndex {
    languages: Vec<LanguageIndex>,
}

impl std::fmt::Debug for ServiceIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.languages.iter().map(|l| l.locale))
            .finish()
    }
}

fn text_field(
    schema: &mut tantivy::schema::SchemaBuilder,
    name: &str,
    analyser: &str,
    stored: bool,
) -> Field {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(analyser)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let options = TextOptions::default().set_indexing_options(indexing);
    schema.add_text_field(
        name,
        if stored {
            options.set_stored()
        } else {
            options
        },
    )
}

fn schema(locale: Locale) -> (Schema, Fields) {
    let names = analysis::analysers(locale);
    let mut schema = Schema::builder();
    let fields = Fields {
        key: schema.add_text_field("key", STRING),
        module: schema.add_text_field("module", STRING),
        id: schema.add_text_field("id", STRING | STORED),
        title: text_field(&mut schema, "title", names.stemmed, true),
        title_whole: text_field(&mut schema, "title_whole", names.whole, false),
        keywords: text_field(&mut schema, "keywords", names.stemmed, false),
        keywords_whole: text_field(&mut schema, "keywords_whole", names.whole, false),
        body: text_field(&mut schema, "body", names.stemmed, true),
        href: schema.add_text_field("href", STORED),
        department: schema.add_text_field("department", STRING | STORED | FAST),
        tags: schema.add_text_field("tags", STRING | STORED | FAST),
    };
    (schema.build(), fields)
}

impl ServiceIndex {
    /// Indexes `documents`, each in the index of its language; `languages` gives each
    /// language's synonyms and compound parts.
    pub fn build(
        documents: &[SearchDocument],
        languages: &[(Locale, LanguageData)],
    ) -> Result<Self, SearchError> {
        let mut built = Vec::new();
        for (locale, data) in languages {
            let (schema, fields) = schema(*locale);
            let index = Index::create_in_ram(schema);
            analysis::register(&index, *locale, &data.compound_parts)?;
            let mut writer = index.writer_with_num_threads::<TantivyDocument>(1, WRITER_MEMORY)?;
            for document in documents.iter().filter(|d| d.locale == *locale) {
                writer.add_document(indexed(&fields, document))?;
            }
            writer.commit()?;
            let reader = index
                .reader_builder()
                .reload_policy(ReloadPolicy::Manual)
                .try_into()?;
            built.push(LanguageIndex {
                locale: *locale,
                stemmed: analysis::stemmed(*locale, &data.compound_parts)?,
                whole: analysis::whole(),
                parts: analysis::parts(&data.compound_parts)?,
                reader,
                writer: Mutex::new(writer),
                fields,
                synonyms: data.synonyms.clone(),
                light_words: data.light_words.clone(),
            });
        }
        Ok(Self { languages: built })
    }

    /// Replaces the documents `ids` of `module` (all of the module's with `None`) by
    /// `documents`, in every language; searches see the change when this returns.
    pub fn replace(
        &self,
        module: &str,
        ids: Option<&[String]>,
        documents: &[SearchDocument],
    ) -> Result<(), SearchError> {
        for language in &self.languages {
            let fields = &language.fields;
            let mut writer = language
                .writer
                .lock()
                .map_err(|_| tantivy::TantivyError::Poisoned)?;
            match ids {
                Some(ids) => {
                    for id in ids {
                        writer.delete_term(Term::from_field_text(fields.key, &key(module, id)));
                    }
                }
                None => {
                    writer.delete_term(Term::from_field_text(fields.module, module));
                }
            }
            for document in documents.iter().filter(|d| d.locale == language.locale) {
                writer.add_document(indexed(fields, document))?;
            }
            writer.commit()?;
            language.reader.reload()?;
        }
        Ok(())
    }

    /// The best `limit` services for `query` in `locale` (none for a blank query or a
    /// language without an index).
    pub fn search(
        &self,
        locale: Locale,
        query: &str,
        limit: usize,
    ) -> Result<Vec<Hit>, SearchError> {
        Ok(self
            .search_narrowed(locale, query, &Narrowing::default(), limit)?
            .hits)
    }

    /// The best `limit` services for `query` in `locale` that fit `narrowing`, with
    /// the departments and tags of all matches.
    pub fn search_narrowed(
        &self,
        locale: Locale,
        query: &str,
        narrowing: &Narrowing,
        limit: usize,
    ) -> Result<Results, SearchError> {
        let Some(language) = self.language(locale) else {
            return Ok(Results::default());
        };
        let results = language.search(query, narrowing, limit)?;
        Ok(Results {
            language: language.locale,
            ..results
        })
    }
}

impl ServiceIndex {
    /// The index of `locale`; German's for a language the search does not analyse,
    /// since the documents of such a page are shown in German.
    fn language(&self, locale: Locale) -> Option<&LanguageIndex> {
        let find = |locale| self.languages.iter().find(|l| l.locale == locale);
        find(locale).or_else(|| find(Locale::DE))
    }
}

fn key(module: &str, id: &str) -> String {
    format!("{module}:{id}")
}

/// `document` as the index keeps it.
fn indexed(fields: &Fields, document: &SearchDocument) -> TantivyDocument {
    let keywords = document.keywords.join(" ");
    let mut indexed = doc!(
        fields.key => key(&document.module, &document.id),
        fields.module => document.module.clone(),
        fields.id => document.id.clone(),
        fields.title => document.title.clone(),
        fields.title_whole => document.title.clone(),
        fields.keywords => keywords.clone(),
        fields.keywords_whole => keywords,
        fields.body => document.body.clone(),
        fields.href => document.href.clone(),
        fields.department => document.department.clone(),
    );
    for tag in &document.tags {
        indexed.add_text(fields.tags, tag);
    }
    indexed
}

impl ServiceIndex {
    /// Up to `limit` services for what is being typed in `locale`: every finished word
    /// must match, the last one may be the beginning of a title or keyword word.
    pub fn suggest(
        &self,
        locale: Locale,
        typed: &str,
        limit: usize,
    ) -> Result<Vec<Suggestion>, SearchError> {
        match self.language(locale) {
            Some(language) => language.suggest(typed, limit),
            None => Ok(Vec::new()),
        }
    }
}

impl LanguageIndex {
    fn suggest(&self, typed: &str, limit: usize) -> Result<Vec<Suggestion>, SearchError> {
        let mut whole = self.whole.clone();
        let words = analysis::terms(&mut whole, typed);
        let Some((last, finished)) = words.split_last() else {
            return Ok(Vec::new());
        };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = finished
            .iter()
            .map(|word| (Occur::Must, self.word_query(word)))
            .collect();
        // Also shorter beginnings than a search takes as such.
        let mut last_word: Vec<(Occur, Box<dyn Query>)> =
            vec![(Occur::Should, self.word_query(last))];
        last_word.extend(self.in_whole_words(
            PREFIX_BOOST,
            |term| FuzzyTermQuery::new_prefix(term, 0, false),
            last,
        ));
        clauses.push((Occur::Must, Box::new(BooleanQuery::new(last_word))));
        let searcher = self.reader.searcher();
        let found = searcher.search(
            &BooleanQuery::new(clauses),
            &TopDocs::with_limit(limit).order_by_score(),
        )?;
        found
            .into_iter()
            .map(|(_, address)| {
                let document: TantivyDocument = searcher.doc(address)?;
                let text = |field: Field| {
                    document
                        .get_first(field)
                        .and_then(|v| v.as_str())
                        .unwrap_or_default()
                        .to_owned()
                };
                Ok(Suggestion {
                    title: text(self.fields.title),
                    href: text(self.fields.href),
                })
            })
            .collect()
    }
}

/// How many edits a word of `chars` characters may be away: none for short words,
/// where one edit makes another word.
fn typo_distance(chars: usize) -> u8 {
    match chars {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

impl LanguageIndex {
    fn search(
        &self,
        query: &str,
        narrowing: &Narrowing,
        limit: usize,
    ) -> Result<Results, SearchError> {
        let mut whole = self.whole.clone();
        let words = analysis::terms(&mut whole, query);
        if words.is_empty() || limit == 0 {
            return Ok(Results::default());
        }
        let searcher = self.reader.searcher();
        let considered = TopDocs::with_limit(MATCHES_CONSIDERED).order_by_score();
        let (mut parsed, mut corrections) = self.question(&searcher, &words, Reach::Words);
        let mut found = searcher.search(&parsed, &considered)?;
        // Nothing at all: the words may be the last part of the catalogue's compounds
        // ("Austritt" in "Kirchenaustritt"), which is too loose to look for always.
        if found.is_empty() {
            (parsed, corrections) = self.question(&searcher, &words, Reach::WordEndings);
            found = searcher.search(&parsed, &considered)?;
        }
        let mut excerpts = SnippetGenerator::create(&searcher, &parsed, self.fields.body)?;
        excerpts.set_max_num_chars(EXCERPT_CHARS);
        // The facets of every match come from the fast fields; only the hits shown
        // are read from the document store.
        let columns = searcher
            .segment_readers()
            .iter()
            .map(|segment| {
                let fast = segment.fast_fields();
                Ok((fast.str("department")?, fast.str("tags")?))
            })
            .collect::<Result<Vec<_>, tantivy::TantivyError>>()?;
        let mut results = Results {
            corrections,
            ..Results::default()
        };
        for (score, address) in found {
            let (department_column, tags_column) = &columns[address.segment_ord as usize];
            let department = values(department_column.as_ref(), address.doc_id)?
                .into_iter()
                .next()
                .unwrap_or_default();
            let tags = values(tags_column.as_ref(), address.doc_id)?;
            // Information entries name no department of the portal's.
            if !department.is_empty() {
                count(&mut results.departments, &department);
            }
            for tag in &tags {
                count(&mut results.tags, tag);
            }
            let fits = narrowing
                .department
                .as_ref()
                .is_none_or(|d| *d == department)
                && narrowing.tag.as_ref().is_none_or(|t| tags.contains(t));
            if !fits || results.hits.len() >= limit {
                continue;
            }
            let document: TantivyDocument = searcher.doc(address)?;
            let text = |field: Field| {
                document
                    .get_first(field)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_owned()
            };
            let snippet = excerpts.snippet_from_doc(&document);
            // Matched only in title or keywords: the text's beginning.
            let excerpt = if snippet.fragment().is_empty() {
                vec![(beginning(&text(self.fields.body)), false)]
            } else {
                pieces(snippet.fragment(), snippet.highlighted())
            };
            results.hits.push(Hit {
                id: text(self.fields.id),
                title: text(self.fields.title),
                href: text(self.fields.href),
                excerpt,
                department,
                tags,
                score,
            });
        }
        for facet in [&mut results.departments, &mut results.tags] {
            facet.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        }
        Ok(results)
    }

    /// One query word: its stems (and those of its synonyms, and of its compound
    /// parts' synonyms) in title, keywords and text, and the word as the beginning of
    /// a longer title or keyword word.
    fn word_query(&self, word: &str) -> Box<dyn Query> {
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
enum Reach {
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
    fn question(
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

impl ServiceIndex {
    /// Why `query` ranks the service `id` where it does, beside the first hit's
    /// reasons: tantivy's explanations, for tuning the ranking.
    pub fn explain(&self, locale: Locale, query: &str, id: &str) -> Result<String, SearchError> {
        let Some(language) = self.language(locale) else {
            return Ok(String::new());
        };
        let searcher = language.reader.searcher();
        let mut whole = language.whole.clone();
        let (parsed, _) =
            language.question(&searcher, &analysis::terms(&mut whole, query), Reach::Words);
        let wanted = searcher.search(
            &TermQuery::new(
                Term::from_field_text(language.fields.id, id),
                IndexRecordOption::Basic,
            ),
            &TopDocs::with_limit(1).order_by_score(),
        )?;
        let first = searcher.search(&parsed, &TopDocs::with_limit(1).order_by_score())?;
        let mut said = String::new();
        for (name, found) in [("wanted", wanted), ("first", first)] {
            for (_, address) in found {
                let explanation = parsed.explain(&searcher, address)?;
                said.push_str(&format!("{name}: {}\n", explanation.to_pretty_json()));
            }
        }
        Ok(said)
    }
}

impl LanguageIndex {
    /// `matching` of `word` in the whole words of title and keywords, weighted `boost`.
    fn in_whole_words(
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

/// The values of a string fast field for one document.
fn values(
    column: Option<&tantivy::columnar::StrColumn>,
    doc: tantivy::DocId,
) -> Result<Vec<String>, tantivy::TantivyError> {
    let Some(column) = column else {
        return Ok(Vec::new());
    };
    column
        .term_ords(doc)
        .map(|ord| {
            let mut value = String::new();
            column
                .ord_to_str(ord, &mut value)
                .map_err(|e| tantivy::TantivyError::IoError(std::sync::Arc::new(e)))?;
            Ok(value)
        })
        .collect()
}

/// Counts one more `value` in `counts`.
fn count(counts: &mut Vec<(String, usize)>, value: &str) {
    match counts.iter_mut().find(|(v, _)| v == value) {
        Some((_, n)) => *n += 1,
        None => counts.push((value.to_owned(), 1)),
    }
}

/// The first words of `text`, up to [`EXCERPT_CHARS`] characters.
fn beginning(text: &str) -> String {
    if text.chars().count() <= EXCERPT_CHARS {
        return text.to_owned();
    }
    let cut: String = text.chars().take(EXCERPT_CHARS).collect();
    match cut.rfind(char::is_whitespace) {
        Some(end) => format!("{} …", cut[..end].trim_end()),
        None => cut,
    }
}

/// `fragment` cut into pieces at the `highlighted` byte ranges, each marked.
fn pieces(fragment: &str, highlighted: &[std::ops::Range<usize>]) -> Vec<(String, bool)> {
    let mut pieces = Vec::new();
    let mut at = 0;
    for range in highlighted {
        let (start, end) = (range.start.max(at), range.end.min(fragment.len()));
        if start >= end || !fragment.is_char_boundary(start) || !fragment.is_char_boundary(end) {
            continue;
        }
        if start > at {
            pieces.push((fragment[at..start].to_owned(), false));
        }
        pieces.push((fragment[start..end].to_owned(), true));
        at = end;
    }
    if at < fragment.len() {
        pieces.push((fragment[at..].to_owned(), false));
    }
    pieces
}
