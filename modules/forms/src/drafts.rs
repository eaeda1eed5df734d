//! Storage of drafts and submissions.

use kernel::write_transaction::begin_write;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder,
};

use crate::{
    answers::Answers,
    definition::ServiceDefinition,
    entity::{draft, service_version, submission},
    validate::Problem,
};

/// A form in progress.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    /// Id (a UUID), also the idempotency key of its submission.
    pub id: String,
    /// Subject of the citizen.
    pub owner: String,
    /// Service id.
    pub service_id: String,
    /// The definition version the draft is filled in.
    pub version_id: i32,
    /// Answers so far.
    pub answers: Answers,
    /// The problems of the last refused post, and of which step.
    pub problems: Option<(usize, Vec<Problem>)>,
    /// Index of the furthest step completed.
    pub furthest_step: usize,
    /// Last change (Unix seconds).
    pub updated_at: i64,
    /// When it is deleted (Unix seconds).
    pub expires_at: i64,
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, DbErr> {
    serde_json::to_string(value).map_err(|e| DbErr::Custom(e.to_string()))
}

fn from_row(row: draft::Model) -> Result<Draft, DbErr> {
    let answers = serde_json::from_str(&row.answers).map_err(|e| DbErr::Custom(e.to_string()))?;
    let problems = match (row.problem_step, row.problems) {
        (Some(step), Some(text)) => Some((
            usize::try_from(step).unwrap_or_default(),
            serde_json::from_str(&text).map_err(|e| DbErr::Custom(e.to_string()))?,
        )),
        _ => None,
    };
    Ok(Draft {
        id: row.id,
        owner: row.owner,
        service_id: row.service_id,
        version_id: row.version_id,
        answers,
        problems,
        furthest_step: usize::try_from(row.furthest_step).unwrap_or_default(),
        updated_at: row.updated_at,
        expires_at: row.expires_at,
    })
}

/// Starts a draft.
pub async fn create(
    db: &DatabaseConnection,
    owner: &str,
    service_id: &str,
    version_id: i32,
    answers: Answers,
    now: i64,
    expires_at: i64,
) -> Result<Draft, DbErr> {
    let id = uuid::Uuid::new_v4().to_string();
    draft::Entity::insert(draft::ActiveModel {
        id: Set(id.clone()),
        owner: Set(owner.to_owned()),
        service_id: Set(service_id.to_owned()),
        version_id: Set(version_id),
        answers: Set(json(&answers)?),
        problems: Set(None),
        problem_step: Set(None),
        furthest_step: Set(0),
        created_at: Set(now),
        updated_at: Set(now),
        expires_at: Set(expires_at),
    })
    .exec(db)
    .await?;
    find(db, &id, owner, now)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound(id))
}

/// The draft `id` of `owner`, unless it has expired. Someone else's draft is not found.
pub async fn find(
    db: &impl ConnectionTrait,
    id: &str,
    owner: &str,
    now: i64,
) -> Result<Option<Draft>, DbErr> {
    draft::Entity::find_by_id(id.to_owned())
        .filter(draft::Column::Owner.eq(owner))
        .filter(draft::Column::ExpiresAt.gt(now))
        .one(db)
        .await?
        .map(from_row)
        .transpose()
}

/// Draft `id` while it lasts, whoever owns it: for answers that arrive after the
/// owner's session ended. Its id is unguessable, so only its owner can name it.
pub async fn find_any(
    db: &impl ConnectionTrait,
    id: &str,
    now: i64,
) -> Result<Option<Draft>, DbErr> {
    draft::Entity::find_by_id(id.to_owned())
        .filter(draft::Column::ExpiresAt.gt(now))
        .one(db)
        .await?
        .map(from_row)
        .transpose()
}

/// The open drafts of `owner` for `service_id`, newest first.
pub async fn open_for(
    db: &DatabaseConnection,
    owner: &str,
    service_id: &str,
    now: i64,
) -> Result<Vec<Draft>, DbErr> {
    draft::Entity::find()
        .filter(draft::Column::Owner.eq(owner))
        .filter(draft::Column::ServiceId.eq(service_id))
        .filter(draft::Column::ExpiresAt.gt(now))
        .order_by_desc(draft::Column::UpdatedAt)
        .all(db)
        .await?
        .into_iter()
        .map(from_row)
        .collect()
}

