//! The calculator's result: the mean and range per square metre and for the flat,
//! every addition and deduction, the edition, and its legal note.

use kernel::{fact::Fact, i18n::use_i18n};
use leptos::prelude::*;

use super::money;
use crate::{
    answers::FlatAnswers,
    calc::{Estimate, estimate},
    view::{Located, LocatedBy, Published},
};

/// What the answers give: the estimate, or why there is none yet.
#[component]
pub fn Outcome(
    published: Published,
    answers: FlatAnswers,
    located: Option<Located>,
) -> impl IntoView {
    let i18n = use_i18n();
    let nothing_yet = answers == FlatAnswers::default();
    let flat = match answers.flat(located.as_ref().map(|l| l.category.as_str())) {
        Ok(flat) => flat,
        Err(_) if nothing_yet => return ().into_any(),
        Err(missing) => {
            return view! {
                <p class="kern-body" id="rent-result" role="status">{i18n.phrase(missing.key())}</p>
            }
            .into_any();
        }
    };
    match estimate(&published.edition, &flat) {
        Ok(result) => view! {
            <Shown published result located answers />
        }
        .into_any(),
        Err(error) => view! {
            <div class="kern-alert kern-alert--warning" role="status" id="rent-result">
                <div class="kern-alert__header"><span class="kern-title">{i18n.phrase("rentindex-outside")}</span></div>
                <div class="kern-alert__body"><p class="kern-body">{error.to_string()}</p></div>
            </div>
        }
        .into_any(),
    }
}

#[component]
fn Shown(
    published: Published,
    result: Estimate,
    located: Option<Located>,
    answers: FlatAnswers,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale;
    let edition = published.edition;
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
            view! {
                <tr>
                    <td>{label}</td>
                    <td class="portal-number">{percent}</td>
                    <td class="portal-number">{per_sqm(adjustment.euro_per_sqm)}</td>
                </tr>
            }
        })
        .collect_view();
    let mean_text = format!(
        "{} · {}",
        per_sqm(result.mean_per_sqm),
        money(i18n, result.mean_total)
    );
    let range_text = format!(
        "{} · {}",
        range(result.low_per_sqm, result.high_per_sqm),
        range(result.low_total, result.high_total)
    );
    let check_href = format!("/mietspiegel/mieterhoehung?{}", answers.query());
    view! {
        <section class="portal-rent-result" id="rent-result" aria-labelledby="rent-result-heading">
            <h2 class="kern-heading-medium" id="rent-result-heading">{i18n.phrase("rentindex-result")}</h2>
            {edition.synthetic.then(|| view! {
                <div class="kern-alert kern-alert--warning" role="note">
                    <div class="kern-alert__header"><span class="kern-title">{i18n.phrase("rentindex-synthetic")}</span></div>
                </div>
            })}
            <dl class="kern-description-list kern-description-list--col">
                <Fact term=i18n.t("rentindex-mean")>
                    <span id="rent-mean">{mean_text}</span>
                </Fact>
                <Fact term=i18n.t("rentindex-range")>
                    <span id="rent-range">{range_text}</span>
                </Fact>
            </dl>
            <table class="kern-table">
                <caption class="kern-title">{i18n.phrase("rentindex-how")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.phrase("rentindex-item")}</th>
                        <th scope="col">{i18n.phrase("rentindex-percent")}</th>
                        <th scope="col">{i18n.phrase("rentindex-amount")}</th>
                    </tr>
                </thead>
                <tbody>
                    <tr>
                        <td>{i18n.phrase("rentindex-base")}</td>
                        <td></td>
                        <td class="portal-number">{per_sqm(result.base_per_sqm)}</td>
                    </tr>
                    {rows}
                    <tr>
                        <th scope="row">{i18n.phrase("rentindex-mean")}</th>
                        <td></td>
                        <td class="portal-number"><strong>{per_sqm(result.mean_per_sqm)}</strong></td>
                    </tr>
                </tbody>
            </table>
            <p class="kern-body">
                {i18n.t_args("rentindex-edition-used", &[
                    ("title", edition.title.get(locale).to_owned().into()),
                    ("from", i18n.date_text(&edition.valid_from).into()),
                    ("until", i18n.date_text(&edition.valid_until).into()),
                ])}
            </p>
            <p class="kern-body">{edition.source.get(locale).to_owned()}</p>
            <p class="kern-body"><strong>{edition.legal_note.get(locale).to_owned()}</strong></p>
            <p class="kern-body portal-no-print">
                <a class="kern-link" href=check_href rel="external">{i18n.phrase("rentindex-check-increase")}</a>
            </p>
        </section>
    }
}
