//! One input per field type, in KERN markup: label, hint and error message tied to the
//! input with `aria-describedby`, errors marked with `aria-invalid`, values kept as
//! entered. Names are the paths the server reads (`home.street`, `children.0.name`).
//!
//! The fields are rendered on the server only. What the browser's live checks change
//! carries marks they follow (see `live`): `data-field` on a field's box (hidden by its
//! condition), `data-message` on its error message, and `data-problem` on each element
//! whose look follows the field's problem, with `data-error-class` (a class to set),
//! `data-invalid` (`aria-invalid`) and `data-described` (`aria-describedby` without the
//! error message).

use std::sync::Arc;

use kernel::I18n;
use leptos::prelude::*;

use crate::{
    answers::{Address, Answer, Answers},
    definition::{ChoiceDisplay, Field, FieldType},
    pages::texts::{error_message, label},
    validate::Problem,
};

/// The HTML id of the input for `path`.
pub fn input_id(path: &str) -> String {
    format!("f-{}", path.replace('.', "-"))
}

/// The id of the error message of the field at `path`.
pub fn error_id(path: &str) -> String {
    format!("{}-error", input_id(path))
}

/// What one field needs to render; cloned for every field, so the answers, problems
/// and locked ids are shared rather than copied.
#[derive(Clone)]
pub struct FieldContext {
    /// Name prefix: empty, or `<group>.<index>.` inside a group.
    pub prefix: String,
    /// The answers of this level (the step, or the group item).
    pub answers: Arc<Answers>,
    /// All problems of the step, from its last post.
    pub problems: Arc<[Problem]>,
    /// Fields that cannot be changed (prefilled from the sign-in).
    pub locked: Arc<[String]>,
    /// Paths of the fields hidden by their condition (see `validate::hidden_fields`).
    pub hidden: Arc<[String]>,
}

impl FieldContext {
    /// The message of the problem at `path`, if there is one.
    fn message(&self, path: &str, i18n: I18n) -> Option<String> {
        self.problems
            .iter()
            .find(|p| p.path == path)
            .map(|p| error_message(&i18n, &p.error))
    }
}

