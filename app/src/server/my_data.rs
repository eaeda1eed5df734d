//! "Download my data": everything the portal keeps about the signed-in person (their
//! account as the sign-in gave it and every module's part) as one ZIP archive with a
//! readable `index.html` in their language, a `data.json` with the same content for
//! other systems, and their stored files. Each copy is written to the audit trail.

mod archive;
mod index_page;
mod layout;

use kernel::{
    AppError, I18n, Identity, ModuleContext,
    audit::AuditEntry,
    personal_data::{DataPart, DataRecord},
};

/// The audit action of a copy.
pub const AUDIT_ACTION: &str = "data_copy";

/// A finished archive.
pub struct Copy {
    /// The archive, positioned at its start.
    pub file: std::fs::File,
    /// Its size in bytes.
    pub size: u64,
    /// The file name offered for saving.
    pub name: String,
}

/// Collects the data of `identity`, writes the archive and records that it was made.
pub async fn make(
    ctx: &ModuleContext,
    identity: &Identity,
    i18n: &I18n,
    now: i64,
) -> Result<Copy, AppError> {
    let subject = identity.subject.clone().ok_or(AppError::NotFound)?;
    let parts = collect(ctx, identity, &subject, i18n).await?;
    let places = layout::layout(&parts);
    let local = kernel::time::local(now);
    let written = kernel::time::minute(now);
    let zip_time = zip::DateTime::try_from(local)
        .map_err(|e| AppError::internal(format!("archive time: {e}")))?;
    let store = ctx.files.clone();
    let handle = tokio::runtime::Handle::current();
    let records: usize = parts.iter().map(|p| p.records.len()).sum();
    let files: usize = parts
        .iter()
        .flat_map(|p| &p.records)
        .map(|r| r.files.len())
        .sum();
    let texts_i18n = *i18n;
    let file = tokio::task::spawn_blocking(move || {
        archive::write(&handle, &store, places, zip_time, |placed| archive::Texts {
            index: index_page::render(&texts_i18n, &parts, placed, &written),
            json: json(&parts, placed, now, texts_i18n.locale.code()),
        })
    })
    .await
    .map_err(|e| AppError::internal(format!("data copy task: {e}")))?
    .map_err(|e| AppError::internal(format!("data copy archive: {e}")))?;
    let size = file
        .metadata()
        .map_err(|e| AppError::internal(format!("data copy size: {e}")))?
        .len();
    kernel::audit::record(
        &ctx.db,
        &AuditEntry {
            at: now,
            actor: subject,
            actor_name: identity.name.clone().unwrap_or_default(),
            action: AUDIT_ACTION.into(),
            case_id: None,
            detail: Some(format!("{records} records, {files} files")),
        },
    )
    .await?;
    Ok(Copy {
        file,
        size,
        name: format!(
            "{}-{}.zip",
            i18n.t("shell-data-file-name"),
            local.format("%Y-%m-%d")
        ),
    })
}

/// The account part, then every module's.
async fn collect(
    ctx: &ModuleContext,
    identity: &Identity,
    subject: &str,
    i18n: &I18n,
) -> Result<Vec<DataPart>, AppError> {
    let mut parts = vec![DataPart {
        title: i18n.t("shell-data-account"),
        folder: "konto",
        note: i18n.t("shell-account-intro"),
        records: vec![DataRecord {
            heading: i18n.t("shell-data-account-record"),
            folder: "konto".into(),
            facts: crate::pages::account_facts(i18n, identity),
            answers: Vec::new(),
            history: Vec::new(),
            files: Vec::new(),
        }],
    }];
    for (_, source) in ctx.all::<dyn kernel::personal_data::PersonalData>() {
        parts.extend(source.collect(ctx, subject, i18n).await?);
    }
    Ok(parts)
}

/// `data.json`: the parts as they are, each file with its path in the archive and
/// whether it is there.
fn json(parts: &[DataPart], layout: &layout::Layout, now: i64, locale: &str) -> Vec<u8> {
    let mut value = serde_json::json!({
        "created": chrono::DateTime::from_timestamp(now, 0).map(|t| t.to_rfc3339()),
        "language": locale,
        "parts": parts,
    });
    for (p, records) in layout.iter().enumerate() {
        for (r, files) in records.iter().enumerate() {
            for (f, placed) in files.iter().enumerate() {
                if let Some(file) = value
                    .pointer_mut(&format!("/parts/{p}/records/{r}/files/{f}"))
                    .and_then(|file| file.as_object_mut())
                {
                    file.insert("path".into(), placed.path.clone().into());
                    file.insert("present".into(), placed.present.into());
                }
            }
        }
    }
    serde_json::to_vec_pretty(&value).unwrap_or_default()
}
