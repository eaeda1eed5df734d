//! `portal info import-dldb FILE`: a city's service database export (DLDB format)
//! into the information catalogue.

use std::path::{Path, PathBuf};

use kernel::{
    ModuleContext,
    command::{
        ModuleCommand,
        clap::{Arg, ArgMatches, Command, value_parser},
    },
    start::{StartResult, anyhow},
};
use serde::de::DeserializeOwned;

/// The command, as the module registers it.
pub fn command() -> ModuleCommand {
    ModuleCommand::new(
        Command::new("import-dldb")
            .about(
                "Import a service database export in the DLDB format (services_de.json) into \
                 the information catalogue: new and changed services are written, services no \
                 longer in the file are unpublished. Running it again with the same file \
                 changes nothing.",
            )
            .arg(
                Arg::new("file")
                    .help("The services file")
                    .required(true)
                    .value_parser(value_parser!(PathBuf)),
            )
            .arg(
                Arg::new("locations")
                    .long("locations")
                    .value_name("FILE")
                    .help("The offices file (default: locations_<lang>.json beside FILE, if there)")
                    .value_parser(value_parser!(PathBuf)),
            ),
        |arguments: ArgMatches, ctx: ModuleContext| async move {
            let file = arguments
                .get_one::<PathBuf>("file")
                .ok_or_else(|| anyhow!("the services file is missing"))?;
            run(
                &ctx,
                file,
                arguments
                    .get_one::<PathBuf>("locations")
                    .map(PathBuf::as_path),
            )
            .await
        },
    )
}

/// Largest export file read (Munich's 287 services are 1.7 MB).
const LARGEST_FILE: u64 = 64 * 1024 * 1024;

/// The offices file that belongs to `services`: `locations_<lang>.json` beside
/// `services_<lang>.json`, when it exists.
pub fn offices_beside(services: &Path) -> Option<PathBuf> {
    let name = services.file_name()?.to_str()?;
    let offices = services.with_file_name(format!("locations{}", name.strip_prefix("services")?));
    offices.is_file().then_some(offices)
}

/// The language a file's name gives (`services_en.json`), German otherwise.
fn file_locale(path: &Path) -> &'static str {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    kernel::i18n::languages::offered()
        .iter()
        .map(|l| l.locale)
        .find(|l| stem.ends_with(&format!("_{}", l.code())))
        .unwrap_or_default()
        .code()
}

/// Reads and parses one export file, with a message that names the file and the place.
fn read<T: DeserializeOwned>(path: &Path) -> StartResult<crate::dldb::Export<T>> {
    let bytes = kernel::command::read_file(path, LARGEST_FILE)?;
    serde_json::from_slice(&bytes).map_err(|e| {
        anyhow!(
            "{}: not a DLDB export (line {}, column {}): {e}",
            path.display(),
            e.line(),
            e.column()
        )
    })
}

/// Imports `services` and `offices` (or the offices file beside it) and prints what
/// changed.
#[expect(clippy::print_stdout, reason = "the command's output is its report")]
async fn run(ctx: &ModuleContext, services: &Path, offices: Option<&Path>) -> StartResult {
    let offices = offices
        .map(Path::to_path_buf)
        .or_else(|| offices_beside(services));
    let service_export = read(services)?;
    let office_export = offices.as_deref().map(read).transpose()?;
    let report = crate::import::import(
        &ctx.db,
        service_export,
        office_export,
        file_locale(services),
        chrono::Utc::now(),
    )
    .await
    .map_err(|e| anyhow!("import failed, nothing changed: {e}"))?;
    for skipped in &report.skipped {
        println!("skipped: {skipped}");
    }
    if let Some(offices) = &offices {
        println!(
            "offices from {}: {} written, {} unpublished",
            offices.display(),
            report.offices_written,
            report.offices_unpublished
        );
    }
    println!(
        "services from {}: {} new, {} updated, {} unchanged, {} unpublished, {} skipped",
        services.display(),
        report.created,
        report.updated,
        report.unchanged,
        report.unpublished,
        report.skipped.len()
    );
    Ok(())
}
