//! Loading process definitions from the services folder: `<name>.process.toml` beside
//! the service definitions. Each problem names its file, line where known, and place.

use std::{
    collections::HashMap,
    path::{Path, PathBuf},
    sync::{Arc, LazyLock, OnceLock},
};

use kernel::stated_process::StatedProcesses;

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

/// The processes of a folder, by service id, and what the services state of theirs.
#[derive(Clone, Default)]
pub struct Processes {
    by_service: HashMap<String, Process>,
    stated: Option<Arc<dyn StatedProcesses>>,
}

impl std::fmt::Debug for Processes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Processes")
            .field("by_service", &self.by_service)
            .field("stated", &self.stated.is_some())
            .finish()
    }
}

impl Processes {
    /// These processes, with what services state of theirs read from `stated`.
    pub fn with_stated(self, stated: Option<Arc<dyn StatedProcesses>>) -> Self {
        Self { stated, ..self }
    }

    /// The process of `service`: its own, where the service's file has one (its
    /// deadline, if it sets none, the one the service states); else the default
    /// process with what the service states (a designed service's days and four eyes).
    pub fn for_service(&self, service: &str) -> Process {
        // What the service states is looked up only where the file leaves it open.
        let stated = || self.stated.as_ref().and_then(|s| s.of(service));
        match self.by_service.get(service) {
            Some(own) if own.definition.deadline_days.is_some() => own.clone(),
            Some(own) => {
                let mut own = own.clone();
                own.definition.deadline_days = stated().and_then(|s| s.deadline_days);
                own
            }
            None => stated().map_or_else(
                || Process::default_for(service),
                |stated| Process::stated(service, stated),
            ),
        }
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
            stated: None,
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

#[cfg(test)]
mod tests {
    use kernel::stated_process::StatedProcess;

    use super::*;

    /// Services that state days and four eyes: one without a process file
    /// (`strassenfest`), two with one (`sperrmuell` sets its deadline, `hund` none).
    struct Stated;

    impl StatedProcesses for Stated {
        fn of(&self, service: &str) -> Option<StatedProcess> {
            match service {
                "strassenfest" => Some(StatedProcess {
                    deadline_days: Some(12),
                    four_eyes: true,
                }),
                "sperrmuell" | "hund" => Some(StatedProcess {
                    deadline_days: Some(5),
                    four_eyes: true,
                }),
                _ => None,
            }
        }
    }

    fn own(text: &str) -> Process {
        Process::build(toml::from_str(text).unwrap()).unwrap()
    }

    #[test]
    fn a_service_without_a_process_file_moves_as_it_states_and_a_file_decides_first() {
        let processes: Processes = [
            own("service = \"sperrmuell\"\ndeadline_days = 14\n"),
            own("service = \"hund\"\n"),
        ]
        .into_iter()
        .collect();
        let processes = processes.with_stated(Some(Arc::new(Stated)));
        let designed = processes.for_service("strassenfest");
        assert_eq!(designed.deadline_days(), 12);
        assert!(designed.definition.four_eyes);
        // The file's deadline and its lack of four eyes win over what is stated.
        let filed = processes.for_service("sperrmuell");
        assert_eq!(filed.deadline_days(), 14);
        assert!(!filed.definition.four_eyes);
        // Neither stated nor in a file: the default.
        let unknown = processes.for_service("unbekannt");
        assert_eq!(
            unknown.deadline_days(),
            crate::process::DEFAULT_DEADLINE_DAYS
        );
        assert!(!unknown.definition.four_eyes);
        // A file without a deadline takes the stated days, and still decides four eyes.
        let hund = processes.for_service("hund");
        assert_eq!(hund.deadline_days(), 5);
        assert!(!hund.definition.four_eyes);
    }
}
