//! Counted events for throttling (sign-in attempts, mails asked for), shared by every
//! instance of the portal through the database.

use crate::server::clock::Timestamp;
use crate::server::db::Db;
use sqlx::Row;

pub async fn record(db: &Db, kind: &str, subject: &str, now: Timestamp) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO throttle_events (kind, subject, at) VALUES ($1, $2, $3)")
        .bind(kind)
        .bind(subject)
        .bind(now.0)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// How many events of `kind` for `subject` happened at or after `since`, and the newest.
pub async fn count_since(
    db: &Db,
    kind: &str,
    subject: &str,
    since: Timestamp,
) -> Result<(i64, Option<i64>), sqlx::Error> {
    let row = sqlx::query(
        "SELECT COUNT(*) AS n, MAX(at) AS newest FROM throttle_events \
         WHERE kind = $1 AND subject = $2 AND at >= $3",
    )
    .bind(kind)
    .bind(subject)
    .bind(since.0)
    .fetch_one(&db.pool)
    .await?;
    Ok((row.try_get("n")?, row.try_get("newest")?))
}

/// Forgets the events of `kind` for `subject` (a successful sign-in clears its failures).
pub async fn clear(db: &Db, kind: &str, subject: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM throttle_events WHERE kind = $1 AND subject = $2")
        .bind(kind)
        .bind(subject)
        .execute(&db.pool)
        .await?;
    Ok(())
}

pub async fn purge_before(db: &Db, before: Timestamp) -> Result<u64, sqlx::Error> {
    let result = sqlx::query("DELETE FROM throttle_events WHERE at < $1")
        .bind(before.0)
        .execute(&db.pool)
        .await?;
    Ok(result.rows_affected())
}
