//! Files in a bucket of an S3-compatible object store. Writes go out in parts of
//! [`PART_BYTES`] as they arrive (a multipart upload once a file outgrows one part), so
//! an upload holds at most one part in memory; the object appears only when its upload
//! completes. Reads stream back. A store that does not answer within the configured
//! time fails the call, which the citizen sees as "could not be stored just now".

use std::{io, sync::Arc, time::Duration};

use async_trait::async_trait;
use futures_util::TryStreamExt;
use kernel::storage::{FileStore, FileWriter, valid_file_id};
use object_store::{
    BackoffConfig, ClientOptions, ObjectStore, ObjectStoreExt, RetryConfig, aws::AmazonS3Builder,
    buffered::BufWriter, path::Path,
};
use tokio::io::AsyncWriteExt;

use crate::server::settings::ObjectStoreSettings;

/// Bytes buffered before a part goes out; S3's smallest part is 5 MiB.
const PART_BYTES: usize = 5 * 1024 * 1024;

/// A bucket of an S3-compatible store.
#[derive(Debug)]
pub struct BucketFileStore {
    store: Arc<dyn ObjectStore>,
}

impl BucketFileStore {
    /// The bucket `settings` name; credentials not given there come from the
    /// `AWS_*` environment variables (as every S3 tool reads them).
    pub fn new(settings: &ObjectStoreSettings) -> kernel::start::StartResult<Self> {
        let timeout = Duration::from_secs(settings.timeout_seconds.into());
        let mut builder = AmazonS3Builder::from_env()
            .with_bucket_name(settings.bucket.clone().unwrap_or_default())
            .with_region(&settings.region)
            .with_client_options(
                ClientOptions::new()
                    .with_timeout(timeout)
                    .with_connect_timeout(timeout.min(Duration::from_secs(5))),
            )
            // A few quick retries, never longer than one call may take: a citizen
            // waits for the answer.
            .with_retry(RetryConfig {
                backoff: BackoffConfig::default(),
                max_retries: 2,
                retry_timeout: timeout,
            });
        if let Some(endpoint) = &settings.endpoint {
            builder = builder
                .with_endpoint(endpoint)
                .with_allow_http(endpoint.starts_with("http://"));
        }
        if !settings.access_key_id.is_empty() {
            builder = builder
                .with_access_key_id(&settings.access_key_id)
                .with_secret_access_key(&settings.secret_access_key.0);
        }
        Ok(Self {
            store: Arc::new(builder.build()?),
        })
    }

    fn path(id: &str) -> io::Result<Path> {
        if !valid_file_id(id) {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, "bad file id"));
        }
        Ok(Path::from(id))
    }
}

/// An object store error as the I/O error the callers read (a missing file is
/// `NotFound`, as on a disk).
fn to_io(error: object_store::Error) -> io::Error {
    match error {
        object_store::Error::NotFound { .. } => io::Error::new(io::ErrorKind::NotFound, error),
        other => io::Error::other(other),
    }
}

struct BucketWriter(BufWriter);

#[async_trait]
impl FileWriter for BucketWriter {
    async fn write(&mut self, chunk: &[u8]) -> io::Result<()> {
        self.0.write_all(chunk).await
    }

    async fn finish(mut self: Box<Self>) -> io::Result<()> {
        self.0.shutdown().await
    }

    async fn abort(mut self: Box<Self>) {
        if let Err(error) = self.0.abort().await {
            tracing::warn!(%error, "an unfinished upload could not be aborted");
        }
    }
}

#[async_trait]
impl FileStore for BucketFileStore {
    async fn writer(&self, id: &str) -> io::Result<Box<dyn FileWriter>> {
        let path = Self::path(id)?;
        Ok(Box::new(BucketWriter(BufWriter::with_capacity(
            Arc::clone(&self.store),
            path,
            PART_BYTES,
        ))))
    }

    async fn read(&self, id: &str) -> io::Result<Vec<u8>> {
        let found = self.store.get(&Self::path(id)?).await.map_err(to_io)?;
        Ok(found.bytes().await.map_err(to_io)?.to_vec())
    }

    async fn open(&self, id: &str) -> io::Result<Box<dyn tokio::io::AsyncRead + Send + Unpin>> {
        let found = self.store.get(&Self::path(id)?).await.map_err(to_io)?;
        Ok(Box::new(tokio_util::io::StreamReader::new(
            found.into_stream().map_err(to_io),
        )))
    }

    async fn delete(&self, id: &str) -> io::Result<()> {
        match self.store.delete(&Self::path(id)?).await {
            Err(object_store::Error::NotFound { .. }) => Ok(()),
            other => other.map_err(to_io),
        }
    }

    async fn list(&self) -> io::Result<Vec<String>> {
        let mut ids: Vec<String> = self
            .store
            .list(None)
            .map_ok(|meta| meta.location.to_string())
            .try_filter(|id| std::future::ready(valid_file_id(id)))
            .try_collect()
            .await
            .map_err(to_io)?;
        ids.sort();
        Ok(ids)
    }
}