/// Saves answers, problems and progress.
pub async fn save(db: &DatabaseConnection, draft: &Draft, now: i64) -> Result<(), DbErr> {
    let (problem_step, problems) = match &draft.problems {
        Some((step, problems)) => (
            Some(i32::try_from(*step).unwrap_or_default()),
            Some(json(problems)?),
        ),
        None => (None, None),
    };
    draft::Entity::update_many()
        .col_expr(draft::Column::Answers, json(&draft.answers)?.into())
        .col_expr(draft::Column::Problems, problems.into())
        .col_expr(draft::Column::ProblemStep, problem_step.into())
        .col_expr(
            draft::Column::FurthestStep,
            i32::try_from(draft.furthest_step)
                .unwrap_or_default()
                .into(),
        )
        .col_expr(draft::Column::UpdatedAt, now.into())
        .col_expr(draft::Column::ExpiresAt, draft.expires_at.into())
        .filter(draft::Column::Id.eq(draft.id.as_str()))
        .filter(draft::Column::Owner.eq(draft.owner.as_str()))
        .exec(db)
        .await?;
    Ok(())
}

/// A draft past its expiry, as the retention job lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExpiredDraft {
    /// Draft id.
    pub id: String,
    /// Its service.
    pub service_id: String,
    /// When it expired (Unix seconds).
    pub expires_at: i64,
}

/// Every draft past its expiry at `now`, oldest first.
pub async fn expired(db: &DatabaseConnection, now: i64) -> Result<Vec<ExpiredDraft>, DbErr> {
    Ok(draft::Entity::find()
        .filter(draft::Column::ExpiresAt.lte(now))
        .order_by_asc(draft::Column::ExpiresAt)
        .all(db)
        .await?
        .into_iter()
        .map(|row| ExpiredDraft {
            id: row.id,
            service_id: row.service_id,
            expires_at: row.expires_at,
        })
        .collect())
}

/// Deletes draft `id` and the files uploaded to it when it is past its expiry at
/// `now`; returns whether it went. A file that cannot be deleted now is logged and the
/// draft kept, so the next run tries again.
pub async fn delete_if_expired(
    db: &DatabaseConnection,
    files: &dyn kernel::storage::FileStore,
    id: &str,
    now: i64,
) -> Result<bool, DbErr> {
    let Some(row) = draft::Entity::find_by_id(id.to_owned())
        .filter(draft::Column::ExpiresAt.lte(now))
        .one(db)
        .await?
    else {
        return Ok(false);
    };
    let answers: Answers = serde_json::from_str(&row.answers).unwrap_or_default();
    for file in uploaded(&answers) {
        if let Err(err) = files.delete(&file.id).await {
            tracing::warn!(error = %err, "file of an expired draft could not be deleted");
            return Ok(false);
        }
    }
    // Only if it has not been saved (and so extended) meanwhile.
    let gone = draft::Entity::delete_many()
        .filter(draft::Column::Id.eq(id))
        .filter(draft::Column::ExpiresAt.lte(now))
        .exec(db)
        .await?;
    Ok(gone.rows_affected == 1)
}

/// Deletes every draft past its expiry and the files uploaded to it; returns how many
/// drafts went.
pub async fn delete_expired(
    db: &DatabaseConnection,
    files: &dyn kernel::storage::FileStore,
    now: i64,
) -> Result<u64, DbErr> {
    let mut deleted = 0;
    for draft in expired(db, now).await? {
        if delete_if_expired(db, files, &draft.id, now).await? {
            deleted += 1;
        }
    }
    Ok(deleted)
}

/// Every file of `answers` (file fields are never inside groups).
pub fn uploaded(answers: &Answers) -> impl Iterator<Item = &crate::answers::FileRef> {
    answers.values().flat_map(|answer| match answer {
        crate::answers::Answer::Files(files) => files.as_slice(),
        _ => &[],
    })
}

/// A filed request in "my requests".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    /// Submission id.
    pub id: String,
    /// Service id.
    pub service_id: String,
    /// Reference number.
    pub reference: String,
    /// When it was sent (Unix seconds).
    pub at: i64,
}

/// `owner`'s open drafts, newest first.
pub async fn open_drafts(
    db: &DatabaseConnection,
    owner: &str,
    now: i64,
) -> Result<Vec<Draft>, DbErr> {
    draft::Entity::find()
        .filter(draft::Column::Owner.eq(owner))
        .filter(draft::Column::ExpiresAt.gt(now))
        .order_by_desc(draft::Column::UpdatedAt)
        .all(db)
        .await?
        .into_iter()
        .map(from_row)
        .collect()
}

