//! Stored accessibility feedback.

use crate::domain::feedback::Feedback;
use crate::server::clock::Timestamp;
use crate::server::db::Db;
use sqlx::Row;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFeedback {
    pub id: i64,
    pub received_at: i64,
    pub name: Option<String>,
    pub email: Option<String>,
    pub page: Option<String>,
    pub message: String,
}

/// Stores one message and returns its id.
pub async fn insert(db: &Db, feedback: &Feedback, now: Timestamp) -> Result<i64, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO feedback (received_at, name, email, page, message) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(now.0)
    .bind(feedback.name.as_deref())
    .bind(feedback.email.as_ref().map(|e| e.as_str()))
    .bind(feedback.page.as_deref())
    .bind(&feedback.message)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn count(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM feedback")
        .fetch_one(&db.pool)
        .await
}

/// The newest messages first.
pub async fn latest(db: &Db, limit: i64) -> Result<Vec<StoredFeedback>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, received_at, name, email, page, message FROM feedback \
         ORDER BY id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(StoredFeedback {
                id: row.try_get("id")?,
                received_at: row.try_get("received_at")?,
                name: row.try_get("name")?,
                email: row.try_get("email")?,
                page: row.try_get("page")?,
                message: row.try_get("message")?,
            })
        })
        .collect()
}
