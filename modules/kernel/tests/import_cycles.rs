//! In no crate of the portal (the modules and the host) does a file import a file
//! that imports it back: each pair of files depends one way, so a feature reads from
//! the bottom up. Read from the sources (a `crate::…` path outside comments is an
//! import; `super::` paths between a parent and its children are not looked at).

use std::{
    collections::{BTreeMap, BTreeSet},
    path::Path,
};

/// The module path of every source file (`inbox::query` for `src/inbox/query.rs`).
fn modules(dir: &Path, prefix: &str, found: &mut BTreeMap<String, String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        let module = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}::{name}")
        };
        if path.is_dir() {
            modules(&path, &module, found);
        } else if path.extension().is_some_and(|e| e == "rs") && name != "lib" && name != "main" {
            let module = module.trim_end_matches("::mod").to_owned();
            found.insert(module, std::fs::read_to_string(&path).unwrap_or_default());
        }
    }
}

/// The source without comments.
fn code(source: &str) -> String {
    source
        .lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path that follows `crate::` in `code`, groups (`crate::{a, b::{c}}`)
/// spelled out.
fn paths(code: &str) -> Vec<String> {
    fn group(text: &str, prefix: &str, out: &mut Vec<String>) -> usize {
        // Parses the inside of `{…}` starting at `text`; returns where it ended.
        let mut i = 0;
        let bytes = text.as_bytes();
        let mut current = String::new();
        while i < bytes.len() {
            match bytes[i] {
                b'{' => {
                    let inner = format!("{prefix}{current}");
                    i += 1 + group(&text[i + 1..], &inner, out);
                    current.clear();
                    continue;
                }
                b'}' => {
                    if !current.trim().is_empty() {
                        out.push(format!("{prefix}{}", current.trim()));
                    }
                    return i + 1;
                }
                b',' => {
                    if !current.trim().is_empty() {
                        out.push(format!("{prefix}{}", current.trim()));
                    }
                    current.clear();
                }
                c => current.push(c as char),
            }
            i += 1;
        }
        i
    }
    let mut out = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(inner) = rest.strip_prefix('{') {
            group(inner, "", &mut out);
        } else {
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(rest.len());
            out.push(rest[..end].to_owned());
        }
    }
    out.into_iter()
        .map(|p| p.split_whitespace().collect::<String>())
        .collect()
}

/// The pairs of files of the crate in `src` that import each other.
fn both_ways(src: &Path) -> Vec<String> {
    let mut found = BTreeMap::new();
    modules(src, "", &mut found);
    let imports: BTreeMap<&String, BTreeSet<String>> = found
        .iter()
        .map(|(module, source)| {
            let targets = paths(&code(source))
                .into_iter()
                .filter_map(|path| {
                    // The longest module the path names.
                    let parts: Vec<&str> = path.split("::").collect();
                    (1..=parts.len())
                        .rev()
                        .map(|n| parts[..n].join("::"))
                        .find(|candidate| found.contains_key(candidate))
                })
                .filter(|target| target != module)
                .collect();
            (module, targets)
        })
        .collect();
    let mut pairs = Vec::new();
    for (module, targets) in &imports {
        for target in targets {
            if module.as_str() < target.as_str()
                && imports
                    .get(target)
                    .is_some_and(|back| back.contains(module.as_str()))
            {
                pairs.push(format!("{module} <-> {target}"));
            }
        }
    }
    pairs
}

#[test]
fn no_file_imports_a_file_that_imports_it_back() {
    let modules = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    // Every module crate, and the host.
    let crates: Vec<_> = std::fs::read_dir(&modules)
        .unwrap()
        .flatten()
        .map(|entry| entry.path())
        .chain([modules.join("../app")])
        .filter(|dir| dir.join("src").is_dir())
        .collect();
    assert!(crates.len() >= 7, "crates found: {crates:?}");
    let mut wrong = Vec::new();
    for dir in &crates {
        let name = dir
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        wrong.extend(
            both_ways(&dir.join("src"))
                .into_iter()
                .map(|pair| format!("{name}: {pair}")),
        );
    }
    assert!(
        wrong.is_empty(),
        "files importing each other:\n{}",
        wrong.join("\n")
    );
}
