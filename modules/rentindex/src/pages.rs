//! The rent index's pages: the calculator (whose result follows the answers as they
//! are given where scripts run, and comes with the submitted form where they do not)
//! and the check of a rent increase.

mod calculator_page;
mod flat_fields;
mod increase_page;
#[cfg(feature = "hydrate")]
mod live_result;
mod reading;
mod result;

pub use calculator_page::CalculatorPage;
pub use increase_page::IncreasePage;

use kernel::{AppError, I18n};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::{answers::FlatAnswers, functions::rent_index_locate, view::Located};

/// The flat's answers as the page's address gives them (a submitted form, or a link).
fn flat_from_query() -> FlatAnswers {
    let params = use_query_map();
    FlatAnswers::from_params(
        |name| params.read_untracked().get(name),
        |name| params.read_untracked().get_all(name).unwrap_or_default(),
    )
}

/// The location category of `flat`'s address, asked of the server once.
fn location_of(flat: &FlatAnswers) -> Resource<Result<Option<Located>, AppError>> {
    let address = flat.address();
    Resource::new(
        move || address.clone(),
        |(street, number, district)| rent_index_locate(street, number, district),
    )
}

/// `euros` as the page's language writes money.
fn money(i18n: I18n, euros: f64) -> String {
    #[expect(
        clippy::cast_possible_truncation,
        reason = "rents are far below i64's range"
    )]
    let cents = (euros * 100.0).round() as i64;
    kernel::money::format_euro(cents, i18n.locale)
}

/// What a failed load says.
const ERROR: kernel::error_page::ErrorTexts = kernel::error_page::ErrorTexts {
    not_found: "rentindex-error",
    failed: "rentindex-error",
    back_href: "/mietspiegel",
    back: "rentindex-back",
};
