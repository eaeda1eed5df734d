//! The portal's configuration: one typed struct from defaults, `portal.toml` and
//! `PORTAL_*` environment variables (in that order, later wins).
//!
//! Every setting is listed once in [`SETTINGS`], which feeds `portal serve --help`;
//! a test checks that the list and the struct agree. An unknown key or a bad value stops
//! start-up with a message that names the key and what is allowed.

use std::{
    net::SocketAddr,
    path::{Path, PathBuf},
};

use figment::{
    Figment,
    providers::{Env, Format, Serialized, Toml},
};
use serde::{Deserialize, Serialize};

mod api;
mod identity;
mod mail;
mod object_store;
mod open311;
mod traces;
mod webhooks;

pub use api::{ApiClient, ApiSettings};
pub use object_store::ObjectStoreSettings;
pub use open311::{Open311Key, Open311Settings};
pub use traces::TracesSettings;
pub use webhooks::{Subscription, WebhookSettings};

pub use identity::{
    AuthMode, AuthSettings, ClientAddress, OidcSettings, PerLevel, RateLimitSettings, RoleRules,
    Secret, StepUpMethod,
};
pub use mail::{MailSettings, MailTransport, SmtpSecurity, SmtpSettings};

/// Environment variables with the `PORTAL_` prefix that are not settings (used by the
/// test suite), so that their presence does not stop the portal.
const NOT_SETTINGS: &[&str] = &["TEST_DATABASE_URL", "TEST_PYTHON", "TEST_LOG"];

/// Log line format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines.
    #[default]
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

/// Where the portal runs; production refuses what is only meant for trying it out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Environment {
    /// A developer's machine or a demo.
    #[default]
    Development,
    /// Serving real people.
    Production,
}

/// Typed, validated configuration: the host's own settings, and the modules'
/// sections as given (each module checks its own; unknown top-level keys are refused
/// by [`Settings::load`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// `development` or `production`.
    pub environment: Environment,
    /// Address and port to listen on.
    pub listen: SocketAddr,
    /// Where `/metrics` is served (Prometheus text format); off when not set. Never
    /// the public address: metrics are for the city's monitoring only.
    pub metrics_listen: Option<SocketAddr>,
    /// Public base URL; `https` turns on `Secure` cookies.
    pub public_url: String,
    /// sea-orm database URL (`sqlite://…` or `postgres://…`).
    pub database_url: String,
    /// Largest number of pooled database connections.
    pub database_max_connections: u32,
    /// Memory for pages that are the same for every visitor (rendered once per
    /// language and content version), in megabytes; 0 renders every page anew.
    pub shared_pages_megabytes: u32,
    /// Folder for the portal's own files.
    pub data_dir: PathBuf,
    /// Folder for uploaded files and documents; `<data_dir>/files` when unset. Several
    /// portal processes share it (a shared volume); everything else in `data_dir` is
    /// each process's own.
    pub files_dir: Option<PathBuf>,
    /// Uploads and documents in a bucket of an S3-compatible store instead of
    /// `files_dir`: then the processes share no folder at all.
    pub object_store: ObjectStoreSettings,
    /// Folder with the built site (CSS, wasm, fonts).
    pub site_root: PathBuf,
    /// Load demo content into an empty database and show the demo banner; unset, on
    /// exactly when the demo sign-in is (an installation signing in through its
    /// provider is no demo unless its operator says so). Read it through
    /// [`Settings::demo_content`].
    #[serde(rename = "demo_content")]
    pub demo_content_setting: Option<bool>,
    /// Minutes without a request after which a session ends.
    pub session_idle_minutes: u32,
    /// Hours after sign-in after which a session ends regardless of activity.
    pub session_absolute_hours: u32,
    /// The key provider tokens are sealed with in the session store: 32 random bytes,
    /// base64. The same for every process of an installation; required in production
    /// with a provider. Unset elsewhere, each process makes its own.
    pub session_key: Secret,
    /// Log filter in `RUST_LOG` syntax (`RUST_LOG` itself wins when set).
    pub log_filter: String,
    /// `text` or `json`.
    pub log_format: LogFormat,
    /// Request traces for an OpenTelemetry collector.
    pub traces: TracesSettings,
    /// How people sign in.
    pub auth: AuthSettings,
    /// The OpenID Connect provider and how its claims are read.
    pub oidc: OidcSettings,
    /// Limits on sign-in requests.
    pub rate_limit: RateLimitSettings,
    /// Sending e-mails.
    pub mail: MailSettings,
    /// The open interface `/api/v1`.
    pub api: ApiSettings,
    /// Events posted to other systems.
    pub webhooks: WebhookSettings,
    /// Reports through Open311.
    pub open311: Open311Settings,
    /// The modules' sections (`[forms]`, …) as given, by module id: read and checked
    /// by each module's own type ([`kernel::settings::ModuleSettings`]).
    #[serde(skip)]
    pub modules: std::collections::BTreeMap<String, serde_json::Value>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            environment: Environment::Development,
            listen: SocketAddr::from(([127, 0, 0, 1], 3000)),
            metrics_listen: None,
            public_url: "http://127.0.0.1:3000".into(),
            database_url: "sqlite://data/portal.db?mode=rwc".into(),
            database_max_connections: 10,
            shared_pages_megabytes: 64,
            data_dir: PathBuf::from("data"),
            files_dir: None,
            object_store: ObjectStoreSettings::default(),
            site_root: PathBuf::from("target/site"),
            demo_content_setting: None,
            session_idle_minutes: 30,
            session_absolute_hours: 12,
            session_key: Secret::default(),
            log_filter: "info,sqlx=warn,sea_orm_migration=warn".into(),
            log_format: LogFormat::Text,
            traces: TracesSettings::default(),
            auth: AuthSettings::default(),
            oidc: OidcSettings::default(),
            rate_limit: RateLimitSettings::default(),
            api: ApiSettings::default(),
            open311: Open311Settings::default(),
            modules: Default::default(),
            webhooks: WebhookSettings::default(),
            mail: MailSettings::default(),
        }
    }
}

