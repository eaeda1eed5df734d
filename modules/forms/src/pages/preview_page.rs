//! `/dienststelle/entwuerfe/{id}/vorschau/{step}?sprache=de|en`: a step of a design as
//! citizens will see it, in either language, in a phone-wide frame. The fields are the
//! citizens' own components; nothing can be sent from here.

use std::sync::Arc;

use kernel::{Locale, i18n::use_i18n};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::{
    design_view::{PreviewStep, design_href, design_step, preview_href},
    pages::{
        designs_page::DesignError,
        fields::{FieldContext, FieldInput},
    },
};

/// The preview page.
#[component]
pub fn PreviewPage() -> impl IntoView {
    let params = use_params_map();
    let key = move || {
        let params = params.read();
        (
            params.get("id").and_then(|id| id.parse::<i32>().ok()),
            params.get("step").and_then(|n| n.parse::<usize>().ok()),
        )
    };
    let step = Resource::new(key, |(id, number)| async move {
        match (id, number) {
            (Some(id), Some(number)) => design_step(id, number).await,
            _ => Err(kernel::AppError::NotFound),
        }
    });
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match step.await {
                    Ok(step) => view! { <Preview step /> }.into_any(),
                    Err(error) => view! { <DesignError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Preview(step: PreviewStep) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let english = query.read_untracked().get("sprache").as_deref() == Some("en");
    let (language, other) = if english { ("en", "de") } else { ("de", "en") };
    // The citizen's view in the language asked for; the page around it stays in the
    // administrator's.
    let shown = i18n.in_locale(if english { Locale::EN } else { Locale::DE });
    let heading = i18n.t_args(
        "designer-preview-title",
        &[
            ("service", step.service.get(i18n.locale).to_owned().into()),
            ("n", step.number.into()),
            ("count", step.count.into()),
        ],
    );
    let context = FieldContext {
        prefix: String::new(),
        answers: Arc::default(),
        problems: Arc::from([]),
        locked: Arc::from([]),
        hidden: step.hidden.clone().into(),
    };
    let previous = (step.number > 1).then(|| preview_href(step.design, step.number - 1, language));
    let next =
        (step.number < step.count).then(|| preview_href(step.design, step.number + 1, language));
    let progress = shown.t_args(
        "forms-step-progress",
        &[("n", step.number.into()), ("count", step.count.into())],
    );
    view! {
        <Title text=heading.clone() />
        <p class="kern-body"><a class="kern-link" href=design_href(step.design)>{i18n.phrase("designer-preview-back")}</a></p>
        <h1 class="kern-heading-x-large">{heading}</h1>
        <p class="kern-body">
            <a class="kern-link" href=preview_href(step.design, step.number, other)>
                {i18n.phrase(if english { "designer-preview-in-german" } else { "designer-preview-in-english" })}
            </a>
        </p>
        <section class="portal-preview" aria-label=i18n.t("designer-preview-frame") lang=language>
            <p class="kern-body kern-body--small">{step.service.get(shown.locale).to_owned()}" · "{progress}</p>
            <h2 class="kern-heading-large">{step.step.title.get(shown.locale).to_owned()}</h2>
            {step.step.intro.as_ref().map(|intro| view! { <p class="kern-body kern-body--large">{intro.phrase(shown.locale)}</p> })}
            <div class="portal-form">
                {step.step.fields.iter().cloned().map(|field| view! {
                    <FieldInput field context=context.clone() i18n=shown />
                }).collect_view()}
            </div>
        </section>
        <nav class="portal-actions" aria-label=i18n.t("designer-preview-steps")>
            {previous.map(|href| view! { <a class="kern-link" href=href>{i18n.phrase("designer-preview-previous")}</a> })}
            {next.map(|href| view! { <a class="kern-link" href=href>{i18n.phrase("designer-preview-next")}</a> })}
        </nav>
    }
}
