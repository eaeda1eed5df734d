//! Loading process definitions from the services folder: `<name>.process.toml` beside
//! the service definitions. Each problem names its file, line where known, and place.

use std::{
    collections::HashMap,
    path::{Path, PathBuf},
    sync::{Arc, LazyLock, OnceLock},
};

use crate::process::{Process, ProcessDefinition};

/// The ending of process definition files.
pub const PROCESS_SUFFIX: &str = ".process.toml";

/// One problem in one process file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProcessFileProblem {
    /// The file.
    pub file: PathBuf,
    /// Line number (1-based), where known.
    pub line: Option<usize>,
    /// Place in the definition.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for ProcessFileProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "error: {}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if !self.path.is_empty() {
            write!(f, ": {}", self.path)?;
        }
        write!(f, ": {}", self.message)
    }
}

/// The processes of a folder, by service id.
#[derive(Clone, Debug, Default)]
pub struct Processes {
    by_service: HashMap<String, Process>,
}

impl Processes {
    /// The process of `service`: its own, or the default process.
    pub fn for_service(&self, service: &str) -> Process {
        self.by_service
            .get(service)
            .cloned()
            .unwrap_or_else(|| Process::default_for(service))
    }

    /// How many services have their own process.
    pub fn len(&self) -> usize {
        self.by_service.len()
    }

    /// Whether no service has its own process.
    pub fn is_empty(&self) -> bool {
        self.by_service.is_empty()
    }
}

impl FromIterator<Process> for Processes {
    fn from_iter<I: IntoIterator<Item = Process>>(processes: I) -> Self {
        Self {
            by_service: processes
                .into_iter()
                .map(|p| (p.definition.service.clone(), p))
                .collect(),
        }
    }
}

/// The processes the module loads at start-up, shared with the parts the host asks for
/// before that (intake, tracker, routes). Until they are loaded, every service follows
/// the default process.
#[derive(Clone, Debug, Default)]
pub struct LoadedProcesses(Arc<OnceLock<Processes>>);

impl LoadedProcesses {
    /// Hands over the loaded processes (once; later calls change nothing).
    pub fn set(&self, processes: Processes) {
        let _ = self.0.set(processes);
    }

    /// The processes, or none of their own before loading.
    pub fn get(&self) -> &Processes {
        static NONE: LazyLock<Processes> = LazyLock::new(Processes::default);
        self.0.get().unwrap_or(&NONE)
    }
}

/// Loads every process file in `dir`; a folder without any is fine. With `services`
/// (the ids of the services that exist), a process for an unknown one is reported.
pub fn load_dir(dir: &Path, services: Option<&[String]>) -> (Processes, Vec<ProcessFileProblem>) {
    let mut processes = Processes::default();
    let mut problems = Vec::new();
    let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.ends_with(PROCESS_SUFFIX))
            })
            .collect(),
        Err(_) => return (processes, problems),
    };
    files.sort();
    for file in files {
        let problem = |line, path: &str, message: String| ProcessFileProblem {
            file: file.clone(),
            line,
            path: path.to_owned(),
            message,
        };
        let text = match std::fs::read_to_string(&file) {
            Ok(text) => text,
            Err(err) => {
                problems.push(problem(None, "", format!("cannot read: {err}")));
                continue;
            }
        };
        let definition: ProcessDefinition = match kernel::toml_file::parse_reporting_all(&text) {
            Ok(definition) => definition,
            Err(all) => {
                problems.extend(
                    all.into_iter()
                        .map(|found| problem(found.line, &found.path, found.message)),
                );
                continue;
            }
        };
        if services.is_some_and(|known| !known.contains(&definition.service)) {
            let message = format!("no service has the id \"{}\"", definition.service);
            problems.push(problem(None, "service", message));
            continue;
        }
        if processes.by_service.contains_key(&definition.service) {
            let message = format!("\"{}\" has another process file", definition.service);
            problems.push(problem(None, "service", message));
            continue;
        }
        match Process::build(definition) {
            Ok(process) => {
                processes
                    .by_service
                    .insert(process.definition.service.clone(), process);
            }
            Err(found) => {
                problems.extend(found.into_iter().map(|p| problem(None, &p.path, p.message)))
            }
        }
    }
    (processes, problems)
}