/// Up to `limit` of `owner`'s filed requests, newest first, after the `skip` newest
/// (the answers stay in the database: the list shows none of them).
pub async fn filed(
    db: &DatabaseConnection,
    owner: &str,
    skip: u64,
    limit: u64,
) -> Result<Vec<Listed>, DbErr> {
    use sea_orm::QuerySelect as _;
    submission::Entity::find()
        .select_only()
        .columns([
            submission::Column::Id,
            submission::Column::ServiceId,
            submission::Column::Reference,
            submission::Column::SubmittedAt,
        ])
        .filter(submission::Column::Owner.eq(owner))
        .order_by_desc(submission::Column::SubmittedAt)
        .order_by_desc(submission::Column::Id)
        .offset(skip)
        .limit(limit)
        .into_tuple::<(String, String, String, i64)>()
        .all(db)
        .await
        .map(|rows| {
            rows.into_iter()
                .map(|(id, service_id, reference, at)| Listed {
                    id,
                    service_id,
                    reference,
                    at,
                })
                .collect()
        })
}

/// The definition of a stored version.
pub async fn definition(
    db: &impl ConnectionTrait,
    version_id: i32,
) -> Result<ServiceDefinition, DbErr> {
    let row = service_version::Entity::find_by_id(version_id)
        .one(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound(format!("definition version {version_id}")))?;
    serde_json::from_str(&row.definition).map_err(|e| DbErr::Custom(e.to_string()))
}

/// A filed request.
#[derive(Clone, Debug, PartialEq)]
pub struct Submission {
    /// Id.
    pub id: String,
    /// Reference number shown to the citizen.
    pub reference: String,
    /// Service id.
    pub service_id: String,
    /// The definition version it was filed under.
    pub version_id: i32,
    /// The answers.
    pub answers: Answers,
    /// When (Unix seconds).
    pub submitted_at: i64,
}

fn submission_from(row: submission::Model) -> Result<Submission, DbErr> {
    Ok(Submission {
        id: row.id,
        reference: row.reference,
        service_id: row.service_id,
        version_id: row.version_id,
        answers: serde_json::from_str(&row.answers).map_err(|e| DbErr::Custom(e.to_string()))?,
        submitted_at: row.submitted_at,
    })
}

/// How a submission is filed.
pub struct Filing<'a> {
    /// Reference number format.
    pub reference_format: &'a str,
    /// The year the reference counts in.
    pub year: i32,
    /// Now (Unix seconds).
    pub now: i64,
    /// The responsible department.
    pub department: &'a str,
    /// The service's title.
    pub service_title: &'a kernel::Text,
    /// The citizen's name as the sign-in gave it.
    pub owner_name: &'a str,
    /// The citizen's e-mail address as the sign-in gave it.
    pub owner_email: Option<&'a str>,
    /// The language the citizen files in.
    pub locale: kernel::Locale,
    /// Where filed requests go, if anywhere.
    pub intake: Option<&'a dyn kernel::intake::CaseIntake>,
}

/// Files `draft` with `answers` (only visible ones): one transaction writes the
/// submission with a new reference, hands it to the case intake and deletes the
/// draft. Filing the same draft again returns the first submission.
pub async fn submit(
    db: &DatabaseConnection,
    draft: &Draft,
    answers: &Answers,
    filing: Filing<'_>,
) -> Result<Submission, kernel::AppError> {
    let Filing {
        reference_format,
        year,
        now,
        department,
        service_title,
        owner_name,
        owner_email,
        locale,
        intake,
    } = filing;
    if let Some(existing) = submission_for_draft(db, &draft.id, &draft.owner).await? {
        return Ok(existing);
    }
    let txn = begin_write(db).await?;
    let number = next_number(&txn, year).await?;
    let id = uuid::Uuid::new_v4().to_string();
    let reference = reference(reference_format, year, number);
    let inserted = submission::Entity::insert(submission::ActiveModel {
        id: Set(id.clone()),
        reference: Set(reference.clone()),
        draft_id: Set(draft.id.clone()),
        owner: Set(draft.owner.clone()),
        service_id: Set(draft.service_id.clone()),
        version_id: Set(draft.version_id),
        answers: Set(json(answers)?),
        submitted_at: Set(now),
    })
    .exec(&txn)
    .await;
    if let Err(err) = inserted {
        // A concurrent submit of the same draft won: answer with its submission.
        txn.rollback().await?;
        return submission_for_draft(db, &draft.id, &draft.owner)
            .await?
            .ok_or_else(|| err.into());
    }
    if let Some(intake) = intake {
        let filed = kernel::intake::FiledRequest {
            id: id.clone(),
            reference,
            service_id: draft.service_id.clone(),
            service_title: service_title.clone(),
            department: department.to_owned(),
            owner: draft.owner.clone(),
            owner_name: owner_name.to_owned(),
            owner_email: owner_email.map(str::to_owned),
            locale,
            answers: crate::answers::as_text(answers),
            version_id: draft.version_id,
            submitted_at: now,
        };
        // An intake that fails undoes the whole submission; the draft stays.
        intake.intake(&txn, &filed).await?;
    }
    draft::Entity::delete_by_id(draft.id.clone())
        .exec(&txn)
        .await?;
    txn.commit().await?;
    metrics::counter!("portal_requests_filed_total").increment(1);
    find_submission(db, &id, &draft.owner)
        .await?
        .ok_or_else(|| kernel::AppError::internal("submission vanished"))
}

