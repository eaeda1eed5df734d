//! What the designer's pages show: a department administrator's designs, and one
//! design with every problem the checker finds in it and what may be done next.

use kernel::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The designer's list page.
pub const DESIGNS_PATH: &str = "/dienststelle/entwuerfe";

/// The page of design `id`.
pub fn design_href(id: i32) -> String {
    format!("{DESIGNS_PATH}/{id}")
}

/// The preview of step `number` (from 1) of design `id`, in `language` (`de`, `en`).
pub fn preview_href(id: i32, number: usize, language: &str) -> String {
    format!("{DESIGNS_PATH}/{id}/vorschau/{number}?sprache={language}")
}

/// The kinds of fields the designer's form adds (a repeatable group first empty, then
/// its fields added into it).
pub const DESIGNABLE_TYPES: [&str; 17] = [
    "text",
    "textarea",
    "number",
    "amount",
    "date",
    "email",
    "phone",
    "postcode",
    "iban",
    "choice",
    "multi_choice",
    "yes_no",
    "declaration",
    "address",
    "file",
    "group",
    "info",
];

/// The basic facts of a design, as its form shows them (English empty where none).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BasicsView {
    /// Title, German and English.
    pub title: (String, String),
    /// Summary, German and English.
    pub summary: (String, String),
    /// What the service is, German and English.
    pub what: (String, String),
    /// Who may apply, German and English.
    pub who: (String, String),
    /// `low`, `substantial` or `high`.
    pub level: String,
    /// The department's id.
    pub department: String,
    /// Target processing time in days; empty for none.
    pub processing_days: String,
    /// The catalogue service booked after filing; empty for none.
    pub appointment: String,
    /// A second caseworker confirms every decision.
    pub four_eyes: bool,
}

/// A step of a design in its outline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutlineStep {
    /// From 1.
    pub number: usize,
    /// German title.
    pub title: String,
    /// Its fields.
    pub fields: Vec<OutlineField>,
}

/// A field of a design in its outline, with what its edit form shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutlineField {
    /// Its id.
    pub id: String,
    /// Its kind (`yes_no`, …).
    pub kind: String,
    /// Label (an information text's text), German and English (empty where none).
    pub label: (String, String),
    /// Hint, German and English (empty where none).
    pub hint: (String, String),
    /// An answer is needed.
    pub required: bool,
    /// The rules its kind can be given, with what it has now.
    pub rules: Vec<crate::design_rules::RuleValue>,
    /// Its edit form was refused: it opens again with what was typed.
    pub refused: bool,
    /// A repeatable group's fields (shown, changed in the file box).
    pub members: Vec<OutlineField>,
}

/// An answer a new field's condition can pick: a field of a step and a value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConditionChoice {
    /// The step (from 1) the field is on.
    pub step: usize,
    /// `field=value`, as the form sends it.
    pub key: String,
    /// The field's German label.
    pub field_label: String,
    /// The value as citizens see it (a yes/no answer's key is `yes`/`no`).
    pub value: String,
    /// Whether `value` is a text key (yes/no) rather than an option's label.
    pub value_is_key: bool,
}

/// One step of a design as citizens will see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PreviewStep {
    /// The design's row id.
    pub design: i32,
    /// The service's title.
    pub service: crate::definition::Text,
    /// The step (from 1) and the number of steps.
    pub number: usize,
    /// Number of steps.
    pub count: usize,
    /// The step's definition.
    pub step: crate::definition::Step,
    /// Fields hidden by their condition while nothing is answered.
    pub hidden: Vec<String>,
}

/// A design in the list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DesignSummary {
    /// Row id.
    pub id: i32,
    /// The service's German title, once the file parses.
    pub title: Option<String>,
    /// The service's id, once the file parses.
    pub service_id: Option<String>,
    /// `draft`, `proposed`, `published` or `replaced`.
    pub state: String,
    /// Last change, as the city reads it.
    pub changed: String,
}

