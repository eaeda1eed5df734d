//! The process definitions as `portal services check` checks them, without a
//! database: each must be well-formed and name a service some module defines.

use std::path::{Path, PathBuf};

use kernel::{
    definitions::{Checked, DefinitionFiles, Finding},
    settings::section_in,
};

use crate::{CasesConfig, loader::load_dir};

/// The `*.process.toml` files in `cases.processes_dir`.
pub struct ProcessFiles;

impl DefinitionFiles for ProcessFiles {
    fn kind(&self) -> &'static str {
        "processes"
    }

    fn folder(&self, settings: &serde_json::Value) -> PathBuf {
        section_in::<CasesConfig>(settings, crate::MODULE_ID).processes_dir
    }

    fn check(&self, dir: &Path, services: &[String]) -> Checked {
        let (processes, problems) = load_dir(dir, Some(services));
        Checked {
            files: processes.len(),
            findings: problems
                .iter()
                .map(|problem| Finding {
                    text: problem.to_string(),
                    warning: false,
                })
                .collect(),
        }
    }
}
