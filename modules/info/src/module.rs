//! The module's registration with the host.

use std::sync::Arc;

use async_trait::async_trait;
use kernel::{
    AppError, CatalogueEntry, Identity, Label, ModuleContext, NavEntry, SearchDocument,
    ServiceModule, search::SearchSource,
};
use sea_orm_migration::MigrationTrait;

use crate::MODULE_ID;

/// The information catalogue as a portal module.
#[derive(Debug, Default)]
pub struct InfoModule;

#[async_trait]
impl ServiceModule for InfoModule {
    fn id(&self) -> &'static str {
        MODULE_ID
    }

    fn migrations(&self) -> Vec<Box<dyn MigrationTrait>> {
        vec![Box::new(crate::m20261130_000001_info_catalogue::Migration)]
    }

    fn nav_entries(&self, _identity: &Identity) -> Vec<NavEntry> {
        vec![NavEntry {
            href: "/info".into(),
            label: Label::key("info-nav"),
            order: 15,
        }]
    }

    async fn catalogue_entries(
        &self,
        _ctx: &ModuleContext,
    ) -> Result<Vec<CatalogueEntry>, AppError> {
        Ok(vec![CatalogueEntry {
            module: MODULE_ID.into(),
            href: "/info".into(),
            title: Label::key("info-catalogue-title"),
            summary: Label::key("info-catalogue-summary"),
        }])
    }

    /// A small catalogue written for the demo (not a city's data), in German and English.
    async fn load_demo_content(&self, txn: &sea_orm::DatabaseTransaction) -> Result<(), AppError> {
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

    fn build(&self, module: &mut kernel::ModuleBuilder<'_>) {
        module.contribute::<dyn SearchSource>(Arc::new(Catalogue));
        module.command(crate::import_command::command());
        module
            .contribute::<dyn kernel::seed::Seeder>(Arc::new(crate::seed_catalogue::FillCatalogue));
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
