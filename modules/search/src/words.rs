//! The word lists of the search, read at start from `search.words_dir`
//! (`<lang>/search-synonyms.txt`, `<lang>/search-light-words.txt`, and
//! `de/search-compounds.txt`): data a department edits without touching code. A broken
//! list stops the start with its file and line.

use std::{collections::HashSet, path::Path};

use kernel::{
    Locale,
    start::{StartResult, anyhow},
};

use crate::{analysis::compound_parts, service_index::LanguageData, synonyms::Synonyms};

/// The lists of every language the search analyses.
pub fn load(dir: &Path) -> StartResult<Vec<(Locale, LanguageData)>> {
    crate::analysis::ANALYSED
        .into_iter()
        .map(|locale| Ok((locale, language(&dir.join(locale.code()))?)))
        .collect()
}

/// The lists of one language's folder; only the synonyms must be there.
pub fn language(folder: &Path) -> StartResult<LanguageData> {
    let synonyms_file = folder.join("search-synonyms.txt");
    let synonyms = Synonyms::parse(&read(&synonyms_file)?).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        anyhow!("{}: {}", synonyms_file.display(), lines.join("; "))
    })?;
    let optional = |name: &str| -> StartResult<String> {
        let file = folder.join(name);
        if file.exists() {
            read(&file)
        } else {
            Ok(String::new())
        }
    };
    Ok(LanguageData {
        synonyms,
        compound_parts: compound_parts(&optional("search-compounds.txt")?),
        light_words: light_words(&optional("search-light-words.txt")?),
    })
}

/// The words of a light-word list: one per line, `#` starts a comment. A light word
/// (`beantragen`, `brauche`) says how someone asks, not what for: it still ranks,
/// but a service matching only it does not count as matching the question.
pub fn light_words(text: &str) -> HashSet<String> {
    compound_parts(text).into_iter().collect()
}

fn read(path: &Path) -> StartResult<String> {
    std::fs::read_to_string(path).map_err(|e| anyhow!("{}: {e}", path.display()))
}
