//! The module's pages.

pub mod action_panel;
pub mod bulk_page;
pub mod case_page;
pub mod citizen_page;
pub mod dashboard_page;
pub mod inbox_page;
pub mod parts;
pub mod texts;

/// The department dashboard.
pub const DASHBOARD_PATH: &str = "/dienststelle";

/// The address of `service`'s definition file (see `service_switch`).
pub fn definition_file_path(service: &str) -> String {
    format!("{DASHBOARD_PATH}/leistungen/{service}/definition.toml")
}

/// Where the inbox posts bulk actions.
pub const BULK_PATH: &str = "/bearbeitung/sammelaktion";

/// The action form's part for documents (answers, opinions).
pub const DOCUMENTS_PART: &str = "dateien";
/// The action form's part for an uploaded decision letter.
pub const LETTER_PART: &str = "bescheid";
/// The field the page that asks first sends for an action that cannot be undone.
pub const CONFIRMED: &str = "bestaetigt";
/// The action form's field asking the portal to write the decision letter.
pub const GENERATE_LETTER: &str = "bescheid_erzeugen";

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use kernel::AppError;
    use leptos::prelude::use_context;

    use crate::loader::LoadedProcesses;

    /// The host's module context (database, files) from the request context.
    pub fn context() -> Result<kernel::ModuleContext, AppError> {
        use_context::<kernel::ModuleContext>()
            .ok_or_else(|| AppError::internal("module context missing"))
    }

    /// The loaded processes from the request context.
    pub fn processes() -> Result<LoadedProcesses, AppError> {
        use_context::<LoadedProcesses>().ok_or_else(|| AppError::internal("processes missing"))
    }
}
