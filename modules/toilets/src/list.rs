//! Listing toilets, filtered by district and fee.

use kernel::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Longest district name accepted in a filter; longer input is refused, not truncated.
pub const MAX_DISTRICT_LEN: usize = 64;

/// One public toilet with step-free access.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Toilet {
    /// Database id.
    pub id: i32,
    /// Where it is, as people name the place.
    pub name: String,
    /// Street and house number.
    pub street: String,
    /// German postcode.
    pub postcode: String,
    /// City district.
    pub district: String,
    /// Opening hours in OpenStreetMap `opening_hours` syntax, e.g. `Mo-Fr 07:00-20:00`.
    pub opening_hours: String,
    /// Locked with the European disability key (Euroschlüssel).
    pub euro_key: bool,
    /// Has a baby changing table.
    pub changing_table: bool,
    /// Fee in euro cents; 0 when free.
    pub fee_cents: i32,
}

/// The filter a person chose; missing fields mean "no restriction".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ToiletFilter {
    /// Only toilets in this district; `None` for all districts.
    pub district: Option<String>,
    /// Only toilets without a fee.
    pub free_only: bool,
}

impl ToiletFilter {
    /// Checks the filter a stranger sent: district names are short, printable text.
    pub fn validate(&self) -> Result<(), AppError> {
        match &self.district {
            Some(d) if d.chars().count() > MAX_DISTRICT_LEN || d.chars().any(char::is_control) => {
                Err(AppError::BadRequest("district".into()))
            }
            _ => Ok(()),
        }
    }
}

/// The result of a search: the matching toilets and every district for the filter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ToiletList {
    /// All districts that have a toilet, sorted.
    pub districts: Vec<String>,
    /// Matching toilets, sorted by district and name.
    pub toilets: Vec<Toilet>,
}

/// Lists toilets matching `filter`.
#[server(endpoint = "toilets/list")]
pub async fn list_toilets(filter: ToiletFilter) -> Result<ToiletList, AppError> {
    filter.validate()?;
    let ctx = use_context::<kernel::ModuleContext>()
        .ok_or_else(|| AppError::internal("module context missing"))?;
    Ok(ssr::query(&ctx.db, &filter).await?)
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use sea_orm::{
        ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    };

    use super::{Toilet, ToiletFilter, ToiletList};
    use crate::entity::toilet::{self, Column, Entity};

    /// Runs the filter against the database.
    pub async fn query(
        db: &DatabaseConnection,
        filter: &ToiletFilter,
    ) -> Result<ToiletList, DbErr> {
        let districts: Vec<String> = Entity::find()
            .select_only()
            .column(Column::District)
            .distinct()
            .order_by_asc(Column::District)
            .into_tuple()
            .all(db)
            .await?;
        let mut select = Entity::find();
        if let Some(district) = &filter.district {
            select = select.filter(Column::District.eq(district.as_str()));
        }
        if filter.free_only {
            select = select.filter(Column::FeeCents.eq(0));
        }
        let toilets = select
            .order_by_asc(Column::District)
            .order_by_asc(Column::Name)
            .all(db)
            .await?
            .into_iter()
            .map(from_model)
            .collect();
        Ok(ToiletList { districts, toilets })
    }

    fn from_model(m: toilet::Model) -> Toilet {
        Toilet {
            id: m.id,
            name: m.name,
            street: m.street,
            postcode: m.postcode,
            district: m.district,
            opening_hours: m.opening_hours,
            euro_key: m.euro_key,
            changing_table: m.changing_table,
            fee_cents: m.fee_cents,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlong_or_control_districts_are_refused() {
        let long = ToiletFilter {
            district: Some("x".repeat(65)),
            free_only: false,
        };
        assert_eq!(
            long.validate(),
            Err(AppError::BadRequest("district".into()))
        );
        let control = ToiletFilter {
            district: Some("Au\u{0}".into()),
            free_only: false,
        };
        assert!(control.validate().is_err());
        let ok = ToiletFilter {
            district: Some("Au-Haidhausen".into()),
            free_only: true,
        };
        assert_eq!(ok.validate(), Ok(()));
    }
}
