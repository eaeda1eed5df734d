//! Commands a module adds to the `portal` binary, as `portal <module> <command> …`:
//! registered in the module's `build`, run by the host once the portal has started
//! (database migrated, every module initialised) with the module's context.

use std::{future::Future, path::Path, pin::Pin, sync::Arc};

pub use clap;

use crate::{
    ModuleContext,
    start::{StartResult, anyhow, bail},
};

type Run = Arc<
    dyn Fn(clap::ArgMatches, ModuleContext) -> Pin<Box<dyn Future<Output = StartResult> + Send>>
        + Send
        + Sync,
>;

/// One command of a module.
#[derive(Clone)]
pub struct ModuleCommand {
    /// Its name, help and arguments, as clap describes them.
    pub cli: clap::Command,
    run: Run,
}

impl std::fmt::Debug for ModuleCommand {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ModuleCommand")
            .field("name", &self.cli.get_name())
            .finish()
    }
}

impl ModuleCommand {
    /// The command `cli`, carried out by `run` with its parsed arguments; an error
    /// ends `portal` with exit code 1 and the error's cause chain.
    pub fn new<F, Fut>(cli: clap::Command, run: F) -> Self
    where
        F: Fn(clap::ArgMatches, ModuleContext) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = StartResult> + Send + 'static,
    {
        Self {
            cli,
            run: Arc::new(move |matches, ctx| Box::pin(run(matches, ctx))),
        }
    }

    /// Its name (`reindex`).
    pub fn name(&self) -> &str {
        self.cli.get_name()
    }

    /// Carries it out with `matches` in the started portal's `ctx`.
    pub async fn run(&self, matches: clap::ArgMatches, ctx: ModuleContext) -> StartResult {
        (self.run)(matches, ctx).await
    }
}

/// The bytes of the file at `path` a command was given, when it has at most `largest`;
/// the error names the file.
pub fn read_file(path: &Path, largest: u64) -> StartResult<Vec<u8>> {
    let size = std::fs::metadata(path)
        .map_err(|e| anyhow!("{}: {e}", path.display()))?
        .len();
    if size > largest {
        bail!(
            "{}: {size} bytes, more than the {largest} read",
            path.display()
        );
    }
    std::fs::read(path).map_err(|e| anyhow!("{}: {e}", path.display()))
}
