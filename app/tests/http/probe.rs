//! A module that exists only in the tests: routes guarded by the kernel's access
//! mechanism, as a real module would guard its own, and a case intake that records
//! what it is handed (and refuses dog registrations, to show that a refusing intake
//! undoes the submission).

use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use axum::Extension;
use kernel::{
    AppError, Identity, Level, ModuleContext, Requirement, Role, ServiceModule,
    access::protect,
    intake::{CaseIntake, FiledRequest},
    routes::Routes,
};
use sea_orm::DatabaseTransaction;

pub struct ProbeModule;

/// Every request any test portal took in, by submission id.
pub static TAKEN_IN: Mutex<Vec<FiledRequest>> = Mutex::new(Vec::new());

struct RecordingIntake;

#[async_trait]
impl CaseIntake for RecordingIntake {
    async fn intake(
        &self,
        _txn: &DatabaseTransaction,
        request: &FiledRequest,
    ) -> Result<(), AppError> {
        if request.service_id == "hundeanmeldung" {
            return Err(AppError::internal("the probe intake refuses dogs"));
        }
        TAKEN_IN.lock().unwrap().push(request.clone());
        Ok(())
    }
}

/// Who the guarded routes saw.
async fn who(Extension(identity): Extension<Identity>) -> String {
    format!(
        "{} {:?}",
        identity.subject.unwrap_or_default(),
        identity.level
    )
}

#[async_trait]
impl ServiceModule for ProbeModule {
    fn id(&self) -> &'static str {
        "probe"
    }

    fn router(&self, _ctx: &ModuleContext) -> Routes {
        let substantial = protect(
            Routes::new().get("/probe/substantial", who),
            Requirement::signed_in().at_level(Level::Substantial),
        );
        let staff = protect(
            Routes::new().get("/probe/staff", who),
            Requirement::any_role(&[Role::Caseworker, Role::DepartmentAdmin]),
        );
        substantial.merge(staff)
    }

    fn build(&self, module: &mut kernel::ModuleBuilder<'_>) {
        module.contribute::<dyn CaseIntake>(Arc::new(RecordingIntake));
    }
}