/// The submission filed from draft `draft_id` of `owner`, if any.
pub async fn submission_for_draft(
    db: &DatabaseConnection,
    draft_id: &str,
    owner: &str,
) -> Result<Option<Submission>, DbErr> {
    submission::Entity::find()
        .filter(submission::Column::DraftId.eq(draft_id))
        .filter(submission::Column::Owner.eq(owner))
        .one(db)
        .await?
        .map(submission_from)
        .transpose()
}

/// The submission `id`, whoever filed it (for staff, who are checked by the caller).
pub async fn submission_by_id(
    db: &DatabaseConnection,
    id: &str,
) -> Result<Option<Submission>, DbErr> {
    submission::Entity::find_by_id(id.to_owned())
        .one(db)
        .await?
        .map(submission_from)
        .transpose()
}

/// The submissions `ids` that exist.
pub async fn submissions_by_ids(
    db: &DatabaseConnection,
    ids: &[String],
) -> Result<Vec<Submission>, DbErr> {
    submission::Entity::find()
        .filter(submission::Column::Id.is_in(ids.iter().cloned()))
        .all(db)
        .await?
        .into_iter()
        .map(submission_from)
        .collect()
}

/// Every submission of `owner`, newest first.
pub async fn submissions_of(
    db: &DatabaseConnection,
    owner: &str,
) -> Result<Vec<Submission>, DbErr> {
    submission::Entity::find()
        .filter(submission::Column::Owner.eq(owner))
        .order_by_desc(submission::Column::SubmittedAt)
        .all(db)
        .await?
        .into_iter()
        .map(submission_from)
        .collect()
}

/// The submission `id` of `owner`.
pub async fn find_submission(
    db: &DatabaseConnection,
    id: &str,
    owner: &str,
) -> Result<Option<Submission>, DbErr> {
    submission::Entity::find_by_id(id.to_owned())
        .filter(submission::Column::Owner.eq(owner))
        .one(db)
        .await?
        .map(submission_from)
        .transpose()
}

/// The next reference number of `year`, counted in the database so that every
/// portal process draws from the same sequence.
async fn next_number(txn: &impl ConnectionTrait, year: i32) -> Result<i64, DbErr> {
    let backend = txn.get_database_backend();
    let upsert = sea_orm::Statement::from_sql_and_values(
        backend,
        match backend {
            sea_orm::DatabaseBackend::Postgres => {
                "INSERT INTO forms_reference_counter (year, last) VALUES ($1, 1) \
                 ON CONFLICT (year) DO UPDATE SET last = forms_reference_counter.last + 1 RETURNING last"
            }
            _ => {
                "INSERT INTO forms_reference_counter (year, last) VALUES (?, 1) \
                 ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last"
            }
        },
        [year.into()],
    );
    let row = txn
        .query_one(upsert)
        .await?
        .ok_or_else(|| DbErr::Custom("no reference number".into()))?;
    row.try_get("", "last")
}

/// A reference from `format`: `{year}` and `{number}` (or `{number:06}` for six
/// digits with leading zeros) are replaced.
pub fn reference(format: &str, year: i32, number: i64) -> String {
    let mut out = format.replace("{year}", &year.to_string());
    if let Some(start) = out.find("{number")
        && let Some(len) = out[start..].find('}')
    {
        let spec = &out[start + 7..start + len];
        let width: usize = spec
            .trim_start_matches(':')
            .trim_start_matches('0')
            .parse()
            .unwrap_or(0);
        let formatted = format!("{number:0width$}");
        out.replace_range(start..=start + len, &formatted);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::reference;

    #[test]
    fn references_follow_the_format() {
        assert_eq!(
            reference("M-{year}-{number:06}", 2026, 123),
            "M-2026-000123"
        );
        assert_eq!(reference("{number}/{year}", 2026, 7), "7/2026");
        assert_eq!(reference("KVR-{number:04}", 2026, 123_456), "KVR-123456");
    }
}
