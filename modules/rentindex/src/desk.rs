//! What the rent index's pages and interface share once started: the edition with its
//! street list, and the city's cap on increases.

use crate::{
    settings::Book,
    view::{Located, LocatedBy, Published},
};

/// The edition in use (as the browser gets it) and its street list, made at start.
#[derive(Debug)]
pub struct Desk {
    /// The edition without its street list, the districts and the city's cap.
    pub published: Published,
    /// The street list.
    streets: Vec<crate::streets::Section>,
}

impl Desk {
    /// The desk of `book` with the city's `cap_percent`.
    pub fn new(book: Book, cap_percent: f64) -> Self {
        let Book {
            mut edition,
            streets,
        } = book;
        edition.streets = None;
        Self {
            published: Published {
                districts: edition.districts.keys().cloned().collect(),
                edition,
                cap_percent,
            },
            streets,
        }
    }

    /// The category of an address: from the street list, else the district's.
    pub fn locate(&self, street: &str, number: &str, district: &str) -> Option<Located> {
        crate::streets::category(&self.streets, street, number)
            .map(|category| Located {
                category: category.to_owned(),
                by: LocatedBy::Street,
            })
            .or_else(|| {
                self.published
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
