//! The calculator's result: the mean and range per square metre and for the flat,
//! every addition and deduction, the edition, and its legal note.
//!
//! Rendered on the server only, with every state's markup there and all but the
//! current one hidden: the browser (see `live_result`) shows the state the answers
//! give and writes the figures into the elements marked `data-slot`.

use kernel::{fact::Fact, i18n::use_i18n};
use leptos::prelude::*;

use super::reading::{Reading, Shown as ShownFigures};
use crate::view::Published;

/// The result area for `reading`; its states are `data-state` elements.
#[component]
pub fn Outcome(published: Published, reading: Reading) -> impl IntoView {
    let (missing, outside, shown) = match reading {
        Reading::Nothing => (None, None, None),
        Reading::Missing(text) => (Some(text), None, None),
        Reading::Outside(text) => (None, Some(text), None),
        Reading::Shown(figures) => (None, None, Some(figures)),
    };
    let i18n = use_i18n();
    view! {
        <p class="kern-body" role="status" data-state="missing" data-slot="missing"
            hidden=missing.is_none()>{missing.clone()}</p>
        <div class="kern-alert kern-alert--warning" role="status" data-state="outside"
            hidden=outside.is_none()>
            <div class="kern-alert__header"><span class="kern-title">{i18n.phrase("rentindex-outside")}</span></div>
            <div class="kern-alert__body"><p class="kern-body" data-slot="outside">{outside.clone()}</p></div>
        </div>
        <Shown published figures=shown />
    }
}

#[component]
fn Shown(published: Published, figures: Option<ShownFigures>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale;
    let edition = published.edition;
    let hidden = figures.is_none();
    let figures = figures.unwrap_or_default();
    view! {
        <section class="portal-rent-result" id="rent-result" aria-labelledby="rent-result-heading"
            data-state="shown" hidden=hidden>
            <h2 class="kern-heading-medium" id="rent-result-heading">{i18n.phrase("rentindex-result")}</h2>
            {edition.synthetic.then(|| view! {
                <div class="kern-alert kern-alert--warning" role="note">
                    <div class="kern-alert__header"><span class="kern-title">{i18n.phrase("rentindex-synthetic")}</span></div>
                </div>
            })}
            <dl class="kern-description-list kern-description-list--col">
                <Fact term=i18n.t("rentindex-mean")>
                    <span id="rent-mean" data-slot="mean">{figures.mean}</span>
                </Fact>
                <Fact term=i18n.t("rentindex-range")>
                    <span id="rent-range" data-slot="range">{figures.range}</span>
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
                        <td class="portal-number" data-slot="base">{figures.base}</td>
                    </tr>
                    {figures.rows.into_iter().map(|[label, percent, amount]| view! {
                        <tr data-slot="row">
                            <td>{label}</td>
                            <td class="portal-number">{percent}</td>
                            <td class="portal-number">{amount}</td>
                        </tr>
                    }).collect_view()}
                    <tr data-slot="rows-end">
                        <th scope="row">{i18n.phrase("rentindex-mean")}</th>
                        <td></td>
                        <td class="portal-number"><strong data-slot="mean-per-sqm">{figures.mean_per_sqm}</strong></td>
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
                <a class="kern-link" href=figures.check_href rel="external" data-slot="check">{i18n.phrase("rentindex-check-increase")}</a>
            </p>
        </section>
    }
}