/// `aria-describedby` for a field with these parts.
fn described_by(id: &str, hint: bool, error: bool) -> Option<String> {
    let parts: Vec<String> = [(hint, "hint"), (error, "error")]
        .into_iter()
        .filter(|(on, _)| *on)
        .map(|(_, part)| format!("{id}-{part}"))
        .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

fn text_of(answer: Option<&Answer>) -> String {
    answer.and_then(Answer::text).unwrap_or_default().to_owned()
}

/// The input type, mode and autocomplete of a text-like field.
fn input_attributes(field: &Field) -> (&'static str, Option<&'static str>, Option<&'static str>) {
    match field.kind {
        FieldType::Email => ("email", None, Some("email")),
        FieldType::Phone => ("tel", None, Some("tel")),
        FieldType::Date => ("date", None, None),
        FieldType::Number => ("text", Some("numeric"), None),
        FieldType::Amount => ("text", Some("decimal"), None),
        FieldType::Postcode => ("text", Some("numeric"), Some("postal-code")),
        _ => ("text", None, None),
    }
}

/// The error message of the field at `path`: there (hidden) without a problem, so the
/// browser's checks can show one where the input's `aria-describedby` names it.
fn error_paragraph(path: &str, message: Option<String>) -> impl IntoView + use<> {
    let none = message.is_none();
    view! {
        <p class="kern-error" id=error_id(path) role="alert" data-message=path.to_owned()
            hidden=none>
            <span class="kern-icon kern-icon--danger kern-icon--md" aria-hidden="true"></span>
            <span class="kern-body">{message}</span>
        </p>
    }
}

/// One field of a step or group item, hidden while its condition does not hold.
#[component]
pub fn FieldInput(field: Field, context: FieldContext, i18n: I18n) -> impl IntoView {
    let path = format!("{}{}", context.prefix, field.id);
    let hidden = context.hidden.contains(&path);
    view! {
        <div class="portal-field" data-field=path hidden=hidden>
            <FieldBody field context i18n />
        </div>
    }
}

/// The input of one field.
#[component]
fn FieldBody(field: Field, context: FieldContext, i18n: I18n) -> impl IntoView {
    let path = format!("{}{}", context.prefix, field.id);
    let id = input_id(&path);
    let answer = context.answers.get(&field.id).cloned();
    let problem = context.message(&path, i18n);
    let wrong = problem.is_some();
    let hint = field.hint.as_ref().map(|h| h.get(i18n.locale).to_owned());
    let label_text = label(&i18n, &field);
    // A label the department wrote in German only is marked as German.
    let label_lang = field.label.as_ref().and_then(|l| l.lang(i18n.locale));
    let locked = context.locked.contains(&field.id);
    let hint_lang = field.hint.as_ref().and_then(|h| h.lang(i18n.locale));
    let hint_view = hint
        .clone()
        .map(|h| view! { <div class="kern-hint" id=format!("{id}-hint") lang=hint_lang>{h}</div> });
    let error_view = error_paragraph(&path, problem);
    let has_hint = hint.is_some();
    let describe = described_by(&id, has_hint, wrong);
    // Without the error message: what the browser's checks start from.
    let described = described_by(&id, has_hint, false).unwrap_or_default();
    let invalid = wrong.then_some("true");
    // The marks of the field's box and of its input (see the module's comment).
    let (box_mark, input_mark) = (path.clone(), path.clone());
    match field.kind {
        FieldType::Info => view! {
            <div class="kern-alert kern-alert--info" role="note">
                <div class="kern-alert__body">
                    {field.label.as_ref().map(|l| view! { <p class="kern-title">{l.phrase(i18n.locale)}</p> })}
                    <p class="kern-body">{field.text.as_ref().map(|t| t.phrase(i18n.locale))}</p>
                </div>
            </div>
        }
        .into_any(),
        FieldType::Textarea => view! {
            <div class="kern-form-input" class:kern-form-input--error=wrong
                data-problem=box_mark.clone() data-error-class="kern-form-input--error">
                <label class="kern-label" for=id.clone() lang=label_lang>{label_text}</label>
                {hint_view}
                {error_view}
                <textarea class="kern-form-input__input" id=id name=path.clone() rows="5"
                    aria-describedby=describe aria-invalid=invalid
                    data-problem=input_mark.clone() data-invalid="" data-described=described>{text_of(answer.as_ref())}</textarea>
            </div>
        }
        .into_any(),
        FieldType::Choice if field.display == Some(ChoiceDisplay::Select) => {
            let chosen = text_of(answer.as_ref());
            view! {
                <div class="kern-form-input" class:kern-form-input--error=wrong
                    data-problem=box_mark.clone() data-error-class="kern-form-input--error">
                    <label class="kern-label" for=id.clone() lang=label_lang>{label_text}</label>
                    {hint_view}
                    {error_view}
                    <div class="kern-form-input__select-wrapper">
                        <select class="kern-form-input__select" id=id name=path.clone() aria-describedby=describe
                            aria-invalid=invalid data-problem=input_mark.clone() data-invalid="" data-described=described>
                            <option value="" selected=chosen.is_empty()>{i18n.phrase("forms-choose")}</option>
                            {field.options.iter().map(|o| view! {
                                <option value=o.value.clone() selected=o.value == chosen lang=o.label.lang(i18n.locale)>{o.label.get(i18n.locale).to_owned()}</option>
                            }).collect_view()}
                        </select>
                    </div>
                </div>
            }
            .into_any()
        }
        FieldType::Choice | FieldType::YesNo | FieldType::MultiChoice => {
            let options: Vec<(String, String)> = if field.kind == FieldType::YesNo {
                vec![("yes".into(), i18n.t("forms-yes")), ("no".into(), i18n.t("forms-no"))]
            } else {
                field.options.iter().map(|o| (o.value.clone(), o.label.get(i18n.locale).to_owned())).collect()
            };
            let chosen: Vec<String> = match &answer {
                Some(Answer::List(values)) => values.clone(),
                Some(Answer::Text(value)) => vec![value.clone()],
                _ => Vec::new(),
            };
            let (input_type, input_class) = if field.kind == FieldType::MultiChoice {
                ("checkbox", "kern-form-check__checkbox")
            } else {
                ("radio", "kern-form-check__radio")
            };
            view! {
                <fieldset class="kern-fieldset" class:kern-fieldset--error=wrong id=id.clone()
                    aria-describedby=describe data-problem=box_mark.clone()
                    data-error-class="kern-fieldset--error" data-described=described>
                    <legend class="kern-label" lang=label_lang>{label_text}</legend>
                    {hint_view}
                    {error_view}
                    <div class="kern-fieldset__body">
                        {options.into_iter().enumerate().map(|(i, (value, text))| {
                            let option_id = format!("{id}-{i}");
                            let checked = chosen.contains(&value);
                            view! {
                                <div class="kern-form-check">
                                    <input class=input_class type=input_type id=option_id.clone() name=path.clone()
                                        value=value checked=checked />
                                    <label class="kern-label" for=option_id>{text}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
            }
            .into_any()
        }
        FieldType::Declaration => view! {
            <div class="kern-form-check" class:kern-form-input--error=wrong
                data-problem=box_mark.clone() data-error-class="kern-form-input--error">
                {error_view}
                <input class="kern-form-check__checkbox" type="checkbox" id=id.clone() name=path.clone() value="yes"
                    checked=text_of(answer.as_ref()) == "yes" aria-describedby=describe aria-invalid=invalid
                    data-problem=input_mark.clone() data-invalid="" data-described=described />
                <label class="kern-label" for=id lang=label_lang>{label_text}</label>
            </div>
        }
        .into_any(),
        FieldType::Address => {
            let address = match &answer {
                Some(Answer::Address(a)) => a.clone(),
                _ => Address::default(),
            };
            // Each part shows its own problem, tied to its input.
            let part = |key: &'static str, name: &str, value: String, autocomplete: &'static str| {
                let part_path = format!("{path}.{name}");
                let part_id = input_id(&part_path);
                let part_problem = context.message(&part_path, i18n);
                let part_wrong = part_problem.is_some();
                let part_error = error_paragraph(&part_path, part_problem);
                let part_describe = part_wrong.then(|| error_id(&part_path));
                let (part_box, part_input) = (part_path.clone(), part_path.clone());
                view! {
                    <div class="kern-form-input" class:kern-form-input--error=part_wrong
                        data-problem=part_box data-error-class="kern-form-input--error">
                        <label class="kern-label" for=part_id.clone()>{i18n.t(key)}</label>
                        {part_error}
                        <input class="kern-form-input__input" class:kern-form-input__input--error=part_wrong
                            type="text" id=part_id name=part_path value=value autocomplete=autocomplete
                            readonly=locked aria-invalid=part_wrong.then_some("true")
                            aria-describedby=part_describe
                            data-problem=part_input data-error-class="kern-form-input__input--error"
                            data-invalid="" data-described="" />
                    </div>
                }
            };
            view! {
                <fieldset class="kern-fieldset" class:kern-fieldset--error=wrong id=id.clone() aria-describedby=describe
                    data-problem=box_mark.clone() data-error-class="kern-fieldset--error" data-described=described>
                    <legend class="kern-label" lang=label_lang>{label_text}</legend>
                    {hint_view}
                    {error_view}
                    <div class="kern-fieldset__body">
                        {part("forms-address-street", "street", address.street, "address-line1")}
                        {part("forms-address-house-number", "house_number", address.house_number, "off")}
                        {part("forms-address-postcode", "postcode", address.postcode, "postal-code")}
                        {part("forms-address-city", "city", address.city, "address-level2")}
                    </div>
                </fieldset>
            }
            .into_any()
        }
        FieldType::Group => view! { <GroupInput field context i18n /> }.into_any(),
        FieldType::File => {
            let files = match &answer {
                Some(Answer::Files(files)) => files.clone(),
                _ => Vec::new(),
            };
            let max = field.max_files.unwrap_or(crate::validate::DEFAULT_MAX_FILES);
            let room = files.len() < max as usize;
            let multiple = max > 1;
            let types = field
                .accept
                .iter()
                .map(|t| t.rsplit('/').next().unwrap_or(t).to_uppercase())
                .collect::<Vec<_>>()
                .join(", ");
            let accepts = i18n.t_args("forms-file-accepts", &[("types", types.into()), ("n", max.into())]);
            let accepts_id = format!("{id}-accepts");
            let file_describe = if wrong {
                format!("{accepts_id} {}", error_id(&path))
            } else {
                accepts_id.clone()
            };
            view! {
                <div class="kern-form-input" class:kern-form-input--error=wrong
                    data-problem=box_mark.clone() data-error-class="kern-form-input--error">
                    <label class="kern-label" for=id.clone() lang=label_lang>{label_text}</label>
                    {hint_view}
                    <div class="kern-hint" id=accepts_id.clone()>{accepts}</div>
                    {error_view}
                    {(!files.is_empty()).then(|| view! {
                        <ul class="portal-file-list">
                            {files.into_iter().map(|file| view! {
                                <li>
                                    <span class="kern-body">{file.name.clone()}" ("{kernel::upload::size_for_people(file.size)}")"</span>
                                    <button class="kern-btn kern-btn--tertiary" type="submit" name="action"
                                        value=format!("remove-file:{path}/{}", file.id)>
                                        <span class="kern-label">{i18n.t_args("forms-file-remove", &[("name", file.name.into())])}</span>
                                    </button>
                                </li>
                            }).collect_view()}
                        </ul>
                    })}
                    {room.then(|| view! {
                        <input class="kern-form-input__input" type="file" id=id.clone() name=path.clone()
                            accept=field.accept.join(",") multiple=multiple
                            aria-describedby=file_describe aria-invalid=invalid
                            data-problem=input_mark.clone() data-invalid="" data-described=accepts_id />
                    })}
                </div>
            }
            .into_any()
        }
        _ => {
            let (input_type, inputmode, autocomplete) = input_attributes(&field);
            view! {
                <div class="kern-form-input" class:kern-form-input--error=wrong
                    data-problem=box_mark.clone() data-error-class="kern-form-input--error">
                    <label class="kern-label" for=id.clone() lang=label_lang>{label_text}</label>
                    {hint_view}
                    {error_view}
                    <input class="kern-form-input__input" class:kern-form-input__input--error=wrong
                        type=input_type id=id name=path.clone() value=text_of(answer.as_ref())
                        inputmode=inputmode autocomplete=autocomplete readonly=locked
                        aria-describedby=describe aria-invalid=invalid
                        data-problem=input_mark.clone() data-error-class="kern-form-input__input--error"
                        data-invalid="" data-described=described />
                </div>
            }
            .into_any()
        }
    }
}

/// A repeatable group: one fieldset per item, with buttons to remove an item and to
/// add one (posting the form, so they work without JavaScript).
#[component]
fn GroupInput(field: Field, context: FieldContext, i18n: I18n) -> impl IntoView {
    let path = format!("{}{}", context.prefix, field.id);
    let items = crate::validate::shown_items(&field, context.answers.get(&field.id));
    let problem = context.message(&path, i18n);
    let label_text = label(&i18n, &field);
    let max = field
        .max_items
        .unwrap_or(crate::validate::DEFAULT_MAX_ITEMS) as usize;
    let can_add = items.len() < max;
    view! {
        <div class="portal-group" id=field.id.clone()>
            {error_paragraph(&path, problem)}
            {items.into_iter().enumerate().map(|(index, item)| {
                let legend = format!("{label_text} {}", index + 1);
                let item_context = FieldContext {
                    prefix: format!("{path}.{index}."),
                    answers: Arc::new(item),
                    problems: context.problems.clone(),
                    locked: Arc::from([]),
                    hidden: context.hidden.clone(),
                };
                view! {
                    <fieldset class="kern-fieldset portal-group__item">
                        <legend class="kern-label">{legend.clone()}</legend>
                        <div class="kern-fieldset__body">
                            {field.fields.iter().cloned().map(|child| view! {
                                <FieldInput field=child context=item_context.clone() i18n />
                            }).collect_view()}
                        </div>
                        <button class="kern-btn kern-btn--tertiary" type="submit" name="action"
                            value=format!("remove:{path}.{index}")>
                            <span class="kern-label">{i18n.t_args("forms-group-remove", &[("item", legend.into())])}</span>
                        </button>
                    </fieldset>
                }
            }).collect_view()}
            {can_add.then(|| view! {
                <button class="kern-btn kern-btn--secondary" type="submit" name="action" value=format!("add:{path}")>
                    <span class="kern-label">{i18n.t_args("forms-group-add", &[("item", label_text.clone().into())])}</span>
                </button>
            })}
        </div>
    }
}
