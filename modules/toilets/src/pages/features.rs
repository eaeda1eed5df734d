//! A toilet's features as a description list, the same in the list and on its page.

use kernel::{I18n, fact::Fact, i18n::use_i18n};
use leptos::prelude::*;

use crate::place::PlaceItem;

/// What the fee field says.
fn fee_text(i18n: I18n, fee: &str) -> String {
    match fee {
        "no" => i18n.t("toilets-fee-free"),
        "yes" => i18n.t("toilets-fee-charged"),
        "" => i18n.t("toilets-unknown"),
        charge => charge.to_owned(),
    }
}

/// Step-free access, Euro key, changing table and fee of `place`.
#[component]
pub fn Features(place: PlaceItem) -> impl IntoView {
    let i18n = use_i18n();
    let yes_no = move |flag: bool| {
        i18n.t(if flag {
            "toilets-yes"
        } else {
            "toilets-no-or-unknown"
        })
    };
    let rows = [
        (i18n.t("toilets-wheelchair"), i18n.t(place.wheelchair.key())),
        (i18n.t("toilets-euro-key"), yes_no(place.euro_key)),
        (
            i18n.t("toilets-changing-table"),
            yes_no(place.changing_table),
        ),
        (i18n.t("toilets-fee"), fee_text(i18n, &place.fee)),
    ];
    view! {
        <dl class="kern-description-list kern-description-list--col">
            {rows.into_iter().map(|(term, value)| view! { <Fact term>{value}</Fact> }).collect_view()}
        </dl>
    }
}

/// The name people see: the source's, or "public toilet" with the street.
pub fn display_name(i18n: I18n, place: &PlaceItem) -> String {
    match (place.name.is_empty(), place.street.is_empty()) {
        (false, _) => place.name.clone(),
        (true, false) => i18n.t_args(
            "toilets-unnamed-at",
            &[("street", place.street.clone().into())],
        ),
        (true, true) => i18n.t("toilets-unnamed"),
    }
}

/// Street, postcode and district on one line.
pub fn address_line(place: &PlaceItem) -> String {
    let mut parts = Vec::new();
    if !place.street.is_empty() {
        parts.push(place.street.clone());
    }
    if !place.postcode.is_empty() {
        parts.push(place.postcode.clone());
    }
    let mut line = parts.join(", ");
    if !place.district.is_empty() {
        if line.is_empty() {
            line.clone_from(&place.district);
        } else {
            line = format!("{line} ({})", place.district);
        }
    }
    line
}
