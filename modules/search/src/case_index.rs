//! The caseworkers' case index, on disk under `<data_dir>/search/cases/`.
//!
//! Each build is a generation in its own folder; the file `CURRENT` names the one in
//! use and is replaced atomically (write, then rename), so a rebuild by `portal search
//! reindex` or after a schema change never disturbs searches against the old one. Every
//! commit carries the outbox position it is current to and the schema version, so after
//! a crash the index continues where its last commit stood.

use std::{
    ops::Bound,
    path::{Path, PathBuf},
    sync::{Arc, Mutex, RwLock},
};

use kernel::{
    Locale,
    case_search::{CaseDocument, CaseHits, CaseQuery},
};
use serde::{Deserialize, Serialize};
use tantivy::{
    Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term,
    collector::{Count, TopDocs},
    doc,
    query::{BooleanQuery, FuzzyTermQuery, Occur, Query, RangeQuery, TermQuery},
    schema::{
        FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing,
        TextOptions, Value,
    },
    tokenizer::TextAnalyzer,
};

use crate::{analysis, service_index::SearchError};

/// Changes whenever the fields or their analysis change: an index of another version
/// is rebuilt at start.
pub const SCHEMA_VERSION: u32 = 2;

/// The file naming the generation in use.
const CURRENT: &str = "CURRENT";

/// Memory of the writer that follows the outbox, and of the one that rebuilds.
const LIVE_WRITER_MEMORY: usize = 20_000_000;
const BUILD_WRITER_MEMORY: usize = 200_000_000;

/// The assignee value of cases assigned to nobody.
const NOBODY: &str = "-";

#[derive(Clone, Copy, Debug)]
struct Fields {
    id: Field,
    reference: Field,
    applicant: Field,
    service_id: Field,
    service: Field,
    state: Field,
    department: Field,
    assignee: Field,
    submitted_at: Field,
    due_at: Field,
    text: Field,
}

fn words_field(schema: &mut tantivy::schema::SchemaBuilder, name: &str, analyser: &str) -> Field {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(analyser)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    schema.add_text_field(name, TextOptions::default().set_indexing_options(indexing))
}

fn schema() -> (Schema, Fields) {
    let names = analysis::analysers(Locale::DE);
    let mut schema = Schema::builder();
    let fields = Fields {
        id: schema.add_text_field("id", STRING | STORED),
        reference: words_field(&mut schema, "reference", names.whole),
        applicant: words_field(&mut schema, "applicant", names.whole),
        service_id: schema.add_text_field("service_id", STRING),
        service: words_field(&mut schema, "service", names.stemmed),
        state: schema.add_text_field("state", STRING),
        department: schema.add_text_field("department", STRING),
        assignee: schema.add_text_field("assignee", STRING),
        submitted_at: schema.add_i64_field("submitted_at", INDEXED | FAST),
        due_at: schema.add_i64_field("due_at", INDEXED | FAST),
        text: words_field(&mut schema, "text", names.stemmed),
    };
    (schema.build(), fields)
}

/// What every commit records.
#[derive(Debug, Serialize, Deserialize)]
struct Payload {
    schema: u32,
    position: i64,
    /// Fingerprint of the compound-word list the texts were split with.
    words: String,
}

/// A fingerprint of `compound_parts`, so that an index split with another word list is
/// rebuilt.
fn words_fingerprint(compound_parts: &[String]) -> String {
    kernel::upload::sha256_hex(compound_parts.join("\n").as_bytes())
}

/// The gauge of when the case index generation in use was started (Unix seconds).
pub const GENERATION_METRIC: &str = "portal_search_index_generation_timestamp_seconds";

/// Sets [`GENERATION_METRIC`] from generation `name` (`g` and the nanoseconds it was
/// started at): a rebuild shows as a jump.
pub fn report_generation(name: &str) {
    if let Some(nanos) = name.strip_prefix('g').and_then(|n| n.parse::<u128>().ok()) {
        metrics::gauge!(GENERATION_METRIC, "index" => "cases").set(nanos as f64 / 1e9);
    }
}

/// One build of the index.
pub struct Generation {
    /// Its folder's name.
    pub name: String,
    reader: IndexReader,
    writer: Mutex<IndexWriter<TantivyDocument>>,
    fields: Fields,
    position: Mutex<i64>,
    words: String,
}

impl std::fmt::Debug for Generation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Generation")
            .field("name", &self.name)
            .finish()
    }
}

/// Why no usable index was found on disk.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// There is none yet.
    #[error("no case index yet")]
    Missing,
    /// It was built with other fields.
    #[error("the case index has schema version {0}, {SCHEMA_VERSION} is needed")]
    OldSchema(u32),
    /// Its texts were split with another compound-word list.
    #[error("the case index was built with another compound-word list")]
    OtherWords,
    /// It cannot be read.
    #[error("the case index cannot be read: {0}")]
    Broken(String),
}

