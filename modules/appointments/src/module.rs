//! The module's registration with the host.

use kernel::{ModuleBuilder, ServiceModule};

use crate::MODULE_ID;

/// Appointments at the city's offices.
#[derive(Debug, Default)]
pub struct AppointmentsModule;

impl ServiceModule for AppointmentsModule {
    fn id(&self) -> &'static str {
        MODULE_ID
    }

    fn build(&self, module: &mut ModuleBuilder<'_>) {
        module.migrations(vec![Box::new(
            crate::m20261206_000001_appointments_booking::Migration,
        )]);
    }
}
