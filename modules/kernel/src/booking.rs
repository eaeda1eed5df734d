//! What appointment booking needs from the service catalogue: which services can be
//! booked, how long they take and how many people one booking may be for, and which
//! offices offer them with how many slots each. The catalogue module provides it
//! (from the service database export it imports); the appointments module reads it.

use std::collections::BTreeMap;

/// A service citizens can book an appointment for.
#[derive(Clone, Debug, PartialEq)]
pub struct BookableService {
    /// The service database's id.
    pub id: String,
    /// Its name in the language asked for, else in German.
    pub name: String,
    /// The language of `name` when it is not the one asked for.
    pub lang: Option<String>,
    /// How long one person's visit takes, in minutes (as the export states it).
    pub duration_minutes: u32,
    /// How many people one booking may be for (at least 1).
    pub max_quantity: u32,
    /// Services that may be booked together with it in one visit (ids, itself left
    /// out).
    pub combinable: Vec<String>,
}

/// An office where appointments can be booked.
#[derive(Clone, Debug, PartialEq)]
pub struct BookableOffice {
    /// The service database's id.
    pub id: String,
    /// The name citizens know it by.
    pub name: String,
    /// Street and number.
    pub street: Option<String>,
    /// Postcode.
    pub postal_code: Option<String>,
    /// City.
    pub city: Option<String>,
    /// Where it is (WGS 84), when known.
    pub position: Option<(f64, f64)>,
    /// The length of one slot in minutes, as the export gives it.
    pub slot_minutes: Option<u32>,
    /// The services it offers for booking, each with the slots one person needs.
    pub slots: BTreeMap<String, u32>,
}

impl BookableOffice {
    /// Whether it offers every one of `services` for booking.
    pub fn offers_all(&self, services: &[String]) -> bool {
        services.iter().all(|s| self.slots.contains_key(s))
    }

    /// The slots a visit for `services` with `persons` people needs here, or `None`
    /// when one of them is not offered.
    pub fn slots_for(&self, services: &[String], persons: u32) -> Option<u32> {
        let per_person = services
            .iter()
            .map(|s| self.slots.get(s).copied())
            .sum::<Option<u32>>()?;
        per_person.checked_mul(persons)
    }
}

/// The bookable part of the service catalogue. Provided (one).
#[cfg(feature = "ssr")]
#[async_trait::async_trait]
pub trait BookingCatalogue: Send + Sync {
    /// Every published service that can be booked at some office, by name, with
    /// names in `locale` where translated.
    async fn services(
        &self,
        ctx: &crate::ModuleContext,
        locale: &str,
    ) -> Result<Vec<BookableService>, crate::AppError>;

    /// Every published office that offers a service for booking.
    async fn offices(
        &self,
        ctx: &crate::ModuleContext,
    ) -> Result<Vec<BookableOffice>, crate::AppError>;
}

/// Where citizens book an appointment for a service. Provided (one) by the module that
/// books appointments, so that a service's page can lead there.
#[cfg(feature = "ssr")]
pub trait BookingPages: Send + Sync {
    /// The page that books service `id`.
    fn href(&self, service: &str) -> String;

    /// The page that books service `id` for the filed request `submission` (the
    /// appointment is then shown with the request to those who process it).
    fn href_for_request(&self, service: &str, submission: &str) -> String;
}

/// A filed request as booking needs to know it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FiledForBooking {
    /// The subject of the citizen who filed it: only they book for it.
    pub owner: String,
    /// Its reference, as the citizen knows it.
    pub reference: String,
    /// The catalogue service an appointment for it is booked for, when its form names
    /// one.
    pub service: Option<String>,
}

/// Filed requests an appointment can be booked for. Provided (one) by the module that
/// takes requests.
#[cfg(feature = "ssr")]
#[async_trait::async_trait]
pub trait RequestsForBooking: Send + Sync {
    /// Filed request `submission`, when there is one.
    async fn request(
        &self,
        db: &sea_orm::DatabaseConnection,
        submission: &str,
    ) -> Result<Option<FiledForBooking>, crate::AppError>;
}

/// An appointment booked for a filed request.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RequestAppointment {
    /// Its reference.
    pub reference: String,
    /// When it starts (Unix seconds).
    pub starts_at: i64,
    /// The office's name.
    pub office: String,
    /// Whether it still stands (booked or waiting for the e-mail confirmation), or was
    /// cancelled.
    pub cancelled: bool,
}

/// The appointments booked for filed requests. Provided (one) by the module that books
/// appointments; the module that processes requests shows them with the request.
#[cfg(feature = "ssr")]
#[async_trait::async_trait]
pub trait RequestAppointments: Send + Sync {
    /// The appointments booked for request `submission`, earliest first.
    async fn for_request(
        &self,
        ctx: &crate::ModuleContext,
        submission: &str,
    ) -> Result<Vec<RequestAppointment>, crate::AppError>;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn office(slots: &[(&str, u32)]) -> BookableOffice {
        BookableOffice {
            id: "1".into(),
            name: "Bürgerbüro".into(),
            street: None,
            postal_code: None,
            city: None,
            position: None,
            slot_minutes: Some(10),
            slots: slots.iter().map(|(s, n)| ((*s).to_owned(), *n)).collect(),
        }
    }

    #[test]
    fn a_visit_needs_each_services_slots_for_every_person() {
        let office = office(&[("passport", 2), ("id-card", 1)]);
        let both = ["passport".to_owned(), "id-card".to_owned()];
        assert_eq!(office.slots_for(&both, 2), Some(6));
        assert!(office.offers_all(&both));
        let other = ["passport".to_owned(), "parking".to_owned()];
        assert_eq!(office.slots_for(&other, 1), None);
        assert!(!office.offers_all(&other));
    }
}
