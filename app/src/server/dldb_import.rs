//! `portal services import-dldb FILE`: a city's service database export (DLDB format)
//! into the information catalogue.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use super::{Settings, database};

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
    kernel::Locale::ALL
        .into_iter()
        .find(|l| stem.ends_with(&format!("_{}", l.code())))
        .unwrap_or_default()
        .code()
}

/// Reads and parses one export file, with a message that names the file and the place.
fn read<T: DeserializeOwned>(path: &Path) -> Result<info::dldb::Export<T>, String> {
    let size = std::fs::metadata(path)
        .map_err(|e| format!("{}: {e}", path.display()))?
        .len();
    if size > LARGEST_FILE {
        return Err(format!(
            "{}: {size} bytes, more than the {LARGEST_FILE} read",
            path.display()
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_slice(&bytes).map_err(|e| {
        format!(
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
pub async fn run(
    settings: &Settings,
    services: &Path,
    offices: Option<&Path>,
) -> Result<(), String> {
    let offices = offices
        .map(Path::to_path_buf)
        .or_else(|| offices_beside(services));
    let service_export = read(services)?;
    let office_export = offices.as_deref().map(read).transpose()?;
    let db = database::connect(settings).await?;
    database::migrate(&db).await?;
    let report = info::import::import(
        &db,
        service_export,
        office_export,
        file_locale(services),
        chrono::Utc::now(),
    )
    .await
    .map_err(|e| format!("import failed, nothing changed: {e}"))?;
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
