//! The append-only audit log of security events (the database refuses updates and deletes).

use crate::server::clock::Timestamp;
use crate::server::db::Db;
use sqlx::Row;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub at: i64,
    pub account_id: Option<i64>,
    pub actor_id: Option<i64>,
    pub event: String,
    pub ip: Option<String>,
    pub detail: Option<String>,
}

pub async fn append(db: &Db, entry: &AuditEntry) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO audit_log (at, account_id, actor_id, event, ip, detail) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(entry.at)
    .bind(entry.account_id)
    .bind(entry.actor_id)
    .bind(&entry.event)
    .bind(entry.ip.as_deref())
    .bind(entry.detail.as_deref())
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// The newest events about one account.
pub async fn for_account(
    db: &Db,
    account_id: i64,
    limit: i64,
) -> Result<Vec<AuditEntry>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT at, account_id, actor_id, event, ip, detail FROM audit_log \
         WHERE account_id = $1 ORDER BY at DESC, id DESC LIMIT $2",
    )
    .bind(account_id)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(AuditEntry {
                at: row.try_get("at")?,
                account_id: row.try_get("account_id")?,
                actor_id: row.try_get("actor_id")?,
                event: row.try_get("event")?,
                ip: row.try_get("ip")?,
                detail: row.try_get("detail")?,
            })
        })
        .collect()
}

pub async fn since(db: &Db, since: Timestamp) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE at >= $1")
        .bind(since.0)
        .fetch_one(&db.pool)
        .await
}
