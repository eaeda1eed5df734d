//! `[traces]`: request traces exported to an OpenTelemetry collector over OTLP/HTTP.

use serde::{Deserialize, Serialize};

/// `[traces]`; off while `otlp_url` is unset.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TracesSettings {
    /// The collector's OTLP/HTTP traces address, e.g. `http://collector:4318/v1/traces`.
    pub otlp_url: Option<String>,
    /// The share of requests traced (0 to 1); a request whose caller sent a sampled
    /// `traceparent` is traced as the caller decided.
    pub sample_ratio: f64,
    /// The service name the traces carry.
    pub service_name: String,
}

impl Default for TracesSettings {
    fn default() -> Self {
        Self {
            otlp_url: None,
            sample_ratio: 1.0,
            service_name: "portal".into(),
        }
    }
}

impl TracesSettings {
    /// Checks what the types alone do not.
    pub fn validate(&self) -> Result<(), String> {
        if let Some(url) = &self.otlp_url
            && !(url.starts_with("http://") || url.starts_with("https://"))
        {
            return Err("`traces.otlp_url`: must start with http:// or https://".into());
        }
        if !(0.0..=1.0).contains(&self.sample_ratio) {
            return Err("`traces.sample_ratio`: must be between 0 and 1".into());
        }
        if self.service_name.trim().is_empty() {
            return Err("`traces.service_name`: must not be empty".into());
        }
        Ok(())
    }
}
