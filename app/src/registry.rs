//! The one explicit list of enabled service modules.
//!
//! Adding a module: its crate in `app/Cargo.toml` (with its `ssr` and `hydrate`
//! features), one line in [`modules!`] below, and its fluent files under
//! `locales/<lang>/`. The line names the module and its route fragments; the shell
//! places the fragments with [`ModuleRoutes`].

#[cfg(feature = "ssr")]
use std::sync::Arc;

#[cfg(feature = "ssr")]
use kernel::ServiceModule;

/// Each line: a module as the server runs it, and the route fragments of its pages.
/// Modules start in this order: the search last, it indexes what the others publish.
macro_rules! modules {
    ($($module:expr => [$($routes:path),* $(,)?]),* $(,)?) => {
        /// The enabled modules.
        #[derive(Debug)]
        #[cfg(feature = "ssr")]
        pub struct Registry;

        #[cfg(feature = "ssr")]
        impl migrations::ModuleSet for Registry {
            fn modules() -> Vec<Arc<dyn ServiceModule>> {
                vec![$(Arc::new($module)),*]
            }
        }

        /// Every module's pages, placed by the shell after its own.
        #[leptos::component(transparent)]
        pub fn ModuleRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
            use leptos_router::any_nested_route::IntoAnyNestedRoute;
            // One route type for all of them, as the shell's own routes are.
            ($($($routes(),)*)*).into_any_nested_route()
        }
    };
}

modules! {
    forms::FormsModule::default() => [forms::FormsRoutes, forms::ApplicationRoutes, forms::DesignerRoutes],
    cases::CasesModule::default() => [
        cases::CaseworkRoutes,
        cases::CitizenCaseRoutes,
        cases::DepartmentRoutes,
    ],
    toilets::ToiletsModule::default() => [toilets::ToiletRoutes],
    info::InfoModule => [info::InfoRoutes],
    appointments::AppointmentsModule::default() => [appointments::AppointmentRoutes],
    rentindex::RentIndexModule::default() => [rentindex::RentIndexRoutes],
    search::SearchModule::default() => [search::SearchRoutes],
}

/// The enabled modules as shared, cheaply cloned context, with what they registered.
#[cfg(feature = "ssr")]
#[derive(Clone)]
pub struct Modules(
    pub Arc<[Arc<dyn ServiceModule>]>,
    Arc<std::sync::OnceLock<kernel::module::Built>>,
);

#[cfg(feature = "ssr")]
impl std::fmt::Debug for Modules {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.0.iter().map(|m| m.id()))
            .finish()
    }
}

#[cfg(feature = "ssr")]
impl Modules {
    /// The modules listed in [`Registry`].
    pub fn enabled() -> Self {
        use migrations::ModuleSet;
        Self(Registry::modules().into(), Arc::default())
    }

    /// These modules and `extra`.
    #[must_use]
    pub fn with(self, extra: Arc<dyn ServiceModule>) -> Self {
        let mut all: Vec<_> = self.0.iter().cloned().collect();
        all.push(extra);
        Self(all.into(), Arc::default())
    }

    /// What the modules registered in their `build` (capabilities, settings sections,
    /// commands, tables, endpoints, hooks); built once for these module instances.
    pub fn registered(&self) -> &kernel::module::Built {
        self.1.get_or_init(|| kernel::module::registered(&self.0))
    }

    /// What each module registered besides capabilities, settings and commands, by
    /// module id in module order.
    pub fn parts(&self) -> &[(&'static str, kernel::module::Parts)] {
        &self.registered().parts
    }
}
