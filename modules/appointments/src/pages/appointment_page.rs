//! `/termine/vormerkung/:token`: an appointment through its manage link. Held: the
//! details to enter, with the minutes left. Waiting: where the confirmation link went.
//! Booked: the confirmation, what to bring, and cancelling. Cancelled or run out: said
//! so, with the way to a new time.

use kernel::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{BookedNotice, Expired, Summary, Titled, dates::long_day};
use crate::{functions::appointment_by_token, view::AppointmentView};

/// The appointment's page.
#[component]
pub fn AppointmentPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let error = move || query.read().get("fehler");
    let appointment = Resource::new(token, appointment_by_token);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match appointment.await {
                    Ok(appointment) => view! { <Appointment appointment token=token() error=error() /> }.into_any(),
                    Err(error) => view! { <kernel::error_page::ErrorPage error texts=super::ERROR /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// When, as people read it: "Tuesday, 8 December 2026, 09:00–09:20".
pub fn when(i18n: &kernel::I18n, appointment: &AppointmentView) -> String {
    format!(
        "{}, {}–{}",
        long_day(i18n, &appointment.day),
        appointment.from,
        appointment.to
    )
}

#[component]
fn Appointment(
    appointment: AppointmentView,
    token: String,
    error: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let when = when(&i18n, &appointment);
    let summary = view! {
        <Summary services=appointment.services.clone() persons=appointment.persons
            office=appointment.office.clone() when=when />
    };
    let left = appointment.minutes_left.unwrap_or(0).to_string();
    let move_href = format!(
        "/termine/buero/{}?{}&statt={}",
        kernel::url::segment(&appointment.office.id),
        crate::plan::Wish::from_parts(
            appointment.services.iter().map(|s| s.id.clone()).collect(),
            appointment.persons,
        )
        .query(),
        kernel::url::segment(&token),
    );
    let cancel = move |label: &'static str| {
        view! {
            <form method="post" action=format!("/termine/vormerkung/{token}/absagen") class="portal-form">
                <button class="kern-btn kern-btn--secondary" type="submit"><span class="kern-label">{i18n.phrase(label)}</span></button>
            </form>
        }
    };
    let (title, body) = match appointment.state.as_str() {
        "held" => (
            "appointments-held-title",
            view! {
                <div class="kern-alert kern-alert--info" role="status">
                    <div class="kern-alert__body"><p class="kern-body">{i18n.t_named("appointments-held-left", &[("minutes".into(), left)])}</p></div>
                </div>
                {summary}
                <DetailsForm appointment=appointment.clone() error />
                {cancel("appointments-release")}
            }
            .into_any(),
        ),
        "unconfirmed" => (
            "appointments-unconfirmed-title",
            view! {
                <div class="kern-alert kern-alert--info" role="status">
                    <div class="kern-alert__body"><p class="kern-body">{i18n.t_named("appointments-unconfirmed-text", &[("email".into(), appointment.email.clone()), ("minutes".into(), left)])}</p></div>
                </div>
                {summary}
                {cancel("appointments-release")}
            }
            .into_any(),
        ),
        "booked" => (
            "appointments-booked-title",
            view! {
                <BookedNotice reference=appointment.reference.clone() email=appointment.email.clone() />
                {summary}
                <section class="portal-section">
                    <h2 class="kern-heading-medium">{i18n.phrase("appointments-bring")}</h2>
                    <ul class="portal-list">
                        {appointment.services.iter().map(|s| view! {
                            <li><a class="kern-link" href=format!("/info/{}", kernel::url::segment(&s.id)) lang=s.lang.clone()>{s.name.clone()}</a></li>
                        }).collect_view()}
                    </ul>
                </section>
                <section class="portal-section">
                    <h2 class="kern-heading-medium">{i18n.phrase("appointments-move-heading")}</h2>
                    <p class="kern-body"><a class="kern-link" href=move_href>{i18n.phrase("appointments-move")}</a></p>
                </section>
                <section class="portal-section">
                    <h2 class="kern-heading-medium">{i18n.phrase("appointments-cancel-title")}</h2>
                    <p class="kern-body">{i18n.phrase("appointments-cancel-text")}</p>
                    {cancel("appointments-cancel")}
                </section>
            }
            .into_any(),
        ),
        "cancelled" => (
            "appointments-cancelled-title",
            view! {
                {summary}
                <p class="kern-body"><a class="kern-link" href="/termine">{i18n.phrase("appointments-book-new")}</a></p>
            }
            .into_any(),
        ),
        _ => ("appointments-expired-title", view! { <Expired /> }.into_any()),
    };
    view! { <Titled title>{body}</Titled> }
}

/// The details form of a held time; a field that did not fit is marked with its note.
/// The portal checks the fields (`novalidate`), so the note is its own, in the page's
/// language, and what was typed stays.
#[component]
fn DetailsForm(appointment: AppointmentView, error: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let too_many = (error.as_deref() == Some("zuviele")).then(|| {
        view! {
            <div class="kern-alert kern-alert--warning" role="alert">
                <div class="kern-alert__body"><p class="kern-body">{i18n.phrase("appointments-too-many")}</p></div>
            </div>
        }
    });
    let field = move |id: &'static str,
                      label: &'static str,
                      kind: &'static str,
                      autocomplete: &'static str,
                      value: String,
                      fixed: bool,
                      required: bool| {
        let wrong = error.as_deref() == Some(id);
        let error_id = format!("{id}-fehler");
        view! {
            <div class="kern-form-input" class:kern-form-input--error=wrong>
                <label class="kern-label" for=id>{i18n.phrase(label)}</label>
                {wrong.then(|| view! {
                    <p class="kern-error" id=error_id.clone() role="alert">{i18n.phrase(&format!("appointments-wrong-{id}"))}</p>
                })}
                <input class="kern-form-input__input" type=kind id=id name=id value=value
                    autocomplete=autocomplete readonly=fixed required=required
                    aria-invalid=wrong.then_some("true") aria-describedby=wrong.then_some(error_id) />
            </div>
        }
    };
    view! {
        <form method="post" class="portal-form" novalidate>
            <h2 class="kern-heading-medium">{i18n.phrase("appointments-details")}</h2>
            {too_many}
            {(appointment.name_fixed || appointment.email_fixed).then(|| view! {
                <p class="kern-hint">{i18n.phrase("appointments-details-from-sign-in")}</p>
            })}
            {field("name", "appointments-name", "text", "name", appointment.name.clone(), appointment.name_fixed, true)}
            {field("email", "appointments-email", "email", "email", appointment.email.clone(), appointment.email_fixed, true)}
            {field("telefon", "appointments-phone", "tel", "tel", appointment.phone.clone().unwrap_or_default(), false, false)}
            <button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">{i18n.phrase("appointments-book")}</span></button>
        </form>
    }
}
