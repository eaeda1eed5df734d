//! A module that exists only in the tests: routes guarded by the kernel's access
//! mechanism, as a real module would guard its own.

use async_trait::async_trait;
use axum::{Extension, Router, routing::get};
use kernel::{Identity, Level, ModuleContext, Requirement, Role, ServiceModule, access::protect};

pub struct ProbeModule;

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

    fn router(&self, _ctx: &ModuleContext) -> Router {
        let substantial = protect(
            Router::new().route("/probe/substantial", get(who)),
            Requirement::signed_in().at_level(Level::Substantial),
        );
        let staff = protect(
            Router::new().route("/probe/staff", get(who)),
            Requirement::any_role(&[Role::Caseworker, Role::DepartmentAdmin]),
        );
        substantial.merge(staff)
    }
}
