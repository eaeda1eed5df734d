//! A person's copy of their data (GDPR Art. 15 access and Art. 20 portability). Each
//! module lists what it keeps about the signed-in person, worded in their language; the
//! host puts every module's part into one archive with a readable index, the stored
//! files beside it and the same content as JSON.

use async_trait::async_trait;
use serde::Serialize;

use crate::{AppError, I18n, ModuleContext, text::AnswerSection};

/// What one module keeps about the person: a heading and its records.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DataPart {
    /// Heading in the person's language ("Ihre Vorgänge").
    pub title: String,
    /// Folder of the part's files in the archive: ASCII, stable across languages.
    pub folder: &'static str,
    /// One sentence on what the part holds and how long it is kept.
    pub note: String,
    /// The records, newest first.
    pub records: Vec<DataRecord>,
}

/// One thing kept about the person: a case, a request, a draft.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DataRecord {
    /// Heading ("Sperrmüll-Abholung · M-2026-000012").
    pub heading: String,
    /// Folder of the record's files inside its part's (a reference or an id; the
    /// host makes it safe as a file name).
    pub folder: String,
    /// Facts as label and value ("Eingegangen", "03.11.2026 10:15").
    pub facts: Vec<(String, String)>,
    /// Answers as given, step by step.
    pub answers: Vec<AnswerSection>,
    /// What happened, oldest first.
    pub history: Vec<DataEvent>,
    /// The record's stored files.
    pub files: Vec<DataFile>,
}

/// One entry in a record's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DataEvent {
    /// When, as people read it.
    pub at: String,
    /// What happened, in words.
    pub what: String,
    /// Who, as shown to the person (staff as "Ihre Behörde" or by name, as the
    /// module shows them elsewhere).
    pub by: String,
    /// The message, question or reason written with it.
    pub text: Option<String>,
}

/// A stored file of a record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DataFile {
    /// Storage id, to read it from the file store.
    #[serde(skip)]
    pub storage_id: String,
    /// File name as uploaded or written.
    pub name: String,
    /// What it is ("Bescheid", "Nachweis zum Antrag").
    pub what: String,
    /// MIME type.
    pub media_type: String,
    /// Size in bytes.
    pub size: u64,
}

/// A module's data about a person.
#[async_trait]
pub trait PersonalData: Send + Sync {
    /// Everything the module keeps about the person with sign-in subject `subject`,
    /// worded with `i18n`; no parts when it keeps nothing about them.
    async fn collect(
        &self,
        ctx: &ModuleContext,
        subject: &str,
        i18n: &I18n,
    ) -> Result<Vec<DataPart>, AppError>;
}
