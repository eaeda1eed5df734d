//! The files departments write (service definitions, case processes) as the command
//! line checks them, without a database or a running portal: `portal services check`
//! runs every module's [`DefinitionFiles`], `portal services schema` and
//! `export-schema` ask the one [`ServiceFormat`].

use std::path::{Path, PathBuf};

/// One module's kind of definition files. Contributed (many).
pub trait DefinitionFiles: Send + Sync {
    /// What the files are, plural, for the report (`services`, `processes`).
    fn kind(&self) -> &'static str;

    /// The folder the module reads them from, as its settings name it (`settings`
    /// holds every module's checked section by module id).
    fn folder(&self, settings: &serde_json::Value) -> PathBuf;

    /// The ids of the services the files in `dir` define, for files of other modules
    /// that refer to services (a process names its service).
    fn services(&self, _dir: &Path) -> Vec<String> {
        Vec::new()
    }

    /// Reads and checks every file in `dir`; `services` are the ids every module's
    /// files define.
    fn check(&self, dir: &Path, services: &[String]) -> Checked;
}

/// What checking one folder found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Checked {
    /// Files read without an error.
    pub files: usize,
    /// Errors and warnings, each naming its file and place.
    pub findings: Vec<Finding>,
}

/// One error or warning.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// `error: services/a.toml:3: steps[0].title: …`.
    pub text: String,
    /// A warning does not fail the check.
    pub warning: bool,
}

/// The format of service definitions. Provided by the module that reads them (one).
pub trait ServiceFormat: Send + Sync {
    /// The JSON Schema of a definition file, for editors.
    fn definition_schema(&self) -> String;

    /// The JSON Schema (2020-12) of the data the requests of `service` carry, read
    /// from the definitions the settings name; the message says why not.
    fn request_data_schema(
        &self,
        settings: &serde_json::Value,
        service: &str,
    ) -> Result<serde_json::Value, String>;
}
