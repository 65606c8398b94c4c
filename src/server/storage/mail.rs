//! Mail waiting to be sent. Without SMTP (development) the queue is the outbox that
//! `/dev/mail` shows.

use crate::server::clock::Timestamp;
use crate::server::db::Db;
use sqlx::Row;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuedMail {
    pub id: i64,
    pub created_at: i64,
    pub recipient: String,
    pub subject: String,
    pub text_body: String,
    pub html_body: String,
    pub attempts: i64,
    pub sent_at: Option<i64>,
}

pub struct NewMail<'a> {
    pub recipient: &'a str,
    pub subject: &'a str,
    pub text_body: &'a str,
    pub html_body: &'a str,
}

pub async fn enqueue(db: &Db, mail: &NewMail<'_>, now: Timestamp) -> Result<i64, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let id = sqlx::query_scalar(
        "INSERT INTO mail_queue (created_at, recipient, subject, text_body, html_body, next_attempt_at) \
         VALUES ($1, $2, $3, $4, $5, $1) RETURNING id",
    )
    .bind(now.0)
    .bind(mail.recipient)
    .bind(mail.subject)
    .bind(mail.text_body)
    .bind(mail.html_body)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(id)
}

fn to_mail(row: &sqlx::any::AnyRow) -> Result<QueuedMail, sqlx::Error> {
    Ok(QueuedMail {
        id: row.try_get("id")?,
        created_at: row.try_get("created_at")?,
        recipient: row.try_get("recipient")?,
        subject: row.try_get("subject")?,
        text_body: row.try_get("text_body")?,
        html_body: row.try_get("html_body")?,
        attempts: row.try_get("attempts")?,
        sent_at: row.try_get("sent_at")?,
    })
}

const COLUMNS: &str = "id, created_at, recipient, subject, text_body, html_body, attempts, sent_at";

/// Mail due for (another) attempt, oldest first.
pub async fn due(db: &Db, now: Timestamp, limit: i64) -> Result<Vec<QueuedMail>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM mail_queue WHERE sent_at IS NULL AND failed_at IS NULL \
         AND next_attempt_at <= $1 ORDER BY id LIMIT $2"
    ))
    .bind(now.0)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(to_mail).collect()
}

/// Marks a mail sent and drops its bodies: links in them must not outlive the delivery.
pub async fn mark_sent(db: &Db, id: i64, now: Timestamp) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE mail_queue SET sent_at = $1, text_body = '', html_body = '' WHERE id = $2")
        .bind(now.0)
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Counts a failed attempt: tries again at `next`, or gives up when `next` is `None`.
pub async fn mark_attempt_failed(
    db: &Db,
    id: i64,
    next: Option<Timestamp>,
    now: Timestamp,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE mail_queue SET attempts = attempts + 1, next_attempt_at = $1, failed_at = $2 \
         WHERE id = $3",
    )
    .bind(next.map_or(now.0, |n| n.0))
    .bind(if next.is_none() { Some(now.0) } else { None })
    .bind(id)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// The newest mails (the development outbox).
pub async fn recent(db: &Db, limit: i64) -> Result<Vec<QueuedMail>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM mail_queue ORDER BY id DESC LIMIT $1"
    ))
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(to_mail).collect()
}

/// Removes delivered or abandoned mail older than `before`.
pub async fn purge_before(db: &Db, before: Timestamp) -> Result<u64, sqlx::Error> {
    let result = sqlx::query(
        "DELETE FROM mail_queue WHERE created_at < $1 AND (sent_at IS NOT NULL OR failed_at IS NOT NULL)",
    )
    .bind(before.0)
    .execute(&db.pool)
    .await?;
    Ok(result.rows_affected())
}
