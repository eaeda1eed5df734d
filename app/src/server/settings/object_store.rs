//! `[object_store]`: uploads and documents in a bucket of an S3-compatible object store
//! instead of `files_dir`.

use serde::{Deserialize, Serialize};

use super::Secret;

/// `[object_store]`; off while `bucket` is unset.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ObjectStoreSettings {
    /// The bucket (it must exist; the portal does not create it).
    pub bucket: Option<String>,
    /// The store's URL (MinIO, Ceph, a city's own); unset: AWS S3 in `region`.
    pub endpoint: Option<String>,
    /// The region the store expects in signatures.
    pub region: String,
    /// The access key; unset: `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`.
    pub access_key_id: String,
    /// The secret of `access_key_id`.
    pub secret_access_key: Secret,
    /// Seconds a call to the store may take before the upload counts as not stored.
    pub timeout_seconds: u32,
}

impl Default for ObjectStoreSettings {
    fn default() -> Self {
        Self {
            bucket: None,
            endpoint: None,
            region: "eu-central-1".into(),
            access_key_id: String::new(),
            secret_access_key: Secret::default(),
            timeout_seconds: 30,
        }
    }
}

impl ObjectStoreSettings {
    /// Checks what the types alone do not; `production` demands an https endpoint.
    pub fn validate(&self, production: bool) -> Result<(), String> {
        let Some(bucket) = &self.bucket else {
            return Ok(());
        };
        // S3's rule for bucket names.
        let named = (3..=63).contains(&bucket.len())
            && bucket
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-');
        if !named {
            return Err(
                "`object_store.bucket`: 3 to 63 lower-case letters, digits, dots and dashes".into(),
            );
        }
        if let Some(endpoint) = &self.endpoint {
            let https = endpoint.starts_with("https://");
            if !(https || !production && endpoint.starts_with("http://")) {
                return Err(
                    "`object_store.endpoint`: must start with https:// (http:// outside production)"
                        .into(),
                );
            }
        }
        if self.access_key_id.is_empty() != self.secret_access_key.0.is_empty() {
            return Err(
                "`object_store.access_key_id` and `object_store.secret_access_key`: give both or neither"
                    .into(),
            );
        }
        if !(1..=600).contains(&self.timeout_seconds) {
            return Err("`object_store.timeout_seconds`: must be between 1 and 600".into());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_bucket(bucket: &str) -> ObjectStoreSettings {
        ObjectStoreSettings {
            bucket: Some(bucket.into()),
            ..Default::default()
        }
    }

    #[test]
    fn only_a_usable_bucket_is_accepted() {
        assert!(ObjectStoreSettings::default().validate(true).is_ok());
        assert!(with_bucket("portal-files").validate(true).is_ok());
        for bad in ["ab", "Portal", "portal_files", "portal/files"] {
            assert!(with_bucket(bad).validate(false).is_err(), "{bad}");
        }
        let plain = ObjectStoreSettings {
            endpoint: Some("http://127.0.0.1:9000".into()),
            ..with_bucket("portal-files")
        };
        assert!(plain.validate(false).is_ok());
        assert!(
            plain.validate(true).is_err(),
            "http is refused in production"
        );
        let half = ObjectStoreSettings {
            access_key_id: "portal".into(),
            ..with_bucket("portal-files")
        };
        assert!(half.validate(false).is_err(), "a key without its secret");
        let slow = ObjectStoreSettings {
            timeout_seconds: 0,
            ..with_bucket("portal-files")
        };
        assert!(slow.validate(false).is_err());
    }
}
