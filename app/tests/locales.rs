//! The fluent files are complete: German and English have the same files and keys,
//! every key written in the code exists, and a further language (a folder of its own)
//! defines only keys German has, with the same variables. German is the default and
//! the fallback of every key, English always complete.

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

/// Every folder of `locales/`: the portal's languages.
fn language_folders() -> Vec<String> {
    let mut folders: Vec<String> = fs::read_dir(repo().join("locales"))
        .unwrap()
        .map(|entry| entry.unwrap())
        .filter(|entry| entry.path().is_dir())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    folders
}

/// `key -> variables` of one fluent file: a message runs from its key to the next.
fn variables_of(text: &str) -> BTreeMap<String, BTreeSet<String>> {
    let message = regex::Regex::new(r"(?m)^([a-z][a-z0-9-]*)\s*=").unwrap();
    let variable = regex::Regex::new(r"\$([a-z][a-z0-9_-]*)").unwrap();
    let starts: Vec<_> = message.captures_iter(text).collect();
    starts
        .iter()
        .enumerate()
        .map(|(i, capture)| {
            let start = capture.get(0).unwrap().end();
            let end = starts
                .get(i + 1)
                .map_or(text.len(), |next| next.get(0).unwrap().start());
            let names = variable
                .captures_iter(&text[start..end])
                .map(|v| v[1].to_owned())
                .collect();
            (capture[1].to_owned(), names)
        })
        .collect()
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
    for locale in language_folders() {
        let locale = locale.as_str();
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
    let german = kernel::I18n::new(kernel::Locale::DE, &*app::i18n::LOCALES);
    assert_eq!(german.date(date), "02.04.1985");
    assert_eq!(
        german.in_locale(kernel::Locale::EN).date(date),
        "2 April 1985"
    );
    assert_eq!(german.date_text("1985-04-02"), "02.04.1985");
    // Not a date: as it was.
    assert_eq!(german.date_text("gestern"), "gestern");
}

#[test]
fn every_language_folder_names_itself_and_its_direction() {
    let direction = regex::Regex::new(r"(?m)^language-direction = (\S+)$").unwrap();
    let folders = language_folders();
    assert!(
        folders.len() >= 3,
        "German, English and a third language: {folders:?}"
    );
    for folder in &folders {
        assert!(
            (2..=3).contains(&folder.len()) && folder.bytes().all(|b| b.is_ascii_lowercase()),
            "`locales/{folder}` is named by its language subtag (`tr`, `uk`)"
        );
        let text = fs::read_to_string(repo().join("locales").join(folder).join("language.ftl"))
            .unwrap_or_else(|_| panic!("`locales/{folder}/language.ftl` names the language"));
        assert!(
            text.contains("\nlanguage-name = "),
            "{folder}: `language-name`"
        );
        let found = direction.captures(&text).map(|c| c[1].to_owned());
        assert!(
            matches!(found.as_deref(), Some("ltr" | "rtl")),
            "{folder}: `language-direction` is ltr or rtl, not {found:?}"
        );
    }
}

#[test]
fn a_further_language_defines_only_german_keys_with_their_variables() {
    let folder = |locale: &str| repo().join("locales").join(locale);
    for locale in language_folders() {
        if locale == "de" {
            continue;
        }
        for entry in fs::read_dir(folder(&locale)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "ftl") {
                continue;
            }
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let german = fs::read_to_string(folder("de").join(&name))
                .unwrap_or_else(|_| panic!("{locale}/{name}: German has no such file"));
            let german = variables_of(&german);
            for (key, variables) in variables_of(&fs::read_to_string(&path).unwrap()) {
                let Some(expected) = german.get(&key) else {
                    panic!("{locale}/{name}: `{key}` is not a German key");
                };
                assert_eq!(
                    &variables, expected,
                    "{locale}/{name}: `{key}` uses other variables than German"
                );
            }
        }
    }
}

