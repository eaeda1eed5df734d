//! The module's registration with the host.

use std::sync::{Arc, OnceLock};

use kernel::{ModuleBuilder, ModuleContext, ServiceModule, start::StartResult};

use crate::{MODULE_ID, schedule::ScheduleFile, settings::AppointmentsConfig};

/// Appointments at the city's offices.
#[derive(Debug, Default)]
pub struct AppointmentsModule {
    /// The schedule, read at start.
    schedule: Arc<OnceLock<Arc<ScheduleFile>>>,
}

impl ServiceModule for AppointmentsModule {
    fn id(&self) -> &'static str {
        MODULE_ID
    }

    fn build(&self, module: &mut ModuleBuilder<'_>) {
        module.settings::<AppointmentsConfig>();
        module.migrations(vec![Box::new(
            crate::m20261206_000001_appointments_booking::Migration,
        )]);
        let schedule = Arc::clone(&self.schedule);
        module.on_start(move |ctx| start(Arc::clone(&schedule), ctx));
        module.while_serving(|ctx| async move {
            tokio::spawn(release_holds(ctx));
            Ok(())
        });
    }
}

/// How often holds that ran out are looked for.
const RELEASE_EVERY: std::time::Duration = std::time::Duration::from_secs(30);

/// Gives the slots of holds that ran out back, every [`RELEASE_EVERY`]. Several
/// portal processes may do it at once: each hold is released once.
async fn release_holds(ctx: ModuleContext) {
    let mut every = tokio::time::interval(RELEASE_EVERY);
    loop {
        every.tick().await;
        let now = chrono::Utc::now().timestamp();
        match crate::book::release_expired(&ctx.db, now).await {
            Ok(0) => {}
            Ok(released) => tracing::info!(released, "appointment holds ran out"),
            Err(error) => tracing::warn!(%error, "appointment holds: cannot release"),
        }
    }
}

/// Reads the schedule file, refusing to start while it has an error (naming it).
async fn start(schedule: Arc<OnceLock<Arc<ScheduleFile>>>, ctx: ModuleContext) -> StartResult {
    let config: AppointmentsConfig = ctx.section(MODULE_ID)?;
    let file = config.schedule()?;
    tracing::info!(
        offices = file.offices.len(),
        closures = file.closures.len(),
        "appointment schedule read"
    );
    let _ = schedule.set(Arc::new(file));
    Ok(())
}
