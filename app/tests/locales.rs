//! The fluent files are complete: every locale has the same files and keys, and every
//! key written in the code exists. German is the default, English always complete.

#![expect(clippy::unwrap_used, reason = "a test fails loudly on broken fixtures")]

use std::{
    collections::{BTreeMap, BTreeSet},
    fs,
    path::{Path, PathBuf},
};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `file name -> keys` of one locale folder.
fn keys_of(locale: &str) -> BTreeMap<String, BTreeSet<String>> {
    let message = regex::Regex::new(r"(?m)^([a-z][a-z0-9-]*)\s*=").unwrap();
    let mut files = BTreeMap::new();
    for entry in fs::read_dir(repo().join("locales").join(locale)).unwrap() {
        let path = entry.unwrap().path();
        // Only the texts: word lists (search synonyms, compounds) are per language.
        if path.extension().is_none_or(|e| e != "ftl") {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        let keys = message
            .captures_iter(&text)
            .map(|c| c[1].to_owned())
            .collect();
        files.insert(
            path.file_name().unwrap().to_string_lossy().into_owned(),
            keys,
        );
    }
    files
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn german_and_english_have_the_same_files_and_keys() {
    let de = keys_of("de");
    let en = keys_of("en");
    assert!(!de.is_empty());
    assert_eq!(
        de.keys().collect::<Vec<_>>(),
        en.keys().collect::<Vec<_>>(),
        "same files"
    );
    for (file, keys) in &de {
        let module = file.trim_end_matches(".ftl");
        for key in keys {
            assert!(
                key.starts_with(&format!("{module}-")),
                "{file}: `{key}` must start with `{module}-`"
            );
        }
        let english = &en[file];
        let only_de: Vec<_> = keys.difference(english).collect();
        let only_en: Vec<_> = english.difference(keys).collect();
        assert!(
            only_de.is_empty() && only_en.is_empty(),
            "{file}: only in de {only_de:?}, only in en {only_en:?}"
        );
    }
}

#[test]
fn no_key_is_defined_twice() {
    // A duplicate stops the portal at its first translation (fluent refuses to load).
    let message = regex::Regex::new(r"(?m)^([a-z][a-z0-9-]*)\s*=").unwrap();
    for locale in ["de", "en"] {
        let mut seen = BTreeSet::new();
        for entry in fs::read_dir(repo().join("locales").join(locale)).unwrap() {
            let text = fs::read_to_string(entry.unwrap().path()).unwrap();
            for capture in message.captures_iter(&text) {
                assert!(
                    seen.insert(capture[1].to_owned()),
                    "{locale}: `{}` is defined twice",
                    &capture[1]
                );
            }
        }
    }
}

#[test]
fn every_key_used_in_code_is_defined() {
    let defined: BTreeSet<String> = keys_of("de").into_values().flatten().collect();
    let modules: Vec<String> = keys_of("de")
        .keys()
        .map(|f| f.trim_end_matches(".ftl").to_owned())
        .collect();
    let literal =
        regex::Regex::new(&format!(r#""((?:{})-[a-z0-9-]+)""#, modules.join("|"))).unwrap();
    let mut files = Vec::new();
    rust_files(&repo().join("app/src"), &mut files);
    rust_files(&repo().join("modules"), &mut files);
    let mut used = 0;
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        for capture in literal.captures_iter(&text) {
            used += 1;
            assert!(
                defined.contains(&capture[1]),
                "{}: key `{}` is defined in no locale",
                file.display(),
                &capture[1]
            );
        }
    }
    assert!(used > 20, "the scan found the keys in the code ({used})");
}

#[test]
fn every_case_state_action_and_event_has_its_texts() {
    let defined: BTreeSet<String> = keys_of("de").into_values().flatten().collect();
    let mut needed: Vec<String> = cases::State::ALL
        .iter()
        .map(|s| format!("cases-state-{}", s.as_str().replace('_', "-")))
        .collect();
    for action in cases::Action::ALL {
        let key = action.as_str().replace('_', "-");
        needed.push(format!("cases-action-{key}"));
        needed.push(format!("cases-event-{key}"));
        if action.takes_text() {
            needed.push(format!("cases-text-{key}"));
        }
    }
    needed.push("cases-event-filed".into());
    for assignment in [
        cases::assign::Assignment::ToMe,
        cases::assign::Assignment::Release,
    ] {
        let key = assignment.as_str().replace('_', "-");
        needed.push(format!("cases-assign-{key}"));
        needed.push(format!("cases-event-{key}"));
    }
    for kind in ["note", "message"] {
        needed.push(format!("cases-event-{kind}"));
    }
    for key in needed {
        assert!(defined.contains(&key), "`{key}` is defined in no locale");
    }
}

#[test]
fn dates_are_written_as_people_of_each_language_write_them() {
    let date = chrono::NaiveDate::from_ymd_opt(1985, 4, 2).unwrap();
    let german = kernel::I18n::new(kernel::Locale::De, &app::i18n::LOCALES);
    assert_eq!(german.date(date), "02.04.1985");
    assert_eq!(
        german.in_locale(kernel::Locale::En).date(date),
        "2 April 1985"
    );
    assert_eq!(german.date_text("1985-04-02"), "02.04.1985");
    // Not a date: as it was.
    assert_eq!(german.date_text("gestern"), "gestern");
}
