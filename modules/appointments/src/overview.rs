//! A signed-in citizen's coming appointments in their overview, beside their requests
//! and drafts; each links to its page (by id, which only its owner may open so).

use std::sync::{Arc, OnceLock};

use async_trait::async_trait;
use kernel::{
    AppError, I18n, ModuleContext,
    overview::{OverviewItem, OverviewSection, PersonalOverview},
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::{
    book::{BOOKED, UNCONFIRMED},
    citizen::{Desk, appointment_view},
    entity::appointment,
    pages::dates::long_day,
};

/// The appointments' part of the overview.
pub struct ComingAppointments(pub Arc<OnceLock<Arc<Desk>>>);

#[async_trait]
impl PersonalOverview for ComingAppointments {
    async fn sections(
        &self,
        ctx: &ModuleContext,
        subject: &str,
        i18n: &I18n,
    ) -> Result<Vec<OverviewSection>, AppError> {
        let Some(desk) = self.0.get() else {
            return Ok(Vec::new());
        };
        let today = kernel::time::today().format("%Y-%m-%d").to_string();
        let rows = appointment::Entity::find()
            .filter(appointment::Column::Owner.eq(subject))
            .filter(appointment::Column::State.is_in([BOOKED, UNCONFIRMED]))
            .filter(appointment::Column::Day.gte(today))
            .order_by_asc(appointment::Column::Day)
            .order_by_asc(appointment::Column::FirstSlot)
            .all(&ctx.db)
            .await?;
        let now = chrono::Utc::now().timestamp();
        let mut items = Vec::with_capacity(rows.len());
        for row in rows {
            let view = appointment_view(ctx, desk, &row, i18n.locale.code(), now).await?;
            items.push(OverviewItem {
                title: view
                    .services
                    .iter()
                    .map(|s| s.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                lang: view.services.first().and_then(|s| s.lang.clone()),
                lines: vec![
                    format!("{}, {}–{}", long_day(i18n, &view.day), view.from, view.to),
                    format!("{}, {}", view.office.name, view.office.address),
                    format!("{} {}", i18n.t("appointments-reference"), view.reference),
                ],
                href: format!("/termine/vormerkung/{}", row.id),
                link: i18n.t("appointments-manage-long"),
            });
        }
        Ok(vec![OverviewSection {
            title: i18n.t("appointments-data-title"),
            empty: i18n.t("appointments-overview-none"),
            items,
        }])
    }
}
