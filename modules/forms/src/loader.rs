//! Loading the service definitions from a folder: every `*.toml` file is one service.
//! Each problem is reported with its file, line where known, and place in the
//! definition; the portal refuses to start while any is an error.

use std::{
    collections::HashMap,
    path::{Path, PathBuf},
    sync::Arc,
};

use crate::{check::check, definition::ServiceDefinition};

/// One problem in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadProblem {
    /// The file.
    pub file: PathBuf,
    /// Line number (1-based), where known.
    pub line: Option<usize>,
    /// Place in the definition, e.g. `steps[2].fields[3].show_if`.
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// Warnings do not stop the portal.
    pub warning: bool,
}

impl std::fmt::Display for LoadProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = if self.warning { "warning" } else { "error" };
        write!(f, "{kind}: {}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if !self.path.is_empty() {
            write!(f, ": {}", self.path)?;
        }
        write!(f, ": {}", self.message)
    }
}

/// A loaded definition with where it came from and its content hash (which tells
/// versions apart).
#[derive(Clone, Debug)]
pub struct LoadedService {
    /// The definition.
    pub definition: Arc<ServiceDefinition>,
    /// The file it was read from.
    pub file: PathBuf,
    /// SHA-256 of the file's content, hex.
    pub hash: String,
}

/// Every service of a folder, in file-name order.
#[derive(Clone, Debug, Default)]
pub struct Catalogue {
    /// The services.
    pub services: Vec<LoadedService>,
}

impl Catalogue {
    /// The service with `slug`.
    pub fn by_slug(&self, slug: &str) -> Option<&LoadedService> {
        self.services.iter().find(|s| s.definition.slug == slug)
    }

    /// The service with `id`.
    pub fn by_id(&self, id: &str) -> Option<&LoadedService> {
        self.services.iter().find(|s| s.definition.id == id)
    }
}

/// Whether `path` is a service definition: `<name>.toml`. Files named
/// `<name>.<kind>.toml` beside them belong to other modules (`dog.process.toml`).
fn is_service_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "toml")
        && path
            .file_stem()
            .and_then(|stem| stem.to_str())
            .is_some_and(|stem| !stem.contains('.'))
}

/// Loads every service definition (`<name>.toml`) in `dir`. Returns the catalogue and all problems; the
/// catalogue is only fit for use when no problem is an error.
pub fn load_dir(dir: &Path) -> (Catalogue, Vec<LoadProblem>) {
    let mut problems = Vec::new();
    let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| is_service_file(p))
            .collect(),
        Err(err) => {
            problems.push(problem(
                dir,
                None,
                "",
                format!("cannot read the folder: {err}"),
            ));
            return (Catalogue::default(), problems);
        }
    };
    files.sort();
    let mut catalogue = Catalogue::default();
    for file in files {
        match std::fs::read_to_string(&file) {
            Ok(text) => {
                let (service, found) = read_and_check(&file, &text);
                problems.extend(found);
                catalogue.services.extend(service);
            }
            Err(err) => problems.push(problem(&file, None, "", format!("cannot read: {err}"))),
        }
    }
    problems.extend(duplicates(&catalogue));
    (catalogue, problems)
}

/// Reads `text` (from `file`) and checks it: the service, when it parses, and every
/// problem, whether or not it does.
pub fn read_and_check(file: &Path, text: &str) -> (Option<LoadedService>, Vec<LoadProblem>) {
    match parse_reporting_all(file, text) {
        Ok(service) => {
            let problems = check(&service.definition)
                .into_iter()
                .map(|f| LoadProblem {
                    file: file.to_owned(),
                    line: kernel::toml_file::line_at(text, &f.path),
                    path: f.path,
                    message: f.message,
                    warning: f.warning,
                })
                .collect();
            (Some(service), problems)
        }
        Err(found) => (None, found),
    }
}

/// Parses one definition; a syntax or type error names its line and place (the
/// first one; [`parse_reporting_all`] names every one).
pub fn parse(file: &Path, text: &str) -> Result<LoadedService, LoadProblem> {
    let definition: ServiceDefinition = kernel::toml_file::parse(text)
        .map_err(|found| problem(file, found.line, &found.path, found.message))?;
    Ok(loaded(file, text, definition))
}

/// Parses one definition; every place where it departs from the format is named.
pub fn parse_reporting_all(file: &Path, text: &str) -> Result<LoadedService, Vec<LoadProblem>> {
    let definition: ServiceDefinition =
        kernel::toml_file::parse_reporting_all(text).map_err(|all| {
            all.into_iter()
                .map(|found| problem(file, found.line, &found.path, found.message))
                .collect::<Vec<_>>()
        })?;
    Ok(loaded(file, text, definition))
}

