//! Where a citizen's requests stand, for "my requests": the state in plain language
//! (a process may word it its own way), the last change, and what to do now.

use async_trait::async_trait;
use kernel::{
    AppError, I18n,
    intake::{CaseTracker, Tracked},
};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::{
    case::Case, entity::case, lifecycle::State, loader::LoadedProcesses, process::Process,
};

/// The state of `case` as its citizen reads it: the process's own label, or the
/// portal's wording for citizens (`cases-citizen-state-*`), never the staff's.
pub fn citizen_state(i18n: &I18n, process: &Process, state: State) -> String {
    process
        .definition
        .labels
        .get(&state)
        .map(|text| text.get(i18n.locale).to_owned())
        .unwrap_or_else(|| {
            i18n.t(&format!(
                "cases-citizen-state-{}",
                state.as_str().replace('_', "-")
            ))
        })
}

/// What the citizen has to do for a case in `state`, if anything.
pub fn next_step(i18n: &I18n, state: State) -> Option<String> {
    (state == State::WaitingForCitizen).then(|| i18n.t("cases-next-answer"))
}

/// The citizen's page of case `id`.
pub fn citizen_page(id: &str) -> String {
    format!("/vorgaenge/{id}")
}

/// The cases module's [`CaseTracker`].
#[derive(Debug)]
pub struct CitizenTracker {
    processes: LoadedProcesses,
}

impl CitizenTracker {
    /// A tracker wording states by `processes`.
    pub fn new(processes: LoadedProcesses) -> Self {
        Self { processes }
    }
}

#[async_trait]
impl CaseTracker for CitizenTracker {
    async fn track(
        &self,
        db: &DatabaseConnection,
        owner: &str,
        submission_ids: &[String],
        i18n: I18n,
    ) -> Result<Vec<Tracked>, AppError> {
        let rows = case::Entity::find()
            .filter(case::Column::Owner.eq(owner))
            .filter(case::Column::SubmissionId.is_in(submission_ids.iter().cloned()))
            .all(db)
            .await?;
        let mut tracked = Vec::with_capacity(rows.len());
        for row in rows {
            let case = Case::try_from(row)?;
            let process = self.processes.get().for_service(&case.service_id);
            tracked.push(Tracked {
                state: citizen_state(&i18n, &process, case.state),
                next: next_step(&i18n, case.state),
                href: citizen_page(&case.id),
                changed: case.updated_at,
                closed: case.state.is_final() || case.state == crate::lifecycle::State::Decided,
                due: case.due_at,
                submission_id: case.submission_id,
            });
        }
        Ok(tracked)
    }
}