/// One documented setting, for `--help` and the README.
#[derive(Debug)]
pub struct SettingDoc {
    /// Key in `portal.toml`.
    pub key: &'static str,
    /// What it does and what is allowed.
    pub help: &'static str,
}

/// Every setting, in the order of [`Settings`].
pub const SETTINGS: &[SettingDoc] = &[
    SettingDoc {
        key: "environment",
        help: "development or production; production refuses demo sign-in and plain http",
    },
    SettingDoc {
        key: "listen",
        help: "address and port to listen on (IP:PORT)",
    },
    SettingDoc {
        key: "metrics_listen",
        help: "address and port of /metrics for monitoring (IP:PORT, not the public one); off when unset",
    },
    SettingDoc {
        key: "public_url",
        help: "public base URL (http:// or https://); https makes cookies Secure",
    },
    SettingDoc {
        key: "database_url",
        help: "database URL: sqlite://FILE?mode=rwc or postgres://USER@HOST/DB",
    },
    SettingDoc {
        key: "database_max_connections",
        help: "largest number of pooled database connections (1-1000)",
    },
    SettingDoc {
        key: "shared_pages_megabytes",
        help: "memory for pages the same for every visitor, rendered once (0-4096 MB; 0 renders every page anew)",
    },
    SettingDoc {
        key: "data_dir",
        help: "folder for the portal's own files (created when missing)",
    },
    SettingDoc {
        key: "files_dir",
        help: "folder for uploads and documents (default <data_dir>/files); shared by all portal processes",
    },
    SettingDoc {
        key: "object_store.bucket",
        help: "bucket of an S3-compatible store for uploads and documents instead of files_dir; off when unset",
    },
    SettingDoc {
        key: "object_store.endpoint",
        help: "URL of the S3-compatible store (https://; http:// outside production); unset: AWS S3",
    },
    SettingDoc {
        key: "object_store.region",
        help: "region of the store's signatures (default eu-central-1)",
    },
    SettingDoc {
        key: "object_store.access_key_id",
        help: "access key of the store; unset: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY",
    },
    SettingDoc {
        key: "object_store.secret_access_key",
        help: "secret of object_store.access_key_id",
    },
    SettingDoc {
        key: "object_store.timeout_seconds",
        help: "seconds a call to the store may take before an upload counts as not stored (1-600)",
    },
    SettingDoc {
        key: "site_root",
        help: "folder with the built site: CSS, wasm, fonts",
    },
    SettingDoc {
        key: "demo_content",
        help: "load demo content and show the demo banner (true/false); default: as auth.mode = demo",
    },
    SettingDoc {
        key: "session_idle_minutes",
        help: "minutes without a request after which a session ends (1-1440)",
    },
    SettingDoc {
        key: "session_absolute_hours",
        help: "hours after sign-in after which a session ends (1-168)",
    },
    SettingDoc {
        key: "session_key",
        help: "key sealing provider tokens in the session store: 32 random bytes, base64 (e.g. `openssl rand -base64 32`); required in production with oidc",
    },
    SettingDoc {
        key: "log_filter",
        help: "log filter in RUST_LOG syntax; RUST_LOG wins when set",
    },
    SettingDoc {
        key: "log_format",
        help: "log line format: text or json",
    },
    SettingDoc {
        key: "traces.otlp_url",
        help: "OTLP/HTTP traces address of an OpenTelemetry collector (e.g. http://collector:4318/v1/traces); off when unset",
    },
    SettingDoc {
        key: "traces.sample_ratio",
        help: "share of requests traced (0-1); a caller's sampled traceparent is followed",
    },
    SettingDoc {
        key: "traces.service_name",
        help: "service name the traces carry",
    },
    SettingDoc {
        key: "auth.mode",
        help: "sign-in: demo (choose a persona) or oidc (identity provider); unset: demo, only on loopback with an http public_url",
    },
    SettingDoc {
        key: "oidc.issuer_url",
        help: "issuer URL of the OpenID provider, e.g. https://login.example/realms/city",
    },
    SettingDoc {
        key: "oidc.client_id",
        help: "client id of the portal at the provider",
    },
    SettingDoc {
        key: "oidc.client_secret",
        help: "client secret (confidential client); prefer the environment variable",
    },
    SettingDoc {
        key: "oidc.scopes",
        help: "scopes asked for at sign-in; must contain openid",
    },
    SettingDoc {
        key: "oidc.level_claim",
        help: "claim with the level of assurance: authlevel (BayernID) or acr",
    },
    SettingDoc {
        key: "oidc.levels",
        help: "claim values per portal level: low, substantial, high",
    },
    SettingDoc {
        key: "oidc.step_up",
        help: "how a higher level is asked for: scope (BayernID) or acr_values",
    },
    SettingDoc {
        key: "oidc.step_up_values",
        help: "scope or acr value that asks for each level",
    },
    SettingDoc {
        key: "oidc.roles",
        help: "claim rules per role: realm:<role>, client:<role>, group:/<path>, any",
    },
    SettingDoc {
        key: "oidc.department_groups",
        help: "group paths whose subgroups are departments (/Sachbearbeitung/KVR -> kvr)",
    },
    SettingDoc {
        key: "rate_limit.login_per_minute",
        help: "sign-in requests per client address and minute (1-10000)",
    },
    SettingDoc {
        key: "rate_limit.login_burst",
        help: "sign-in requests a client address may send at once (1-10000)",
    },
    SettingDoc {
        key: "rate_limit.client_address",
        help: "what identifies a client: peer (TCP) or forwarded (trusted proxy headers)",
    },
    SettingDoc {
        key: "api.issuer_url",
        help: "issuer whose access tokens /api/v1 accepts; empty: oidc.issuer_url",
    },
    SettingDoc {
        key: "api.audience",
        help: "audience the access tokens must name; empty: <public_url>/api",
    },
    SettingDoc {
        key: "api.requests_per_minute",
        help: "calls to /api/v1 per client and minute (1-100000)",
    },
    SettingDoc {
        key: "api.burst",
        help: "how many of them may come at once (1-100000)",
    },
    SettingDoc {
        key: "api.public_per_minute",
        help: "calls to the public part of /api/v1 per client address and minute (0: no limit)",
    },
    SettingDoc {
        key: "api.public_burst",
        help: "how many of them may come at once",
    },
    SettingDoc {
        key: "open311.api_keys",
        help: "apps reporting with an api_key: [[open311.api_keys]] with client, key",
    },
    SettingDoc {
        key: "open311.keyed_per_minute",
        help: "Open311 reports per api_key and minute (1-10000)",
    },
    SettingDoc {
        key: "open311.anonymous_per_minute",
        help: "Open311 reports without api_key per client address and minute (0 refuses)",
    },
    SettingDoc {
        key: "open311.anonymous_burst",
        help: "Open311 reports without api_key a client address may send at once",
    },
    SettingDoc {
        key: "api.clients",
        help: "back-office systems: [[api.clients]] with client_id, name, departments, scopes",
    },
    SettingDoc {
        key: "webhooks.retry_base_seconds",
        help: "seconds before a failed webhook delivery is retried, doubled each time, at most an hour (1-3600)",
    },
    SettingDoc {
        key: "webhooks.max_attempts",
        help: "attempts after which a webhook delivery is given up (1-100)",
    },
    SettingDoc {
        key: "webhooks.subscriptions",
        help: "receivers: [[webhooks.subscriptions]] with name, department, url, secret, events, include_data",
    },
    SettingDoc {
        key: "mail.transport",
        help: "file (.eml files under <data_dir>/mail) or smtp; production needs smtp",
    },
    SettingDoc {
        key: "mail.from",
        help: "sender address, e.g. Serviceportal <noreply@city.example>",
    },
    SettingDoc {
        key: "mail.retry_base_seconds",
        help: "seconds before a failed mail is retried, doubled each time, at most an hour (1-3600)",
    },
    SettingDoc {
        key: "mail.smtp.host",
        help: "SMTP server host name (checked against its certificate)",
    },
    SettingDoc {
        key: "mail.smtp.port",
        help: "SMTP server port (587 for starttls, 465 for tls)",
    },
    SettingDoc {
        key: "mail.smtp.security",
        help: "starttls, tls, or none (only for a relay on the same host)",
    },
    SettingDoc {
        key: "mail.smtp.username",
        help: "SMTP user name; empty when the server needs no sign-in",
    },
    SettingDoc {
        key: "mail.smtp.password",
        help: "SMTP password; prefer the environment variable",
    },
];