/// One problem of a design, where the checker places it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DesignProblem {
    /// Line of the file, where known.
    pub line: Option<usize>,
    /// Place in the definition, e.g. `steps[1].fields[0].show_if`.
    pub place: String,
    /// What is wrong (the checker's words).
    pub message: String,
    /// Legal but likely wrong.
    pub warning: bool,
}

/// One design with what the checker says and what may be done now.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DesignDetails {
    /// The summary.
    pub summary: DesignSummary,
    /// The file (repository format).
    pub source: String,
    /// Which text of the file the page shows ([`crate::designs::fingerprint`]), so a
    /// save does not overwrite one made meanwhile.
    pub stand: String,
    /// The author's text of the file box when saving it was refused because someone
    /// saved meanwhile: shown instead of the saved one, so nothing typed is lost.
    pub typed_source: Option<String>,
    /// Who wrote it.
    pub author: String,
    /// Who proposed it for publication.
    pub proposed_by: Option<String>,
    /// Who published it.
    pub published_by: Option<String>,
    /// Every problem, errors first.
    pub problems: Vec<DesignProblem>,
    /// A draft: the file can be changed.
    pub editable: bool,
    /// A draft without errors, of one of the person's departments.
    pub may_propose: bool,
    /// Proposed by someone else, without errors: the person may publish it.
    pub may_publish: bool,
    /// Proposed by the person: a second administrator publishes it.
    pub waits_for_second_person: bool,
    /// Published: a new version can be begun from it; the service's page.
    pub service_href: Option<String>,
    /// The file parses and has steps: they can be previewed.
    pub steps: bool,
    /// The steps and their fields, where the file parses.
    pub outline: Vec<OutlineStep>,
    /// What a new field's condition can pick.
    pub conditions: Vec<ConditionChoice>,
    /// What the author typed into the field form when it was refused (kept).
    pub typed: Vec<(String, String)>,
    /// The basic facts, where the file parses.
    pub basics: Option<BasicsView>,
    /// The departments the person administers (a service can be given to any of them).
    pub departments: Vec<String>,
    /// The services of the catalogue an appointment can be booked for after filing:
    /// id and German name (empty where nothing is bookable or the design is no draft).
    pub bookable: Vec<(String, String)>,
}

/// The designs the signed-in administrator may work on.
#[server(endpoint = "forms/designs")]
pub async fn my_designs() -> Result<Vec<DesignSummary>, AppError> {
    let identity = ssr::administrator()?;
    let ctx = crate::services::ssr::context()?;
    let designs = crate::designs::visible_to(&ctx.db, &identity).await?;
    Ok(designs.iter().map(ssr::summary).collect())
}

/// Design `id`, checked now.
#[server(endpoint = "forms/design")]
pub async fn one_design(id: i32) -> Result<DesignDetails, AppError> {
    let identity = ssr::administrator()?;
    let ctx = crate::services::ssr::context()?;
    let state = crate::services::ssr::state()?;
    let design = crate::designs::find_for(&ctx.db, id, &identity).await?;
    let typed = match leptos_axum::extract::<tower_sessions::Session>().await {
        Ok(session) => crate::design_typed::take(&session, id).await,
        Err(_) => Vec::new(),
    };
    let bookable = if design.state == crate::designs::DRAFT {
        ssr::bookable(&ctx).await
    } else {
        Vec::new()
    };
    Ok(ssr::details(&state, &identity, design, typed, bookable))
}

