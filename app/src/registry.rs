//! The one explicit list of enabled service modules.
//!
//! Adding a module: add its crate to `app/Cargo.toml`, one line here, its route
//! fragment in `shell.rs`, and its fluent files under `locales/`.

use std::sync::Arc;

use kernel::ServiceModule;

/// The enabled modules, in navigation order of their ids.
#[derive(Debug)]
pub struct Registry;

impl migrations::ModuleSet for Registry {
    fn modules() -> Vec<Arc<dyn ServiceModule>> {
        // The search starts last: it indexes what the modules before it publish.
        vec![
            Arc::new(forms::FormsModule::default()),
            Arc::new(cases::CasesModule::default()),
            Arc::new(toilets::ToiletsModule),
            Arc::new(info::InfoModule),
            Arc::new(search::SearchModule::default()),
        ]
    }
}

/// The enabled modules as shared, cheaply cloned context.
#[derive(Clone)]
pub struct Modules(pub Arc<[Arc<dyn ServiceModule>]>);

impl std::fmt::Debug for Modules {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.0.iter().map(|m| m.id()))
            .finish()
    }
}

impl Modules {
    /// The modules listed in [`Registry`].
    pub fn enabled() -> Self {
        use migrations::ModuleSet;
        Self(Registry::modules().into())
    }

    /// These modules and `extra`.
    #[must_use]
    pub fn with(self, extra: Arc<dyn ServiceModule>) -> Self {
        let mut all: Vec<_> = self.0.iter().cloned().collect();
        all.push(extra);
        Self(all.into())
    }
}