/// A configuration that cannot be used; the message names the key.
#[derive(Debug, thiserror::Error)]
#[error("invalid configuration: {0}")]
pub struct SettingsError(String);

impl Settings {
    /// Reads defaults, then `config_file` when it exists (required when `explicit`),
    /// then `PORTAL_*` environment variables, and validates the result.
    pub fn load(config_file: &Path, explicit: bool) -> Result<Self, SettingsError> {
        if explicit && !config_file.is_file() {
            return Err(SettingsError(format!(
                "configuration file {} does not exist",
                config_file.display()
            )));
        }
        let figment = Figment::from(Serialized::defaults(Settings::default()))
            .merge(Toml::file(config_file))
            .merge(Env::prefixed("PORTAL_").ignore(NOT_SETTINGS).split("__"));
        let mut settings: Settings = figment.extract().map_err(|e| SettingsError(describe(e)))?;
        let sections = module_sections();
        let host = serde_json::to_value(Settings::default()).unwrap_or_default();
        let given: figment::value::Dict =
            figment.extract().map_err(|e| SettingsError(describe(e)))?;
        for key in given.keys() {
            if sections.iter().any(|section| section.key == key) {
                let section: serde_json::Value = figment
                    .extract_inner(key)
                    .map_err(|e| SettingsError(describe(e)))?;
                settings.modules.insert(key.clone(), section);
            } else if host.get(key).is_none() {
                let origin = match figment.find_metadata(key).and_then(|m| m.source.as_ref()) {
                    Some(figment::Source::File(file)) => format!(" in {}", file.display()),
                    _ => format!(" (environment variable {})", Self::env_var(key)),
                };
                return Err(SettingsError(format!(
                    "`{key}`{origin}: unknown setting; see `portal serve --help`"
                )));
            }
        }
        settings.validate()?;
        settings.checked_sections(&sections)?;
        Ok(settings)
    }