#[test]
fn turkish_covers_the_shell_and_the_citizen_pages_of_forms_and_search() {
    let de = keys_of("de");
    let tr = keys_of("tr");
    for file in ["language.ftl", "shell.ftl", "forms.ftl", "search.ftl"] {
        let missing: Vec<_> = de[file].difference(&tr[file]).collect();
        assert!(missing.is_empty(), "tr/{file} lacks {missing:?}");
    }
}

#[test]
fn the_offered_languages_are_the_folders_german_first() {
    let german = kernel::I18n::new(kernel::Locale::DE, &*app::i18n::LOCALES);
    let offered: Vec<&str> = kernel::i18n::languages::offered()
        .iter()
        .map(|l| l.locale.code())
        .collect();
    let mut folders = language_folders();
    folders.sort_by_key(|f| f != "de");
    assert_eq!(offered, folders);
    let turkish = kernel::Locale::parse("tr-TR").unwrap();
    assert_eq!(turkish.native_name(), "Türkçe");
    assert_eq!(german.in_locale(turkish).direction().attribute(), "ltr");
}

#[test]
fn a_key_missing_in_a_language_is_shown_in_german_and_says_so() {
    let german = kernel::I18n::new(kernel::Locale::DE, &*app::i18n::LOCALES);
    let turkish = german.in_locale(kernel::Locale::parse("tr").unwrap());
    // The toilet finder has no Turkish texts (yet): German, marked as German.
    assert_eq!(
        turkish.t_written("toilets-title"),
        (german.t("toilets-title"), kernel::Locale::DE)
    );
    assert_eq!(turkish.t("toilets-title"), german.t("toilets-title"));
    // A translated key: Turkish.
    let (text, language) = turkish.t_written("shell-sign-in");
    assert_eq!((text.as_str(), language.code()), ("Oturum aç", "tr"));
    assert_eq!(
        turkish.date(chrono::NaiveDate::from_ymd_opt(1985, 4, 2).unwrap()),
        "02.04.1985"
    );
}

/// The ranges of `style/font-ranges.json` as `(first, last)` code points.
fn font_ranges() -> Vec<(u32, u32)> {
    let text = fs::read_to_string(repo().join("style/font-ranges.json")).unwrap();
    let ranges: Vec<String> = serde_json::from_str(&text).unwrap();
    ranges
        .iter()
        .map(|range| {
            let mut ends = range
                .split('-')
                .map(|hex| u32::from_str_radix(hex.trim_start_matches("U+"), 16).unwrap());
            let first = ends.next().unwrap();
            (first, ends.next().unwrap_or(first))
        })
        .collect()
}

/// The fonts are cut to the ranges at build; a letter of the Latin script (or a
/// punctuation mark) outside them would show in the device's font in the middle of a
/// word. Other scripts (a language's own name, say) are left to the device.
#[test]
fn every_latin_letter_of_the_texts_is_in_the_fonts() {
    let ranges = font_ranges();
    let latin_or_punctuation = |c: u32| {
        (0x80..=0x24f).contains(&c)
            || (0x1e00..=0x1eff).contains(&c)
            || (0x2000..=0x20cf).contains(&c)
    };
    let mut files = Vec::new();
    for folder in ["locales", "services"] {
        let mut stack = vec![repo().join(folder)];
        while let Some(dir) = stack.pop() {
            for entry in fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    files.push(path);
                }
            }
        }
    }
    assert!(files.len() > 10, "texts found: {}", files.len());
    let mut missing = BTreeSet::new();
    for file in &files {
        for c in fs::read_to_string(file).unwrap().chars() {
            let code = u32::from(c);
            if latin_or_punctuation(code) && !ranges.iter().any(|(a, b)| (*a..=*b).contains(&code))
            {
                missing.insert(format!("{c} (U+{code:04X}) in {}", file.display()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "not in style/font-ranges.json: {missing:?}"
    );
}
