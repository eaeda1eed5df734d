//! `portal` subcommands.

pub mod services;

use std::{path::PathBuf, process::ExitCode};

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use kernel::{
    command::ModuleCommand,
    start::{Context, StartResult, bail},
};

use super::{Settings, database, http, state::AppState, telemetry};

/// The municipal service portal.
#[derive(Debug, Parser)]
#[command(name = "portal", version, about)]
pub struct Cli {
    /// Configuration file; settings from PORTAL_* environment variables override it.
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Apply migrations, load demo content when configured, and serve (the default).
    #[command(after_long_help = Settings::help_text())]
    Serve,
    /// Apply pending database migrations and exit.
    #[command(after_long_help = Settings::help_text())]
    Migrate,
    /// Work with service definitions.
    #[command(subcommand)]
    Services(ServicesCommand),
    /// Work with the audit trail.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Delete what has outlived its retention period (closed cases, expired drafts);
    /// a serving portal does this every hour.
    Retention {
        /// List what would be deleted, deleting nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Write a backup into DIR (new or empty): a consistent copy of the database
    /// (`VACUUM INTO` on SQLite, `pg_dump` on PostgreSQL), every stored file with its
    /// SHA-256, and a manifest written last. The portal may keep serving meanwhile.
    Backup {
        /// The folder to write.
        dir: PathBuf,
    },
    /// Restore the backup in DIR into an empty database and file store (no portal
    /// running on them): every file is checked against its digest first.
    Restore {
        /// A folder written by `portal backup`.
        dir: PathBuf,
    },
    /// Fill the database with a city-sized made-up data set for benchmarks and load
    /// tests (requests and cases in every state, with answers and timelines).
    Seed {
        /// How many requests (each with its case).
        #[arg(long, default_value_t = 1_000_000)]
        cases: u64,
        /// How many different citizens file them.
        #[arg(long, default_value_t = 200_000)]
        citizens: u64,
        /// How many services in all: the online services plus the information
        /// catalogue, filled up with made-up entries (at most 10,000 of them).
        #[arg(long, default_value_t = 10_000)]
        services: u64,
        /// The same seed gives the same data.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum ServicesCommand {
    /// Check every definition file in DIR (default: the folders the modules' settings
    /// name: `forms.services_dir`, `cases.processes_dir`);
    /// exit code 1 when any has an error.
    Check {
        /// Folder with the definition files of every kind (`*.toml`, `*.process.toml`).
        dir: Option<PathBuf>,
    },
    /// Print the JSON Schema of the definition format.
    Schema,
    /// Print (or write to --out) the JSON Schema (2020-12) of the data the requests
    /// of SERVICE carry: what `GET /api/v1/cases/{id}` returns as `data`, webhooks
    /// attach, and FIT-Connect expects for form data.
    #[command(name = "export-schema")]
    ExportSchema {
        /// The service's id (e.g. `bewohnerparkausweis`).
        service: String,
        /// Write to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
enum AuditCommand {
    /// Recompute the chain of audit entries; exit code 1 and the first entry that does
    /// not fit when any was changed, removed or inserted.
    Verify,
}

/// The command line: the host's commands and every module's (`portal <module> …`).
pub fn command_line(commands: &[(&'static str, ModuleCommand)]) -> clap::Command {
    let mut cli = Cli::command();
    let mut modules: Vec<&str> = commands.iter().map(|(module, _)| *module).collect();
    modules.dedup();
    for module in modules {
        let subcommands = commands
            .iter()
            .filter(|(of, _)| *of == module)
            .map(|(_, command)| command.cli.clone());
        cli = cli.subcommand(
            clap::Command::new(module)
                .about(format!("Commands of the `{module}` module"))
                .subcommand_required(true)
                .subcommands(subcommands),
        );
    }
    cli
}

/// The module command `matches` name, with its arguments; `None` for the host's own.
pub fn chosen(
    commands: &[(&'static str, ModuleCommand)],
    matches: &clap::ArgMatches,
) -> Option<(ModuleCommand, clap::ArgMatches)> {
    let (module, inner) = matches.subcommand()?;
    let (name, arguments) = inner.subcommand()?;
    commands
        .iter()
        .find(|(of, command)| *of == module && command.name() == name)
        .map(|(_, command)| (command.clone(), arguments.clone()))
}

/// Parses the command line and runs the chosen command.
pub fn run() -> ExitCode {
    // The commands close over their module's state: the portal a command runs in is
    // started with these same modules.
    let modules = crate::registry::Modules::enabled();
    let registered = modules.registered();
    let commands = registered.commands.clone();
    let matches = command_line(&commands).get_matches();
    let chosen = chosen(&commands, &matches);
    let cli = match chosen {
        Some(_) => None,
        None => match Cli::from_arg_matches(&matches) {
            Ok(cli) => Some(cli),
            Err(err) => err.exit(),
        },
    };
    let given = matches.get_one::<PathBuf>("config").cloned();
    let explicit = given.is_some();
    let config = given.unwrap_or_else(|| PathBuf::from("portal.toml"));
    let settings = match Settings::load(&config, explicit) {
        Ok(settings) => settings,
        Err(err) => {
            eprintln!("portal: {err}");
            return ExitCode::from(2);
        }
    };
    // Definition files are checked without a database or a started portal.
    if let Some(Some(Command::Services(command))) = cli.as_ref().map(|cli| &cli.command) {
        return match settings.checked_sections(&registered.sections) {
            Ok(checked) => services::run(
                command,
                &settings.for_modules(checked),
                &registered.capabilities,
            ),
            Err(err) => {
                eprintln!("portal: {err}");
                ExitCode::from(2)
            }
        };
    }
    // A module command's standard output is its report (or a schema to redirect):
    // its log lines go to standard error.
    let traces = telemetry::init(&settings, chosen.is_some());
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("portal: cannot start the async runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async move {
        if let Some((command, arguments)) = chosen {
            return module_command(settings, modules, &command, arguments).await;
        }
        let command = cli.and_then(|cli| cli.command).unwrap_or(Command::Serve);
        match command {
            Command::Serve => serve(settings).await,
            Command::Migrate => migrate(settings).await,
            Command::Seed {
                cases,
                citizens,
                services,
                seed,
            } => {
                let scale = super::seed::Scale {
                    cases,
                    citizens,
                    services,
                };
                super::seed::seed(&settings, scale, seed).await
            }
            Command::Audit(AuditCommand::Verify) => verify_audit(settings).await,
            Command::Backup { dir } => backup(settings, &dir).await,
            Command::Restore { dir } => restore(settings, &dir).await,
            Command::Retention { dry_run } => retention(settings, dry_run).await,
            Command::Services(_) => Ok(()),
        }
    });
    if let Err(err) = &result {
        // The whole chain: what failed, and why.
        tracing::error!(error = format!("{err:#}"), "portal stopped");
    }
    traces.shutdown();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("portal: {err:#}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(settings: Settings) -> StartResult {
    let state = AppState::start(settings).await?;
    state.start_background_jobs().await?;
    let listener = tokio::net::TcpListener::bind(state.settings.listen)
        .await
        .with_context(|| format!("cannot listen on {}", state.settings.listen))?;
    if let Some(address) = state.settings.metrics_listen {
        let metrics = tokio::net::TcpListener::bind(address)
            .await
            .with_context(|| format!("cannot listen on {address} (metrics_listen)"))?;
        let served = state.clone();
        tokio::spawn(async move {
            if let Err(error) = crate::server::metrics::serve(metrics, served).await {
                tracing::error!(error = format!("{error:#}"), "metrics stopped");
            }
        });
    }
    let reads = state.ctx.reads.clone();
    let served = http::serve(listener, state).await;
    // What the last requests read is on the record before the process ends.
    if tokio::time::timeout(READS_WRITTEN_WITHIN, reads.flush())
        .await
        .is_err()
    {
        tracing::error!("reads of the last moments could not be written to the audit trail");
    }
    served
}

/// How long a stopping portal waits for the audit trail's last reads to be written.
const READS_WRITTEN_WITHIN: std::time::Duration = std::time::Duration::from_secs(10);

/// `portal backup DIR`: what was written, on standard output.
#[expect(clippy::print_stdout, reason = "the command's output is its report")]
async fn backup(settings: Settings, dir: &std::path::Path) -> StartResult {
    let manifest = super::backup::backup(&settings, dir).await?;
    println!("{}", summary("backed up", &manifest, dir));
    Ok(())
}

/// `portal restore DIR`: what was restored, on standard output.
#[expect(clippy::print_stdout, reason = "the command's output is its report")]
async fn restore(settings: Settings, dir: &std::path::Path) -> StartResult {
    let manifest = super::backup::restore(&settings, dir).await?;
    println!("{}", summary("restored", &manifest, dir));
    Ok(())
}

fn summary(
    done: &str,
    manifest: &super::backup::manifest::Manifest,
    dir: &std::path::Path,
) -> String {
    let bytes: u64 = manifest.files.iter().map(|f| f.size).sum();
    let files = match manifest.files.len() {
        1 => "1 file".to_owned(),
        n => format!("{n} files"),
    };
    format!(
        "{done}: the {} database and {files} ({bytes} bytes) of {} (portal {}), in {}",
        manifest.database,
        manifest.created_at,
        manifest.portal_version,
        dir.display()
    )
}

/// `portal audit verify`: the chain's verdict on standard output, an error when broken.
#[expect(clippy::print_stdout, reason = "the command's output is its report")]
async fn verify_audit(settings: Settings) -> StartResult {
    let db = database::connect(&settings).await?;
    database::migrate(&db).await?;
    match kernel::audit::verify(&db)
        .await
        .context("reading the audit trail")?
    {
        kernel::audit::Verdict::Intact(entries) => {
            println!("audit trail intact: {entries} entries");
            Ok(())
        }
        kernel::audit::Verdict::Broken { seq, reason } => {
            bail!("audit trail broken at entry {seq}: {reason}")
        }
    }
}

/// `portal <module> <command>`: starts the portal as serving would (migrations, every
/// module initialised) and carries out the module's command.
async fn module_command(
    settings: Settings,
    modules: crate::registry::Modules,
    command: &ModuleCommand,
    arguments: clap::ArgMatches,
) -> StartResult {
    let state = AppState::start_with(settings, modules).await?;
    let name = command.name().to_owned();
    command
        .run(arguments, state.ctx.clone())
        .await
        .context(name)
}

/// `portal retention [--dry-run]`: one line per expired item, then the totals.
#[expect(clippy::print_stdout, reason = "the command's output is its report")]
async fn retention(settings: Settings, dry_run: bool) -> StartResult {
    let state = AppState::start(settings).await?;
    let now = state.clock.now();
    let report = super::retention::run(&state.ctx, now, dry_run)
        .await
        .context("the retention run")?;
    for item in &report.expired {
        println!(
            "{}\t{}\t{}\texpired {}",
            item.kind,
            item.id,
            item.label,
            kernel::time::day(item.since)
        );
    }
    if dry_run {
        println!("{} expired; dry run, nothing deleted", report.expired.len());
    } else {
        println!(
            "{} expired, {} deleted, {} not deleted now",
            report.expired.len(),
            report.deleted,
            report.failed
        );
    }
    if report.failed > 0 {
        bail!("{} items could not be deleted", report.failed);
    }
    Ok(())
}

async fn migrate(settings: Settings) -> StartResult {
    let db = database::connect(&settings).await?;
    database::migrate(&db).await?;
    tracing::info!("migrations applied");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_modules_commands_are_under_its_id() {
        let commands = kernel::module::registered(&crate::registry::Modules::enabled().0).commands;
        let cli = command_line(&commands);
        let search = cli
            .find_subcommand("search")
            .expect("the search module's commands");
        assert!(search.find_subcommand("reindex").is_some());
        let info = cli
            .find_subcommand("info")
            .expect("the info module's commands");
        assert!(info.find_subcommand("import-dldb").is_some());
        let matches = cli
            .try_get_matches_from(["portal", "search", "reindex"])
            .unwrap();
        assert_eq!(
            matches
                .subcommand()
                .map(|(module, inner)| (module, inner.subcommand_name())),
            Some(("search", Some("reindex")))
        );
        // The host's own commands stay as they were.
        let matches = command_line(&commands)
            .try_get_matches_from(["portal", "retention", "--dry-run"])
            .unwrap();
        let cli = Cli::from_arg_matches(&matches).unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Retention { dry_run: true })
        ));
    }
}
