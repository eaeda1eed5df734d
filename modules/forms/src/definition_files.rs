//! The service definitions as the command line checks them, without a database:
//! `portal services check`, `schema` and `export-schema`.

use std::path::{Path, PathBuf};

use kernel::{
    definitions::{Checked, DefinitionFiles, Finding, ServiceFormat},
    settings::section_in,
};

use crate::{FormsConfig, loader::load_dir};

/// The `*.toml` files in `forms.services_dir`, one service each.
pub struct ServiceFiles;

impl DefinitionFiles for ServiceFiles {
    fn kind(&self) -> &'static str {
        "services"
    }

    fn folder(&self, settings: &serde_json::Value) -> PathBuf {
        section_in::<FormsConfig>(settings, crate::MODULE_ID).services_dir
    }

    fn services(&self, dir: &Path) -> Vec<String> {
        let (catalogue, _) = load_dir(dir);
        catalogue
            .services
            .iter()
            .map(|service| service.definition.id.clone())
            .collect()
    }

    fn check(&self, dir: &Path, _services: &[String]) -> Checked {
        let (catalogue, problems) = load_dir(dir);
        Checked {
            files: catalogue.services.len(),
            findings: problems
                .iter()
                .map(|problem| Finding {
                    text: problem.to_string(),
                    warning: problem.warning,
                })
                .collect(),
        }
    }
}

impl ServiceFormat for ServiceFiles {
    fn definition_schema(&self) -> String {
        crate::schema::definition_schema()
    }

    fn request_data_schema(
        &self,
        settings: &serde_json::Value,
        service: &str,
    ) -> Result<serde_json::Value, String> {
        let dir = self.folder(settings);
        let (catalogue, problems) = load_dir(&dir);
        match catalogue.by_id(service) {
            Some(loaded) => Ok(crate::submission_data::schema(&loaded.definition)),
            None => {
                let mut lines: Vec<String> = problems
                    .iter()
                    .filter(|p| !p.warning)
                    .map(ToString::to_string)
                    .collect();
                lines.push(format!("no service `{service}` in {}", dir.display()));
                Err(lines.join("\n"))
            }
        }
    }
}
