//! `/termine/bestaetigen/:token`: the link from the mail that confirms the e-mail
//! address. Opening it only shows the appointment (mail programs open links to check
//! them); the button books it.

use kernel::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::{BookedNotice, Expired, Summary, Titled, appointment_page::when};
use crate::{functions::appointment_by_confirm_token, view::AppointmentView};

/// The confirmation page.
#[component]
pub fn ConfirmPage() -> impl IntoView {
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let appointment = Resource::new(token, appointment_by_confirm_token);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match appointment.await {
                    Ok(appointment) => view! { <Confirm appointment token=token() /> }.into_any(),
                    Err(error) => view! { <kernel::error_page::ErrorPage error texts=super::ERROR /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Confirm(appointment: AppointmentView, token: String) -> impl IntoView {
    let i18n = use_i18n();
    let summary = view! {
        <Summary services=appointment.services.clone() persons=appointment.persons
            office=appointment.office.clone() when=when(&i18n, &appointment) />
    };
    let (title, body) = match appointment.state.as_str() {
        "unconfirmed" => (
            "appointments-confirm-title",
            view! {
                {summary}
                <form method="post" class="portal-form">
                    <button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">{i18n.phrase("appointments-confirm")}</span></button>
                </form>
            }
            .into_any(),
        ),
        "booked" => (
            "appointments-booked-title",
            view! {
                <BookedNotice reference=appointment.reference.clone() email=appointment.email.clone() />
                {summary}
                <p class="kern-body"><a class="kern-link" href=format!("/termine/vormerkung/{token}")>{i18n.phrase("appointments-manage")}</a></p>
            }
            .into_any(),
        ),
        _ => ("appointments-expired-title", view! { <Expired /> }.into_any()),
    };
    view! { <Titled title>{body}</Titled> }
}
