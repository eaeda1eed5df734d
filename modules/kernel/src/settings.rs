//! A module's own section of the portal settings (`[forms]`, `[cases]`, …): its type,
//! defaults, help lines and checks live in the module; the host reads the section
//! from `portal.toml` and `PORTAL_<MODULE>__<KEY>` like its own and stops the start
//! with a message naming the key when a value is wrong.

use serde::{Serialize, de::DeserializeOwned};

/// The settings of one module, registered with [`crate::ModuleBuilder::settings`].
/// Derive `Deserialize` with `#[serde(deny_unknown_fields, default)]`, so a typo is
/// an error and a missing key its default.
pub trait ModuleSettings: Serialize + DeserializeOwned + Default + Send + Sync + 'static {
    /// Every key with its help line for `portal serve --help` (keys without the
    /// section; a test checks that they and the type agree).
    const DOCUMENTED: &'static [(&'static str, &'static str)];

    /// Checks what the type alone does not.
    fn validate(&self) -> Result<(), SettingError> {
        Ok(())
    }
}

/// A wrong value: the key (without the section) and what is allowed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingError {
    /// E.g. `draft_days`.
    pub key: &'static str,
    /// E.g. `must be between 1 and 365`.
    pub allowed: String,
}

impl SettingError {
    /// `key` is wrong; `allowed` says what it may be.
    pub fn new(key: &'static str, allowed: impl Into<String>) -> Self {
        Self {
            key,
            allowed: allowed.into(),
        }
    }
}

/// A module's section as the host handles it, without its type.
#[derive(Clone, Copy)]
pub struct Section {
    /// The section's name: the module's id.
    pub key: &'static str,
    /// Its keys with their help lines.
    pub documented: &'static [(&'static str, &'static str)],
    check: fn(&'static str, serde_json::Value) -> Result<serde_json::Value, String>,
    defaults: fn() -> serde_json::Value,
}

impl std::fmt::Debug for Section {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Section").field("key", &self.key).finish()
    }
}

impl Section {
    /// The section `key` of type `T`.
    pub fn of<T: ModuleSettings>(key: &'static str) -> Self {
        Self {
            key,
            documented: T::DOCUMENTED,
            check: check::<T>,
            defaults: || serde_json::to_value(T::default()).unwrap_or_default(),
        }
    }

    /// The section as given (`None` when not given at all), read and checked: every
    /// key with its value or default, or a message naming the wrong key.
    pub fn check(&self, given: Option<serde_json::Value>) -> Result<serde_json::Value, String> {
        (self.check)(
            self.key,
            given.unwrap_or_else(|| serde_json::Value::Object(Default::default())),
        )
    }

    /// Every key's default.
    pub fn defaults(&self) -> serde_json::Value {
        (self.defaults)()
    }

    /// The keys of the type's defaults that its help lines lack, and the help lines'
    /// keys the type lacks; both empty when they agree.
    pub fn undocumented(&self) -> (Vec<String>, Vec<&'static str>) {
        let keys: Vec<String> = self
            .defaults()
            .as_object()
            .map(|map| map.keys().cloned().collect())
            .unwrap_or_default();
        let missing = keys
            .iter()
            .filter(|key| {
                !self
                    .documented
                    .iter()
                    .any(|(documented, _)| documented == key)
            })
            .cloned()
            .collect();
        let stale = self
            .documented
            .iter()
            .map(|(key, _)| *key)
            .filter(|key| !keys.iter().any(|k| k == key))
            .collect();
        (missing, stale)
    }
}

/// The section `key` of `settings` (every module's checked section by id, as modules
/// see them) as `T`; its defaults where the section is missing.
pub fn section_in<T: ModuleSettings>(settings: &serde_json::Value, key: &str) -> T {
    settings
        .get(key)
        .and_then(|section| serde_json::from_value(section.clone()).ok())
        .unwrap_or_default()
}

fn check<T: ModuleSettings>(
    key: &'static str,
    given: serde_json::Value,
) -> Result<serde_json::Value, String> {
    let settings: T = serde_path_to_error::deserialize(given).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        if path.is_empty() || path == "." {
            format!("`{key}`: {inner}")
        } else {
            format!("`{key}.{path}`: {inner}")
        }
    })?;
    settings
        .validate()
        .map_err(|error| format!("`{key}.{}`: {}", error.key, error.allowed))?;
    serde_json::to_value(settings).map_err(|error| format!("`{key}`: {error}"))
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;

    #[derive(Debug, Serialize, Deserialize)]
    #[serde(deny_unknown_fields, default)]
    struct Drafts {
        keep_days: u32,
        folder: String,
    }

    impl Default for Drafts {
        fn default() -> Self {
            Self {
                keep_days: 30,
                folder: "drafts".into(),
            }
        }
    }

    impl ModuleSettings for Drafts {
        const DOCUMENTED: &'static [(&'static str, &'static str)] = &[
            ("keep_days", "days a draft is kept (1-365)"),
            ("folder", "where drafts are"),
        ];

        fn validate(&self) -> Result<(), SettingError> {
            if !(1..=365).contains(&self.keep_days) {
                return Err(SettingError::new("keep_days", "must be between 1 and 365"));
            }
            Ok(())
        }
    }

    #[test]
    fn a_missing_section_or_key_is_its_default() {
        let section = Section::of::<Drafts>("forms");
        let checked = section.check(None).unwrap();
        assert_eq!(
            checked,
            serde_json::json!({"keep_days": 30, "folder": "drafts"})
        );
        let checked = section
            .check(Some(serde_json::json!({"keep_days": 7})))
            .unwrap();
        assert_eq!(checked["keep_days"], 7);
        assert_eq!(checked["folder"], "drafts");
    }

    #[test]
    fn a_wrong_value_names_the_section_and_key() {
        let section = Section::of::<Drafts>("forms");
        let error = section
            .check(Some(serde_json::json!({"keep_days": 0})))
            .unwrap_err();
        assert_eq!(error, "`forms.keep_days`: must be between 1 and 365");
        let error = section
            .check(Some(serde_json::json!({"keep_days": "many"})))
            .unwrap_err();
        assert!(
            error.starts_with("`forms.keep_days`: invalid type"),
            "{error}"
        );
        let error = section
            .check(Some(serde_json::json!({"keep_dayz": 3})))
            .unwrap_err();
        assert!(
            error.starts_with("`forms.keep_dayz`: unknown field `keep_dayz`"),
            "{error}"
        );
    }

    #[test]
    fn documentation_and_type_agree() {
        assert_eq!(
            Section::of::<Drafts>("forms").undocumented(),
            (Vec::<String>::new(), Vec::new())
        );
    }
}
