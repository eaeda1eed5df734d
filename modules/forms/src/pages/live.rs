//! Validation in the browser after hydration: the same Rust checks the server runs
//! (`validate_step`), on the answers in the form, when the citizen leaves a field, and
//! while they type in a field already marked (so the mark goes as soon as it is
//! fixed). Only fields the citizen has left are judged; the server still checks every
//! post, with or without JavaScript. The fields are the server's markup: the checks
//! show their findings by changing it along the marks it carries (see `fields`), so
//! the browser needs the checks and not the fields' views.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use kernel::I18n;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::{answers::Answers, definition::ServiceDefinition, view::StepView};

/// What the checks need: the definition, the step, the answers of the other steps.
/// The server hands it to the step's island.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Basis {
    definition: ServiceDefinition,
    index: usize,
    answers: Answers,
    today: NaiveDate,
    /// Paths with a problem from the last post: their marks are shown, and they count
    /// as left, so their marks follow what is typed.
    marked: Vec<String>,
}

impl Basis {
    /// The checks of `step`.
    pub fn of(step: &StepView) -> Self {
        Self {
            definition: step.definition.clone(),
            index: step.index,
            answers: step.answers.clone(),
            today: step.today,
            marked: step.problems.iter().map(|p| p.path.clone()).collect(),
        }
    }
}

/// The live checks of one step page.
#[derive(Clone, Copy)]
#[cfg_attr(
    not(feature = "hydrate"),
    expect(dead_code, reason = "read by the checks in the browser")
)]
pub struct Live {
    basis: StoredValue<Basis>,
    i18n: I18n,
    left: StoredValue<BTreeSet<String>>,
    marked: StoredValue<Vec<String>>,
}

impl Live {
    /// Checks on `basis`, with messages in the language of `i18n`.
    pub fn new(basis: Basis, i18n: I18n) -> Self {
        let marked = basis.marked.clone();
        Self {
            left: StoredValue::new(marked.iter().cloned().collect()),
            marked: StoredValue::new(marked),
            basis: StoredValue::new(basis),
            i18n,
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
            browser::show_hidden(form, &hidden);
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
            self.left.update_value(|left| {
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
                .marked
                .with_value(|marked| marked.iter().any(|path| covers(&name, path)));
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
        let found = self.basis.with_value(|basis| {
            crate::validate::validate_step(&basis.definition, basis.index, &answers, basis.today)
        });
        let shown: Vec<(String, String)> = self.left.with_value(|left| {
            found
                .into_iter()
                .filter(|p| left.iter().any(|name| covers(name, &p.path)))
                .map(|p| {
                    let message = crate::pages::texts::error_message(&self.i18n, &p.error);
                    (p.path, message)
                })
                .collect()
        });
        browser::show_problems(form, &shown);
        self.marked
            .set_value(shown.into_iter().map(|(path, _)| path).collect());
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
    use kernel::dom::{each, flag};
    use wasm_bindgen::JsCast;
    use web_sys::{Element, FormData, HtmlFormElement};

    /// Hides the boxes of the fields at `hidden` and shows all others.
    pub fn show_hidden(form: &HtmlFormElement, hidden: &[String]) {
        each(form, "[data-field]", |field| {
            let path = field.get_attribute("data-field").unwrap_or_default();
            flag(&field, "hidden", hidden.contains(&path));
        });
    }

    /// Shows `problems` (path and message) as the server would have rendered them, and
    /// takes away the marks of every other field.
    pub fn show_problems(form: &HtmlFormElement, problems: &[(String, String)]) {
        // The path an element's `mark` names, and the message of its problem if any.
        let problem_of = |element: &Element, mark: &str| {
            let path = element.get_attribute(mark).unwrap_or_default();
            let message = problems
                .iter()
                .find(|(at, _)| *at == path)
                .map(|(_, message)| message.as_str());
            (path, message)
        };
        each(form, "[data-message]", |element| {
            let (_, message) = problem_of(&element, "data-message");
            flag(&element, "hidden", message.is_none());
            if let Ok(Some(body)) = element.query_selector(".kern-body") {
                body.set_text_content(message);
            }
        });
        each(form, "[data-problem]", |element| {
            let (path, message) = problem_of(&element, "data-problem");
            let wrong = message.is_some();
            if let Some(class) = element.get_attribute("data-error-class") {
                let _ = element.class_list().toggle_with_force(&class, wrong);
            }
            if element.has_attribute("data-invalid") {
                let _ = if wrong {
                    element.set_attribute("aria-invalid", "true")
                } else {
                    element.remove_attribute("aria-invalid")
                };
            }
            if let Some(described) = element.get_attribute("data-described") {
                let error = wrong.then(|| crate::pages::fields::error_id(&path));
                let ids: Vec<&str> = described
                    .split_whitespace()
                    .chain(error.as_deref())
                    .collect();
                let _ = if ids.is_empty() {
                    element.remove_attribute("aria-describedby")
                } else {
                    element.set_attribute("aria-describedby", &ids.join(" "))
                };
            }
        });
    }

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
