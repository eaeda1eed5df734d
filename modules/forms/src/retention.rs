//! Drafts past their expiry (`forms.draft_days` after their last change) for the
//! portal's retention job.

use async_trait::async_trait;
use kernel::{
    AppError, ModuleContext,
    retention::{Expired, Retention},
};

/// The forms module's [`Retention`]: expired drafts.
#[derive(Debug, Default)]
pub struct ExpiredDrafts;

/// The kind of item in the retention list.
pub const DRAFT: &str = "draft";

#[async_trait]
impl Retention for ExpiredDrafts {
    async fn expired(&self, ctx: &ModuleContext, now: i64) -> Result<Vec<Expired>, AppError> {
        Ok(crate::drafts::expired(&ctx.db, now)
            .await?
            .into_iter()
            .map(|draft| Expired {
                kind: DRAFT,
                id: draft.id,
                label: draft.service_id,
                since: draft.expires_at,
            })
            .collect())
    }

    async fn delete(
        &self,
        ctx: &ModuleContext,
        item: &Expired,
        now: i64,
    ) -> Result<bool, AppError> {
        Ok(crate::drafts::delete_if_expired(&ctx.db, ctx.files.as_ref(), &item.id, now).await?)
    }
}