/// `definition` as a file of the repository format, which [`parse`] reads back into
/// the same definition: what a department exports to keep its services in git.
pub fn to_file(definition: &ServiceDefinition) -> Result<String, kernel::AppError> {
    kernel::toml_file::write(definition)
        .map_err(|e| kernel::AppError::internal(format!("writing {} as TOML: {e}", definition.id)))
}

fn loaded(file: &Path, text: &str, definition: ServiceDefinition) -> LoadedService {
    LoadedService {
        definition: Arc::new(definition),
        file: file.to_owned(),
        hash: kernel::upload::sha256_hex(text.as_bytes()),
    }
}

fn duplicates(catalogue: &Catalogue) -> Vec<LoadProblem> {
    let mut problems = Vec::new();
    let mut ids: HashMap<&str, &Path> = HashMap::new();
    let mut slugs: HashMap<&str, &Path> = HashMap::new();
    for service in &catalogue.services {
        let definition = &service.definition;
        if let Some(first) = ids.insert(&definition.id, &service.file) {
            let message = format!(
                "id \"{}\" is already used by {}",
                definition.id,
                first.display()
            );
            problems.push(problem(&service.file, None, "id", message));
        }
        if let Some(first) = slugs.insert(&definition.slug, &service.file) {
            let message = format!(
                "slug \"{}\" is already used by {}",
                definition.slug,
                first.display()
            );
            problems.push(problem(&service.file, None, "slug", message));
        }
    }
    problems
}

fn problem(file: &Path, line: Option<usize>, path: &str, message: String) -> LoadProblem {
    LoadProblem {
        file: file.to_owned(),
        line,
        path: path.to_owned(),
        message: message.trim().to_owned(),
        warning: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const VALID: &str = include_str!("../tests/fixtures/every_field.toml");

    #[test]
    fn type_errors_name_line_and_place() {
        let text = VALID.replacen("max = 5", "max = \"five\"", 1);
        let found = parse(Path::new("probe.toml"), &text).unwrap_err();
        assert_eq!(found.path, "steps[0].fields[2].max");
        let line = text
            .lines()
            .position(|l| l.contains("\"five\""))
            .map(|i| i + 1);
        assert_eq!(found.line, line);
        assert!(
            found.to_string().starts_with("error: probe.toml:"),
            "{found}"
        );
    }

    #[test]
    fn unknown_settings_are_refused() {
        let text = VALID.replacen("min = 1", "minimum = 1", 1);
        let found = parse(Path::new("probe.toml"), &text).unwrap_err();
        assert!(found.message.contains("minimum"), "{found}");
        assert_eq!(found.path, "steps[0].fields[2].minimum");
    }

    #[test]
    fn every_missing_part_is_named_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let text = VALID
            .replacen("id = \"probe\"\n", "", 1)
            .replacen("type = \"number\"", "type = \"nummer\"", 1)
            .replacen("max = 5", "max = \"five\"", 1);
        std::fs::write(dir.path().join("probe.toml"), &text).unwrap();
        let (catalogue, problems) = load_dir(dir.path());
        assert!(catalogue.services.is_empty());
        let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).map(|i| i + 1);
        let found: Vec<(Option<usize>, &str)> =
            problems.iter().map(|p| (p.line, p.path.as_str())).collect();
        assert!(
            found.contains(&(Some(1), "")),
            "the missing id: {problems:#?}"
        );
        assert!(
            found.contains(&(line_of("nummer"), "steps[0].fields[2].type")),
            "{problems:#?}"
        );
        assert!(
            found.contains(&(line_of("\"five\""), "steps[0].fields[2].max")),
            "{problems:#?}"
        );
        assert!(
            problems.iter().any(|p| p.message.contains("\"id\"")),
            "{problems:#?}"
        );
        let unknown = "unknown value \"nummer\", expected one of: text, textarea, number";
        assert!(
            problems.iter().any(|p| p.message.starts_with(unknown)),
            "{problems:#?}"
        );
    }

    #[test]
    fn syntax_errors_name_the_line() {
        let found = parse(Path::new("probe.toml"), "id = \"x\"\ntitle = {\n").unwrap_err();
        assert!(found.line.is_some(), "{found}");
    }

    #[test]
    fn the_hash_tells_versions_apart() {
        let a = parse(Path::new("a.toml"), VALID).unwrap();
        let b = parse(Path::new("a.toml"), &VALID.replacen("Probe", "Probe 2", 1)).unwrap();
        assert_ne!(a.hash, b.hash);
        assert_eq!(a.hash.len(), 64);
    }
}
