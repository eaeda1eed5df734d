//! The judged queries over Munich's catalogue (`app/tests/data/munich-queries-{half}.txt`),
//! read by the index-level test, the end-to-end test and the search benchmark alike.

use std::path::Path;

/// A half (`tuning` or `held-out`) of the judged queries: each query with the ids of
/// the services that answer it.
pub fn judged(repo: &Path, half: &str) -> Vec<(String, Vec<String>)> {
    let path = repo.join(format!("app/tests/data/munich-queries-{half}.txt"));
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|line| {
            let (query, ids) = line
                .split_once('|')
                .unwrap_or_else(|| panic!("malformed line: {line}"));
            let ids = ids.split(',').map(|id| id.trim().to_owned()).collect();
            (query.trim().to_owned(), ids)
        })
        .collect()
}
