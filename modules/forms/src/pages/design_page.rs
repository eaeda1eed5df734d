//! `/dienststelle/entwuerfe/{id}`: one service design: its file, every problem the
//! checker finds, and what may be done next (save, propose, publish as the second
//! person, begin a new version).

use kernel::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::{
    design_view::{
        BasicsView, ConditionChoice, DESIGNABLE_TYPES, DESIGNS_PATH, DesignDetails, DesignProblem,
        OutlineField, OutlineStep, design_href, one_design, preview_href,
    },
    pages::{designs_page::DesignError, rule_inputs::RuleInputs},
};

/// The page of one design.
#[component]
pub fn DesignPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i32>().ok())
    };
    let design = Resource::new(id, |id| async move {
        match id {
            Some(id) => one_design(id).await,
            None => Err(kernel::AppError::NotFound),
        }
    });
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match design.await {
                    Ok(design) => view! { <Design design /> }.into_any(),
                    Err(error) => view! { <DesignError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The note a post left (`?hinweis=`), as a status or an alert.
#[component]
fn Note() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let note = query.read_untracked().get("hinweis").unwrap_or_default();
    // Only notes the texts have are shown (a made-up `hinweis` shows nothing).
    let key = format!("designer-design-note-{note}");
    i18n.try_t(&key)?;
    let trouble = !matches!(
        note.as_str(),
        "gespeichert"
            | "vorgeschlagen"
            | "zurueckgenommen"
            | "veroeffentlicht"
            | "neue-version"
            | "feld-hinzugefuegt"
            | "grunddaten"
            | "feld-geaendert"
    );
    let (class, role) = if trouble {
        ("kern-alert kern-alert--danger", "alert")
    } else {
        ("kern-alert kern-alert--success", "status")
    };
    Some(view! {
        <div class=class role=role>
            <div class="kern-alert__body">
                <p class="kern-body">{i18n.phrase(&key)}</p>
            </div>
        </div>
    })
}

#[component]
fn Design(design: DesignDetails) -> impl IntoView {
    let i18n = use_i18n();
    let summary = &design.summary;
    let heading = summary
        .title
        .clone()
        .unwrap_or_else(|| i18n.t_args("designer-unnamed", &[("id", summary.id.into())]));
    let action = design_href(summary.id);
    let file = format!("{action}/dienst.toml");
    let state = i18n.t(&format!("designer-design-state-{}", summary.state));
    let errors = design.problems.iter().filter(|p| !p.warning).count();
    let warnings = design.problems.len() - errors;
    let people = [
        ("designer-design-author", Some(design.author.clone())),
        ("designer-design-proposed-by", design.proposed_by.clone()),
        ("designer-design-published-by", design.published_by.clone()),
    ];
    view! {
        <Title text=heading.clone() />
        <p class="kern-body"><a class="kern-link" href=DESIGNS_PATH>{i18n.phrase("designer-back")}</a></p>
        <h1 class="kern-heading-x-large">{heading}</h1>
        // A refused field edit says why inside its own form.
        {(!design.outline.iter().flat_map(|s| s.fields.iter()).any(|f| f.refused)).then(|| view! { <Note /> })}
        <dl class="portal-facts">
            <dt>{i18n.phrase("designer-state")}</dt>
            <dd>{state}</dd>
            {people.into_iter().filter_map(|(key, who)| who.map(|who| view! {
                <dt>{i18n.phrase(key)}</dt>
                <dd>{who}</dd>
            })).collect_view()}
        </dl>
        <section class="portal-section" aria-labelledby="problems">
            <h2 class="kern-heading-medium" id="problems">
                {i18n.t_args("designer-design-problems", &[("errors", errors.into()), ("warnings", warnings.into())])}
            </h2>
            <Problems problems=design.problems.clone() />
        </section>
        {(!design.outline.is_empty()).then(|| view! {
            <Outline steps=design.outline.clone() problems=design.problems.clone()
                action=design.editable.then(|| action.clone()) />
        })}
        {design.editable.then(|| design.basics.clone()).flatten().map(|basics| view! {
            <BasicsForm action=action.clone() basics departments=design.departments.clone()
                bookable=design.bookable.clone() typed=design.typed.clone() />
        })}
        {design.editable.then(|| view! {
            <FieldForm action=action.clone() outline=design.outline.clone()
                conditions=design.conditions.clone() typed=design.typed.clone() />
        })}
        <form method="post" action=action.clone()>
            <input type="hidden" name="stand" value=design.stand.clone() />
            <div class="kern-form-input">
                <label class="kern-label" for="quelle">{i18n.phrase("designer-source")}</label>
                <textarea class="kern-form-input__input portal-source" id="quelle" name="quelle" rows="24"
                    spellcheck="false" readonly=!design.editable
                    aria-describedby=(errors > 0).then_some("problems")>{design.typed_source.clone().unwrap_or_else(|| design.source.clone())}</textarea>
            </div>
            <div class="portal-actions">
                {design.editable.then(|| view! {
                    <button class="kern-btn kern-btn--secondary" type="submit" name="aktion" value="speichern">
                        <span class="kern-label">{i18n.phrase("designer-design-save")}</span>
                    </button>
                })}
                {design.may_propose.then(|| view! {
                    <button class="kern-btn kern-btn--primary" type="submit" name="aktion" value="vorschlagen">
                        <span class="kern-label">{i18n.phrase("designer-design-propose")}</span>
                    </button>
                })}
                {design.may_publish.then(|| view! {
                    <button class="kern-btn kern-btn--primary" type="submit" name="aktion" value="veroeffentlichen">
                        <span class="kern-label">{i18n.phrase("designer-design-publish")}</span>
                    </button>
                })}
                {(summary.state == "proposed").then(|| view! {
                    <button class="kern-btn kern-btn--secondary" type="submit" name="aktion" value="zuruecknehmen">
                        <span class="kern-label">{i18n.phrase("designer-design-send-back")}</span>
                    </button>
                })}
                {(summary.state == "published").then(|| view! {
                    <button class="kern-btn kern-btn--secondary" type="submit" name="aktion" value="neue-version">
                        <span class="kern-label">{i18n.phrase("designer-design-new-version")}</span>
                    </button>
                })}
            </div>
        </form>
        {design.waits_for_second_person.then(|| view! {
            <p class="kern-body">{i18n.phrase("designer-design-waits")}</p>
        })}
        <p class="kern-body">
            {design.steps.then(|| view! {
                <a class="kern-link" href=preview_href(summary.id, 1, "de")>{i18n.phrase("designer-design-preview")}</a>
                " · "
            })}
            <a class="kern-link" href=file download>{i18n.phrase("designer-design-download")}</a>
            {design.service_href.map(|href| view! {
                " · "
                <a class="kern-link" href=href>{i18n.phrase("designer-design-service-page")}</a>
            })}
        </p>
    }
}

#[component]
fn Problems(problems: Vec<DesignProblem>) -> impl IntoView {
    let i18n = use_i18n();
    if problems.is_empty() {
        return view! { <p class="kern-body">{i18n.phrase("designer-design-no-problems")}</p> }
            .into_any();
    }
    view! {
        <ul class="portal-problems">
            {problems.into_iter().map(|p| {
                let kind = i18n.t(if p.warning { "designer-design-warning" } else { "designer-design-error" });
                let line = p.line.map(|line| i18n.t_args("designer-design-line", &[("line", line.into())]));
                view! {
                    <li>
                        <strong>{kind}</strong>
                        {line.map(|line| view! { " · " {line} })}
                        {(!p.place.is_empty()).then(|| view! { " · " <code>{p.place.clone()}</code> })}
                        // The checker words its findings in English, as on the command line.
                        ": " <span lang="en">{p.message}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// Whether the checker's `place` lies in `part` (`steps[0].fields[1]` holds
/// `steps[0].fields[1].show_if`, not `steps[0].fields[10]`).
fn lies_in(place: &str, part: &str) -> bool {
    place
        .strip_prefix(part)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
}

/// The steps and their fields, as an overview of the file, each with the checker's
/// findings about it.
#[component]
fn Outline(
    steps: Vec<OutlineStep>,
    problems: Vec<DesignProblem>,
    /// Where a draft's changes are posted; none for a design that is no draft.
    action: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    // Up, down and remove for the field at `place` (`<step>.<field>`), named with its
    // label for screen readers, and its texts to edit.
    let controls = move |place: String,
                         field: &OutlineField,
                         first: bool,
                         last: bool,
                         only: bool| {
        action.clone().map(|action| {
            let label = field.label.0.clone();
            let button = |how: &'static str, key: &'static str| {
                let name = i18n.t_args(key, &[("field", label.clone().into())]);
                view! {
                    <button class="kern-btn kern-btn--tertiary" type="submit" name="wie" value=how aria-label=name>
                        <span class="kern-label">{i18n.t(&format!("{key}-short"))}</span>
                    </button>
                }
            };
            let input = |name: &'static str, key: &'static str, value: String, needed: bool| {
                let id = format!("f{place}-{name}");
                view! {
                    <div class="kern-form-input">
                        <label class="kern-label" for=id.clone()>{i18n.phrase(key)}</label>
                        <input class="kern-form-input__input" type="text" id=id name=name value=value required=needed />
                    </div>
                }
            };
            let required_id = format!("f{place}-pflicht");
            view! {
                <form method="post" action=action.clone() class="portal-inline-actions">
                    <input type="hidden" name="aktion" value="feld-aendern" />
                    <input type="hidden" name="feld" value=place.clone() />
                    {(!first).then(|| button("hoch", "designer-field-up"))}
                    {(!last).then(|| button("runter", "designer-field-down"))}
                    {(!only).then(|| button("entfernen", "designer-field-remove"))}
                </form>
                <details class="portal-field-edit" id=format!("feld-{place}") open=field.refused>
                    <summary>{i18n.t_args("designer-field-edit", &[("field", label.clone().into())])}</summary>
                    {field.refused.then(|| view! { <Note /> })}
                    <form method="post" action=action class="portal-form">
                        <input type="hidden" name="aktion" value="feld-bearbeiten" />
                        <input type="hidden" name="feld" value=place.clone() />
                        {input("bezeichnung_de", "designer-field-label-de", field.label.0.clone(), true)}
                        {input("bezeichnung_en", "designer-field-label-en", field.label.1.clone(), false)}
                        {input("hinweis_de", "designer-field-hint-de", field.hint.0.clone(), false)}
                        {input("hinweis_en", "designer-field-hint-en", field.hint.1.clone(), false)}
                        {(field.kind != "info").then(|| view! {
                            <div class="kern-form-check">
                                <input class="kern-form-check__checkbox" type="checkbox" id=required_id.clone() name="pflicht" value="1"
                                    checked=field.required />
                                <label class="kern-label" for=required_id.clone()>{i18n.phrase("designer-field-required")}</label>
                            </div>
                        })}
                        <RuleInputs place=place.clone() rules=field.rules.clone() />
                        <button class="kern-btn kern-btn--secondary" type="submit">
                            <span class="kern-label">{i18n.phrase("designer-field-save")}</span>
                        </button>
                    </form>
                </details>
            }
        })
    };
    let about = move |part: String| {
        let found: Vec<_> = problems
            .iter()
            // A group's members' findings stand under each member.
            .filter(|p| lies_in(&p.place, &part) && !p.place.starts_with(&format!("{part}.fields[")))
            .map(|p| {
                let kind = i18n.t(if p.warning {
                    "designer-design-warning"
                } else {
                    "designer-design-error"
                });
                view! { <li><strong>{kind}</strong>": "<span lang="en">{p.message.clone()}</span></li> }
            })
            .collect();
        (!found.is_empty()).then(|| view! { <ul class="portal-problems">{found}</ul> })
    };
    view! {
        <section class="portal-section" aria-labelledby="outline">
            <h2 class="kern-heading-medium" id="outline">{i18n.phrase("designer-outline")}</h2>
            <ol class="portal-outline">
                {steps.into_iter().map(|step| view! {
                    <li>
                        <strong>{step.title}</strong>
                        <ul>
                            {step.fields.iter().enumerate().map(|(index, field)| {
                                let found = about(format!("steps[{}].fields[{index}]", step.number - 1));
                                let count = step.fields.len();
                                let place = format!("{}.{index}", step.number - 1);
                                let edit = controls(place, field, index == 0, index + 1 == count, count == 1);
                                // A group's fields, each with its findings (changed in the file box).
                                let members = (!field.members.is_empty()).then(|| {
                                    let group = format!("steps[{}].fields[{index}]", step.number - 1);
                                    view! {
                                        <ul>
                                            {field.members.iter().enumerate().map(|(inner, member)| {
                                                let found = about(format!("{group}.fields[{inner}]"));
                                                view! {
                                                    <li>
                                                        {member.label.0.clone()}" · "<code>{member.id.clone()}</code>" · "
                                                        {i18n.t(&format!("designer-type-{}", member.kind))}
                                                        {found}
                                                    </li>
                                                }
                                            }).collect_view()}
                                        </ul>
                                    }
                                });
                                view! {
                                    <li>
                                        {field.label.0.clone()}" · "<code>{field.id.clone()}</code>" · "
                                        {i18n.t(&format!("designer-type-{}", field.kind))}
                                        {edit}
                                        {found}
                                        {members}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
}

/// Adds a field to a step, or a new step with its first field; its condition is
/// picked from the answers of the fields there are.
#[component]
fn FieldForm(
    action: String,
    outline: Vec<OutlineStep>,
    conditions: Vec<ConditionChoice>,
    typed: Vec<(String, String)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let kept = move |name: &str| {
        typed
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
            .unwrap_or_default()
    };
    let step = kept("schritt");
    let kind = kept("art");
    let condition = kept("bedingung");
    let text_input = move |name: &'static str, label: &'static str, value: String| {
        let id = format!("neu-{name}");
        view! {
            <div class="kern-form-input">
                <label class="kern-label" for=id.clone()>{i18n.phrase(label)}</label>
                <input class="kern-form-input__input" type="text" id=id name=name value=value />
            </div>
        }
    };
    view! {
        <section class="portal-section" aria-labelledby="neues-feld">
            <h2 class="kern-heading-medium" id="neues-feld" tabindex="-1">{i18n.phrase("designer-field-title")}</h2>
            <form method="post" action=action class="portal-form">
                <input type="hidden" name="aktion" value="feld-hinzufuegen" />
                <div class="kern-form-input">
                    <label class="kern-label" for="neu-schritt">{i18n.phrase("designer-field-step")}</label>
                    <div class="kern-form-input__select-wrapper">
                    <select class="kern-form-input__select" id="neu-schritt" name="schritt">
                        {outline.iter().map(|s| {
                            let value = s.number.to_string();
                            let selected = value == step;
                            view! { <option value=value selected=selected>{format!("{}. {}", s.number, s.title)}</option> }
                        }).collect_view()}
                        {outline.iter().flat_map(|s| {
                            s.fields.iter().filter(|f| f.kind == "group").map(|group| {
                                let value = format!("{}/{}", s.number, group.id);
                                let selected = value == step;
                                let caption = i18n.t_args("designer-field-in-group", &[
                                    ("step", s.number.into()),
                                    ("group", group.label.0.clone().into()),
                                ]);
                                view! { <option value=value selected=selected>{caption}</option> }
                            }).collect::<Vec<_>>()
                        }).collect_view()}
                        <option value="neu" selected=step == "neu">{i18n.t("designer-field-new-step")}</option>
                    </select>
                    </div>
                </div>
                {text_input("schritt_titel_de", "designer-field-step-title-de", kept("schritt_titel_de"))}
                {text_input("schritt_titel_en", "designer-field-step-title-en", kept("schritt_titel_en"))}
                <div class="kern-form-input">
                    <label class="kern-label" for="neu-art">{i18n.phrase("designer-field-type")}</label>
                    <div class="kern-form-input__select-wrapper">
                    <select class="kern-form-input__select" id="neu-art" name="art">
                        {DESIGNABLE_TYPES.into_iter().map(|t| view! {
                            <option value=t selected=t == kind>{i18n.t(&format!("designer-type-{t}"))}</option>
                        }).collect_view()}
                    </select>
                    </div>
                </div>
                <div class="kern-form-input">
                    <label class="kern-label" for="neu-kennung">{i18n.phrase("designer-field-id")}</label>
                    <div class="kern-hint" id="neu-kennung-hint">{i18n.phrase("designer-field-id-hint")}</div>
                    <input class="kern-form-input__input" type="text" id="neu-kennung" name="kennung"
                        aria-describedby="neu-kennung-hint" value=kept("kennung") />
                </div>
                {text_input("bezeichnung_de", "designer-field-label-de", kept("bezeichnung_de"))}
                {text_input("bezeichnung_en", "designer-field-label-en", kept("bezeichnung_en"))}
                {text_input("hinweis_de", "designer-field-hint-de", kept("hinweis_de"))}
                {text_input("hinweis_en", "designer-field-hint-en", kept("hinweis_en"))}
                <div class="kern-form-check">
                    <input class="kern-form-check__checkbox" type="checkbox" id="neu-pflicht" name="pflicht" value="1"
                        checked=kept("pflicht") == "1" />
                    <label class="kern-label" for="neu-pflicht">{i18n.phrase("designer-field-required")}</label>
                </div>
                <div class="kern-form-input">
                    <label class="kern-label" for="neu-optionen">{i18n.phrase("designer-field-options")}</label>
                    <div class="kern-hint" id="neu-optionen-hint">{i18n.phrase("designer-field-options-hint")}</div>
                    <textarea class="kern-form-input__input portal-options" id="neu-optionen" name="optionen" rows="4"
                        aria-describedby="neu-optionen-hint">{kept("optionen")}</textarea>
                </div>
                <div class="kern-form-input">
                    <label class="kern-label" for="neu-bedingung">{i18n.phrase("designer-field-condition")}</label>
                    <div class="kern-form-input__select-wrapper">
                    <select class="kern-form-input__select" id="neu-bedingung" name="bedingung">
                        <option value="">{i18n.t("designer-field-always")}</option>
                        {conditions.into_iter().map(|c| {
                            let value = if c.value_is_key { i18n.t(&format!("forms-{}", c.value)) } else { c.value };
                            let label = i18n.t_args("designer-field-when", &[
                                ("step", c.step.into()),
                                ("field", c.field_label.into()),
                                ("value", value.into()),
                            ]);
                            let selected = c.key == condition;
                            view! { <option value=c.key selected=selected>{label}</option> }
                        }).collect_view()}
                    </select>
                    </div>
                </div>
                <button class="kern-btn kern-btn--primary" type="submit">
                    <span class="kern-label">{i18n.phrase("designer-field-add")}</span>
                </button>
            </form>
        </section>
    }
}

/// The service's basic facts: title, summary, description in German and English, the
/// level of assurance and the department (one of the person's).
#[component]
fn BasicsForm(
    action: String,
    basics: BasicsView,
    departments: Vec<String>,
    bookable: Vec<(String, String)>,
    typed: Vec<(String, String)>,
) -> impl IntoView {
    let i18n = use_i18n();
    // After a refusal the form shows what was typed, else the file's values.
    let refused = typed.iter().any(|(key, _)| key == "titel_de");
    let value = move |key: &str, from_file: &str| {
        if refused {
            typed
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        } else {
            from_file.to_owned()
        }
    };
    let pairs = [
        (
            "titel",
            "designer-basics-title",
            basics.title.clone(),
            false,
        ),
        (
            "kurz",
            "designer-basics-summary",
            basics.summary.clone(),
            true,
        ),
        ("was", "designer-basics-what", basics.what.clone(), true),
        ("wer", "designer-basics-who", basics.who.clone(), true),
    ];
    let level = value("niveau", &basics.level);
    let department = value("referat", &basics.department);
    let days = value("bearbeitungstage", &basics.processing_days);
    let appointment = value("termin", &basics.appointment);
    let four_eyes = if refused {
        value("vieraugen", "") == "1"
    } else {
        basics.four_eyes
    };
    // A service the catalogue no longer books stays selectable, so saving keeps it
    // visible rather than dropping it unseen.
    let offer_appointment = !bookable.is_empty() || !appointment.is_empty();
    let inputs = pairs
        .into_iter()
        .flat_map(|(name, label, (de, en), long)| {
            [("de", de), ("en", en)].map(|(language, text)| {
                let key = format!("{name}_{language}");
                let id = format!("grund-{key}");
                let text = value(&key, &text);
                let caption = i18n.t_args(label, &[("language", i18n.t(&format!("designer-in-{language}")).into())]);
                let input = if long {
                    view! { <textarea class="kern-form-input__input" id=id.clone() name=key rows="2">{text}</textarea> }.into_any()
                } else {
                    view! { <input class="kern-form-input__input" type="text" id=id.clone() name=key value=text /> }.into_any()
                };
                view! {
                    <div class="kern-form-input">
                        <label class="kern-label" for=id>{caption}</label>
                        {input}
                    </div>
                }
            })
        })
        .collect_view();
    view! {
        <section class="portal-section" aria-labelledby="grunddaten">
            <h2 class="kern-heading-medium" id="grunddaten" tabindex="-1">{i18n.phrase("designer-basics")}</h2>
            <form method="post" action=action class="portal-form">
                <input type="hidden" name="aktion" value="grunddaten" />
                {inputs}
                <div class="kern-form-input">
                    <label class="kern-label" for="grund-niveau">{i18n.phrase("designer-basics-level")}</label>
                    <div class="kern-form-input__select-wrapper">
                    <select class="kern-form-input__select" id="grund-niveau" name="niveau">
                        {kernel::Level::ALL.into_iter().map(|l| view! {
                            <option value=l.as_str() selected=l.as_str() == level>{i18n.t(&format!("designer-level-{}", l.as_str()))}</option>
                        }).collect_view()}
                    </select>
                    </div>
                </div>
                <div class="kern-form-input">
                    <label class="kern-label" for="grund-referat">{i18n.phrase("designer-basics-department")}</label>
                    <div class="kern-form-input__select-wrapper">
                    <select class="kern-form-input__select" id="grund-referat" name="referat">
                        {departments.into_iter().map(|d| {
                            let selected = d == department;
                            view! { <option value=d.clone() selected=selected>{d.to_uppercase()}</option> }
                        }).collect_view()}
                    </select>
                    </div>
                </div>
                <div class="kern-form-input">
                    <label class="kern-label" for="grund-tage">{i18n.phrase("designer-basics-days")}</label>
                    <div class="kern-hint" id="grund-tage-hint">{i18n.phrase("designer-basics-days-hint")}</div>
                    <input class="kern-form-input__input" type="text" inputmode="numeric" id="grund-tage"
                        name="bearbeitungstage" value=days aria-describedby="grund-tage-hint" />
                </div>
                <div class="kern-form-check">
                    <input class="kern-form-check__checkbox" type="checkbox" id="grund-vieraugen" name="vieraugen"
                        value="1" checked=four_eyes aria-describedby="grund-vieraugen-hint" />
                    <label class="kern-label" for="grund-vieraugen">{i18n.phrase("designer-basics-four-eyes")}</label>
                </div>
                <div class="kern-hint" id="grund-vieraugen-hint">{i18n.phrase("designer-basics-four-eyes-hint")}</div>
                {offer_appointment.then(|| view! {
                    <div class="kern-form-input">
                        <label class="kern-label" for="grund-termin">{i18n.phrase("designer-basics-appointment")}</label>
                        <div class="kern-hint" id="grund-termin-hint">{i18n.phrase("designer-basics-appointment-hint")}</div>
                        <div class="kern-form-input__select-wrapper">
                        <select class="kern-form-input__select" id="grund-termin" name="termin" aria-describedby="grund-termin-hint">
                            <option value="" selected=appointment.is_empty()>{i18n.t("designer-basics-no-appointment")}</option>
                            {(!appointment.is_empty() && !bookable.iter().any(|(id, _)| *id == appointment)).then(|| view! {
                                <option value=appointment.clone() selected=true>{appointment.clone()}</option>
                            })}
                            {bookable.iter().map(|(id, name)| view! {
                                <option value=id.clone() selected=*id == appointment>{name.clone()}</option>
                            }).collect_view()}
                        </select>
                        </div>
                    </div>
                })}
                <button class="kern-btn kern-btn--secondary" type="submit">
                    <span class="kern-label">{i18n.phrase("designer-basics-save")}</span>
                </button>
            </form>
        </section>
    }
}
