//! Where a page's texts come from. The server embeds every language's fluent files
//! (a [`StaticLoader`]); the browser gets only the page's language and German, as the
//! fluent files the page fetches beside the WebAssembly ([`FetchedTexts`]), so the
//! texts of every language are not part of the module every citizen downloads.

use std::{borrow::Cow, collections::HashMap};

use fluent_templates::{
    FluentBundle, LanguageIdentifier, Loader, StaticLoader,
    fluent_bundle::{FluentResource, FluentValue},
};

/// Fluent variables of one lookup.
pub type Args = HashMap<Cow<'static, str>, FluentValue<'static>>;

/// The portal's texts in one or more languages.
pub trait Texts: Send + Sync {
    /// The text of `key` (`message` or `message.attribute`) in `language`, with
    /// `args`; `None` where that language lacks it or cannot write it.
    fn lookup(
        &self,
        language: &LanguageIdentifier,
        key: &str,
        args: Option<&Args>,
    ) -> Option<String>;

    /// The languages the texts hold.
    fn languages(&self) -> Vec<LanguageIdentifier>;
}

impl Texts for StaticLoader {
    fn lookup(
        &self,
        language: &LanguageIdentifier,
        key: &str,
        args: Option<&Args>,
    ) -> Option<String> {
        self.lookup_single_language(language, key, args).ok()
    }

    fn languages(&self) -> Vec<LanguageIdentifier> {
        self.locales().cloned().collect()
    }
}

/// Texts read from fluent files at run time: in the browser, the files the page
/// fetched.
pub struct FetchedTexts {
    bundles: HashMap<LanguageIdentifier, FluentBundle<FluentResource>>,
}

impl FetchedTexts {
    /// The texts of `files`, each a language's tag and the fluent text of all its
    /// files. A message that does not parse is left out (and shows as its key), as the
    /// server's loader would refuse to start with it; an unknown tag is skipped.
    pub fn read(files: impl IntoIterator<Item = (String, String)>) -> Self {
        let mut bundles = HashMap::new();
        for (tag, source) in files {
            let Ok(language) = tag.parse::<LanguageIdentifier>() else {
                continue;
            };
            let resource = FluentResource::try_new(source).unwrap_or_else(|(partial, _)| partial);
            let mut bundle = FluentBundle::new_concurrent(vec![language.clone()]);
            // As on the server: no isolation marks around variables.
            bundle.set_use_isolating(false);
            bundle.add_resource_overriding(resource);
            bundles.insert(language, bundle);
        }
        Self { bundles }
    }
}

impl Texts for FetchedTexts {
    fn lookup(
        &self,
        language: &LanguageIdentifier,
        key: &str,
        args: Option<&Args>,
    ) -> Option<String> {
        let bundle = self.bundles.get(language)?;
        let pattern = match key.split_once('.') {
            Some((message, attribute)) => bundle
                .get_message(message)?
                .get_attribute(attribute)?
                .value(),
            None => bundle.get_message(key)?.value()?,
        };
        let args = args.map(|args| {
            args.iter()
                .map(|(name, value)| (name.clone(), value.clone()))
                .collect()
        });
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args.as_ref(), &mut errors);
        errors.is_empty().then(|| text.into_owned())
    }

    fn languages(&self) -> Vec<LanguageIdentifier> {
        self.bundles.keys().cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts() -> FetchedTexts {
        FetchedTexts::read([
            (
                "de".to_owned(),
                "greeting = Hallo { $name }!\nform = Formular\n    .label = Antrag\n".to_owned(),
            ),
            ("en".to_owned(), "greeting = Hello { $name }!\n".to_owned()),
            ("not a tag!".to_owned(), "x = y\n".to_owned()),
        ])
    }

    #[test]
    fn fetched_texts_write_messages_attributes_and_variables_as_the_server_does() {
        let texts = texts();
        let (de, en) = ("de".parse().unwrap(), "en".parse().unwrap());
        let args: Args = [(Cow::Borrowed("name"), FluentValue::from("Erika"))].into();
        assert_eq!(
            texts.lookup(&en, "greeting", Some(&args)).as_deref(),
            Some("Hello Erika!")
        );
        assert_eq!(
            texts.lookup(&de, "form.label", None).as_deref(),
            Some("Antrag")
        );
        assert_eq!(texts.lookup(&de, "form", None).as_deref(), Some("Formular"));
        assert_eq!(texts.lookup(&en, "form", None), None);
        assert_eq!(texts.lookup(&de, "form.missing", None), None);
        let mut languages = texts.languages();
        languages.sort_by_key(ToString::to_string);
        assert_eq!(languages, vec![de, en]);
    }

    #[test]
    fn a_message_that_does_not_parse_is_left_out_and_the_rest_kept() {
        let texts = FetchedTexts::read([(
            "de".to_owned(),
            "good = Gut\nbroken = { $\nalso-good = Auch gut\n".to_owned(),
        )]);
        let de = "de".parse().unwrap();
        assert_eq!(texts.lookup(&de, "good", None).as_deref(), Some("Gut"));
        assert_eq!(texts.lookup(&de, "broken", None), None);
        assert_eq!(
            texts.lookup(&de, "also-good", None).as_deref(),
            Some("Auch gut")
        );
    }
}
