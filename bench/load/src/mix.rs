//! The city's mix: which requests a load run sends, and how often, per thousand.

use rand::Rng;

/// One kind of request the mix chooses between.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `/`: the catalogue of online services, as most visits begin.
    Home,
    /// `/leistungen`: the online services.
    Catalogue,
    /// `/leistungen/{slug}`: an online service's page.
    OnlineService,
    /// `/info/{id}`: a service of the information catalogue.
    InfoService,
    /// `/info`: the A–Z list.
    AtoZ,
    /// `/suche?q=…`: the service search.
    Search,
    /// `/antraege`: a signed-in citizen's requests.
    MyRequests,
    /// `/bearbeitung`: a caseworker's inbox, first page.
    Inbox,
    /// `/bearbeitung?zustand=…`: the inbox filtered by state.
    InboxFiltered,
    /// `/bearbeitung/faelle/{id}`: a case.
    CasePage,
    /// One step of filing a bulky-waste pick-up (start, pages, answers, submission).
    FormStep,
}

/// The mix by thousandths: 60 % anonymous catalogue and service pages, 15 % search,
/// 10 % "my requests", 10 % inbox and case pages, 5 % form steps and submissions.
pub const MIX: [(Kind, u32); 11] = [
    (Kind::Home, 150),
    (Kind::Catalogue, 100),
    (Kind::OnlineService, 150),
    (Kind::InfoService, 180),
    (Kind::AtoZ, 20),
    (Kind::Search, 150),
    (Kind::MyRequests, 100),
    (Kind::Inbox, 40),
    (Kind::InboxFiltered, 20),
    (Kind::CasePage, 40),
    (Kind::FormStep, 50),
];

/// A kind drawn with the mix's weights.
pub fn pick(rng: &mut impl Rng) -> Kind {
    let total: u32 = MIX.iter().map(|(_, w)| w).sum();
    let mut draw = rng.random_range(0..total);
    for (kind, weight) in MIX {
        if draw < weight {
            return kind;
        }
        draw -= weight;
    }
    Kind::Home
}

#[cfg(test)]
mod tests {
    use rand::{SeedableRng, rngs::StdRng};

    use super::*;

    #[test]
    fn the_mix_adds_up_to_the_shares_of_the_scenario() {
        let share = |kinds: &[Kind]| -> u32 {
            MIX.iter()
                .filter(|(k, _)| kinds.contains(k))
                .map(|(_, w)| w)
                .sum()
        };
        assert_eq!(
            share(&[
                Kind::Home,
                Kind::Catalogue,
                Kind::OnlineService,
                Kind::InfoService,
                Kind::AtoZ
            ]),
            600
        );
        assert_eq!(share(&[Kind::Search]), 150);
        assert_eq!(share(&[Kind::MyRequests]), 100);
        assert_eq!(
            share(&[Kind::Inbox, Kind::InboxFiltered, Kind::CasePage]),
            100
        );
        assert_eq!(share(&[Kind::FormStep]), 50);

        let mut rng = StdRng::seed_from_u64(1);
        let searches = (0..100_000)
            .filter(|_| pick(&mut rng) == Kind::Search)
            .count();
        assert!((14_000..16_000).contains(&searches), "{searches}");
    }
}