    /// Where uploaded files and documents are kept.
    pub fn files_dir(&self) -> PathBuf {
        self.files_dir
            .clone()
            .unwrap_or_else(|| self.data_dir.join("files"))
    }

    /// Checks what the types alone do not (the host's settings; the modules' sections
    /// with [`Settings::checked_sections`]).
    pub fn validate(&self) -> Result<(), SettingsError> {
        let bad = |key: &str, allowed: &str| Err(SettingsError(format!("`{key}`: {allowed}")));
        if !(self.database_url.starts_with("sqlite:")
            || self.database_url.starts_with("postgres://")
            || self.database_url.starts_with("postgresql://"))
        {
            return bad(
                "database_url",
                "must start with sqlite:, postgres:// or postgresql://",
            );
        }
        if !(1..=1000).contains(&self.database_max_connections) {
            return bad("database_max_connections", "must be between 1 and 1000");
        }
        if self.shared_pages_megabytes > 4096 {
            return bad("shared_pages_megabytes", "must be between 0 and 4096");
        }
        if !(1..=1440).contains(&self.session_idle_minutes) {
            return bad("session_idle_minutes", "must be between 1 and 1440");
        }
        if !(1..=168).contains(&self.session_absolute_hours) {
            return bad("session_absolute_hours", "must be between 1 and 168");
        }
        if !self.session_key.0.is_empty() && self.session_key_bytes().is_none() {
            return bad(
                "session_key",
                "must be 32 bytes in base64 (`openssl rand -base64 32`)",
            );
        }
        if !(self.public_url.starts_with("http://") || self.public_url.starts_with("https://")) {
            return bad("public_url", "must start with http:// or https://");
        }
        if tracing_subscriber::EnvFilter::try_new(&self.log_filter).is_err() {
            return bad("log_filter", "is not a valid filter, e.g. `info,sqlx=warn`");
        }
        if self.metrics_listen == Some(self.listen) {
            return bad(
                "metrics_listen",
                "must differ from listen: metrics are not for the public site",
            );
        }
        let production = self.environment == Environment::Production;
        if production && self.auth.mode() == AuthMode::Demo {
            return bad(
                "auth.mode",
                "demo sign-in is refused when environment = \"production\"; set oidc",
            );
        }
        if production && !self.secure_cookies() {
            return bad("public_url", "must start with https:// in production");
        }
        // Fail closed: the demo sign-in (caseworker personas included) is only the
        // default where nobody else can reach the portal.
        let reachable = !self.listen.ip().is_loopback() || self.secure_cookies();
        if self.auth.mode.is_none() && reachable {
            return bad(
                "auth.mode",
                "is unset, and a portal listening beyond loopback or with an https public_url \
                 does not fall back to the demo sign-in: set \"oidc\", or \"demo\" to try \
                 the portal out there on purpose",
            );
        }
        if self.auth.mode() == AuthMode::Oidc {
            self.oidc.validate(production).map_err(SettingsError)?;
            if production && self.session_key.0.is_empty() {
                return bad(
                    "session_key",
                    "is required in production: provider tokens are sealed with it, the same key in every process",
                );
            }
        }
        self.mail.validate(production).map_err(SettingsError)?;
        self.api.validate().map_err(SettingsError)?;
        self.open311.validate().map_err(SettingsError)?;
        self.webhooks.validate(production).map_err(SettingsError)?;
        self.object_store
            .validate(production)
            .map_err(SettingsError)?;
        self.traces.validate().map_err(SettingsError)?;
        for (key, value) in [
            (
                "rate_limit.login_per_minute",
                self.rate_limit.login_per_minute,
            ),
            ("rate_limit.login_burst", self.rate_limit.login_burst),
        ] {
            if !(1..=10_000).contains(&value) {
                return bad(key, "must be between 1 and 10000");
            }
        }
        Ok(())
    }

