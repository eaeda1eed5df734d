//! `[appointments]` of the portal settings, and reading the schedule file it names.

use std::path::PathBuf;

use kernel::{
    settings::ModuleSettings,
    start::{StartResult, anyhow},
};
use serde::{Deserialize, Serialize};

use crate::schedule::ScheduleFile;

/// `[appointments]` of the portal settings.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AppointmentsConfig {
    /// The schedule file (opening hours, counters, closures per office); without one
    /// every office keeps the defaults.
    pub schedule_file: Option<PathBuf>,
    /// Days after its date an appointment (with the citizen's details) is deleted.
    pub retention_days: u32,
    /// Most coming appointments one e-mail address may hold for one service.
    pub most_per_address: u32,
    /// Times one client network may hold per hour (0: no limit, a proxy limits).
    pub holds_per_hour: u32,
    /// Times one client network may hold at once before the hourly rate applies.
    pub holds_burst: u32,
    /// The proof of work's largest number (the work: half of it in hashes on
    /// average); 0 switches it off.
    pub proof_max_number: u64,
}

impl Default for AppointmentsConfig {
    fn default() -> Self {
        Self {
            schedule_file: None,
            retention_days: 30,
            most_per_address: 2,
            holds_per_hour: 60,
            holds_burst: 20,
            proof_max_number: 50_000,
        }
    }
}

impl ModuleSettings for AppointmentsConfig {
    const DOCUMENTED: &'static [(&'static str, &'static str)] = &[
        (
            "schedule_file",
            "the offices' schedule (TOML: opening hours, counters, closures); every office keeps a citizens' office week without one",
        ),
        (
            "retention_days",
            "days after its date an appointment and the citizen's details in it are deleted (default 30)",
        ),
        (
            "most_per_address",
            "most coming appointments one e-mail address may hold for one service (default 2)",
        ),
        (
            "holds_per_hour",
            "times one client address (an IPv6 client by its /64) may hold per hour (default 60; 0 = no limit)",
        ),
        (
            "holds_burst",
            "times one client address may hold at once before the hourly rate applies (default 20)",
        ),
        (
            "proof_max_number",
            "work of the proof (ALTCHA) the browser app solves to hold a time beyond the limit per address: its largest number (default 50000, about a quarter second on a phone; 0 = off)",
        ),
    ];
}

impl AppointmentsConfig {
    /// The schedule: the file's, checked, or the defaults without a file. The error
    /// names the file, the line and the place.
    pub fn schedule(&self) -> StartResult<ScheduleFile> {
        let Some(path) = &self.schedule_file else {
            return Ok(ScheduleFile::default());
        };
        let text = std::fs::read_to_string(path)
            .map_err(|e| anyhow!("the schedule file {}: {e}", path.display()))?;
        let file: ScheduleFile = kernel::toml_file::parse(&text).map_err(|problem| {
            let line = problem.line.map(|l| format!(":{l}")).unwrap_or_default();
            let place = if problem.path.is_empty() {
                String::new()
            } else {
                format!(" `{}`", problem.path)
            };
            anyhow!("{}{line}:{place} {}", path.display(), problem.message)
        })?;
        file.validate()
            .map_err(|error| anyhow!("{}: {error}", path.display()))?;
        Ok(file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config_with(text: &str) -> (AppointmentsConfig, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("schedule.toml");
        std::fs::write(&path, text).unwrap();
        (
            AppointmentsConfig {
                schedule_file: Some(path),
                ..AppointmentsConfig::default()
            },
            dir,
        )
    }

    #[test]
    fn without_a_file_every_office_keeps_the_defaults() {
        let schedule = AppointmentsConfig::default().schedule().unwrap();
        assert_eq!(schedule, ScheduleFile::default());
    }

    #[test]
    fn a_broken_file_is_named_with_its_line_and_place() {
        let (config, _dir) =
            config_with("[defaults]\ncounters = 2\n\n[offices.7]\ncounters = \"vier\"\n");
        let error = format!("{:#}", config.schedule().unwrap_err());
        assert!(error.contains("schedule.toml:5"), "{error}");
        assert!(error.contains("offices.7.counters"), "{error}");
        let (config, _dir) = config_with("[offices.7]\ncounters = 0\n");
        let error = format!("{:#}", config.schedule().unwrap_err());
        assert!(
            error.contains("`offices.7.counters`: must be between 1 and 100"),
            "{error}"
        );
        let missing = AppointmentsConfig {
            schedule_file: Some("/nope/schedule.toml".into()),
            ..AppointmentsConfig::default()
        };
        assert!(format!("{:#}", missing.schedule().unwrap_err()).contains("/nope/schedule.toml"));
    }

    #[test]
    fn the_readmes_example_schedule_is_read_as_it_says() {
        let readme = include_str!("../../../README.md");
        let section = &readme[readme.find("## Appointments").unwrap()..];
        let start = section.find("```toml\n").unwrap() + "```toml\n".len();
        let example = &section[start..start + section[start..].find("```").unwrap()];
        let (config, _dir) = config_with(example);
        let file = config.schedule().unwrap();
        assert_eq!(file, {
            let mut expected = ScheduleFile::default();
            expected.offices.insert(
                "10546".into(),
                crate::schedule::Override {
                    counters: Some(6),
                    department: Some("kvr".into()),
                    ..Default::default()
                },
            );
            expected.closures = file.closures.clone();
            expected
        });
        assert_eq!(file.closures.len(), 1);
        assert_eq!(file.closures[0].reason, "Inventur");
    }
}
