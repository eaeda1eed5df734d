//! The module's registration with the host.

use async_trait::async_trait;
use kernel::{
    AppError, CatalogueEntry, Identity, Label, ModuleContext, NavEntry, SearchDocument,
    ServiceModule,
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

    async fn search_documents(&self, ctx: &ModuleContext) -> Result<Vec<SearchDocument>, AppError> {
        crate::read::search_documents(&ctx.db, None)
            .await
            .map_err(AppError::internal)
    }

    async fn search_documents_of(
        &self,
        ctx: &ModuleContext,
        ids: &[String],
    ) -> Result<Vec<SearchDocument>, AppError> {
        crate::read::search_documents(&ctx.db, Some(ids))
            .await
            .map_err(AppError::internal)
    }
}
