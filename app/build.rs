//! Rebuilds the portal when a language folder or fluent file is added to `locales/`
//! (the fluent loader embeds the files it finds, and Cargo would otherwise only notice
//! changes to files it has already embedded), and writes the list of every language's
//! fluent files (`fluent_sources.rs`), which the server hands to the browser.

use std::{env, error::Error, fmt::Write, fs, path::PathBuf};

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo:rerun-if-changed=../locales");
    let locales = PathBuf::from(env::var("CARGO_MANIFEST_DIR")?)
        .join("../locales")
        .canonicalize()?;
    let mut code = String::from("/// Each language's tag and its fluent files' texts.\n");
    code.push_str("pub const FLUENT_SOURCES: &[(&str, &[&str])] = &[\n");
    for folder in entries(&locales, |path| path.is_dir())? {
        println!("cargo:rerun-if-changed={}", folder.display());
        let Some(tag) = folder.file_name().and_then(|name| name.to_str()) else {
            continue;
        };
        write!(code, "    ({tag:?}, &[")?;
        let fluent = |path: &PathBuf| path.extension().is_some_and(|ext| ext == "ftl");
        for file in entries(&folder, fluent)? {
            write!(code, "include_str!({:?}), ", file.display().to_string())?;
        }
        code.push_str("]),\n");
    }
    code.push_str("];\n");
    fs::write(
        PathBuf::from(env::var("OUT_DIR")?).join("fluent_sources.rs"),
        code,
    )?;
    Ok(())
}

/// The entries of `folder` that `keep` takes, sorted, so the output is the same on
/// every machine.
fn entries(
    folder: &PathBuf,
    keep: impl Fn(&PathBuf) -> bool,
) -> Result<Vec<PathBuf>, Box<dyn Error>> {
    let mut found = Vec::new();
    for entry in fs::read_dir(folder)? {
        let path = entry?.path();
        if keep(&path) {
            found.push(path);
        }
    }
    found.sort();
    Ok(found)
}
