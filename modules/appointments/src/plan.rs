//! A visit as a citizen asks for it (services, number of people, office), checked
//! against the catalogue: every service bookable, combinable with the first, the
//! number of people within each service's maximum, the office offering them all.

use kernel::booking::{BookableOffice, BookableService};

/// Most services one visit may combine.
pub const MOST_SERVICES: usize = 5;

/// What a citizen asked for, as the pages pass it on (`leistung`, `personen`, and
/// `antrag` when booking for a filed request).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Wish {
    /// Service ids; the first is the one chosen, the rest combined with it.
    pub services: Vec<String>,
    /// People the visit is for.
    pub persons: u32,
    /// The filed request (submission id) the appointment is for, if any.
    #[serde(default)]
    pub request: Option<String>,
}

impl Wish {
    /// A wish from the values a page or post carries: services in order, each once.
    pub fn from_parts(services: Vec<String>, persons: u32) -> Self {
        let mut unique: Vec<String> = Vec::with_capacity(services.len());
        for service in services {
            let service = service.trim().to_owned();
            if !service.is_empty() && !unique.contains(&service) {
                unique.push(service);
            }
        }
        Self {
            services: unique,
            persons,
            request: None,
        }
    }

    /// The same wish, for filed request `request` (none when empty).
    #[must_use]
    pub fn for_request(mut self, request: Option<String>) -> Self {
        self.request = request
            .map(|r| r.trim().to_owned())
            .filter(|r| !r.is_empty());
        self
    }

    /// The query string that carries it from page to page (without `?`).
    pub fn query(&self) -> String {
        let mut query = form_urlencoded::Serializer::new(String::new());
        for service in &self.services {
            query.append_pair("leistung", service);
        }
        query.append_pair("personen", &self.persons.to_string());
        if let Some(request) = &self.request {
            query.append_pair("antrag", request);
        }
        query.finish()
    }
}

/// Why a wish cannot be booked; each says what to change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WishError {
    /// No service, or more than [`MOST_SERVICES`].
    #[error("choose one service, and at most {MOST_SERVICES} in one visit")]
    ServiceCount,
    /// A service that cannot be booked (unknown, unpublished or not bookable).
    #[error("a service cannot be booked")]
    UnknownService,
    /// A service that cannot be combined with the first.
    #[error("a service cannot be combined with the first one")]
    NotCombinable,
    /// No people, or more than a service allows.
    #[error("at most {0} people per booking")]
    Persons(u32),
    /// The office does not exist or does not offer every service.
    #[error("the office does not offer every chosen service")]
    NotOffered,
}

/// The chosen services of `wish`, checked against `catalogue`.
pub fn services<'a>(
    catalogue: &'a [BookableService],
    wish: &Wish,
) -> Result<Vec<&'a BookableService>, WishError> {
    if wish.services.is_empty() || wish.services.len() > MOST_SERVICES {
        return Err(WishError::ServiceCount);
    }
    let mut chosen = Vec::with_capacity(wish.services.len());
    for id in &wish.services {
        let service = catalogue
            .iter()
            .find(|s| s.id == *id)
            .ok_or(WishError::UnknownService)?;
        if chosen.iter().any(|s: &&BookableService| s.id == service.id) {
            continue;
        }
        chosen.push(service);
    }
    let first = chosen[0];
    if chosen[1..]
        .iter()
        .any(|s| !first.combinable.contains(&s.id))
    {
        return Err(WishError::NotCombinable);
    }
    let most = chosen
        .iter()
        .map(|s| s.max_quantity)
        .min()
        .unwrap_or(1)
        .max(1);
    if wish.persons == 0 || wish.persons > most {
        return Err(WishError::Persons(most));
    }
    Ok(chosen)
}

/// The offices offering every service of `wish`.
pub fn offices<'a>(offices: &'a [BookableOffice], wish: &Wish) -> Vec<&'a BookableOffice> {
    offices
        .iter()
        .filter(|o| o.offers_all(&wish.services))
        .collect()
}

/// Office `id` with the slots the visit of `wish` needs there.
pub fn at_office<'a>(
    offices: &'a [BookableOffice],
    id: &str,
    wish: &Wish,
) -> Result<(&'a BookableOffice, u32), WishError> {
    let office = offices
        .iter()
        .find(|o| o.id == id)
        .ok_or(WishError::NotOffered)?;
    let need = office
        .slots_for(&wish.services, wish.persons)
        .ok_or(WishError::NotOffered)?;
    Ok((office, need))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn service(id: &str, max: u32, combinable: &[&str]) -> BookableService {
        BookableService {
            id: id.into(),
            name: id.into(),
            lang: None,
            duration_minutes: 10,
            max_quantity: max,
            combinable: combinable.iter().map(|c| (*c).to_owned()).collect(),
        }
    }

    fn wish(services: &[&str], persons: u32) -> Wish {
        Wish {
            services: services.iter().map(|s| (*s).to_owned()).collect(),
            persons,
            request: None,
        }
    }

    #[test]
    fn a_wish_is_checked_against_what_the_services_allow() {
        let catalogue = [
            service("passport", 5, &["id-card"]),
            service("id-card", 3, &["passport"]),
            service("parking", 1, &[]),
        ];
        let chosen = services(&catalogue, &wish(&["passport", "id-card"], 3)).unwrap();
        assert_eq!(chosen.len(), 2);
        assert_eq!(
            services(&catalogue, &wish(&["passport", "id-card"], 4)),
            Err(WishError::Persons(3)),
            "the smallest maximum of the chosen services holds"
        );
        assert_eq!(
            services(&catalogue, &wish(&["passport", "parking"], 1)),
            Err(WishError::NotCombinable)
        );
        assert_eq!(
            services(&catalogue, &wish(&["unknown"], 1)),
            Err(WishError::UnknownService)
        );
        assert_eq!(
            services(&catalogue, &wish(&[], 1)),
            Err(WishError::ServiceCount)
        );
        assert_eq!(
            services(&catalogue, &wish(&["parking"], 0)),
            Err(WishError::Persons(1))
        );
    }
}
