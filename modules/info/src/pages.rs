//! The module's pages.

pub mod list_page;
pub mod service_page;

use kernel::error_page::ErrorTexts;

/// What the pages say when a service cannot be shown.
pub const ERROR: ErrorTexts = ErrorTexts {
    not_found: "info-not-found",
    failed: "info-error",
    back_href: "/info",
    back: "info-back-to-list",
};
