//! Synonym lists, kept as data beside the locales so that a department can add the
//! words citizens use without touching code: one group per line, words separated by
//! commas, `#` starts a comment. A query word found in a group also searches for the
//! other words of that group (`perso` for `personalausweis`, `kfz` for `fahrzeug`).
//! A line `words => others` goes one way only: each of `words` also searches for
//! `others`, not the other way round (`certificate => bescheinigung, urkunde` without
//! making "Bescheinigung" and "Urkunde" find each other).

use std::collections::HashMap;

/// A line of a synonym list that cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {problem}")]
pub struct SynonymError {
    /// Line number, from 1.
    pub line: usize,
    /// What is wrong.
    pub problem: &'static str,
}

/// The groups of one language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Synonyms {
    /// Each word (lower case) with the other words of its groups.
    alternatives: HashMap<String, Vec<String>>,
}

impl Synonyms {
    /// Reads a list; every problem is reported with its line.
    pub fn parse(text: &str) -> Result<Self, Vec<SynonymError>> {
        let mut alternatives: HashMap<String, Vec<String>> = HashMap::new();
        let mut problems = Vec::new();
        for (index, line) in text.lines().enumerate() {
            let content = line.split('#').next().unwrap_or_default().trim();
            if content.is_empty() {
                continue;
            }
            let list = |text: &str| -> Vec<String> {
                text.split(',').map(|w| w.trim().to_lowercase()).collect()
            };
            let (words, others) = match content.split_once("=>") {
                Some((words, others)) => (list(words), Some(list(others))),
                None => (list(content), None),
            };
            let all = words.iter().chain(others.iter().flatten());
            let problem = if all.clone().any(String::is_empty) {
                Some("an empty word (two commas, or one at the end)")
            } else if others.is_none() && words.len() < 2 {
                Some("a group needs at least two words")
            } else if content.matches("=>").count() > 1 {
                Some("more than one `=>`")
            } else {
                None
            };
            if let Some(problem) = problem {
                problems.push(SynonymError {
                    line: index + 1,
                    problem,
                });
                continue;
            }
            // A group: every word finds the others; one way: the words find the others.
            let targets = others.as_ref().unwrap_or(&words);
            for word in &words {
                let found = alternatives.entry(word.clone()).or_default();
                for other in targets.iter().filter(|o| *o != word) {
                    if !found.contains(other) {
                        found.push(other.clone());
                    }
                }
            }
        }
        if problems.is_empty() {
            Ok(Self { alternatives })
        } else {
            Err(problems)
        }
    }

    /// The other words for `word` (any letter case), in list order.
    pub fn alternatives(&self, word: &str) -> &[String] {
        self.alternatives
            .get(&word.to_lowercase())
            .map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_brings_the_rest_of_its_groups() {
        let synonyms = Synonyms::parse(
            "# identity card\nperso, personalausweis, ausweis\nausweis, reisepass # both\n",
        )
        .unwrap();
        assert_eq!(
            synonyms.alternatives("Perso"),
            ["personalausweis", "ausweis"]
        );
        assert_eq!(
            synonyms.alternatives("ausweis"),
            ["perso", "personalausweis", "reisepass"]
        );
        assert!(synonyms.alternatives("hund").is_empty());
    }

    #[test]
    fn a_one_way_line_does_not_make_its_targets_find_each_other() {
        let synonyms = Synonyms::parse("certificate, proof => bescheinigung, urkunde\n").unwrap();
        assert_eq!(
            synonyms.alternatives("certificate"),
            ["bescheinigung", "urkunde"]
        );
        assert_eq!(synonyms.alternatives("proof"), ["bescheinigung", "urkunde"]);
        assert!(synonyms.alternatives("urkunde").is_empty());
        assert!(synonyms.alternatives("bescheinigung").is_empty());
    }

    #[test]
    fn broken_lines_are_named() {
        assert_eq!(
            Synonyms::parse("a, b\nallein\nx,,y\na => \nb => c => d\n").unwrap_err(),
            vec![
                SynonymError {
                    line: 2,
                    problem: "a group needs at least two words"
                },
                SynonymError {
                    line: 3,
                    problem: "an empty word (two commas, or one at the end)"
                },
                SynonymError {
                    line: 4,
                    problem: "an empty word (two commas, or one at the end)"
                },
                SynonymError {
                    line: 5,
                    problem: "more than one `=>`"
                },
            ]
        );
    }
}
