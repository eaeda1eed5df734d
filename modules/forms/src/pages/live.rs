//! Validation in the browser after hydration: the same Rust checks the server runs
//! (`validate_step`), on the answers in the form, when the citizen leaves a field, and
//! while they type in a field already marked (so the mark goes as soon as it is
//! fixed). Only fields the citizen has left are judged; the server still checks every
//! post, with or without JavaScript.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::{answers::Answers, definition::ServiceDefinition, validate::Problem, view::StepView};

/// What the checks need: the definition, the step, the answers of the other steps.
#[cfg_attr(
    not(feature = "hydrate"),
    expect(dead_code, reason = "read by the checks in the browser")
)]
struct Basis {
    definition: ServiceDefinition,
    index: usize,
    answers: Answers,
    today: NaiveDate,
}

/// The live checks of one step page.
#[derive(Clone, Copy)]
#[cfg_attr(
    not(feature = "hydrate"),
    expect(dead_code, reason = "read by the checks in the browser")
)]
pub struct Live {
    basis: StoredValue<Basis>,
    problems: RwSignal<Vec<Problem>>,
    hidden: RwSignal<Vec<String>>,
    left: RwSignal<BTreeSet<String>>,
}

impl Live {
    /// Checks for `step`, writing into `problems` (which the fields show).
    pub fn new(
        step: &StepView,
        problems: RwSignal<Vec<Problem>>,
        hidden: RwSignal<Vec<String>>,
    ) -> Self {
        // Fields with a problem from the last post count as left: their marks follow.
        let left = step.problems.iter().map(|p| p.path.clone()).collect();
        Self {
            basis: StoredValue::new(Basis {
                definition: step.definition.clone(),
                index: step.index,
                answers: step.answers.clone(),
                today: step.today,
            }),
            problems,
            hidden,
            left: RwSignal::new(left),
        }
    }

    /// Hides and shows fields by their conditions on the answers in `form`.
    pub fn show_fields(&self, form: &leptos::web_sys::HtmlFormElement) {
        #[cfg(feature = "hydrate")]
        {
            let answers = self.answers(&browser::pairs(form));
            let hidden = self.basis.with_value(|basis| {
                crate::validate::hidden_fields(
                    &basis.definition,
                    basis.index,
                    &answers,
                    basis.today,
                )
            });
            if hidden != self.hidden.get_untracked() {
                self.hidden.set(hidden);
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = form;
    }

    /// The answers of the draft with those in the form for this step.
    #[cfg(feature = "hydrate")]
    fn answers(&self, pairs: &[(String, String)]) -> Answers {
        self.basis.with_value(|basis| {
            let mut answers = basis.answers.clone();
            let Some(step) = basis.definition.steps.get(basis.index) else {
                return answers;
            };
            let posted = crate::answers::read_step(step, pairs, &basis.answers);
            for field in &step.fields {
                if field.kind != crate::definition::FieldType::File {
                    answers.remove(&field.id);
                }
            }
            answers.extend(posted);
            answers
        })
    }

    /// The citizen left a field: judge it (and keep judging the others left before).
    pub fn left_field(&self, event: &leptos::ev::FocusEvent) {
        #[cfg(feature = "hydrate")]
        if let Some((name, form)) = browser::field_and_form(event) {
            self.left.update(|left| {
                left.insert(name);
            });
            self.check(&form);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = event;
    }

    /// The citizen typed or chose: show the fields that depend on it, and judge again
    /// where a mark is shown, so it goes once fixed.
    pub fn typed(&self, event: &leptos::ev::Event) {
        #[cfg(feature = "hydrate")]
        if let Some((name, form)) = browser::field_and_form(event) {
            self.show_fields(&form);
            let marked = self
                .problems
                .read_untracked()
                .iter()
                .any(|p| covers(&name, &p.path));
            if marked {
                self.check(&form);
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = event;
    }

    #[cfg(feature = "hydrate")]
    fn check(&self, form: &web_sys::HtmlFormElement) {
        let answers = self.answers(&browser::pairs(form));
        let left = self.left.get_untracked();
        let found = self.basis.with_value(|basis| {
            crate::validate::validate_step(&basis.definition, basis.index, &answers, basis.today)
        });
        let shown: Vec<Problem> = found
            .into_iter()
            .filter(|p| left.iter().any(|name| covers(name, &p.path)))
            .collect();
        self.problems.set(shown);
    }
}

/// Whether the input `name` belongs to the field at `path` (`home.street` to `home`).
#[cfg_attr(
    not(feature = "hydrate"),
    expect(dead_code, reason = "used by the checks in the browser")
)]
fn covers(name: &str, path: &str) -> bool {
    name == path
        || name
            .strip_prefix(path)
            .is_some_and(|rest| rest.starts_with('.'))
}

#[cfg(feature = "hydrate")]
mod browser {
    use wasm_bindgen::JsCast;
    use web_sys::{Element, FormData, HtmlFormElement};

    /// The name of the input an event came from, and its form.
    pub fn field_and_form(event: &web_sys::Event) -> Option<(String, HtmlFormElement)> {
        let element: Element = event.target()?.dyn_into().ok()?;
        let name = element.get_attribute("name").filter(|n| !n.is_empty())?;
        let form: HtmlFormElement = event.current_target()?.dyn_into().ok()?;
        Some((name, form))
    }

    /// The form's text entries as name/value pairs (files are not read here).
    pub fn pairs(form: &HtmlFormElement) -> Vec<(String, String)> {
        let Ok(data) = FormData::new_with_form(form) else {
            return Vec::new();
        };
        let Ok(Some(entries)) = js_sys::try_iter(&data) else {
            return Vec::new();
        };
        entries
            .filter_map(Result::ok)
            .filter_map(|entry| {
                let entry: js_sys::Array = entry.dyn_into().ok()?;
                Some((entry.get(0).as_string()?, entry.get(1).as_string()?))
            })
            .collect()
    }
}
