//! One toilet as an import reads it, whatever the format: the fields a CSV row, a
//! GeoJSON feature or an OpenStreetMap element hold, read through the column names
//! of the settings and checked.

use kernel::geo::Position;

use crate::{place::Wheelchair, settings::Columns};

/// A toilet read from a source file.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceRecord {
    /// Where in the file it stands (`line 7`, `feature 3`, `node/123`), for messages.
    pub origin: String,
    /// Its key in the source, the same in every export.
    pub key: String,
    /// Its name; may be empty (most toilets in OpenStreetMap have none).
    pub name: String,
    /// Street and house number.
    pub street: String,
    /// Postcode.
    pub postcode: String,
    /// City district.
    pub district: String,
    /// Where it is.
    pub position: Position,
    /// `opening_hours` as given (may be empty or unreadable: the page says so).
    pub opening_hours: String,
    /// Step-free access.
    pub wheelchair: Wheelchair,
    /// Opened with the Euro key.
    pub euro_key: bool,
    /// Has a changing table.
    pub changing_table: bool,
    /// `no` when free, `yes` or the charge when not, empty when unknown.
    pub fee: String,
    /// Who may use it (`yes`, `customers`, …).
    pub access: String,
    /// Who runs it.
    pub operator: String,
}

/// What a record is read from: a field by its name.
pub trait Fields {
    /// The field's value, trimmed; `None` when missing or empty.
    fn field(&self, name: &str) -> Option<String>;
}

/// Why a record could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{origin}: {problem}")]
pub struct RecordError {
    /// Where in the file.
    pub origin: String,
    /// What is wrong.
    pub problem: String,
}

impl RecordError {
    /// A problem at `origin`.
    pub fn new(origin: &str, problem: impl Into<String>) -> Self {
        Self {
            origin: origin.to_owned(),
            problem: problem.into(),
        }
    }
}

/// Yes-like values of German and English sources.
fn yes(value: Option<&str>) -> bool {
    value.is_some_and(|v| {
        matches!(
            v.to_lowercase().as_str(),
            "yes" | "ja" | "true" | "1" | "x" | "wahr" | "designated"
        )
    })
}

/// Whether the toilet is for the public: `private` and `no` are not.
pub fn is_public(access: &str) -> bool {
    !matches!(access, "private" | "no")
}

impl PlaceRecord {
    /// Reads a record at `position` from `fields`; `key` is the source's key when the
    /// format has its own (OpenStreetMap's element), else the `id` column is read.
    pub fn read(
        origin: &str,
        fields: &impl Fields,
        columns: &Columns,
        position: Position,
        key: Option<String>,
    ) -> Result<Self, RecordError> {
        let get = |name: &str| fields.field(name).unwrap_or_default();
        let key = key.or_else(|| fields.field(&columns.id)).ok_or_else(|| {
            RecordError::new(origin, format!("no {} (the entry's key)", columns.id))
        })?;
        let street = match (get(&columns.street), get(&columns.housenumber)) {
            (street, number) if number.is_empty() => street,
            (street, number) => format!("{street} {number}"),
        };
        let euro_key = fields.field(&columns.euro_key).is_some_and(|v| {
            yes(Some(&v))
                || v.to_lowercase().contains("eurokey")
                || v.to_lowercase().contains("euro")
        });
        let fee_tag = fields.field(&columns.fee).map(|f| f.to_lowercase());
        let fee = match (fee_tag.as_deref(), fields.field(&columns.charge)) {
            (Some("no" | "nein" | "false" | "0"), _) => "no".to_owned(),
            (_, Some(charge)) => charge,
            (Some(tag), None) if yes(Some(tag)) => "yes".to_owned(),
            _ => String::new(),
        };
        let record = Self {
            origin: origin.to_owned(),
            key,
            name: get(&columns.name),
            street,
            postcode: get(&columns.postcode),
            district: get(&columns.district),
            position,
            opening_hours: get(&columns.opening_hours),
            wheelchair: Wheelchair::from_tag(&get(&columns.wheelchair)),
            euro_key,
            changing_table: yes(fields.field(&columns.changing_table).as_deref())
                || fields.field(&columns.changing_table).as_deref() == Some("limited"),
            fee,
            access: get(&columns.access).to_lowercase(),
            operator: get(&columns.operator),
        };
        record.check()?;
        Ok(record)
    }

    /// Every text within its column's length (as the table allows).
    fn check(&self) -> Result<(), RecordError> {
        let texts = [
            ("key", &self.key, 128),
            ("name", &self.name, 200),
            ("street", &self.street, 200),
            ("postcode", &self.postcode, 16),
            ("district", &self.district, 100),
            ("opening_hours", &self.opening_hours, 500),
            ("operator", &self.operator, 200),
            ("fee", &self.fee, 100),
            ("access", &self.access, 32),
        ];
        match texts
            .into_iter()
            .find(|(_, text, most)| text.chars().count() > *most)
        {
            Some((name, _, most)) => Err(RecordError::new(
                &self.origin,
                format!("{name} longer than {most} characters"),
            )),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    impl Fields for HashMap<&str, &str> {
        fn field(&self, name: &str) -> Option<String> {
            self.get(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        }
    }

    fn here() -> Position {
        Position::new(48.137, 11.575).unwrap()
    }

    #[test]
    fn osm_tags_are_read_as_the_wiki_defines_them() {
        let tags = HashMap::from([
            ("wheelchair", "limited"),
            ("centralkey", "eurokey"),
            ("changing_table", "yes"),
            ("fee", "yes"),
            ("charge", "0.50 EUR"),
            ("addr:street", "Marienplatz"),
            ("addr:housenumber", "8"),
        ]);
        let record = PlaceRecord::read(
            "node/1",
            &tags,
            &Columns::default(),
            here(),
            Some("node/1".into()),
        )
        .unwrap();
        assert_eq!(record.wheelchair, Wheelchair::Limited);
        assert!(record.euro_key && record.changing_table);
        assert_eq!(record.fee, "0.50 EUR");
        assert_eq!(record.street, "Marienplatz 8");
    }

    #[test]
    fn missing_tags_are_unknown_not_no() {
        let record = PlaceRecord::read(
            "node/2",
            &HashMap::new(),
            &Columns::default(),
            here(),
            Some("node/2".into()),
        )
        .unwrap();
        assert_eq!(record.wheelchair, Wheelchair::Unknown);
        assert_eq!(record.fee, "");
        assert!(!record.euro_key);
    }

    #[test]
    fn a_row_without_its_key_or_with_overlong_text_names_its_line() {
        let error = PlaceRecord::read("line 4", &HashMap::new(), &Columns::default(), here(), None)
            .unwrap_err();
        assert_eq!(error.to_string(), "line 4: no id (the entry's key)");
        let long = "x".repeat(201);
        let row = HashMap::from([("id", "7"), ("name", long.as_str())]);
        let error =
            PlaceRecord::read("line 5", &row, &Columns::default(), here(), None).unwrap_err();
        assert_eq!(error.to_string(), "line 5: name longer than 200 characters");
    }
}
