//! Demo content: what a module shows on a demo installation (example toilets, the
//! catalogue's sample entries). Loaded once per database, only when demo content is
//! on, inside the transaction that records the module's content as loaded.

use async_trait::async_trait;
use sea_orm::DatabaseTransaction;

use crate::AppError;

/// One module's demo content. Contributed (many).
#[async_trait]
pub trait DemoContent: Send + Sync {
    /// Writes the content in `txn`.
    async fn load(&self, txn: &DatabaseTransaction) -> Result<(), AppError>;
}
