//! What the rent index's pages and interface share once started: the edition with its
//! street list, and the city's cap on increases.

use crate::{
    settings::Book,
    view::{Located, LocatedBy, Published},
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
