//! Published application form versions. A version, once stored, never changes: a
//! submission is always read and checked against the exact version it was started with.

use crate::domain::forms::FormDefinition;
use crate::server::clock::Timestamp;
use crate::server::db::Db;

/// Stores a form version. `true` when it is new or stored with the same content; `false`
/// when the version exists with other content (a changed form needs a new version).
pub async fn publish(db: &Db, form: &FormDefinition, now: Timestamp) -> Result<bool, sqlx::Error> {
    let definition = serde_json::to_string(form).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    let stored: Option<String> = sqlx::query_scalar(
        "SELECT definition FROM form_versions WHERE form_id = $1 AND version = $2",
    )
    .bind(&form.id)
    .bind(i64::from(form.version))
    .fetch_optional(&db.pool)
    .await?;
    if let Some(stored) = stored {
        let same = serde_json::from_str::<FormDefinition>(&stored).is_ok_and(|s| s == *form);
        return Ok(same);
    }
    sqlx::query(
        "INSERT INTO form_versions (form_id, version, service_slug, definition, published_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&form.id)
    .bind(i64::from(form.version))
    .bind(&form.service)
    .bind(&definition)
    .bind(now.0)
    .execute(&db.pool)
    .await?;
    Ok(true)
}

/// The newest version of the form for a service.
pub async fn current_for_service(
    db: &Db,
    service_slug: &str,
) -> Result<Option<FormDefinition>, sqlx::Error> {
    let stored: Option<String> = sqlx::query_scalar(
        "SELECT definition FROM form_versions WHERE service_slug = $1 \
         ORDER BY version DESC LIMIT 1",
    )
    .bind(service_slug)
    .fetch_optional(&db.pool)
    .await?;
    decode(stored)
}

/// One exact version.
pub async fn version(
    db: &Db,
    form_id: &str,
    version: u32,
) -> Result<Option<FormDefinition>, sqlx::Error> {
    let stored: Option<String> = sqlx::query_scalar(
        "SELECT definition FROM form_versions WHERE form_id = $1 AND version = $2",
    )
    .bind(form_id)
    .bind(i64::from(version))
    .fetch_optional(&db.pool)
    .await?;
    decode(stored)
}

fn decode(stored: Option<String>) -> Result<Option<FormDefinition>, sqlx::Error> {
    stored
        .map(|json| serde_json::from_str(&json).map_err(|e| sqlx::Error::Decode(Box::new(e))))
        .transpose()
}
