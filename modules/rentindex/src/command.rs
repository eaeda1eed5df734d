//! `portal rentindex check FILE` (an edition before it is published) and
//! `portal rentindex schema` (the edition format's JSON Schema).

use std::path::PathBuf;

use kernel::{
    ModuleContext,
    command::{
        ModuleCommand,
        clap::{Arg, ArgMatches, Command, value_parser},
    },
    start::{StartResult, anyhow, bail},
};

/// The commands, as the module registers them.
pub fn commands() -> Vec<ModuleCommand> {
    vec![
        ModuleCommand::new(
            Command::new("check")
                .about(
                    "Check a rent index edition (TOML with its street list): every table cell, \
                     bands without overlap, known locations and features, dates, street \
                     sections. Prints each problem with its place; exit code 1 when there is one.",
                )
                .arg(
                    Arg::new("file")
                        .help("The edition file")
                        .required(true)
                        .value_parser(value_parser!(PathBuf)),
                ),
            |arguments: ArgMatches, _ctx: ModuleContext| async move { check(&arguments) },
        ),
        ModuleCommand::new(
            Command::new("schema").about("Print the JSON Schema of the edition format"),
            |_arguments: ArgMatches, _ctx: ModuleContext| async move { schema() },
        ),
    ]
}

#[expect(clippy::print_stdout, reason = "the command's output is its report")]
fn check(arguments: &ArgMatches) -> StartResult {
    let path = arguments
        .get_one::<PathBuf>("file")
        .ok_or_else(|| anyhow!("the edition file is missing"))?;
    let book = crate::settings::read_edition(path)?;
    let findings = crate::check::check(&book.edition, &book.streets);
    if findings.is_empty() {
        println!(
            "{}: edition {} is whole ({} cells, {} locations, {} features, {} street sections)",
            path.display(),
            book.edition.id,
            book.edition.base.iter().map(Vec::len).sum::<usize>(),
            book.edition.locations.len(),
            book.edition.features.len(),
            book.streets.len()
        );
        return Ok(());
    }
    bail!("{}:\n  {}", path.display(), findings.join("\n  "))
}

#[expect(clippy::print_stdout, reason = "the schema is the command's output")]
fn schema() -> StartResult {
    print!("{}", crate::schema::edition_schema());
    Ok(())
}