    /// Whether cookies get the `Secure` attribute.
    pub fn secure_cookies(&self) -> bool {
        self.public_url.starts_with("https://")
    }

    /// The modules' sections, each read and checked by its module's type: every key
    /// with its value or default, by module id. A section no module has is refused.
    pub fn checked_sections(
        &self,
        sections: &[kernel::settings::Section],
    ) -> Result<serde_json::Map<String, serde_json::Value>, SettingsError> {
        if let Some(key) = self
            .modules
            .keys()
            .find(|key| !sections.iter().any(|section| section.key == key.as_str()))
        {
            return Err(SettingsError(format!(
                "`{key}`: no module of this portal has such a section"
            )));
        }
        sections
            .iter()
            .map(|section| {
                let given = self.modules.get(section.key).cloned();
                Ok((
                    section.key.to_owned(),
                    section.check(given).map_err(SettingsError)?,
                ))
            })
            .collect()
    }

    /// The section `key` of a module as its type `T`, checked.
    pub fn section<T: kernel::settings::ModuleSettings>(
        &self,
        key: &'static str,
    ) -> Result<T, SettingsError> {
        let checked = kernel::settings::Section::of::<T>(key)
            .check(self.modules.get(key).cloned())
            .map_err(SettingsError)?;
        serde_json::from_value(checked).map_err(|e| SettingsError(format!("`{key}`: {e}")))
    }

    /// Sets `value` at `section.key` of a module's section (`forms.services_dir`).
    pub fn set(&mut self, key: &str, value: impl Serialize) {
        let (section, inner) = key.split_once('.').unwrap_or((key, ""));
        let entry = self
            .modules
            .entry(section.to_owned())
            .or_insert_with(|| serde_json::json!({}));
        if let Some(map) = entry.as_object_mut() {
            map.insert(
                inner.to_owned(),
                serde_json::to_value(value).unwrap_or_default(),
            );
        }
    }

