//! The module's registration with the host, and what its pages share.

use std::sync::{Arc, OnceLock};

use kernel::{
    Label, ModuleBuilder, NavEntry, ServiceModule,
    catalogue::{CatalogueSource, Tile},
    routes::Routes,
};

use crate::{
    MODULE_ID,
    functions::{Located, LocatedBy, Published},
    settings::{Book, RentIndexConfig},
};

/// The edition in use and the city's cap, made at start.
#[derive(Debug)]
pub struct Desk {
    /// The edition and its streets.
    pub book: Book,
    /// The cap on increases within three years, in percent.
    pub cap_percent: f64,
}

impl Desk {
    /// The edition as the browser gets it.
    pub fn published(&self) -> Published {
        let mut edition = self.book.edition.clone();
        edition.streets = None;
        Published {
            districts: edition.districts.keys().cloned().collect(),
            edition,
            cap_percent: self.cap_percent,
        }
    }

    /// The category of an address: from the street list, else the district's.
    pub fn locate(&self, street: &str, number: &str, district: &str) -> Option<Located> {
        crate::streets::category(&self.book.streets, street, number)
            .map(|category| Located {
                category: category.to_owned(),
                by: LocatedBy::Street,
            })
            .or_else(|| {
                self.book
                    .edition
                    .districts
                    .get(district.trim())
                    .map(|category| Located {
                        category: category.clone(),
                        by: LocatedBy::District,
                    })
            })
    }
}

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
                let _ = desk.set(Arc::new(Desk {
                    book,
                    cap_percent: config.increase_cap_percent,
                }));
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
