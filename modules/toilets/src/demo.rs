//! Demo content: a handful of invented toilets so the finder has something to show.
//! The entries are examples written for the portal, not data about real facilities.

use sea_orm::{ActiveValue::Set, DatabaseTransaction, DbErr, EntityTrait};

use crate::entity::toilet;

/// (name, street, postcode, district, opening hours, euro key, changing table, fee cents)
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    bool,
    bool,
    i32,
);

const DEMO_TOILETS: &[Row] = &[
    (
        "Rathaus, Innenhof",
        "Marienplatz 8",
        "80331",
        "Altstadt-Lehel",
        "Mo-Fr 08:00-18:00",
        true,
        true,
        0,
    ),
    (
        "Viktualienmarkt Süd",
        "Viktualienmarkt 3",
        "80331",
        "Altstadt-Lehel",
        "Mo-Sa 07:00-20:00",
        true,
        false,
        50,
    ),
    (
        "Stadtbibliothek, Erdgeschoss",
        "Beispielstraße 12",
        "80333",
        "Maxvorstadt",
        "Mo-Sa 10:00-19:00",
        false,
        true,
        0,
    ),
    (
        "Bürgerbüro, Wartebereich",
        "Musterweg 4",
        "80797",
        "Schwabing-West",
        "Mo-Fr 07:30-12:00",
        false,
        true,
        0,
    ),
    (
        "Park am Weiher, Kiosk",
        "Am Weiher 1",
        "81667",
        "Au-Haidhausen",
        "24/7",
        true,
        false,
        50,
    ),
    (
        "Stadtteilzentrum",
        "Lindenplatz 2",
        "81371",
        "Sendling",
        "Mo-Fr 09:00-21:00",
        true,
        true,
        0,
    ),
    (
        "Schwimmbad, Eingangshalle",
        "Badstraße 20",
        "80639",
        "Neuhausen-Nymphenburg",
        "Mo-Su 07:00-22:00",
        false,
        true,
        0,
    ),
    (
        "U-Bahnhof Westpark",
        "Westparkplatz 1",
        "81373",
        "Sendling",
        "24/7",
        true,
        false,
        50,
    ),
];

/// Inserts the demo toilets.
pub async fn load(db: &DatabaseTransaction) -> Result<(), DbErr> {
    let rows = DEMO_TOILETS.iter().map(
        |&(name, street, postcode, district, hours, euro_key, changing_table, fee_cents)| {
            toilet::ActiveModel {
                name: Set(name.into()),
                street: Set(street.into()),
                postcode: Set(postcode.into()),
                district: Set(district.into()),
                opening_hours: Set(hours.into()),
                euro_key: Set(euro_key),
                changing_table: Set(changing_table),
                fee_cents: Set(fee_cents),
                ..Default::default()
            }
        },
    );
    toilet::Entity::insert_many(rows).exec(db).await?;
    Ok(())
}