impl From<tantivy::TantivyError> for OpenError {
    fn from(error: tantivy::TantivyError) -> Self {
        Self::Broken(error.to_string())
    }
}

/// The generation named in `root/CURRENT`, if any.
pub fn current_name(root: &Path) -> Option<String> {
    let name = std::fs::read_to_string(root.join(CURRENT)).ok()?;
    let name = name.trim();
    (!name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .then(|| name.to_owned())
}

fn register(index: &Index, compound_parts: &[String]) -> tantivy::Result<()> {
    analysis::register(index, Locale::DE, compound_parts)
}

impl Generation {
    /// Opens the generation `root/CURRENT` names, checking its schema.
    pub fn open(root: &Path, compound_parts: &[String]) -> Result<Self, OpenError> {
        let name = current_name(root).ok_or(OpenError::Missing)?;
        let index = Index::open_in_dir(root.join(&name))?;
        let (expected, fields) = schema();
        let payload: Payload = index
            .load_metas()?
            .payload
            .as_deref()
            .and_then(|p| serde_json::from_str(p).ok())
            .ok_or_else(|| OpenError::Broken("no position recorded".into()))?;
        if payload.schema != SCHEMA_VERSION || index.schema() != expected {
            return Err(OpenError::OldSchema(payload.schema));
        }
        let words = words_fingerprint(compound_parts);
        if payload.words != words {
            return Err(OpenError::OtherWords);
        }
        register(&index, compound_parts)?;
        Self::serve(name, &index, fields, payload.position, words).map_err(OpenError::from)
    }

    fn serve(
        name: String,
        index: &Index,
        fields: Fields,
        position: i64,
        words: String,
    ) -> tantivy::Result<Self> {
        let writer = when_unlocked(|| index.writer_with_num_threads(1, LIVE_WRITER_MEMORY))?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(Self {
            name,
            reader,
            writer: Mutex::new(writer),
            fields,
            position: Mutex::new(position),
            words,
        })
    }

    /// The outbox position the generation is current to.
    pub fn position(&self) -> i64 {
        self.position.lock().map_or(0, |p| *p)
    }

    /// Replaces cases `ids` by `documents` (ids without a document are removed) and
    /// records `position`; searches see the change when this returns.
    pub fn apply(
        &self,
        ids: &[String],
        documents: &[CaseDocument],
        position: i64,
    ) -> Result<(), SearchError> {
        let mut writer = self
            .writer
            .lock()
            .map_err(|_| tantivy::TantivyError::Poisoned)?;
        for id in ids {
            writer.delete_term(Term::from_field_text(self.fields.id, id));
        }
        for document in documents {
            writer.add_document(indexed(&self.fields, document))?;
        }
        commit(&mut writer, position, &self.words)?;
        self.reader.reload()?;
        if let Ok(mut kept) = self.position.lock() {
            *kept = position;
        }
        Ok(())
    }

    /// How many cases the generation holds.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Whether it holds no case.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn commit(
    writer: &mut IndexWriter<TantivyDocument>,
    position: i64,
    words: &str,
) -> tantivy::Result<()> {
    let payload = Payload {
        schema: SCHEMA_VERSION,
        position,
        words: words.to_owned(),
    };
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&serde_json::to_string(&payload).unwrap_or_default());
    prepared.commit()?;
    Ok(())
}

fn indexed(fields: &Fields, case: &CaseDocument) -> TantivyDocument {
    doc!(
        fields.id => case.id.clone(),
        fields.reference => case.reference.clone(),
        fields.applicant => case.applicant.clone(),
        fields.service_id => case.service_id.clone(),
        fields.service => case.service_title.clone(),
        fields.state => case.state.clone(),
        fields.department => case.department.clone(),
        fields.assignee => case.assignee.clone().unwrap_or_else(|| NOBODY.to_owned()),
        fields.submitted_at => case.submitted_at,
        fields.due_at => case.due_at,
        fields.text => case.text.clone(),
    )
}

/// A new generation being built: cases are added in batches, then it is committed at
/// the position read before the first batch and made current.
pub struct Build {
    root: PathBuf,
    name: String,
    index: Index,
    writer: IndexWriter<TantivyDocument>,
    fields: Fields,
    position: i64,
    words: String,
    added: u64,
}

impl std::fmt::Debug for Build {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Build").field("name", &self.name).finish()
    }
}

