//! The module's registration with the host.

use std::sync::{Arc, OnceLock};

use kernel::{
    Label, ModuleBuilder, ModuleContext, NavEntry, ServiceModule,
    catalogue::{CatalogueSource, Tile},
    routes::Routes,
    start::{Context as _, StartResult},
};

use crate::{MODULE_ID, citizen::Desk, settings::AppointmentsConfig};

/// Appointments at the city's offices.
#[derive(Debug, Default)]
pub struct AppointmentsModule {
    /// The schedule and what the pages share, made at start.
    desk: Arc<OnceLock<Arc<Desk>>>,
}

impl ServiceModule for AppointmentsModule {
    fn id(&self) -> &'static str {
        MODULE_ID
    }

    fn build(&self, module: &mut ModuleBuilder<'_>) {
        module.settings::<AppointmentsConfig>();
        module.migrations(vec![
            Box::new(crate::m20261206_000001_appointments_booking::Migration),
            Box::new(crate::m20261206_000002_appointments_citizen::Migration),
            Box::new(crate::m20261206_000003_appointments_block::Migration),
            Box::new(crate::m20261206_000004_appointments_request::Migration),
            Box::new(crate::m20261206_000005_appointments_proof::Migration),
        ]);
        module.navigation(|identity| {
            let mut entries = vec![NavEntry {
                href: "/termine".into(),
                label: Label::key("appointments-nav"),
                order: 12,
            }];
            if identity.roles.contains(&kernel::Role::Caseworker) {
                entries.push(NavEntry {
                    href: "/termine/dienststelle".into(),
                    label: Label::key("appointments-staff-nav"),
                    order: 32,
                });
            }
            entries
        });
        module.guarded_page(
            "/termine/dienststelle",
            kernel::Requirement::any_role(&[kernel::Role::Caseworker]),
        );
        module.contribute::<dyn CatalogueSource>(Arc::new(Tile::new(
            MODULE_ID,
            "/termine",
            "appointments-title",
            "appointments-summary",
        )));
        module.provide::<dyn kernel::booking::BookingPages>(Arc::new(ChoicePages));
        module
            .contribute::<dyn kernel::retention::Retention>(Arc::new(crate::keeping::Appointments));
        module.contribute::<dyn kernel::personal_data::PersonalData>(Arc::new(
            crate::keeping::Appointments,
        ));
        module.provide::<dyn kernel::booking::RequestAppointments>(Arc::new(
            crate::for_requests::BookedForRequests(Arc::clone(&self.desk)),
        ));
        module.contribute::<dyn kernel::overview::PersonalOverview>(Arc::new(
            crate::overview::ComingAppointments(Arc::clone(&self.desk)),
        ));
        let desk = Arc::clone(&self.desk);
        module.on_start(move |ctx| start(Arc::clone(&desk), ctx));
        let desk = Arc::clone(&self.desk);
        module.routes(move |ctx| match desk.get() {
            Some(desk) => crate::flow::router(Arc::clone(desk), ctx)
                .merge(crate::staff_flow::router(Arc::clone(desk), ctx)),
            None => Routes::new(),
        });
        let desk = Arc::clone(&self.desk);
        module.public_api(
            {
                use utoipa::OpenApi as _;
                crate::api::AppointmentsApi::openapi()
            },
            move |ctx| match desk.get() {
                Some(desk) => crate::api::router(Arc::clone(desk), ctx),
                None => Routes::new(),
            },
        );
        let desk = Arc::clone(&self.desk);
        module.api(
            {
                use utoipa::OpenApi as _;
                crate::staff_api::StaffApi::openapi()
            },
            move |ctx| match desk.get() {
                Some(desk) => crate::staff_api::router(Arc::clone(desk), ctx),
                None => Routes::new(),
            },
        );
        let desk = Arc::clone(&self.desk);
        module.render_context(move || {
            if let Some(desk) = desk.get() {
                leptos::prelude::provide_context(Arc::clone(desk));
            }
        });
        let desk = Arc::clone(&self.desk);
        module.while_serving(move |ctx| {
            let desk = desk.get().cloned();
            async move {
                if let Some(desk) = desk {
                    ctx.spawn_job(keep_up(ctx.clone(), desk));
                }
                Ok(())
            }
        });
    }
}

/// The booking pages of a service: its choice of people and combined services.
struct ChoicePages;

impl kernel::booking::BookingPages for ChoicePages {
    fn href(&self, service: &str) -> String {
        format!(
            "/termine/auswahl?leistung={}",
            kernel::url::segment(service)
        )
    }

    fn href_for_request(&self, service: &str, submission: &str) -> String {
        format!(
            "{}&antrag={}",
            self.href(service),
            kernel::url::segment(submission)
        )
    }
}

/// How often holds that ran out and reminders due are looked for.
const EVERY: std::time::Duration = std::time::Duration::from_secs(30);

/// Gives the slots of holds that ran out back and sends the reminders due, every
/// [`EVERY`]. Several portal processes may do it at once: each hold is released once,
/// each reminder sent once.
async fn keep_up(ctx: ModuleContext, desk: Arc<Desk>) {
    let mut every = tokio::time::interval(EVERY);
    loop {
        every.tick().await;
        let now = chrono::Utc::now();
        let released = crate::book::release_expired(&ctx.db, now.timestamp()).await;
        match kernel::job_runs::record("appointment_holds", released) {
            Ok(0) => {}
            Ok(released) => tracing::info!(released, "appointment holds ran out"),
            Err(error) => tracing::warn!(%error, "appointment holds: cannot release"),
        }
        if desk.proof.is_some()
            && let Err(error) =
                crate::proof::ProofOfWork::forget_expired(&ctx.db, now.timestamp()).await
        {
            tracing::warn!(%error, "appointment proofs: cannot forget the expired");
        }
        let reminded = crate::reminders::send_due(&ctx, &desk, now).await;
        match kernel::job_runs::record("appointment_reminders", reminded) {
            Ok(0) => {}
            Ok(sent) => tracing::info!(sent, "appointment reminders sent"),
            Err(error) => tracing::warn!(%error, "appointment reminders: cannot send"),
        }
    }
}

/// Reads the schedule file, refusing to start while it has an error (naming it).
async fn start(desk: Arc<OnceLock<Arc<Desk>>>, ctx: ModuleContext) -> StartResult {
    let config: AppointmentsConfig = ctx.section(MODULE_ID)?;
    let file = config.schedule()?;
    tracing::info!(
        offices = file.offices.len(),
        closures = file.closures.len(),
        "appointment schedule read"
    );
    let _ = desk.set(Arc::new(Desk {
        schedule: Arc::new(file),
        most_per_address: config.most_per_address,
        holds: kernel::client::PerClient::per_hour(config.holds_per_hour, config.holds_burst),
        proof: crate::proof::ProofOfWork::start(&ctx.db, config.proof_max_number)
            .await
            .context("the proof of work's key")?,
        ..Desk::default()
    }));
    Ok(())
}
