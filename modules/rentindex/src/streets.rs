//! The street list of an edition: which section of a street (house numbers from–to,
//! odd, even or all) lies in which location category. CSV with the header
//! `street,from,to,parity,category`.

use serde::Deserialize;

/// Which house numbers of the range a section holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Parity {
    /// Every number.
    All,
    /// Odd numbers.
    Odd,
    /// Even numbers.
    Even,
}

impl Parity {
    fn holds(self, number: u32) -> bool {
        match self {
            Self::All => true,
            Self::Odd => !number.is_multiple_of(2),
            Self::Even => number.is_multiple_of(2),
        }
    }
}

/// One section of a street.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Section {
    /// The street's name as written.
    pub street: String,
    /// First house number.
    pub from: u32,
    /// Last house number (included).
    pub to: u32,
    /// Which numbers.
    pub parity: Parity,
    /// The location category's id.
    pub category: String,
}

impl Section {
    /// Whether `number` lies in the section.
    pub fn holds(&self, number: u32) -> bool {
        self.from <= number && number <= self.to && self.parity.holds(number)
    }

    /// Whether the section shares a number with `other` of the same street.
    pub fn overlaps(&self, other: &Self) -> bool {
        let shared_parity = !matches!(
            (self.parity, other.parity),
            (Parity::Odd, Parity::Even) | (Parity::Even, Parity::Odd)
        );
        key(&self.street) == key(&other.street)
            && shared_parity
            && self.from <= other.to
            && other.from <= self.to
    }
}

/// A street's name as compared: lower case, `str.` and `strasse` as `straße`, single
/// spaces.
pub fn key(street: &str) -> String {
    let lower = street.trim().to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    words
        .join(" ")
        .replace("strasse", "straße")
        .replace("str.", "straße")
}

/// The house number's leading digits (`12a` is 12).
pub fn number(text: &str) -> Option<u32> {
    let digits: String = text
        .trim()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// Reads the street list; the error names the line.
pub fn read(text: &str) -> Result<Vec<Section>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    reader
        .deserialize::<Section>()
        .map(|row| {
            row.map_err(|e| {
                let line = e.position().map_or(0, csv::Position::line);
                format!("line {line}: {e}")
            })
        })
        .collect()
}

/// The category of `street` number `house`, when the list knows it.
pub fn category<'a>(sections: &'a [Section], street: &str, house: &str) -> Option<&'a str> {
    let street = key(street);
    let house = number(house)?;
    sections
        .iter()
        .find(|s| key(&s.street) == street && s.holds(house))
        .map(|s| s.category.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list() -> Vec<Section> {
        read(include_str!("../editions/demo-2025-streets.csv")).unwrap()
    }

    #[test]
    fn a_house_number_finds_its_section_by_parity() {
        let list = list();
        assert_eq!(category(&list, "Leopoldstraße", "13"), Some("good"));
        assert_eq!(category(&list, "leopoldstr. ", "14a"), Some("best"));
        assert_eq!(category(&list, "Leopoldstrasse", "120"), Some("good"));
        assert_eq!(category(&list, "Leopoldstraße", ""), None);
        assert_eq!(category(&list, "Unbekannte Gasse", "1"), None);
    }

    #[test]
    fn sections_of_other_parity_do_not_overlap() {
        let list = list();
        assert!(
            !list[1].overlaps(&list[2]),
            "odd and even of the same range"
        );
        assert!(list[1].overlaps(&list[1]));
    }
}
