//! The module's registration with the host, and what its pages share.

use std::sync::{Arc, OnceLock};

use kernel::{
    Label, ModuleBuilder, NavEntry, ServiceModule,
    catalogue::{CatalogueSource, Tile},
    routes::Routes,
};

use crate::{MODULE_ID, desk::Desk, settings::RentIndexConfig};

/// The rent index as a portal module.
#[derive(Debug, Default)]
pub struct RentIndexModule {
    desk: Arc<OnceLock<Arc<Desk>>>,
}

impl ServiceModule for RentIndexModule {
    fn id(&self) -> &'static str {
        MODULE_ID
    }

    fn build(&self, module: &mut ModuleBuilder<'_>) {
        module.settings::<RentIndexConfig>();
        for command in crate::command::commands() {
            module.command(command);
        }
        module.navigation(|_| {
            vec![NavEntry {
                href: "/mietspiegel".into(),
                label: Label::key("rentindex-nav"),
                order: 45,
            }]
        });
        module.contribute::<dyn CatalogueSource>(Arc::new(Tile::new(
            MODULE_ID,
            "/mietspiegel",
            "rentindex-catalogue-title",
            "rentindex-catalogue-summary",
        )));
        let desk = Arc::clone(&self.desk);
        module.on_start(move |ctx| {
            let desk = Arc::clone(&desk);
            async move {
                let config: RentIndexConfig = ctx.section(MODULE_ID)?;
                let book = config.book()?;
                let _ = desk.set(Arc::new(Desk::new(book, config.increase_cap_percent)));
                Ok(())
            }
        });
        let desk = Arc::clone(&self.desk);
        module.public_api(
            {
                use utoipa::OpenApi as _;
                crate::api::RentIndexApi::openapi()
            },
            move |_| match desk.get() {
                Some(desk) => crate::api::router(Arc::clone(desk)),
                None => Routes::new(),
            },
        );
        let desk = Arc::clone(&self.desk);
        module.render_context(move || {
            if let Some(desk) = desk.get() {
                leptos::prelude::provide_context(Arc::clone(desk));
            }
        });
    }
}
