//! What the calculator's result says, as text: worked out alike on the server (which
//! renders it) and in the browser (which writes it into the server's markup as the
//! answers change).

use kernel::I18n;

use super::money;
use crate::{
    answers::FlatAnswers,
    calc::estimate,
    view::{Located, LocatedBy, Published},
};

/// The result area's state.
#[derive(Clone, Debug, PartialEq)]
pub enum Reading {
    /// Nothing answered yet: the area is empty.
    Nothing,
    /// An answer the estimate needs is missing: what to give.
    Missing(String),
    /// The flat is outside what the edition covers: why.
    Outside(String),
    /// The estimate.
    Shown(Shown),
}

/// The estimate's figures as the page writes them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shown {
    /// Mean per square metre and for the flat.
    pub mean: String,
    /// Range per square metre and for the flat.
    pub range: String,
    /// The base rent per square metre.
    pub base: String,
    /// Each addition and deduction: what, percent, per square metre.
    pub rows: Vec<[String; 3]>,
    /// The mean per square metre, the table's last line.
    pub mean_per_sqm: String,
    /// The increase check with these answers.
    pub check_href: String,
}

/// What `answers` (with the address's location `located`) give under `published`.
pub fn read(
    published: &Published,
    answers: &FlatAnswers,
    located: Option<&Located>,
    i18n: I18n,
) -> Reading {
    let flat = match answers.flat(located.map(|l| l.category.as_str())) {
        Ok(flat) => flat,
        Err(_) if *answers == FlatAnswers::default() => return Reading::Nothing,
        Err(missing) => return Reading::Missing(i18n.t(missing.key())),
    };
    let edition = &published.edition;
    let result = match estimate(edition, &flat) {
        Ok(result) => result,
        Err(error) => return Reading::Outside(error.to_string()),
    };
    let locale = i18n.locale;
    let per_sqm = |euros: f64| {
        i18n.t_args(
            "rentindex-per-sqm",
            &[("amount", money(i18n, euros).into())],
        )
    };
    let range = |low: f64, high: f64| {
        i18n.t_args(
            "rentindex-range-of",
            &[
                ("low", money(i18n, low).into()),
                ("high", money(i18n, high).into()),
            ],
        )
    };
    let location_by = match located.map(|l| l.by) {
        Some(LocatedBy::Street) => i18n.t("rentindex-location-by-street"),
        _ => i18n.t("rentindex-location-by-district"),
    };
    let rows = result
        .adjustments
        .iter()
        .map(|adjustment| {
            let label = edition
                .location(&adjustment.id)
                .map(|l| format!("{} ({location_by})", l.label.get(locale)))
                .or_else(|| {
                    edition
                        .feature(&adjustment.id)
                        .map(|f| f.question.get(locale).to_owned())
                })
                .unwrap_or_else(|| adjustment.id.clone());
            let percent = adjustment
                .percent
                .map(|p| format!("{} %", i18n.decimal(p, 1)))
                .unwrap_or_default();
            [label, percent, per_sqm(adjustment.euro_per_sqm)]
        })
        .collect();
    Reading::Shown(Shown {
        mean: format!(
            "{} · {}",
            per_sqm(result.mean_per_sqm),
            money(i18n, result.mean_total)
        ),
        range: format!(
            "{} · {}",
            range(result.low_per_sqm, result.high_per_sqm),
            range(result.low_total, result.high_total)
        ),
        base: per_sqm(result.base_per_sqm),
        rows,
        mean_per_sqm: per_sqm(result.mean_per_sqm),
        check_href: format!("/mietspiegel/mieterhoehung?{}", answers.query()),
    })
}
