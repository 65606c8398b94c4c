//! Where uploaded files live: an object store, a local directory by default
//! (`<data_dir>/objects`) or an S3-compatible bucket by configuration. The database keeps
//! only the key, the name, the type, the size and the SHA-256 of each file.

use crate::server::config::{ObjectsConfig, StoreKind};
use bytes::Bytes;
use object_store::path::Path as ObjectPath;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};
use std::path::Path;
use std::sync::Arc;

#[derive(Clone)]
pub struct Objects {
    store: Arc<dyn ObjectStore>,
}

impl std::fmt::Debug for Objects {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Objects({})", self.store)
    }
}

impl Objects {
    pub fn from_config(config: &ObjectsConfig, data_dir: &Path) -> Result<Self, String> {
        let store: Arc<dyn ObjectStore> = match config.kind {
            StoreKind::Local => {
                let dir = config
                    .path
                    .clone()
                    .unwrap_or_else(|| data_dir.join("objects"));
                std::fs::create_dir_all(&dir)
                    .map_err(|e| format!("objects.path {}: {e}", dir.display()))?;
                Arc::new(
                    object_store::local::LocalFileSystem::new_with_prefix(&dir)
                        .map_err(|e| format!("objects.path {}: {e}", dir.display()))?,
                )
            }
            StoreKind::S3 => {
                use secrecy::ExposeSecret;
                let secret = |key: &str, reference: &Option<crate::server::config::SecretRef>| {
                    reference
                        .as_ref()
                        .ok_or_else(|| format!("{key} is needed for kind = \"s3\""))?
                        .resolve(key)
                        .map(|s| s.expose_secret().to_owned())
                        .map_err(|e| e.to_string())
                };
                let mut builder = object_store::aws::AmazonS3Builder::new()
                    .with_bucket_name(config.bucket.clone().unwrap_or_default())
                    .with_region(
                        config
                            .region
                            .clone()
                            .unwrap_or_else(|| "eu-central-1".into()),
                    )
                    .with_access_key_id(secret("objects.access_key_id", &config.access_key_id)?)
                    .with_secret_access_key(secret(
                        "objects.secret_access_key",
                        &config.secret_access_key,
                    )?)
                    .with_allow_http(config.allow_http);
                if let Some(endpoint) = &config.endpoint {
                    builder = builder
                        .with_endpoint(endpoint)
                        .with_virtual_hosted_style_request(false);
                }
                Arc::new(builder.build().map_err(|e| format!("objects: {e}"))?)
            }
        };
        Ok(Objects { store })
    }

    pub async fn put(&self, key: &str, bytes: Bytes) -> Result<(), object_store::Error> {
        self.store
            .put(&ObjectPath::from(key), PutPayload::from_bytes(bytes))
            .await
            .map(|_| ())
    }

    pub async fn get(&self, key: &str) -> Result<Bytes, object_store::Error> {
        self.store.get(&ObjectPath::from(key)).await?.bytes().await
    }

    /// Deletes an object; one that is gone already is no error.
    pub async fn delete(&self, key: &str) -> Result<(), object_store::Error> {
        match self.store.delete(&ObjectPath::from(key)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(e),
        }
    }
}