    /// The settings as modules see them: a JSON object without secrets, with every
    /// module's `checked` section (modules read their own; nothing there needs the
    /// client secret).
    pub fn for_modules(
        &self,
        checked: serde_json::Map<String, serde_json::Value>,
    ) -> serde_json::Value {
        let mut value = serde_json::to_value(self).unwrap_or_default();
        if let Some(oidc) = value.get_mut("oidc").and_then(|o| o.as_object_mut()) {
            oidc.remove("client_secret");
        }
        // Modules write mails and events to outboxes; only the host's workers sign in to
        // send mails and sign what they post.
        if let Some(object) = value.as_object_mut() {
            object.remove("mail");
            object.remove("webhooks");
            object.remove("open311");
            object.extend(checked);
        }
        value
    }

    /// Whether people sign in by choosing a demo persona.
    pub fn demo_login(&self) -> bool {
        self.auth.mode() == AuthMode::Demo
    }

    /// The 32 bytes of `session_key`, when it is set and well formed.
    pub fn session_key_bytes(&self) -> Option<[u8; 32]> {
        use base64::Engine as _;
        let text = self.session_key.0.trim();
        [
            base64::engine::general_purpose::STANDARD,
            base64::engine::general_purpose::URL_SAFE,
        ]
        .iter()
        .find_map(|engine| engine.decode(text).ok())
        .and_then(|bytes| <[u8; 32]>::try_from(bytes).ok())
    }

    /// Whether demo content is loaded and the demo banner shown.
    pub fn demo_content(&self) -> bool {
        self.demo_content_setting
            .unwrap_or_else(|| self.demo_login())
    }

    /// The environment variable of the setting `key` (`oidc.client_id` is
    /// `PORTAL_OIDC__CLIENT_ID`).
    pub fn env_var(key: &str) -> String {
        format!("PORTAL_{}", key.replace('.', "__").to_ascii_uppercase())
    }

    /// The settings table shown by `portal serve --help`.
    pub fn help_text() -> String {
        let defaults = documented_values(&Settings::default());
        let mut out = String::from("Settings (portal.toml key / environment variable, default):\n");
        let mut line = |key: &str, help: &str, default: &str| {
            let env = Self::env_var(key);
            out.push_str(&format!(
                "  {key:<26} {env}\n      {help}\n      default: {default}\n"
            ));
        };
        for (doc, (_, default)) in SETTINGS.iter().zip(&defaults) {
            line(doc.key, doc.help, default.as_deref().unwrap_or_default());
        }
        for section in module_sections() {
            let defaults = section.defaults();
            for (key, help) in section.documented {
                let default = defaults
                    .get(key)
                    .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned));
                line(
                    &format!("{}.{key}", section.key),
                    help,
                    default.as_deref().unwrap_or_default(),
                );
            }
        }
        out
    }
}

/// The settings sections of the enabled modules.
fn module_sections() -> Vec<kernel::settings::Section> {
    kernel::module::registered(&crate::registry::Modules::enabled().0).sections
}

/// The value of every documented setting as text, in the order of [`SETTINGS`];
/// `None` where a key does not resolve (a test forbids that).
pub fn documented_values(settings: &Settings) -> Vec<(&'static str, Option<String>)> {
    let root = serde_json::to_value(settings).unwrap_or_default();
    SETTINGS
        .iter()
        .map(|doc| {
            let value = doc
                .key
                .split('.')
                .try_fold(&root, |value, part| value.get(part));
            let text = value.map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned));
            (doc.key, text)
        })
        .collect()
}

/// Every key a setting can have: top-level keys, and the keys inside the sections
/// (`auth`, `oidc`, `rate_limit`).
#[cfg(test)]
fn every_key(settings: &Settings) -> Vec<String> {
    /// Sections inside sections; deeper objects (`oidc.levels`) are one setting.
    const SUBSECTIONS: &[&str] = &["mail.smtp"];
    fn walk(path: &str, value: serde_json::Value, keys: &mut Vec<String>) {
        let is_section = !path.contains('.') || SUBSECTIONS.contains(&path);
        match value {
            serde_json::Value::Object(map) if is_section => {
                for (key, inner) in map {
                    let inner_path = if path.is_empty() {
                        key
                    } else {
                        format!("{path}.{key}")
                    };
                    walk(&inner_path, inner, keys);
                }
            }
            _ => keys.push(path.to_owned()),
        }
    }
    let mut keys = Vec::new();
    walk(
        "",
        serde_json::to_value(settings).unwrap_or_default(),
        &mut keys,
    );
    keys
}

