//! The cases as the caseworkers' search reads them: reference, applicant, service,
//! state, department, assignee, dates, and the text of the answers and of every
//! message and note on the timeline (the search only ever answers caseworkers of the
//! case's department).

use std::collections::HashMap;

use async_trait::async_trait;
use kernel::{
    AppError, Locale, ModuleContext,
    case_search::{CaseDocument, CaseSource},
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::entity::{case, event};

/// Reads cases for the search.
#[derive(Debug, Default)]
pub struct SearchableCases;

#[async_trait]
impl CaseSource for SearchableCases {
    async fn cases(
        &self,
        ctx: &ModuleContext,
        ids: &[String],
    ) -> Result<Vec<CaseDocument>, AppError> {
        let rows = case::Entity::find()
            .filter(case::Column::Id.is_in(ids.iter().cloned()))
            .all(&ctx.db)
            .await?;
        documents(ctx, rows).await
    }

    async fn cases_after(
        &self,
        ctx: &ModuleContext,
        after: Option<&str>,
        limit: u64,
    ) -> Result<Vec<CaseDocument>, AppError> {
        let mut query = case::Entity::find();
        if let Some(after) = after {
            query = query.filter(case::Column::Id.gt(after));
        }
        let rows = query
            .order_by_asc(case::Column::Id)
            .limit(limit)
            .all(&ctx.db)
            .await?;
        documents(ctx, rows).await
    }
}

/// The search documents of `rows`, with their timelines' texts and their answers each
/// read in one query.
async fn documents(
    ctx: &ModuleContext,
    rows: Vec<case::Model>,
) -> Result<Vec<CaseDocument>, AppError> {
    let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
    let mut texts: HashMap<String, Vec<String>> = HashMap::new();
    let bodies: Vec<(String, Option<String>)> = event::Entity::find()
        .select_only()
        .column(event::Column::CaseId)
        .column(event::Column::Body)
        .filter(event::Column::CaseId.is_in(ids))
        .filter(event::Column::Body.is_not_null())
        .order_by_asc(event::Column::Id)
        .into_tuple()
        .all(&ctx.db)
        .await?;
    for (case_id, body) in bodies {
        texts.entry(case_id).or_default().extend(body);
    }
    let submissions: Vec<String> = rows.iter().map(|r| r.submission_id.clone()).collect();
    let mut answers = match &ctx.get::<dyn kernel::intake::FiledAnswers>() {
        Some(filed) => filed.answers_of(&ctx.db, &submissions, ctx.texts).await?,
        None => HashMap::new(),
    };
    let mut documents = Vec::with_capacity(rows.len());
    for row in rows {
        let mut text = texts.remove(&row.id).unwrap_or_default();
        text.extend(
            answers
                .remove(&row.submission_id)
                .unwrap_or_default()
                .into_iter()
                .flat_map(|s| s.rows)
                .map(|(_, answer)| answer),
        );
        let title: kernel::Text = serde_json::from_str(&row.service_title).unwrap_or_default();
        documents.push(CaseDocument {
            service_title: title.get(Locale::DE).to_owned(),
            id: row.id,
            reference: row.reference,
            applicant: row.applicant,
            service_id: row.service_id,
            state: row.state,
            department: row.department,
            assignee: row.assignee,
            submitted_at: row.submitted_at,
            due_at: row.due_at,
            text: text.join("\n"),
        });
    }
    Ok(documents)
}
