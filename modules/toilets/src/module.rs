//! The module's registration with the host.

use async_trait::async_trait;
use kernel::{AppError, CatalogueEntry, Identity, Label, ModuleContext, NavEntry, ServiceModule};
use sea_orm::DatabaseTransaction;
use sea_orm_migration::MigrationTrait;

use crate::MODULE_ID;

/// The accessible-toilet finder as a portal module.
#[derive(Debug, Default)]
pub struct ToiletsModule;

#[async_trait]
impl ServiceModule for ToiletsModule {
    fn id(&self) -> &'static str {
        MODULE_ID
    }

    fn migrations(&self) -> Vec<Box<dyn MigrationTrait>> {
        vec![Box::new(
            crate::m20261127_000002_toilets_create_toilet::Migration,
        )]
    }

    fn nav_entries(&self, _identity: &Identity) -> Vec<NavEntry> {
        vec![NavEntry {
            href: "/toilets".into(),
            label: Label::key("toilets-nav"),
            order: 50,
        }]
    }

    async fn catalogue_entries(
        &self,
        _ctx: &ModuleContext,
    ) -> Result<Vec<CatalogueEntry>, AppError> {
        Ok(vec![CatalogueEntry {
            module: MODULE_ID.into(),
            href: "/toilets".into(),
            title: Label::key("toilets-catalogue-title"),
            summary: Label::key("toilets-catalogue-summary"),
        }])
    }

    async fn load_demo_content(&self, txn: &DatabaseTransaction) -> Result<(), AppError> {
        Ok(crate::demo::load(txn).await?)
    }
}
