//! Delivery to the authorities' specialist systems: the outbox (one row per event of an
//! application, written in the transaction of the event), each authority's webhook, and
//! the API keys of systems that pull.

use crate::server::clock::Timestamp;
use crate::server::db::Db;
use sqlx::Row;
use sqlx::any::AnyRow;

/// Puts an event of an application into the outbox, inside the transaction of the event.
pub async fn enqueue(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    application_id: i64,
    authority_id: &str,
    event: &str,
    now: Timestamp,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO deliveries (application_id, authority_id, event, created_at, next_attempt_at) \
         VALUES ($1, $2, $3, $4, $4)",
    )
    .bind(application_id)
    .bind(authority_id)
    .bind(event)
    .bind(now.0)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// One row of the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    pub id: i64,
    pub application_id: i64,
    pub reference: String,
    pub authority_id: String,
    pub event: String,
    pub created_at: i64,
    pub attempts: i64,
    pub next_attempt_at: i64,
    pub last_error: Option<String>,
    pub delivered_at: Option<i64>,
    pub acknowledged_at: Option<i64>,
    pub failed_at: Option<i64>,
}

const COLUMNS: &str = "d.id, d.application_id, COALESCE(a.reference, '') AS reference, \
     d.authority_id, d.event, d.created_at, d.attempts, d.next_attempt_at, d.last_error, \
     d.delivered_at, d.acknowledged_at, d.failed_at";

fn to_delivery(row: &AnyRow) -> Result<Delivery, sqlx::Error> {
    Ok(Delivery {
        id: row.try_get("id")?,
        application_id: row.try_get("application_id")?,
        reference: row.try_get("reference")?,
        authority_id: row.try_get("authority_id")?,
        event: row.try_get("event")?,
        created_at: row.try_get("created_at")?,
        attempts: row.try_get("attempts")?,
        next_attempt_at: row.try_get("next_attempt_at")?,
        last_error: row.try_get("last_error")?,
        delivered_at: row.try_get("delivered_at")?,
        acknowledged_at: row.try_get("acknowledged_at")?,
        failed_at: row.try_get("failed_at")?,
    })
}

/// Webhook deliveries due now: not delivered, not given up, for authorities with a
/// webhook; oldest first.
pub async fn due(db: &Db, now: Timestamp, limit: i64) -> Result<Vec<Delivery>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM deliveries d JOIN applications a ON a.id = d.application_id \
         JOIN authority_channels c ON c.authority_id = d.authority_id \
         WHERE d.delivered_at IS NULL AND d.failed_at IS NULL AND d.next_attempt_at <= $1 \
         AND c.webhook_url IS NOT NULL ORDER BY d.next_attempt_at, d.id LIMIT $2"
    ))
    .bind(now.0)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(to_delivery).collect()
}

/// The receiver took it (2xx): delivered and, for the pull list, acknowledged.
pub async fn mark_delivered(db: &Db, id: i64, now: Timestamp) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE deliveries SET delivered_at = $1, acknowledged_at = COALESCE(acknowledged_at, $1), \
         attempts = attempts + 1, last_error = NULL WHERE id = $2",
    )
    .bind(now.0)
    .bind(id)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// A failed attempt: try again at `retry_at`, or give up (`None`: the dead-letter list).
pub async fn mark_failed(
    db: &Db,
    id: i64,
    error: &str,
    retry_at: Option<Timestamp>,
    now: Timestamp,
) -> Result<(), sqlx::Error> {
    let error: String = error.chars().take(500).collect();
    sqlx::query(
        "UPDATE deliveries SET attempts = attempts + 1, last_error = $1, \
         next_attempt_at = COALESCE($2, next_attempt_at), \
         failed_at = CASE WHEN $2 IS NULL THEN $3 ELSE NULL END WHERE id = $4",
    )
    .bind(error)
    .bind(retry_at.map(|t| t.0))
    .bind(now.0)
    .bind(id)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// The dead-letter list: deliveries given up, newest first.
pub async fn dead_letters(db: &Db) -> Result<Vec<Delivery>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM deliveries d JOIN applications a ON a.id = d.application_id \
         WHERE d.failed_at IS NOT NULL ORDER BY d.failed_at DESC, d.id DESC LIMIT 200"
    ))
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(to_delivery).collect()
}

/// Tries a dead letter again now; `false` when it is not one.
pub async fn retry(db: &Db, id: i64, now: Timestamp) -> Result<bool, sqlx::Error> {
    let changed = sqlx::query(
        "UPDATE deliveries SET failed_at = NULL, attempts = 0, next_attempt_at = $1 \
         WHERE id = $2 AND failed_at IS NOT NULL",
    )
    .bind(now.0)
    .bind(id)
    .execute(&db.pool)
    .await?
    .rows_affected();
    Ok(changed == 1)
}

/// Submissions of an authority not yet acknowledged, oldest first (the pull list).
pub async fn unacknowledged(
    db: &Db,
    authority_id: &str,
    limit: i64,
) -> Result<Vec<Delivery>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM deliveries d JOIN applications a ON a.id = d.application_id \
         WHERE d.authority_id = $1 AND d.acknowledged_at IS NULL AND d.event = 'submitted' \
         ORDER BY d.id LIMIT $2"
    ))
    .bind(authority_id)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(to_delivery).collect()
}

