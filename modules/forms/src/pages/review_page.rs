//! `/antraege/:draft/pruefen`: every answer once more, with a change link per step,
//! then sending.

use kernel::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::{
    pages::{step_page::FormError, texts::AnswerList},
    view::{ReviewView, draft_review},
};

/// The check-your-answers page.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let params = use_params_map();
    let draft = move || params.read().get("draft").unwrap_or_default();
    let review = Resource::new(draft, draft_review);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match review.await {
                    Ok(review) => view! { <Review review /> }.into_any(),
                    Err(error) => view! { <FormError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Review(review: ReviewView) -> impl IntoView {
    let i18n = use_i18n();
    let service = review.service.get(i18n.locale).to_owned();
    let title = i18n.t("forms-review-title");
    let action = format!("/antraege/{}/absenden", review.draft);
    view! {
        <Title text=format!("{title} – {service}") />
        <p class="kern-body kern-body--small">{service}</p>
        <h1 class="kern-heading-x-large">{title}</h1>
        {review.steps.into_iter().map(|step| {
            let step_title = step.title.get(i18n.locale).to_owned();
            let change = format!("/antraege/{}/{}", review.draft, step.id);
            view! {
                <section class="portal-section">
                    <h2 class="kern-heading-medium">{step_title.clone()}</h2>
                    <AnswerList fields=step.fields answers=review.answers.clone() />
                    <p class="kern-body">
                        <a class="kern-link" href=change>
                            {i18n.phrase("forms-change")}
                            <span class="portal-visually-hidden">": "{step_title}</span>
                        </a>
                    </p>
                </section>
            }
        }).collect_view()}
        <form class="portal-section" method="post" action=action>
            <p class="kern-body">{i18n.phrase("forms-review-send-note")}</p>
            <button class="kern-btn kern-btn--primary" type="submit">
                <span class="kern-label">{i18n.phrase("forms-send")}</span>
            </button>
        </form>
    }
}
