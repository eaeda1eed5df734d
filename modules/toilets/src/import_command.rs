//! `portal toilets import FILE`: an OpenStreetMap export, GeoJSON or CSV of toilets
//! into the finder.

use std::path::PathBuf;

use kernel::{
    ModuleContext,
    command::{
        ModuleCommand,
        clap::{Arg, ArgMatches, Command, value_parser},
    },
    start::{StartResult, anyhow, bail},
};

use crate::{
    import::{
        self, Format,
        store::{self, Source},
    },
    settings::ToiletsConfig,
};

/// Largest file read (an Overpass export of all of Germany's toilets is about 40 MB).
const LARGEST_FILE: u64 = 256 * 1024 * 1024;

/// The command, as the module registers it.
pub fn command() -> ModuleCommand {
    ModuleCommand::new(
        Command::new("import")
            .about(
                "Import toilets from an OpenStreetMap export (Overpass JSON), GeoJSON or CSV: \
                 new and changed entries are written, entries of the same source no longer in \
                 the file are unpublished. Running it again with the same file changes nothing.",
            )
            .arg(
                Arg::new("file")
                    .help("The file to import")
                    .required(true)
                    .value_parser(value_parser!(PathBuf)),
            )
            .arg(
                Arg::new("format")
                    .long("format")
                    .value_name("osm|geojson|csv")
                    .help("The file's format (default: told from its content)"),
            )
            .arg(
                Arg::new("source")
                    .long("source")
                    .value_name("NAME")
                    .help("The source's name; entries are matched within it (default: openstreetmap for OpenStreetMap exports, else the file's name)"),
            )
            .arg(
                Arg::new("licence")
                    .long("licence")
                    .value_name("SPDX")
                    .help("The data's licence, e.g. CC-BY-4.0 or DL-DE-BY-2.0 (ODbL-1.0 for OpenStreetMap exports; required otherwise)"),
            )
            .arg(
                Arg::new("attribution")
                    .long("attribution")
                    .value_name("TEXT")
                    .help("The credit the licence asks for (default for OpenStreetMap: © OpenStreetMap-Mitwirkende; otherwise the source's name)"),
            ),
        |arguments: ArgMatches, ctx: ModuleContext| async move { run(&ctx, &arguments).await },
    )
}

/// Imports the file and prints what changed.
#[expect(clippy::print_stdout, reason = "the command's output is its report")]
async fn run(ctx: &ModuleContext, arguments: &ArgMatches) -> StartResult {
    let text = |name: &str| {
        arguments
            .get_one::<String>(name)
            .map(|s| s.trim().to_owned())
    };
    let path = arguments
        .get_one::<PathBuf>("file")
        .ok_or_else(|| anyhow!("the file is missing"))?;
    let bytes = kernel::command::read_file(path, LARGEST_FILE)?;
    let format = match text("format") {
        Some(name) => Format::named(&name)
            .ok_or_else(|| anyhow!("--format {name}: one of osm, geojson, csv"))?,
        None => Format::detect(&bytes),
    };
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let credit = format.default_credit();
    let name = text("source")
        .or_else(|| credit.map(|c| c.0.to_owned()))
        .unwrap_or_else(|| {
            path.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        });
    let Some(licence) = text("licence").or_else(|| credit.map(|c| c.1.to_owned())) else {
        bail!("--licence is needed: the licence of {file_name} (e.g. CC-BY-4.0, DL-DE-BY-2.0)");
    };
    let attribution = text("attribution")
        .or_else(|| credit.map(|c| c.2.to_owned()))
        .unwrap_or_else(|| name.clone());
    for (what, value, most) in [
        ("source", &name, 64),
        ("licence", &licence, 64),
        ("attribution", &attribution, 200),
    ] {
        if value.is_empty() || value.chars().count() > most {
            bail!("--{what}: between 1 and {most} characters");
        }
    }
    let config: ToiletsConfig = ctx.section(crate::MODULE_ID)?;
    let read = import::read(&bytes, format, &config.columns)
        .map_err(|e| anyhow!("{}: {e}; nothing was imported", path.display()))?;
    let source = Source {
        name,
        licence,
        attribution,
        file: file_name,
    };
    let report = store::import(&ctx.db, &source, &read.records, chrono::Utc::now())
        .await
        .map_err(|e| anyhow!("{}: {e}; nothing was imported", path.display()))?;
    for skipped in &read.skipped {
        println!("skipped: {skipped}");
    }
    println!(
        "toilets from {} (source {}): {} new, {} updated, {} unchanged, {} unpublished, {} skipped",
        path.display(),
        source.name,
        report.created,
        report.updated,
        report.unchanged,
        report.unpublished,
        read.skipped.len()
    );
    Ok(())
}
