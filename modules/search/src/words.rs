//! The word lists of the search, read at start from `search.words_dir`
//! (`<lang>/search-synonyms.txt`, and `de/search-compounds.txt`): data a department
//! edits without touching code. A broken list stops the start with its file and line.

use std::path::Path;

use kernel::{
    Locale,
    start::{StartResult, anyhow},
};

use crate::{analysis::compound_parts, service_index::LanguageData, synonyms::Synonyms};

/// The lists of every language the search analyses.
pub fn load(dir: &Path) -> StartResult<Vec<(Locale, LanguageData)>> {
    crate::analysis::ANALYSED
        .into_iter()
        .map(|locale| {
            let folder = dir.join(locale.code());
            let synonyms_file = folder.join("search-synonyms.txt");
            let synonyms = Synonyms::parse(&read(&synonyms_file)?).map_err(|problems| {
                let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
                anyhow!("{}: {}", synonyms_file.display(), lines.join("; "))
            })?;
            let compounds_file = folder.join("search-compounds.txt");
            let compound_parts = if compounds_file.exists() {
                compound_parts(&read(&compounds_file)?)
            } else {
                Vec::new()
            };
            Ok((
                locale,
                LanguageData {
                    synonyms,
                    compound_parts,
                },
            ))
        })
        .collect()
}

fn read(path: &Path) -> StartResult<String> {
    std::fs::read_to_string(path).map_err(|e| anyhow!("{}: {e}", path.display()))
}
