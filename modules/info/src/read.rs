//! Reading the catalogue for pages and for the search.

use std::collections::HashMap;

use kernel::{Locale, SearchDocument};
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder};

use crate::{
    MODULE_ID,
    entity::{office, service, service_office},
    sanitise,
    view::{ListedService, OfficeView, ServiceView},
};

/// The page of service `id`.
pub fn href(id: &str) -> String {
    format!("/info/{id}")
}

/// The published texts of service `id` in `locale`, else in German.
async fn texts(
    db: &DatabaseConnection,
    id: &str,
    locale: &str,
) -> Result<Option<service::Model>, DbErr> {
    let rows = service::Entity::find()
        .filter(service::Column::Id.eq(id))
        .filter(service::Column::Published.eq(true))
        .all(db)
        .await?;
    let in_locale = |code: &str| rows.iter().find(|row| row.locale == code).cloned();
    Ok(in_locale(locale).or_else(|| in_locale(Locale::DE.code())))
}

/// Service `id` with its published offices, in `locale` where translated.
pub async fn service(
    db: &DatabaseConnection,
    id: &str,
    locale: &str,
) -> Result<Option<ServiceView>, DbErr> {
    let Some(row) = texts(db, id, locale).await? else {
        return Ok(None);
    };
    let office_ids: Vec<String> = service_office::Entity::find()
        .filter(service_office::Column::ServiceId.eq(id))
        .all(db)
        .await?
        .into_iter()
        .map(|link| link.office_id)
        .collect();
    let offices = office::Entity::find()
        .filter(office::Column::Id.is_in(office_ids))
        .filter(office::Column::Published.eq(true))
        .order_by_asc(office::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|o| OfficeView {
            place: match (o.postal_code, o.city) {
                (Some(code), Some(city)) => Some(format!("{code} {city}")),
                (code, city) => code.or(city),
            },
            name: o.name,
            department: o.department,
            street: o.street,
            phone: o.phone,
            email: o.email,
            web: o.web,
        })
        .collect();
    Ok(Some(ServiceView {
        lang: (row.locale != locale).then(|| row.locale.clone()),
        name: row.name,
        description: row.description,
        fees: row.fees,
        leika: row.leika,
        offices,
        booking: None,
    }))
}

/// Every published service by name in `locale`, German where not translated.
pub async fn list(db: &DatabaseConnection, locale: &str) -> Result<Vec<ListedService>, DbErr> {
    let rows = service::Entity::find()
        .filter(service::Column::Published.eq(true))
        .filter(service::Column::Locale.is_in([locale, Locale::DE.code()]))
        .all(db)
        .await?;
    let mut listed: Vec<ListedService> = one_per_service(rows, locale)
        .into_iter()
        .map(|row| ListedService {
            href: href(&row.id),
            lang: (row.locale != locale).then_some(row.locale),
            name: row.name,
        })
        .collect();
    listed.sort_by_cached_key(|s| (filing_key(&s.name), s.href.clone()));
    Ok(listed)
}

/// Of each service's `rows`, the one in `locale`, else the German one.
pub fn one_per_service(rows: Vec<service::Model>, locale: &str) -> Vec<service::Model> {
    let mut chosen: HashMap<String, service::Model> = HashMap::new();
    for row in rows {
        let better = chosen
            .get(&row.id)
            .is_none_or(|kept| kept.locale != locale && row.locale == locale);
        if better {
            chosen.insert(row.id.clone(), row);
        }
    }
    chosen.into_values().collect()
}

/// How a name is filed in an A–Z list: letters without case, umlauts with their vowel.
pub fn filing_key(name: &str) -> String {
    name.to_lowercase()
        .replace('ä', "a")
        .replace('ö', "o")
        .replace('ü', "u")
        .replace('ß', "ss")
}

/// The search documents of the published services (`ids`, or all when `None`).
pub async fn search_documents(
    db: &DatabaseConnection,
    ids: Option<&[String]>,
) -> Result<Vec<SearchDocument>, DbErr> {
    let mut query = service::Entity::find().filter(service::Column::Published.eq(true));
    if let Some(ids) = ids {
        query = query.filter(service::Column::Id.is_in(ids.iter().cloned()));
    }
    Ok(query
        .all(db)
        .await?
        .into_iter()
        .filter_map(|row| {
            let locale = Locale::parse(&row.locale)?;
            let body = [
                sanitise::text(&row.description),
                row.fees.as_deref().map(sanitise::text).unwrap_or_default(),
            ]
            .join("\n");
            Some(SearchDocument {
                module: MODULE_ID.into(),
                href: href(&row.id),
                id: row.id,
                locale,
                title: row.name,
                body,
                keywords: row
                    .keywords
                    .lines()
                    .map(str::to_owned)
                    .chain(row.leika)
                    .collect(),
                department: String::new(),
                tags: Vec::new(),
            })
        })
        .collect())
}
