//! Short-lived form state between a refused no-JavaScript post and the page that shows it.

use crate::server::clock::Timestamp;
use crate::server::db::Db;
use sqlx::Row;

pub async fn put(
    db: &Db,
    token_hash: &str,
    kind: &str,
    payload: &str,
    expires_at: Timestamp,
) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO form_flash (token_hash, kind, payload, expires_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (token_hash, kind) DO UPDATE SET \
         payload = excluded.payload, expires_at = excluded.expires_at",
    )
    .bind(token_hash)
    .bind(kind)
    .bind(payload)
    .bind(expires_at.0)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

/// Every unexpired flash of one browser, as `(kind, payload)`.
pub async fn get_all(
    db: &Db,
    token_hash: &str,
    now: Timestamp,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT kind, payload FROM form_flash WHERE token_hash = $1 AND expires_at > $2",
    )
    .bind(token_hash)
    .bind(now.0)
    .fetch_all(&db.pool)
    .await?;
    rows.into_iter()
        .map(|row| Ok((row.try_get("kind")?, row.try_get("payload")?)))
        .collect()
}

pub async fn delete(db: &Db, token_hash: &str, kind: &str) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query("DELETE FROM form_flash WHERE token_hash = $1 AND kind = $2")
        .bind(token_hash)
        .bind(kind)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// Removes expired flashes; returns how many.
pub async fn purge_expired(db: &Db, now: Timestamp) -> Result<u64, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let done = sqlx::query("DELETE FROM form_flash WHERE expires_at <= $1")
        .bind(now.0)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(done.rows_affected())
}
