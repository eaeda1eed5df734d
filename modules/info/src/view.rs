//! What the pages show: one service with its offices, and the A–Z list.

use serde::{Deserialize, Serialize};

/// An office that offers a service.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeView {
    /// Name.
    pub name: String,
    /// Department it belongs to.
    pub department: Option<String>,
    /// Street and house number.
    pub street: Option<String>,
    /// Postcode and city.
    pub place: Option<String>,
    /// Telephone.
    pub phone: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Web page.
    pub web: Option<String>,
}

/// A service of the information catalogue as its page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceView {
    /// Name.
    pub name: String,
    /// Language of the texts, when it is not the page's (no translation yet).
    pub lang: Option<String>,
    /// Safe HTML (sanitised when imported).
    pub description: String,
    /// Safe HTML.
    pub fees: Option<String>,
    /// LeiKa key.
    pub leika: Option<String>,
    /// Where it is offered.
    pub offices: Vec<OfficeView>,
    /// Where an appointment for it is booked, when it can be.
    pub booking: Option<String>,
}

/// One line of the A–Z list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListedService {
    /// Its page.
    pub href: String,
    /// Name.
    pub name: String,
    /// Language of the name, when it is not the page's.
    pub lang: Option<String>,
}