/// A pulling system took the submission: `false` when it is not one of the authority's.
/// Acknowledging twice is harmless.
pub async fn acknowledge(
    db: &Db,
    authority_id: &str,
    application_id: i64,
    now: Timestamp,
) -> Result<bool, sqlx::Error> {
    let found: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM deliveries WHERE authority_id = $1 AND application_id = $2 \
         AND event = 'submitted'",
    )
    .bind(authority_id)
    .bind(application_id)
    .fetch_one(&db.pool)
    .await?;
    if found == 0 {
        return Ok(false);
    }
    sqlx::query(
        "UPDATE deliveries SET acknowledged_at = $1 WHERE authority_id = $2 \
         AND application_id = $3 AND event = 'submitted' AND acknowledged_at IS NULL",
    )
    .bind(now.0)
    .bind(authority_id)
    .bind(application_id)
    .execute(&db.pool)
    .await?;
    Ok(true)
}

/// An authority's webhook: the address and its sealed signing key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Webhook {
    pub url: String,
    pub sealed_secret: String,
}

pub async fn webhook(db: &Db, authority_id: &str) -> Result<Option<Webhook>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT webhook_url, webhook_secret FROM authority_channels WHERE authority_id = $1",
    )
    .bind(authority_id)
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let url: Option<String> = row.try_get("webhook_url")?;
    let secret: Option<String> = row.try_get("webhook_secret")?;
    Ok(url
        .zip(secret)
        .map(|(url, sealed_secret)| Webhook { url, sealed_secret }))
}

/// The webhook addresses of every authority that has one: `(authority id, url)`.
pub async fn webhook_urls(db: &Db) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT authority_id, webhook_url FROM authority_channels \
         WHERE webhook_url IS NOT NULL AND webhook_secret IS NOT NULL",
    )
    .fetch_all(&db.pool)
    .await
}

/// Sets (or with `None` removes) an authority's webhook.
pub async fn set_webhook(
    db: &Db,
    authority_id: &str,
    webhook: Option<&Webhook>,
    now: Timestamp,
) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO authority_channels (authority_id, webhook_url, webhook_secret, updated_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (authority_id) DO UPDATE SET \
         webhook_url = excluded.webhook_url, webhook_secret = excluded.webhook_secret, \
         updated_at = excluded.updated_at",
    )
    .bind(authority_id)
    .bind(webhook.map(|w| w.url.as_str()))
    .bind(webhook.map(|w| w.sealed_secret.as_str()))
    .bind(now.0)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

/// An API key as lists show it (never the key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiKey {
    pub id: i64,
    pub authority_id: String,
    pub name: String,
    pub prefix: String,
    pub scopes: Vec<String>,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

const KEY_COLUMNS: &str =
    "id, authority_id, name, prefix, scopes, created_at, last_used_at, revoked_at";

fn to_key(row: &AnyRow) -> Result<ApiKey, sqlx::Error> {
    let scopes: String = row.try_get("scopes")?;
    Ok(ApiKey {
        id: row.try_get("id")?,
        authority_id: row.try_get("authority_id")?,
        name: row.try_get("name")?,
        prefix: row.try_get("prefix")?,
        scopes: scopes.split_whitespace().map(str::to_owned).collect(),
        created_at: row.try_get("created_at")?,
        last_used_at: row.try_get("last_used_at")?,
        revoked_at: row.try_get("revoked_at")?,
    })
}

pub struct NewKey<'a> {
    pub authority_id: &'a str,
    pub name: &'a str,
    pub prefix: &'a str,
    pub key_hash: &'a str,
    pub scopes: &'a [&'a str],
    pub created_by: i64,
    pub now: Timestamp,
}

pub async fn insert_key(db: &Db, key: &NewKey<'_>) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO api_keys (authority_id, name, prefix, key_hash, scopes, created_at, created_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(key.authority_id)
    .bind(key.name)
    .bind(key.prefix)
    .bind(key.key_hash)
    .bind(key.scopes.join(" "))
    .bind(key.now.0)
    .bind(key.created_by)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

/// The unrevoked key with this hash, noting its use (at most once a minute).
pub async fn key_by_hash(
    db: &Db,
    key_hash: &str,
    now: Timestamp,
) -> Result<Option<ApiKey>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "SELECT {KEY_COLUMNS} FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL"
    ))
    .bind(key_hash)
    .fetch_optional(&db.pool)
    .await?;
    let key = row.as_ref().map(to_key).transpose()?;
    if let Some(key) = &key
        && key.last_used_at.is_none_or(|at| now.0 - at >= 60)
    {
        sqlx::query("UPDATE api_keys SET last_used_at = $1 WHERE id = $2")
            .bind(now.0)
            .bind(key.id)
            .execute(&db.pool)
            .await?;
    }
    Ok(key)
}

/// Every authority's keys, newest first (the administration page shows them all).
pub async fn all_keys(db: &Db) -> Result<Vec<ApiKey>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {KEY_COLUMNS} FROM api_keys ORDER BY id DESC"
    ))
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(to_key).collect()
}

/// Revokes a key of the authority; `false` when there is no such key.
pub async fn revoke_key(
    db: &Db,
    authority_id: &str,
    id: i64,
    now: Timestamp,
) -> Result<bool, sqlx::Error> {
    let changed = sqlx::query(
        "UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2 AND authority_id = $3",
    )
    .bind(now.0)
    .bind(id)
    .bind(authority_id)
    .execute(&db.pool)
    .await?
    .rows_affected();
    Ok(changed == 1)
}