/// `open` (a writer), waiting up to a second while the index's writer lock is busy:
/// right after a rebuild the build writer's lock was seen still held when the live
/// writer asked for it (a portal failing to start, once in a test run).
fn when_unlocked<T>(mut open: impl FnMut() -> tantivy::Result<T>) -> tantivy::Result<T> {
    for _ in 0..50 {
        match open() {
            Err(tantivy::TantivyError::LockFailure(
                tantivy::directory::error::LockError::LockBusy,
                _,
            )) => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            other => return other,
        }
    }
    open()
}

impl Build {
    /// Starts a generation under `root` that will be current to outbox `position`.
    pub fn start(
        root: &Path,
        compound_parts: &[String],
        position: i64,
    ) -> Result<Self, SearchError> {
        let name = format!(
            "g{}",
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos())
        );
        let dir = root.join(&name);
        std::fs::create_dir_all(&dir).map_err(|e| tantivy::TantivyError::IoError(Arc::new(e)))?;
        let (schema, fields) = schema();
        let index = Index::create_in_dir(&dir, schema)?;
        register(&index, compound_parts)?;
        let writer = index.writer(BUILD_WRITER_MEMORY)?;
        Ok(Self {
            root: root.to_owned(),
            name,
            index,
            writer,
            fields,
            position,
            words: words_fingerprint(compound_parts),
            added: 0,
        })
    }

    /// Adds `cases`.
    pub fn add(&mut self, cases: &[CaseDocument]) -> Result<(), SearchError> {
        for case in cases {
            self.writer.add_document(indexed(&self.fields, case))?;
        }
        self.added += cases.len() as u64;
        Ok(())
    }

    /// Cases added so far.
    pub fn added(&self) -> u64 {
        self.added
    }

    /// Commits, makes the generation current, and opens it for searching and changes.
    pub fn finish(self) -> Result<Generation, SearchError> {
        let Self {
            root,
            name,
            index,
            mut writer,
            fields,
            position,
            words,
            ..
        } = self;
        commit(&mut writer, position, &words)?;
        writer.wait_merging_threads()?;
        let io = |e: std::io::Error| tantivy::TantivyError::IoError(Arc::new(e));
        let staged = root.join(format!("{CURRENT}.{name}"));
        std::fs::write(&staged, &name).map_err(io)?;
        std::fs::rename(&staged, root.join(CURRENT)).map_err(io)?;
        Ok(Generation::serve(name, &index, fields, position, words)?)
    }
}

/// Deletes every generation under `root` but `keep` (files of one still open elsewhere
/// stay readable until closed).
pub fn remove_others(root: &Path, keep: &str) {
    let Ok(entries) = std::fs::read_dir(root) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let stale_stage = name.starts_with(&format!("{CURRENT}.")) && !name.ends_with(keep);
        if entry.path().is_dir() && name != keep && name.starts_with('g') {
            if let Err(error) = std::fs::remove_dir_all(entry.path()) {
                tracing::warn!(%error, generation = %name, "old case index not removed");
            }
        } else if stale_stage {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The case index as searches see it: the current generation, replaced whole when a
/// rebuild finishes.
pub struct CaseIndex {
    current: RwLock<Option<Arc<Generation>>>,
    stemmed: TextAnalyzer,
    whole: TextAnalyzer,
}

impl std::fmt::Debug for CaseIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CaseIndex").finish_non_exhaustive()
    }
}

/// How many edits a name of `chars` characters may be away.
fn typo_distance(chars: usize) -> u8 {
    if chars >= 5 { 1 } else { 0 }
}

impl CaseIndex {
    /// An index without a generation yet (searches fail until one is set).
    pub fn new(compound_parts: &[String]) -> Result<Self, SearchError> {
        Ok(Self {
            current: RwLock::new(None),
            stemmed: analysis::stemmed(Locale::DE, compound_parts)?,
            whole: analysis::whole(),
        })
    }

    /// The generation in use.
    pub fn generation(&self) -> Option<Arc<Generation>> {
        self.current.read().ok().and_then(|g| g.clone())
    }

    /// Makes `generation` the one in use.
    pub fn set(&self, generation: Generation) {
        report_generation(&generation.name);
        if let Ok(mut current) = self.current.write() {
            *current = Some(Arc::new(generation));
        }
    }

