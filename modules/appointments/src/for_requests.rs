//! The appointments booked for a filed request, for those who process it: the module
//! that processes requests shows them with the request.

use std::sync::{Arc, OnceLock};

use async_trait::async_trait;
use chrono::NaiveDateTime;
use kernel::{
    AppError, ModuleContext,
    booking::{RequestAppointment, RequestAppointments},
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::{
    book::{BOOKED, CANCELLED, UNCONFIRMED},
    citizen::{Desk, appointment_view},
    entity::appointment,
};

/// The module's [`RequestAppointments`].
pub struct BookedForRequests(pub Arc<OnceLock<Arc<Desk>>>);

#[async_trait]
impl RequestAppointments for BookedForRequests {
    async fn for_request(
        &self,
        ctx: &ModuleContext,
        submission: &str,
    ) -> Result<Vec<RequestAppointment>, AppError> {
        let Some(desk) = self.0.get() else {
            return Ok(Vec::new());
        };
        let rows = appointment::Entity::find()
            .filter(appointment::Column::Request.eq(submission))
            .filter(appointment::Column::State.is_in([UNCONFIRMED, BOOKED, CANCELLED]))
            .order_by_asc(appointment::Column::Day)
            .order_by_asc(appointment::Column::FirstSlot)
            .all(&ctx.db)
            .await?;
        let now = chrono::Utc::now().timestamp();
        let mut found = Vec::with_capacity(rows.len());
        for row in rows {
            let view = appointment_view(ctx, desk, &row, kernel::Locale::DE.code(), now).await?;
            let start = NaiveDateTime::parse_from_str(
                &format!("{} {}", view.day, view.from),
                "%Y-%m-%d %H:%M",
            )
            .map_err(AppError::internal)?;
            found.push(RequestAppointment {
                reference: view.reference,
                starts_at: kernel::time::to_unix(start),
                office: view.office.name,
                cancelled: row.state == CANCELLED,
            });
        }
        Ok(found)
    }
}
