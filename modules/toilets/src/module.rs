//! The module's registration with the host.

use std::sync::Arc;

use async_trait::async_trait;
use kernel::{
    AppError, Label, ModuleBuilder, NavEntry, ServiceModule,
    catalogue::{CatalogueSource, Tile},
    demo::DemoContent,
};
use sea_orm::DatabaseTransaction;

use crate::MODULE_ID;

/// The accessible-toilet finder as a portal module.
#[derive(Debug, Default)]
pub struct ToiletsModule;

impl ServiceModule for ToiletsModule {
    fn id(&self) -> &'static str {
        MODULE_ID
    }

    fn build(&self, module: &mut ModuleBuilder<'_>) {
        module.migrations(vec![Box::new(
            crate::m20261127_000002_toilets_create_toilet::Migration,
        )]);
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
        module.contribute::<dyn DemoContent>(Arc::new(ExampleToilets));
    }
}

/// Example toilets across the city.
struct ExampleToilets;

#[async_trait]
impl DemoContent for ExampleToilets {
    async fn load(&self, txn: &DatabaseTransaction) -> Result<(), AppError> {
        Ok(crate::demo::load(txn).await?)
    }
}
