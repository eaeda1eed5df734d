//! The documents of a case: the files filed with the request (kept by the forms
//! module) and those added since (answers, decision letters, opinions). Staff of the
//! case see all of them; the citizen sees theirs and the published letters.

use kernel::{AppError, intake::FiledAnswers};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use crate::{case::Case, entity::file, shown::ShownDocument};

/// The kind of the files filed with the request.
pub const REQUEST: &str = "request";

/// Every document of `case` the person may see (`staff`: everything), filed ones
/// first, then the others in the order they came.
pub async fn of_case(
    db: &DatabaseConnection,
    filed: Option<&dyn FiledAnswers>,
    case: &Case,
    staff: bool,
) -> Result<Vec<ShownDocument>, AppError> {
    let mut documents: Vec<ShownDocument> = match filed {
        Some(filed) => filed
            .files(db, &case.submission_id)
            .await?
            .into_iter()
            .map(|f| ShownDocument {
                id: f.id,
                name: f.name,
                media_type: f.media_type,
                size: f.size,
                kind: REQUEST.into(),
                at: kernel::time::minute(case.submitted_at),
                internal: false,
            })
            .collect(),
        None => Vec::new(),
    };
    let mut added = file::Entity::find().filter(file::Column::CaseId.eq(case.id.as_str()));
    if !staff {
        added = added.filter(file::Column::Internal.eq(false));
    }
    let added = added.order_by_asc(file::Column::At).all(db).await?;
    documents.extend(added.into_iter().map(|row| ShownDocument {
        id: row.id,
        name: row.name,
        media_type: row.media_type,
        size: u64::try_from(row.size).unwrap_or_default(),
        kind: row.kind,
        at: kernel::time::minute(row.at),
        internal: row.internal,
    }));
    Ok(documents)
}

/// Document `file_id` of `case`, if it is one the person may see.
pub async fn find(
    db: &DatabaseConnection,
    filed: Option<&dyn FiledAnswers>,
    case: &Case,
    file_id: &str,
    staff: bool,
) -> Result<Option<ShownDocument>, AppError> {
    Ok(of_case(db, filed, case, staff)
        .await?
        .into_iter()
        .find(|d| d.id == file_id))
}

/// Refuses the citizen of `case` unless signed in at the level its service asked for
/// when filing (see `kernel::access::require_level`): reading needs what writing did.
pub async fn require_filing_level(
    db: &DatabaseConnection,
    filed: Option<&dyn FiledAnswers>,
    identity: &kernel::Identity,
    case: &Case,
) -> Result<(), AppError> {
    let Some(filed) = filed else {
        return Ok(());
    };
    match filed.level(db, &case.submission_id).await? {
        Some(level) => kernel::access::require_level(identity, level),
        None => Ok(()),
    }
}
