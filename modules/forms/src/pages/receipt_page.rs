//! `/antraege/eingang/:id`: the confirmation with the reference number, which is also
//! the printable receipt of what was sent.

use kernel::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::{
    pages::{step_page::FormError, texts::AnswerList},
    view::{Receipt, submission_receipt},
};

/// The confirmation page.
#[component]
pub fn ReceiptPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let receipt = Resource::new(id, submission_receipt);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match receipt.await {
                    Ok(receipt) => view! { <ReceiptView receipt /> }.into_any(),
                    Err(error) => view! { <FormError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ReceiptView(receipt: Receipt) -> impl IntoView {
    let i18n = use_i18n();
    let service = receipt.service.get(i18n.locale).to_owned();
    let title = i18n.t("forms-receipt-title");
    view! {
        <Title text=format!("{title} – {service}") />
        // On paper the page header is left out, so the receipt names its issuer itself.
        <p class="kern-body portal-print-only" id="issuer">
            {i18n.phrase("shell-site-name")}" · "{kernel::catalogue::department_name(&i18n, &receipt.department)}
        </p>
        <div class="kern-alert kern-alert--success" role="status">
            <div class="kern-alert__header">
                <h1 class="kern-title">{title}</h1>
            </div>
            <div class="kern-alert__body">
                <p class="kern-body">{i18n.phrase("forms-receipt-reference")}" "<strong id="reference">{receipt.reference.clone()}</strong></p>
            </div>
        </div>
        <p class="kern-body">{service}" · "{i18n.t_args("forms-receipt-sent", &[("when", receipt.submitted.clone().into())])}</p>
        <p class="kern-body">{i18n.phrase("forms-receipt-next")}</p>
        {receipt.appointment_href.map(|href| view! {
            <p class="kern-body"><a class="kern-link" id="book-appointment" href=href>{i18n.phrase("forms-receipt-book-appointment")}</a></p>
        })}
        <section class="portal-section">
            <h2 class="kern-heading-medium">{i18n.phrase("forms-receipt-answers")}</h2>
            {receipt.steps.into_iter().map(|step| view! {
                <h3 class="kern-heading-small">{step.title.phrase(i18n.locale)}</h3>
                <AnswerList fields=step.fields answers=receipt.answers.clone() />
            }).collect_view()}
        </section>
        <p class="kern-body portal-screen-only">{i18n.phrase("forms-receipt-print")}</p>
    }
}
