//! The services catalogue as a search index, one per language, held in memory (a
//! catalogue of ten thousand services is a few megabytes) and built from the modules'
//! search documents at start (forms' services are files read at start anyway); changes
//! after that are applied per document (`replace`) as the outbox reports them.
//!
//! A query word matches by its stems and compound parts in title, keywords and text,
//! widened by the language's synonyms, and as the beginning (or, for a long word, the
//! end) of longer title and keyword words. Services matching more of the question's
//! words come first, then by relevance (BM25, title and keywords weighted up); words
//! that only say how someone asks (`beantragen`) count little, and a title made only of
//! the words asked for breaks ties (`service_index/question.rs`). A word the catalogue
//! does not know is read as the nearest title or keyword word within its typo distance,
//! and the results say so.

use std::{
    collections::HashSet,
    sync::{Arc, Mutex, PoisonError, RwLock},
};

use kernel::{Locale, SearchDocument, suggest_field::Suggestion};
use tantivy::{
    Index, IndexReader, IndexWriter, ReloadPolicy, Score, TantivyDocument, Term,
    collector::TopDocs,
    doc,
    query::{BooleanQuery, Occur, Query, TermQuery},
    schema::{
        FAST, Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
        Value,
    },
    snippet::SnippetGenerator,
    tokenizer::TextAnalyzer,
};

use crate::{analysis, synonyms::Synonyms};

mod question;
mod whole_words;

use question::{PREFIX_BOOST, Reach, beginning_query};
use whole_words::WholeWords;

/// Memory the index writer may use while building (tantivy's minimum per thread).
const WRITER_MEMORY: usize = 15_000_000;

/// Matches looked at for the facet counts and for narrowing (a catalogue query that
/// matches more is too vague to narrow by counts anyway).
const MATCHES_CONSIDERED: usize = 500;

/// Longest excerpt shown with a hit, in characters.
const EXCERPT_CHARS: usize = 180;

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
    /// The title as a fast field, read for many matches at once.
    title_column: Field,
    keywords: Field,
    keywords_whole: Field,
    body: Field,
    href: Field,
    department: Field,
    tags: Field,
}

impl Fields {
    /// The fields of whole words, whose ends longer words are matched by.
    fn whole_words(&self) -> [Field; 2] {
        [self.title_whole, self.keywords_whole]
    }
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
    /// The whole words of title and keywords as the reader sees them.
    whole_words: RwLock<Arc<WholeWords>>,
}

impl LanguageIndex {
    /// The whole words of title and keywords.
    fn whole_words(&self) -> Arc<WholeWords> {
        Arc::clone(
            &self
                .whole_words
                .read()
                .unwrap_or_else(PoisonError::into_inner),
        )
    }

    /// Reads the whole words again, after the reader was reloaded.
    fn read_whole_words(&self) -> Result<(), SearchError> {
        let read = WholeWords::read(&self.reader.searcher(), &self.fields.whole_words())?;
        *self
            .whole_words
            .write()
            .unwrap_or_else(PoisonError::into_inner) = Arc::new(read);
        Ok(())
    }
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
        title_column: schema.add_text_field("title_column", FAST),
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
            let whole_words = WholeWords::read(&reader.searcher(), &fields.whole_words())?;
            built.push(LanguageIndex {
                whole_words: RwLock::new(Arc::new(whole_words)),
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
            language.read_whole_words()?;
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
        fields.title_column => document.title.clone(),
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
        let whole_words = self.whole_words();
        last_word.extend(
            self.fields
                .whole_words()
                .into_iter()
                .filter_map(|field| beginning_query(&whole_words, field, last, PREFIX_BOOST)),
        );
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
        self.favour_fitting_names(&searcher, &words, &mut found)?;
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
