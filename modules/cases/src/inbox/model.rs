//! What the inbox shows and is filtered by, on both sides: filter, rows, page.

use kernel::Text;
use serde::{Deserialize, Serialize};

use crate::lifecycle::State;

/// Cases per page.
pub const PAGE_SIZE: u64 = 25;

/// Whose cases.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Assigned {
    /// Assigned to the caseworker.
    Mine,
    /// Assigned to nobody.
    Nobody,
    /// Other departments' cases the caseworker's department was asked for an opinion on.
    Consulted,
}

impl Assigned {
    /// The spelling in URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            Assigned::Mine => "mine",
            Assigned::Nobody => "nobody",
            Assigned::Consulted => "stellungnahme",
        }
    }

    /// Parses [`Assigned::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        [Assigned::Mine, Assigned::Nobody, Assigned::Consulted]
            .into_iter()
            .find(|a| a.as_str() == text)
    }
}

/// The inbox filters, as URL parameters (German names, as the portal's URLs).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxFilter {
    /// Only this state.
    #[serde(default, rename = "zustand", skip_serializing_if = "Option::is_none")]
    pub state: Option<State>,
    /// Only this service (id).
    #[serde(default, rename = "leistung", skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// Mine or nobody's.
    #[serde(default, rename = "zuweisung", skip_serializing_if = "Option::is_none")]
    pub assigned: Option<Assigned>,
    /// Only overdue cases.
    #[serde(
        default,
        rename = "ueberfaellig",
        skip_serializing_if = "std::ops::Not::not"
    )]
    pub overdue: bool,
    /// Filed on or after (`YYYY-MM-DD`).
    #[serde(default, rename = "von", skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Filed on or before (`YYYY-MM-DD`).
    #[serde(default, rename = "bis", skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    /// Oldest first instead of newest first.
    #[serde(
        default,
        rename = "aelteste",
        skip_serializing_if = "std::ops::Not::not"
    )]
    pub oldest_first: bool,
    /// Continue after this case (`<filed>_<id>`, from the previous page).
    #[serde(default, rename = "nach", skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// Words to search for: a reference (which opens its case), a name, or words of
    /// the answers and messages.
    #[serde(default, rename = "suche", skip_serializing_if = "Option::is_none")]
    pub search: Option<String>,
    /// Page of the search results, from 0.
    #[serde(default, rename = "seite", skip_serializing_if = "is_first")]
    pub page: u32,
}

/// Longest search taken; longer ones are cut.
pub const LONGEST_SEARCH: usize = 200;

/// Pages of search results one can go to (relevance beyond is no help).
pub const LAST_PAGE: u32 = 400;

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde passes a reference"
)]
fn is_first(page: &u32) -> bool {
    *page == 0
}

impl InboxFilter {
    /// The filter from URL parameters; unknown or malformed values are dropped, so a
    /// hand-edited link still shows an inbox.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut filter = Self::default();
        for (key, value) in pairs {
            let value = value.trim();
            match key {
                "zustand" => filter.state = State::parse(value),
                "leistung" if !value.is_empty() && value.len() <= 80 => {
                    filter.service = Some(value.to_owned());
                }
                "zuweisung" => filter.assigned = Assigned::parse(value),
                "ueberfaellig" => filter.overdue = value == "1",
                "von" => filter.from = date(value).map(|_| value.to_owned()),
                "bis" => filter.until = date(value).map(|_| value.to_owned()),
                "aelteste" => filter.oldest_first = value == "1",
                "nach" => filter.after = cursor(value).map(|_| value.to_owned()),
                "suche" if !value.is_empty() => {
                    filter.search = Some(value.chars().take(LONGEST_SEARCH).collect());
                }
                "seite" => filter.page = value.parse().unwrap_or(0).min(LAST_PAGE),
                _ => {}
            }
        }
        filter
    }

    /// The filter as URL parameters.
    pub fn to_query(&self) -> String {
        let mut query = form_urlencoded::Serializer::new(String::new());
        let mut pair = |k: &str, v: &str| {
            query.append_pair(k, v);
        };
        if let Some(state) = self.state {
            pair("zustand", state.as_str());
        }
        if let Some(service) = &self.service {
            pair("leistung", service);
        }
        if let Some(assigned) = self.assigned {
            pair("zuweisung", assigned.as_str());
        }
        if self.overdue {
            pair("ueberfaellig", "1");
        }
        if let Some(from) = &self.from {
            pair("von", from);
        }
        if let Some(until) = &self.until {
            pair("bis", until);
        }
        if self.oldest_first {
            pair("aelteste", "1");
        }
        if let Some(after) = &self.after {
            pair("nach", after);
        }
        if let Some(search) = &self.search {
            pair("suche", search);
        }
        if self.page > 0 {
            pair("seite", &self.page.to_string());
        }
        query.finish()
    }
}

/// A date parameter.
pub fn date(text: &str) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// A page cursor: the filing time and id of the last case shown.
pub fn cursor(text: &str) -> Option<(i64, &str)> {
    let (at, id) = text.split_once('_')?;
    let valid_id =
        (1..=36).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-');
    Some((at.parse().ok()?, id)).filter(|_| valid_id)
}

/// One case in the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxRow {
    /// Case id.
    pub id: String,
    /// Reference.
    pub reference: String,
    /// Service id.
    pub service_id: String,
    /// Service title.
    pub service: Text,
    /// The applicant.
    pub applicant: String,
    /// State.
    pub state: State,
    /// Assigned caseworker's name.
    pub assignee: Option<String>,
    /// Filed, `DD.MM.YYYY`.
    pub filed: String,
    /// Due, `DD.MM.YYYY`.
    pub due: String,
    /// Past its deadline.
    pub overdue: bool,
    /// The version shown, for bulk actions.
    pub version: i32,
}

/// A caseworker one can hand a case to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Colleague {
    /// Their subject.
    pub subject: String,
    /// Their name.
    pub name: String,
}

/// One page of the inbox.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxPage {
    /// The cases.
    pub rows: Vec<InboxRow>,
    /// Cases per state in the caseworker's departments.
    pub counts: Vec<(State, u64)>,
    /// The filter for the next page, if there is one.
    pub next: Option<String>,
    /// Open cases of other departments waiting for an opinion of the caseworker's.
    pub consulting: u64,
    /// The services of the caseworker's departments (id and title), for the filter.
    pub services: Vec<(String, Text)>,
    /// Colleagues of the caseworker's departments, to hand cases to.
    pub colleagues: Vec<Colleague>,
    /// When searching: how many cases match.
    pub found: Option<u64>,
}