/// A figment error as one line per problem, naming the key, where it came from (file
/// or environment variable) and what is wrong.
fn describe(error: figment::Error) -> String {
    error
        .into_iter()
        .map(|e| {
            let key = e.path.join(".").to_ascii_lowercase();
            let origin = match e.metadata.as_ref().and_then(|m| m.source.as_ref()) {
                Some(figment::Source::File(file)) => format!(" in {}", file.display()),
                _ if e
                    .metadata
                    .as_ref()
                    .is_some_and(|m| m.name.contains("environment")) =>
                {
                    format!(
                        " (environment variable PORTAL_{})",
                        key.to_ascii_uppercase().replace('.', "__")
                    )
                }
                _ => String::new(),
            };
            if key.is_empty() {
                e.kind.to_string()
            } else {
                format!("`{key}`{origin}: {}", e.kind)
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_is_documented() {
        let mut keys = every_key(&Settings::default());
        keys.sort();
        let mut documented: Vec<String> = SETTINGS.iter().map(|d| d.key.to_owned()).collect();
        documented.sort();
        assert_eq!(keys, documented);
        for (key, value) in documented_values(&Settings::default()) {
            assert!(value.is_some(), "{key} does not resolve");
        }
    }

    #[test]
    fn modules_never_see_the_secrets() {
        let mut settings = Settings::default();
        settings.oidc.client_secret = Secret("s3cret".into());
        settings.mail.smtp.password = Secret("s3cret-too".into());
        settings.webhooks.subscriptions.push(Subscription {
            name: "dms".into(),
            department: "kvr".into(),
            url: "https://dms.example/hook".into(),
            secret: Secret("s3cret-three-and-long-enough-0123".into()),
            events: vec![kernel::webhook::EventKind::CaseSubmitted],
            include_data: true,
        });
        let checked = settings.checked_sections(&module_sections()).unwrap();
        let text = settings.for_modules(checked).to_string();
        assert!(
            !text.contains("s3cret") && text.contains("services_dir"),
            "{text}"
        );
    }

    #[test]
    fn demo_sign_in_is_refused_in_production() {
        let s = Settings {
            environment: Environment::Production,
            public_url: "https://portal.example.org".into(),
            auth: AuthSettings {
                mode: Some(AuthMode::Demo),
            },
            ..Settings::default()
        };
        let err = s.validate().unwrap_err().to_string();
        assert!(
            err.contains("auth.mode") && err.contains("production"),
            "{err}"
        );
    }

    #[test]
    fn the_session_key_is_32_bytes_and_required_in_production_with_a_provider() {
        let mut s = Settings {
            session_key: Secret("too short".into()),
            ..Settings::default()
        };
        assert!(
            s.validate()
                .unwrap_err()
                .to_string()
                .contains("session_key")
        );
        s.session_key = Secret("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=".into());
        assert_eq!(s.session_key_bytes().map(|k| k[31]), Some(31));
        assert!(s.validate().is_ok());
        let mut production = Settings {
            environment: Environment::Production,
            public_url: "https://portal.example.org".into(),
            auth: AuthSettings {
                mode: Some(AuthMode::Oidc),
            },
            ..Settings::default()
        };
        production.oidc.issuer_url = "https://login.example.org/realms/city".into();
        production.oidc.client_id = "portal".into();
        production.oidc.client_secret = Secret("s3cret".into());
        production.mail.transport = crate::server::settings::MailTransport::Smtp;
        let err = production.validate().unwrap_err().to_string();
        assert!(err.contains("session_key"), "{err}");
    }

    #[test]
    fn the_demo_sign_in_is_no_default_where_others_can_reach_the_portal() {
        assert!(Settings::default().validate().is_ok(), "the quick start");
        let open = Settings {
            listen: SocketAddr::from(([0, 0, 0, 0], 3000)),
            ..Settings::default()
        };
        let https = Settings {
            public_url: "https://portal.example.org".into(),
            ..Settings::default()
        };
        for reachable in [&open, &https] {
            let err = reachable.validate().unwrap_err().to_string();
            assert!(
                err.contains("auth.mode") && err.contains("on purpose"),
                "{err}"
            );
            // Asked for on purpose (outside production): the operator's choice.
            let mut asked = reachable.clone();
            asked.auth.mode = Some(AuthMode::Demo);
            assert!(asked.validate().is_ok());
        }
    }

    #[test]
    #[expect(
        clippy::result_large_err,
        reason = "figment's test jail returns its own error"
    )]
    fn nested_settings_come_from_the_environment() {
        // figment reads `PORTAL_A__B` as `a.b`; checked through the same provider chain
        // without touching the process environment.
        figment::Jail::expect_with(|jail| {
            jail.set_env("PORTAL_AUTH__MODE", "oidc");
            jail.set_env("PORTAL_OIDC__ISSUER_URL", "http://127.0.0.1:9/realms/x");
            jail.set_env("PORTAL_OIDC__CLIENT_ID", "portal");
            jail.set_env("PORTAL_OIDC__CLIENT_SECRET", "secret");
            let settings = Settings::load(Path::new("absent.toml"), false).unwrap();
            assert_eq!(settings.auth.mode, Some(AuthMode::Oidc));
            assert_eq!(settings.oidc.client_id, "portal");
            Ok(())
        });
    }

    #[test]
    fn defaults_are_valid() {
        assert!(Settings::default().validate().is_ok());
    }

    #[test]
    fn bad_values_name_the_key() {
        let s = Settings {
            database_url: "mysql://x".into(),
            ..Settings::default()
        };
        assert!(
            s.validate()
                .unwrap_err()
                .to_string()
                .contains("database_url")
        );
        let s = Settings {
            database_max_connections: 0,
            ..Settings::default()
        };
        assert!(
            s.validate()
                .unwrap_err()
                .to_string()
                .contains("database_max_connections")
        );
        let s = Settings {
            log_filter: "info,[[".into(),
            ..Settings::default()
        };
        assert!(s.validate().unwrap_err().to_string().contains("log_filter"));
    }

    #[test]
    fn unknown_keys_in_the_file_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("portal.toml");
        std::fs::write(&file, "listen = \"127.0.0.1:4000\"\nlisten_port = 80\n").unwrap();
        let err = Settings::load(&file, true).unwrap_err().to_string();
        assert!(err.contains("listen_port"), "{err}");
    }

    #[test]
    fn wrong_types_name_the_key() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("portal.toml");
        std::fs::write(&file, "demo_content = \"maybe\"\n").unwrap();
        let err = Settings::load(&file, true).unwrap_err().to_string();
        assert!(err.contains("demo_content"), "{err}");
    }

    #[test]
    fn a_named_file_must_exist() {
        let err = Settings::load(Path::new("/nonexistent/portal.toml"), true).unwrap_err();
        assert!(err.to_string().contains("does not exist"));
    }

    #[test]
    fn help_lists_every_setting_with_its_variable() {
        let help = Settings::help_text();
        for doc in SETTINGS {
            assert!(help.contains(doc.key));
            assert!(help.contains(&Settings::env_var(doc.key)));
        }
        assert!(help.contains("PORTAL_OIDC__CLIENT_SECRET"));
        assert!(help.contains("127.0.0.1:3000"));
        // And the modules' keys, from their own types.
        for section in module_sections() {
            for (key, _) in section.documented {
                let key = format!("{}.{key}", section.key);
                assert!(help.contains(&Settings::env_var(&key)), "{key}");
            }
        }
        assert!(help.contains("PORTAL_FORMS__DRAFT_DAYS"));
    }

    #[test]
    fn every_module_documents_each_of_its_settings() {
        for section in module_sections() {
            let (missing, stale) = section.undocumented();
            assert!(
                missing.is_empty() && stale.is_empty(),
                "{}: undocumented {missing:?}, documented but absent {stale:?}",
                section.key
            );
        }
    }

    #[test]
    fn a_module_section_in_the_file_is_read_and_checked_by_its_module() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("portal.toml");
        std::fs::write(&file, "[forms]\ndraft_days = 60\n").unwrap();
        let settings = Settings::load(&file, true).unwrap();
        let forms: forms::FormsConfig = settings.section("forms").unwrap();
        assert_eq!(forms.draft_days, 60);
        std::fs::write(&file, "[forms]\ndraft_days = 0\n").unwrap();
        let err = Settings::load(&file, true).unwrap_err().to_string();
        assert!(
            err.contains("`forms.draft_days`: must be between 1 and 365"),
            "{err}"
        );
        std::fs::write(&file, "[forms]\ndraft_dayz = 3\n").unwrap();
        let err = Settings::load(&file, true).unwrap_err().to_string();
        assert!(err.contains("draft_dayz"), "{err}");
        std::fs::write(&file, "[formz]\ndraft_days = 3\n").unwrap();
        let err = Settings::load(&file, true).unwrap_err().to_string();
        assert!(
            err.contains("`formz`") && err.contains("unknown setting"),
            "{err}"
        );
    }
}
