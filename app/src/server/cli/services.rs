//! `portal services check|schema|export-schema`: the definition files of every module,
//! read and checked without a database. The host names no module: the modules
//! contribute their [`DefinitionFiles`] and one provides the [`ServiceFormat`].

use std::{
    path::{Path, PathBuf},
    process::ExitCode,
    sync::Arc,
};

use kernel::{
    capabilities::Capabilities,
    definitions::{DefinitionFiles, Finding, ServiceFormat},
};

use super::ServicesCommand;

/// Runs `command`; `settings` are the settings as modules see them.
pub(crate) fn run(
    command: &ServicesCommand,
    settings: &serde_json::Value,
    capabilities: &Capabilities,
) -> ExitCode {
    let format = || {
        let format = capabilities.get::<dyn ServiceFormat>();
        if format.is_none() {
            eprintln!("portal: no module of this portal reads service definitions");
        }
        format
    };
    match command {
        ServicesCommand::Schema => match format() {
            Some(format) => print(&format.definition_schema(), None),
            None => ExitCode::FAILURE,
        },
        ServicesCommand::ExportSchema { service, out } => {
            let Some(format) = format() else {
                return ExitCode::FAILURE;
            };
            match format.request_data_schema(settings, service) {
                Ok(schema) => print(
                    &(serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"),
                    out.as_deref(),
                ),
                Err(why) => {
                    eprintln!("portal: {why}");
                    ExitCode::FAILURE
                }
            }
        }
        ServicesCommand::Check { dir } => {
            let report = check_definitions(dir.as_deref(), settings, capabilities);
            report.print()
        }
    }
}

/// What `portal services check` found in every module's definition files.
#[derive(Debug)]
pub struct DefinitionReport {
    /// Errors and warnings, each naming its file and place.
    pub findings: Vec<Finding>,
    /// `6 services checked in services, 2 processes checked in services`.
    pub checked: Vec<String>,
}

impl DefinitionReport {
    /// How many findings are errors.
    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|f| !f.warning).count()
    }

    /// The findings on standard error, the totals on standard output; failure when
    /// any finding is an error.
    #[expect(clippy::print_stdout, reason = "the command's output is its report")]
    fn print(&self) -> ExitCode {
        for finding in &self.findings {
            eprintln!("{}", finding.text);
        }
        let errors = self.errors();
        println!(
            "{}: {errors} errors, {} warnings",
            self.checked.join(", "),
            self.findings.len() - errors
        );
        if errors == 0 {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        }
    }
}

/// Checks every module's definition files, in `dir` where given (a folder given on
/// the command line holds every kind) or where the module's settings say, each
/// against the services all of them define.
pub fn check_definitions(
    dir: Option<&Path>,
    settings: &serde_json::Value,
    capabilities: &Capabilities,
) -> DefinitionReport {
    let files: Vec<(Arc<dyn DefinitionFiles>, PathBuf)> = capabilities
        .all::<dyn DefinitionFiles>()
        .into_iter()
        .map(|(_, files)| {
            let folder = dir.map_or_else(|| files.folder(settings), Path::to_path_buf);
            (files, folder)
        })
        .collect();
    let services: Vec<String> = files
        .iter()
        .flat_map(|(files, folder)| files.services(folder))
        .collect();
    let mut report = DefinitionReport {
        findings: Vec::new(),
        checked: Vec::new(),
    };
    for (files, folder) in &files {
        let checked = files.check(folder, &services);
        report.findings.extend(checked.findings);
        report.checked.push(format!(
            "{} {} checked in {}",
            checked.files,
            files.kind(),
            folder.display()
        ));
    }
    report
}

/// `text` on standard output, or into `out`.
#[expect(clippy::print_stdout, reason = "the schema is the command's output")]
fn print(text: &str, out: Option<&Path>) -> ExitCode {
    match out {
        None => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Some(path) => match std::fs::write(path, text) {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                eprintln!("portal: cannot write {}: {err}", path.display());
                ExitCode::FAILURE
            }
        },
    }
}
