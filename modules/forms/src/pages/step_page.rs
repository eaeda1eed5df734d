//! `/antraege/:draft/:step`: one step of the form. An error summary at the top links
//! to each field with a problem; entered values are shown as they were typed.

use std::sync::Arc;

use kernel::{AppError, i18n::use_i18n};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::{
    pages::{
        fields::{FieldContext, FieldInput, input_id},
        live::{Basis, Live},
        texts::error_message,
    },
    validate::Problem,
    view::{StepView, draft_step},
};

/// The step page.
#[component]
pub fn StepPage() -> impl IntoView {
    let params = use_params_map();
    let key = move || {
        let params = params.read();
        (
            params.get("draft").unwrap_or_default(),
            params.get("step").unwrap_or_default(),
        )
    };
    let view = Resource::new(key, |(draft, step)| draft_step(draft, step));
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match view.await {
                    Ok(step) => view! { <StepForm step /> }.into_any(),
                    Err(error) => view! { <FormError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// A draft that does not exist (or is someone else's), or a failure.
#[component]
pub fn FormError(error: AppError) -> impl IntoView {
    let texts = kernel::error_page::ErrorTexts {
        not_found: "forms-draft-not-found",
        failed: "forms-catalogue-error",
        back_href: "/leistungen",
        back: "forms-back-to-catalogue",
    };
    view! { <kernel::error_page::ErrorPage error texts /> }
}

/// Which field of the step a problem belongs to: its label, for the summary.
fn problem_label(step: &StepView, problem: &Problem, i18n: &kernel::I18n) -> String {
    let top = problem.path.split('.').next().unwrap_or_default();
    let field = step.step.fields.iter().find(|f| f.id == top);
    let child = problem.path.rsplit('.').next().unwrap_or_default();
    let label = field
        .and_then(|f| f.fields.iter().find(|c| c.id == child).or(Some(f)))
        .map(|f| crate::pages::texts::label(i18n, f))
        .unwrap_or_default();
    match problem
        .path
        .split('.')
        .nth(1)
        .and_then(|i| i.parse::<usize>().ok())
    {
        Some(index) => format!("{label} ({})", index + 1),
        None => label,
    }
}

#[component]
fn StepForm(step: StepView) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let saved = move || query.read().get("gespeichert").is_some();
    let opened = move || query.read().get("weitere").is_some();
    let service = step.service.get(i18n.locale).to_owned();
    let title = step.step.title.get(i18n.locale).to_owned();
    let title_lang = step.step.title.lang(i18n.locale);
    let progress = i18n.t_args(
        "forms-step-progress",
        &[("n", (step.index + 1).into()), ("count", step.count.into())],
    );
    let has_problems = !step.problems.is_empty();
    let page_title = if has_problems {
        format!("{} {title} – {service}", i18n.t("forms-error-prefix"))
    } else {
        format!("{title} – {service}")
    };
    let summary = step
        .problems
        .iter()
        .map(|p| {
            (
                input_id(&p.path),
                problem_label(&step, p, &i18n),
                error_message(&i18n, &p.error),
            )
        })
        .collect::<Vec<_>>();
    let back = step
        .previous
        .clone()
        .map(|previous| format!("/antraege/{}/{previous}", step.draft));
    view! {
        <Title text=page_title />
        <p class="kern-body kern-body--small">{service}" · "{progress}</p>
        <h1 class="kern-heading-x-large" lang=title_lang>{title}</h1>
        {step.step.intro.as_ref().map(|intro| view! { <p class="kern-body kern-body--large">{intro.phrase(i18n.locale)}</p> })}
        {has_problems.then(|| view! {
            <div class="kern-alert kern-alert--danger" role="alert" id="fehler" tabindex="-1">
                <div class="kern-alert__header">
                    <h2 class="kern-title">{i18n.phrase("forms-error-summary")}</h2>
                </div>
                <div class="kern-alert__body">
                    <ul>
                        {summary.into_iter().map(|(id, label, message)| view! {
                            <li><a class="kern-link" href=format!("#{id}")>{label}": "{message}</a></li>
                        }).collect_view()}
                    </ul>
                </div>
            </div>
        })}
        {step.outdated.then(|| view! {
            <div class="kern-alert kern-alert--info" role="note">
                <div class="kern-alert__header"><p class="kern-title">{i18n.phrase("forms-outdated")}</p></div>
            </div>
        })}
        {move || opened().then(|| view! {
            <div class="kern-alert kern-alert--info" role="status">
                <div class="kern-alert__header"><p class="kern-title">{i18n.phrase("forms-more-questions")}</p></div>
            </div>
        })}
        {move || saved().then(|| view! {
            <div class="kern-alert kern-alert--success" role="status">
                <div class="kern-alert__header"><p class="kern-title">{i18n.phrase("forms-saved")}</p></div>
            </div>
        })}
        <StepFields step />
        {back.map(|href| view! { <p class="kern-body"><a class="kern-link" href=href>{i18n.phrase("forms-back")}</a></p> })}
    }
}

/// The step's form. The fields are rendered here on the server; the island around
/// them (`LiveForm`) checks each field as it is left and shows the fields that depend
/// on an answer, with the same code as the server.
#[component]
fn StepFields(step: StepView) -> impl IntoView {
    let i18n = use_i18n();
    let has_file = step
        .step
        .fields
        .iter()
        .any(|f| f.kind == crate::definition::FieldType::File);
    let has_group = step
        .step
        .fields
        .iter()
        .any(|f| f.kind == crate::definition::FieldType::Group);
    let context = FieldContext {
        prefix: String::new(),
        answers: Arc::new(step.answers.clone()),
        problems: step.problems.clone().into(),
        locked: step.locked.clone().into(),
        hidden: step.hidden.clone().into(),
    };
    let action = format!("/antraege/{}/{}", step.draft, step.step.id);
    let basis = Basis::of(&step);
    view! {
        <LiveForm basis action multipart=has_file>
            // Enter in a field continues, although a group's or an uploaded file's
            // buttons come first in the form (the browser presses the first submit
            // button); hidden from assistive technology, which has the real one below.
            {(has_group || has_file).then(|| view! {
                <button class="portal-visually-hidden" type="submit" name="action" value="continue"
                    tabindex="-1" aria-hidden="true">
                    {i18n.phrase("forms-continue")}
                </button>
            })}
            {step.step.fields.iter().cloned().map(|field| view! {
                <FieldInput field context=context.clone() i18n />
            }).collect_view()}
            <div class="portal-actions">
                <button class="kern-btn kern-btn--primary" type="submit" name="action" value="continue">
                    <span class="kern-label">{i18n.phrase("forms-continue")}</span>
                </button>
                <button class="kern-btn kern-btn--secondary" type="submit" name="action" value="save">
                    <span class="kern-label">{i18n.phrase("forms-save-later")}</span>
                </button>
            </div>
        </LiveForm>
    }
}

/// The form around the server's fields, with the live checks: an island whose
/// children stay the server's markup.
#[island]
fn LiveForm(basis: Basis, action: String, multipart: bool, children: Children) -> impl IntoView {
    let live = Live::new(basis, use_i18n());
    let form = NodeRef::<leptos::html::Form>::new();
    // Once the page is live, fields that wait for an answer on this page are hidden
    // until it is given.
    Effect::new(move |_| {
        if let Some(form) = form.get() {
            live.show_fields(&form);
        }
    });
    view! {
        <form class="portal-form" method="post" action=action novalidate node_ref=form
            enctype=multipart.then_some("multipart/form-data")
            on:focusout=move |event| live.left_field(&event)
            on:input=move |event| live.typed(&event)>
            {children()}
        </form>
    }
}