    /// The cases for `query`.
    pub fn find(&self, query: &CaseQuery) -> Result<CaseHits, SearchError> {
        let Some(generation) = self.generation() else {
            return Err(tantivy::TantivyError::SystemError(
                "the case index is not open yet".into(),
            )
            .into());
        };
        if query.departments.is_empty() || query.limit == 0 {
            return Ok(CaseHits::default());
        }
        let fields = &generation.fields;
        let searcher = generation.reader.searcher();
        let without_state = BooleanQuery::new(self.conditions(fields, query));
        let in_states = |states: Box<dyn Query>| {
            BooleanQuery::new(vec![
                (
                    Occur::Must,
                    Box::new(without_state.clone()) as Box<dyn Query>,
                ),
                (Occur::Must, states),
            ])
        };
        let full = if query.states.is_empty() {
            without_state.clone()
        } else {
            in_states(any_of(fields.state, &query.states))
        };
        let total = searcher.search(&full, &Count)?;
        let found = searcher.search(
            &full,
            &TopDocs::with_limit(query.limit)
                .and_offset(query.offset)
                .order_by_score(),
        )?;
        let mut ids = Vec::with_capacity(found.len());
        for (_, address) in found {
            let document: TantivyDocument = searcher.doc(address)?;
            if let Some(id) = document.get_first(fields.id).and_then(|v| v.as_str()) {
                ids.push(id.to_owned());
            }
        }
        let mut per_state = Vec::new();
        for state in &query.count_states {
            let count = searcher.search(&in_states(term(fields.state, state)), &Count)?;
            if count > 0 {
                per_state.push((state.clone(), count));
            }
        }
        Ok(CaseHits {
            ids,
            total,
            per_state,
        })
    }

    /// Every condition of `query` but the states: departments, filters and words.
    fn conditions(&self, fields: &Fields, query: &CaseQuery) -> Vec<(Occur, Box<dyn Query>)> {
        let mut conditions: Vec<(Occur, Box<dyn Query>)> =
            vec![(Occur::Must, any_of(fields.department, &query.departments))];
        if let Some(service) = &query.service {
            conditions.push((Occur::Must, term(fields.service_id, service)));
        }
        if let Some(assignee) = &query.assignee {
            let value = if assignee.is_empty() {
                NOBODY
            } else {
                assignee
            };
            conditions.push((Occur::Must, term(fields.assignee, value)));
        }
        let bound = |at: Option<i64>, field: Field, inclusive: bool| match at {
            Some(at) if inclusive => Bound::Included(Term::from_field_i64(field, at)),
            Some(at) => Bound::Excluded(Term::from_field_i64(field, at)),
            None => Bound::Unbounded,
        };
        if query.filed_from.is_some() || query.filed_before.is_some() {
            conditions.push((
                Occur::Must,
                Box::new(RangeQuery::new(
                    bound(query.filed_from, fields.submitted_at, true),
                    bound(query.filed_before, fields.submitted_at, false),
                )),
            ));
        }
        if query.due_before.is_some() {
            conditions.push((
                Occur::Must,
                Box::new(RangeQuery::new(
                    Bound::Unbounded,
                    bound(query.due_before, fields.due_at, false),
                )),
            ));
        }
        let mut whole = self.whole.clone();
        let words = analysis::terms(&mut whole, &query.words);
        for (n, word) in words.iter().enumerate() {
            let prefix = query.last_word_prefix && n + 1 == words.len();
            conditions.push((Occur::Must, self.word(fields, word, prefix)));
        }
        conditions
    }

    /// One word: part of the reference, the applicant's name (forgiving a typo in
    /// longer names; with `prefix`, also the beginning of either), or, stemmed, in the
    /// service title or the texts.
    fn word(&self, fields: &Fields, word: &str, prefix: bool) -> Box<dyn Query> {
        let mut alternatives: Vec<(Occur, Box<dyn Query>)> = vec![
            (Occur::Should, term(fields.reference, word)),
            (Occur::Should, term(fields.applicant, word)),
        ];
        if prefix {
            for field in [fields.reference, fields.applicant] {
                alternatives.push((
                    Occur::Should,
                    Box::new(FuzzyTermQuery::new_prefix(
                        Term::from_field_text(field, word),
                        0,
                        false,
                    )),
                ));
            }
        }
        let distance = typo_distance(word.chars().count());
        if distance > 0 {
            alternatives.push((
                Occur::Should,
                Box::new(FuzzyTermQuery::new(
                    Term::from_field_text(fields.applicant, word),
                    distance,
                    true,
                )),
            ));
        }
        let mut stemmed = self.stemmed.clone();
        let stems = analysis::terms(&mut stemmed, word);
        if !stems.is_empty() {
            for field in [fields.service, fields.text] {
                let all_parts = stems
                    .iter()
                    .map(|stem| (Occur::Must, term(field, stem)))
                    .collect();
                alternatives.push((Occur::Should, Box::new(BooleanQuery::new(all_parts))));
            }
        }
        Box::new(BooleanQuery::new(alternatives))
    }
}

fn term(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::Basic,
    ))
}

/// Matches documents whose `field` is one of `values`.
fn any_of(field: Field, values: &[String]) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(
        values
            .iter()
            .map(|value| (Occur::Should, term(field, value)))
            .collect(),
    ))
}
