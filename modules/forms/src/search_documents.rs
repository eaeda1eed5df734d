//! What the portal search knows of each service, in every language: title, keywords
//! (with the LeiKa key, which staff search by), and the texts a citizen reads before
//! starting; the page it leads to, the department and the life situations.

use std::sync::{Arc, OnceLock};

use kernel::{AppError, Locale, ModuleContext, SearchDocument, search::SearchSource};

use crate::{MODULE_ID, definition::ServiceDefinition, state::FormsState};

/// The services as the search sees them, once the module has started (none before).
pub struct Services(pub Arc<OnceLock<Arc<FormsState>>>);

#[async_trait::async_trait]
impl SearchSource for Services {
    /// Asked by every process's indexer when a service changed: a design published
    /// through another process is read here first.
    async fn documents(&self, ctx: &ModuleContext) -> Result<Vec<SearchDocument>, AppError> {
        let Some(state) = self.0.get() else {
            return Ok(Vec::new());
        };
        state
            .refresh(&ctx.db, chrono::Utc::now().timestamp())
            .await?;
        Ok(state
            .published()
            .catalogue
            .services
            .iter()
            .flat_map(|service| of(&service.definition))
            .collect())
    }
}

/// The search documents of `definition`, one per language.
pub fn of(definition: &ServiceDefinition) -> Vec<SearchDocument> {
    [Locale::DE, Locale::EN]
        .into_iter()
        .map(|locale| {
            let description = &definition.description;
            let texts = [
                Some(&definition.summary),
                Some(&description.what),
                Some(&description.who),
            ]
            .into_iter()
            .chain([
                description.requirements.as_ref(),
                description.documents.as_ref(),
                description.fees.as_ref(),
            ])
            .flatten()
            .map(|text| text.get(locale))
            .collect::<Vec<_>>();
            let words = if locale == Locale::EN {
                &definition.keywords.en
            } else {
                &definition.keywords.de
            };
            SearchDocument {
                module: MODULE_ID.into(),
                id: definition.id.clone(),
                locale,
                title: definition.title.get(locale).to_owned(),
                body: texts.join("\n"),
                keywords: words
                    .iter()
                    .cloned()
                    .chain(definition.leika.clone())
                    .collect(),
                href: format!("/leistungen/{}", definition.slug),
                department: definition.department.clone(),
                tags: definition.life_situations.clone(),
            }
        })
        .collect()
}
