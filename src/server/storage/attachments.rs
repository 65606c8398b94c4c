//! Attachments of applications: what the database knows of each uploaded file (the bytes
//! are in the object store under `storage_key`).

use crate::server::clock::Timestamp;
use crate::server::db::Db;
use sqlx::Row;
use sqlx::any::AnyRow;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Attachment {
    pub public_id: String,
    pub field_path: String,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub storage_key: String,
    pub created_at: i64,
    /// The message it came with (row id), for files of the Postfach.
    pub message_id: Option<i64>,
}

const COLUMNS: &str = "public_id, field_path, file_name, content_type, size_bytes, sha256, \
     storage_key, created_at, message_id";

fn to_attachment(row: &AnyRow) -> Result<Attachment, sqlx::Error> {
    Ok(Attachment {
        public_id: row.try_get("public_id")?,
        field_path: row.try_get("field_path")?,
        file_name: row.try_get("file_name")?,
        content_type: row.try_get("content_type")?,
        size_bytes: row.try_get("size_bytes")?,
        sha256: row.try_get("sha256")?,
        storage_key: row.try_get("storage_key")?,
        created_at: row.try_get("created_at")?,
        message_id: row.try_get("message_id")?,
    })
}

pub async fn insert(db: &Db, application_id: i64, a: &Attachment) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    insert_in(&mut tx, application_id, a).await?;
    tx.commit().await
}

/// Records a file inside a transaction (a message and its files are stored together).
pub async fn insert_in(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    application_id: i64,
    a: &Attachment,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO attachments (public_id, application_id, field_path, file_name, content_type, \
         size_bytes, sha256, storage_key, created_at, message_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(&a.public_id)
    .bind(application_id)
    .bind(&a.field_path)
    .bind(&a.file_name)
    .bind(&a.content_type)
    .bind(a.size_bytes)
    .bind(&a.sha256)
    .bind(&a.storage_key)
    .bind(a.created_at)
    .bind(a.message_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The files of one application, in upload order.
pub async fn of_application(db: &Db, application_id: i64) -> Result<Vec<Attachment>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM attachments WHERE application_id = $1 ORDER BY id"
    ))
    .bind(application_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(to_attachment).collect()
}

/// Removes one file of an application; returns it (to delete its object), or `None` when
/// the application has no such file.
pub async fn remove(
    db: &Db,
    application_id: i64,
    public_id: &str,
) -> Result<Option<Attachment>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM attachments WHERE application_id = $1 AND public_id = $2"
    ))
    .bind(application_id)
    .bind(public_id)
    .fetch_optional(&db.pool)
    .await?;
    let Some(found) = row.as_ref().map(to_attachment).transpose()? else {
        return Ok(None);
    };
    sqlx::query("DELETE FROM attachments WHERE application_id = $1 AND public_id = $2")
        .bind(application_id)
        .bind(public_id)
        .execute(&db.pool)
        .await?;
    Ok(Some(found))
}

/// A file of a submitted application of one of `authorities`, for the back office.
pub async fn of_authorities(
    db: &Db,
    authorities: &[String],
    public_id: &str,
) -> Result<Option<(Attachment, String)>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT t.public_id, t.field_path, t.file_name, t.content_type, t.size_bytes, t.sha256, \
         t.storage_key, t.created_at, t.message_id, a.authority_id, a.reference FROM attachments t \
         JOIN applications a ON a.id = t.application_id WHERE t.public_id = $1 AND a.status <> 'draft'",
    )
    .bind(public_id)
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let authority: Option<String> = row.try_get("authority_id")?;
    if !authority.is_some_and(|a| authorities.contains(&a)) {
        return Ok(None);
    }
    let reference: Option<String> = row.try_get("reference")?;
    Ok(Some((to_attachment(&row)?, reference.unwrap_or_default())))
}

/// A file of one of the account's applications, for download.
pub async fn of_account(
    db: &Db,
    account_id: i64,
    public_id: &str,
) -> Result<Option<Attachment>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT t.public_id, t.field_path, t.file_name, t.content_type, t.size_bytes, t.sha256, \
         t.storage_key, t.created_at, t.message_id FROM attachments t \
         JOIN applications a ON a.id = t.application_id WHERE t.public_id = $1 AND a.account_id = $2",
    )
    .bind(public_id)
    .bind(account_id)
    .fetch_optional(&db.pool)
    .await?;
    row.as_ref().map(to_attachment).transpose()
}

/// The objects of the drafts that expired by `now` (to delete before the drafts).
pub async fn of_expired_drafts(db: &Db, now: Timestamp) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT t.storage_key FROM attachments t JOIN applications a ON a.id = t.application_id \
         WHERE a.status = 'draft' AND a.expires_at <= $1",
    )
    .bind(now.0)
    .fetch_all(&db.pool)
    .await
}

/// The objects of an account's drafts (deleted with the account).
pub async fn of_drafts_of(db: &Db, account_id: i64) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT t.storage_key FROM attachments t JOIN applications a ON a.id = t.application_id \
         WHERE a.status = 'draft' AND a.account_id = $1",
    )
    .bind(account_id)
    .fetch_all(&db.pool)
    .await
}
