//! The module's registration with the host.

use std::sync::{Arc, OnceLock};

use async_trait::async_trait;
use kernel::{
    AppError, Label, ModuleBuilder, NavEntry, ServiceModule,
    catalogue::{CatalogueSource, Tile},
    content_policy::ImageOrigins,
    demo::DemoContent,
    routes::Routes,
};
use sea_orm::DatabaseTransaction;

use crate::{MODULE_ID, service::Toilets, settings::ToiletsConfig};

/// The toilet finder as a portal module.
#[derive(Debug, Default)]
pub struct ToiletsModule {
    /// The finder, made at start.
    toilets: Arc<OnceLock<Arc<Toilets>>>,
}

impl ServiceModule for ToiletsModule {
    fn id(&self) -> &'static str {
        MODULE_ID
    }

    fn build(&self, module: &mut ModuleBuilder<'_>) {
        module.settings::<ToiletsConfig>();
        module.migrations(vec![
            Box::new(crate::m20261127_000002_toilets_create_toilet::Migration),
            Box::new(crate::m20261206_000003_toilets_places::Migration),
        ]);
        module.command(crate::import_command::command());
        module.navigation(|_| {
            vec![NavEntry {
                href: "/toilets".into(),
                label: Label::key("toilets-nav"),
                order: 50,
            }]
        });
        module.contribute::<dyn CatalogueSource>(Arc::new(Tile::new(
            MODULE_ID,
            "/toilets",
            "toilets-catalogue-title",
            "toilets-catalogue-summary",
        )));
        module.contribute::<dyn DemoContent>(Arc::new(SampleToilets));
        module.contribute::<dyn ImageOrigins>(Arc::new(Tiles(Arc::clone(&self.toilets))));
        let toilets = Arc::clone(&self.toilets);
        module.on_start(move |ctx| {
            let toilets = Arc::clone(&toilets);
            async move {
                let config: ToiletsConfig = ctx.section(MODULE_ID)?;
                let _ = toilets.set(Arc::new(Toilets::new(ctx.db.clone(), config)));
                Ok(())
            }
        });
        let toilets = Arc::clone(&self.toilets);
        module.routes(move |_| match toilets.get() {
            Some(toilets) => crate::open_data::router(Arc::clone(toilets)),
            None => Routes::new(),
        });
        let toilets = Arc::clone(&self.toilets);
        module.render_context(move || {
            if let Some(toilets) = toilets.get() {
                leptos::prelude::provide_context(Arc::clone(toilets));
            }
        });
    }
}

/// The map's tile server, for the content security policy.
struct Tiles(Arc<OnceLock<Arc<Toilets>>>);

impl ImageOrigins for Tiles {
    fn image_origins(&self) -> Vec<String> {
        self.0
            .get()
            .and_then(|toilets| toilets.config.tile_origin())
            .into_iter()
            .collect()
    }
}

/// A sample of Munich's public toilets for the demo installation.
struct SampleToilets;

#[async_trait]
impl DemoContent for SampleToilets {
    async fn load(&self, txn: &DatabaseTransaction) -> Result<(), AppError> {
        crate::demo::load(txn).await
    }
}