/// Step `number` (from 1) of design `id`, when its file parses.
#[server(endpoint = "forms/design-step")]
pub async fn design_step(id: i32, number: usize) -> Result<PreviewStep, AppError> {
    let identity = ssr::administrator()?;
    let ctx = crate::services::ssr::context()?;
    let design = crate::designs::find_for(&ctx.db, id, &identity).await?;
    let service = crate::loader::parse(std::path::Path::new(""), &design.source)
        .map_err(|_| AppError::Conflict("fehler".into()))?;
    let definition = &service.definition;
    let index = number.checked_sub(1).ok_or(AppError::NotFound)?;
    let step = definition.steps.get(index).ok_or(AppError::NotFound)?;
    let nothing = crate::answers::Answers::default();
    Ok(PreviewStep {
        design: id,
        service: definition.title.clone(),
        number,
        count: definition.steps.len(),
        step: step.clone(),
        hidden: crate::validate::hidden_fields(
            definition,
            index,
            &nothing,
            crate::formats::today(),
        ),
    })
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use kernel::{AppError, Identity, Requirement, Role};

    use super::{
        BasicsView, ConditionChoice, DesignDetails, DesignProblem, DesignSummary, OutlineField,
        OutlineStep,
    };
    use crate::definition::ServiceDefinition;
    use crate::{
        designs::{self, DRAFT, Design, PROPOSED, PUBLISHED},
        loader::{LoadProblem, LoadedService},
        state::FormsState,
    };

    /// The signed-in department administrator.
    pub fn administrator() -> Result<Identity, AppError> {
        kernel::access::authorize(&Requirement::any_role(&[Role::DepartmentAdmin]))
    }

    pub fn summary(design: &Design) -> DesignSummary {
        let title = crate::loader::parse(std::path::Path::new(""), &design.source)
            .ok()
            .map(|s| s.definition.title.get(kernel::Locale::DE).to_owned());
        DesignSummary {
            id: design.id,
            title,
            service_id: design.service_id.clone(),
            state: design.state.clone(),
            changed: crate::formats::local_time(design.changed_at)
                .format("%d.%m.%Y %H:%M")
                .to_string(),
        }
    }

    /// `design` checked against the services published now.
    pub fn checked(
        state: &FormsState,
        design: &Design,
    ) -> (Option<LoadedService>, Vec<LoadProblem>) {
        let published = state.published();
        let others = state.others(&published.catalogue);
        designs::checked(design.id, &design.source, &others)
    }

    /// A text's German and English (empty where none).
    fn two(text: &kernel::Text) -> (String, String) {
        (
            text.de().to_owned(),
            text.written_in(kernel::Locale::EN)
                .unwrap_or_default()
                .to_owned(),
        )
    }

    fn basics(definition: &ServiceDefinition) -> BasicsView {
        BasicsView {
            title: two(&definition.title),
            summary: two(&definition.summary),
            what: two(&definition.description.what),
            who: two(&definition.description.who),
            level: definition.level.as_str().to_owned(),
            department: definition.department.clone(),
            processing_days: definition
                .processing_days
                .map(|d| d.to_string())
                .unwrap_or_default(),
            appointment: definition.appointment.clone().unwrap_or_default(),
            four_eyes: definition.four_eyes,
        }
    }

    fn outline(definition: &ServiceDefinition) -> Vec<OutlineStep> {
        definition
            .steps
            .iter()
            .enumerate()
            .map(|(index, step)| OutlineStep {
                number: index + 1,
                title: step.title.de().to_owned(),
                fields: step.fields.iter().map(outline_field).collect(),
            })
            .collect()
    }

    fn outline_field(f: &crate::definition::Field) -> OutlineField {
        OutlineField {
            id: f.id.clone(),
            kind: crate::check::type_name(f.kind),
            label: f
                .label
                .as_ref()
                .or(f.text.as_ref())
                .map(two)
                .unwrap_or_default(),
            hint: f.hint.as_ref().map(two).unwrap_or_default(),
            required: f.required,
            rules: crate::design_rules::rule_values(f),
            refused: false,
            members: f.fields.iter().map(outline_field).collect(),
        }
    }

    fn conditions(definition: &ServiceDefinition) -> Vec<ConditionChoice> {
        let de = kernel::Locale::DE;
        let mut all = Vec::new();
        for (index, step) in definition.steps.iter().enumerate() {
            for field in &step.fields {
                let field_label = field
                    .label
                    .as_ref()
                    .map(|l| l.get(de).to_owned())
                    .unwrap_or_else(|| field.id.clone());
                for value in crate::design_edit::condition_values(field) {
                    let option = field.options.iter().find(|o| o.value == value);
                    all.push(ConditionChoice {
                        step: index + 1,
                        key: format!("{}={value}", field.id),
                        field_label: field_label.clone(),
                        value: option.map_or_else(|| value.clone(), |o| o.label.get(de).to_owned()),
                        value_is_key: option.is_none(),
                    });
                }
            }
        }
        all
    }

    /// A refused edit of a field (`typed` from its form) shown in that field's form
    /// again; other forms' typed values are given back for their forms.
    fn reopen_refused_edit(
        outline: &mut [OutlineStep],
        typed: Vec<(String, String)>,
    ) -> Vec<(String, String)> {
        let get = |key: &str| {
            typed
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        if get("aktion") != "feld-bearbeiten" {
            return typed;
        }
        let place = get("feld");
        let field = place.split_once('.').and_then(|(step, field)| {
            let step = outline.get_mut(step.parse::<usize>().ok()?)?;
            step.fields.get_mut(field.parse::<usize>().ok()?)
        });
        if let Some(field) = field {
            field.label = (get("bezeichnung_de"), get("bezeichnung_en"));
            field.hint = (get("hinweis_de"), get("hinweis_en"));
            field.required = get("pflicht") == "1";
            for rule in &mut field.rules {
                rule.value = get(&rule.key);
            }
            field.refused = true;
        }
        Vec::new()
    }

    /// The catalogue's bookable services, id and German name; none where no module
    /// books appointments or the catalogue cannot be read.
    pub async fn bookable(ctx: &kernel::ModuleContext) -> Vec<(String, String)> {
        let Some(catalogue) = ctx.get::<dyn kernel::booking::BookingCatalogue>() else {
            return Vec::new();
        };
        match catalogue.services(ctx, "de").await {
            Ok(services) => services.into_iter().map(|s| (s.id, s.name)).collect(),
            Err(error) => {
                tracing::warn!(%error, "the bookable services could not be read");
                Vec::new()
            }
        }
    }

    pub fn details(
        state: &FormsState,
        identity: &Identity,
        design: Design,
        typed: Vec<(String, String)>,
        bookable: Vec<(String, String)>,
    ) -> DesignDetails {
        let (service, mut problems) = checked(state, &design);
        problems.sort_by_key(|p| (p.warning, p.line));
        let errors = problems.iter().filter(|p| !p.warning).count();
        let own_department = service
            .as_ref()
            .is_some_and(|s| identity.departments.contains(&s.definition.department));
        let me = identity.subject.as_deref();
        let proposed_by_me = design.proposed_by_subject.as_deref() == me;
        let mut outline = service
            .as_ref()
            .map(|s| outline(&s.definition))
            .unwrap_or_default();
        let mut typed = reopen_refused_edit(&mut outline, typed);
        let typed_source = typed
            .iter()
            .position(|(key, _)| key == crate::design_typed::SOURCE)
            .map(|at| typed.remove(at).1);
        DesignDetails {
            summary: summary(&design),
            author: design.author_name.clone(),
            proposed_by: design.proposed_by_name.clone(),
            published_by: design.published_by_name.clone(),
            problems: problems
                .into_iter()
                .map(|p| DesignProblem {
                    line: p.line,
                    place: p.path,
                    message: p.message,
                    warning: p.warning,
                })
                .collect(),
            editable: design.state == DRAFT,
            may_propose: design.state == DRAFT && errors == 0 && own_department,
            may_publish: design.state == PROPOSED
                && errors == 0
                && own_department
                && !proposed_by_me,
            waits_for_second_person: design.state == PROPOSED && proposed_by_me,
            steps: service
                .as_ref()
                .is_some_and(|s| !s.definition.steps.is_empty()),
            outline,
            conditions: service
                .as_ref()
                .map(|s| conditions(&s.definition))
                .unwrap_or_default(),
            typed,
            basics: service.as_ref().map(|s| basics(&s.definition)),
            departments: identity.departments.clone(),
            bookable,
            service_href: service
                .filter(|_| design.state == PUBLISHED)
                .map(|s| format!("/leistungen/{}", s.definition.slug)),
            stand: crate::designs::fingerprint(&design.source),
            typed_source,
            source: design.source,
        }
    }
}
