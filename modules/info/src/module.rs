//! The module's registration with the host.

use std::sync::Arc;

use async_trait::async_trait;
use kernel::{
    AppError, Label, ModuleBuilder, ModuleContext, NavEntry, SearchDocument, ServiceModule,
    catalogue::{CatalogueSource, Tile},
    demo::DemoContent,
    search::SearchSource,
};

use crate::MODULE_ID;

/// The information catalogue as a portal module.
#[derive(Debug, Default)]
pub struct InfoModule;

impl ServiceModule for InfoModule {
    fn id(&self) -> &'static str {
        MODULE_ID
    }

    fn build(&self, module: &mut ModuleBuilder<'_>) {
        module.migrations(vec![
            Box::new(crate::m20261130_000001_info_catalogue::Migration),
            Box::new(crate::m20261206_000001_info_booking::Migration),
        ]);
        module.navigation(|_| {
            vec![NavEntry {
                href: "/info".into(),
                label: Label::key("info-nav"),
                order: 15,
            }]
        });
        module.contribute::<dyn CatalogueSource>(Arc::new(Tile::new(
            MODULE_ID,
            "/info",
            "info-catalogue-title",
            "info-catalogue-summary",
        )));
        module.provide::<dyn kernel::booking::BookingCatalogue>(Arc::new(crate::booking::Bookable));
        module.contribute::<dyn DemoContent>(Arc::new(DemoCatalogue));
        module.contribute::<dyn SearchSource>(Arc::new(Catalogue));
        module.command(crate::import_command::command());
        module
            .contribute::<dyn kernel::seed::Seeder>(Arc::new(crate::seed_catalogue::FillCatalogue));
    }
}

/// A small catalogue written for the demo (not a city's data), in German and English.
struct DemoCatalogue;

#[async_trait]
impl DemoContent for DemoCatalogue {
    async fn load(&self, txn: &sea_orm::DatabaseTransaction) -> Result<(), AppError> {
        // An operator imported a catalogue before the first start with demo content:
        // the demo never replaces it.
        use sea_orm::{EntityTrait as _, PaginatorTrait as _};
        if crate::entity::service::Entity::find().count(txn).await? > 0 {
            return Ok(());
        }
        let now = chrono::Utc::now();
        fn parse<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, AppError> {
            serde_json::from_str(text).map_err(AppError::internal)
        }
        let offices = parse(include_str!("../demo/locations_de.json"))?;
        for (services, locale, offices) in [
            (
                include_str!("../demo/services_de.json"),
                "de",
                Some(offices),
            ),
            (include_str!("../demo/services_en.json"), "en", None),
        ] {
            crate::import::import(txn, parse(services)?, offices, locale, now).await?;
        }
        Ok(())
    }
}

/// The published services and offices, read from the database.
struct Catalogue;

#[async_trait]
impl SearchSource for Catalogue {
    async fn documents(&self, ctx: &ModuleContext) -> Result<Vec<SearchDocument>, AppError> {
        crate::read::search_documents(&ctx.db, None)
            .await
            .map_err(AppError::internal)
    }

    async fn documents_of(
        &self,
        ctx: &ModuleContext,
        ids: &[String],
    ) -> Result<Vec<SearchDocument>, AppError> {
        crate::read::search_documents(&ctx.db, Some(ids))
            .await
            .map_err(AppError::internal)
    }
}
