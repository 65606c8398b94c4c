//! Applications: drafts (one open draft per account and service), and the submission,
//! which happens in one transaction with an idempotency key, so double clicks, retries and
//! the back button give one application, never two.

use crate::domain::applications::{Status, reference};
use crate::domain::forms::Answers;
use crate::server::clock::Timestamp;
use crate::server::db::Db;
use sqlx::Row;
use sqlx::any::AnyRow;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq)]
pub struct Application {
    pub id: i64,
    pub public_id: String,
    pub reference: Option<String>,
    pub account_id: Option<i64>,
    pub form_id: String,
    pub form_version: u32,
    pub service_slug: String,
    pub gemeinde_ags: Option<String>,
    pub authority_id: Option<String>,
    pub status: Status,
    pub answers: Answers,
    /// Path → the profile field its answer came from.
    pub prefilled: BTreeMap<String, String>,
    pub created_at: i64,
    pub updated_at: i64,
    pub submitted_at: Option<i64>,
    pub expires_at: Option<i64>,
}

pub(crate) const COLUMNS: &str = "id, public_id, reference, account_id, form_id, form_version, service_slug, \
     gemeinde_ags, authority_id, status, answers, prefilled, created_at, updated_at, submitted_at, \
     expires_at";

fn decode<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, sqlx::Error> {
    serde_json::from_str(json).map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

fn encode<T: serde::Serialize>(value: &T) -> Result<String, sqlx::Error> {
    serde_json::to_string(value).map_err(|e| sqlx::Error::Encode(Box::new(e)))
}

pub(crate) fn to_application(row: &AnyRow) -> Result<Application, sqlx::Error> {
    let status: String = row.try_get("status")?;
    let version: i64 = row.try_get("form_version")?;
    let answers: String = row.try_get("answers")?;
    let prefilled: String = row.try_get("prefilled")?;
    Ok(Application {
        id: row.try_get("id")?,
        public_id: row.try_get("public_id")?,
        reference: row.try_get("reference")?,
        account_id: row.try_get("account_id")?,
        form_id: row.try_get("form_id")?,
        form_version: u32::try_from(version).unwrap_or_default(),
        service_slug: row.try_get("service_slug")?,
        gemeinde_ags: row.try_get("gemeinde_ags")?,
        authority_id: row.try_get("authority_id")?,
        status: Status::parse(&status).unwrap_or(Status::Draft),
        answers: decode(&answers)?,
        prefilled: decode(&prefilled)?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
        submitted_at: row.try_get("submitted_at")?,
        expires_at: row.try_get("expires_at")?,
    })
}

/// A new draft.
pub struct NewDraft<'a> {
    pub public_id: &'a str,
    pub account_id: i64,
    pub form_id: &'a str,
    pub form_version: u32,
    pub service_slug: &'a str,
    pub answers: &'a Answers,
    pub prefilled: &'a BTreeMap<String, String>,
    pub now: Timestamp,
    pub expires_at: Timestamp,
}

/// The applicant's open draft for a service, if any.
pub async fn open_draft(
    db: &Db,
    account_id: i64,
    service_slug: &str,
) -> Result<Option<Application>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM applications \
         WHERE account_id = $1 AND service_slug = $2 AND status = 'draft' \
         ORDER BY id DESC LIMIT 1"
    ))
    .bind(account_id)
    .bind(service_slug)
    .fetch_optional(&db.pool)
    .await?;
    row.as_ref().map(to_application).transpose()
}

pub async fn create_draft(db: &Db, draft: &NewDraft<'_>) -> Result<Application, sqlx::Error> {
    sqlx::query(
        "INSERT INTO applications (public_id, account_id, form_id, form_version, service_slug, \
         status, answers, prefilled, created_at, updated_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, 'draft', $6, $7, $8, $8, $9)",
    )
    .bind(draft.public_id)
    .bind(draft.account_id)
    .bind(draft.form_id)
    .bind(i64::from(draft.form_version))
    .bind(draft.service_slug)
    .bind(encode(draft.answers)?)
    .bind(encode(draft.prefilled)?)
    .bind(draft.now.0)
    .bind(draft.expires_at.0)
    .execute(&db.pool)
    .await?;
    by_public_id(db, draft.account_id, draft.public_id)
        .await?
        .ok_or(sqlx::Error::RowNotFound)
}

/// An application of this account by its public id (someone else's is `None`).
pub async fn by_public_id(
    db: &Db,
    account_id: i64,
    public_id: &str,
) -> Result<Option<Application>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM applications WHERE public_id = $1 AND account_id = $2"
    ))
    .bind(public_id)
    .bind(account_id)
    .fetch_optional(&db.pool)
    .await?;
    row.as_ref().map(to_application).transpose()
}

/// A submitted application of this account by its reference number.
pub async fn by_reference(
    db: &Db,
    account_id: i64,
    reference: &str,
) -> Result<Option<Application>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM applications WHERE reference = $1 AND account_id = $2"
    ))
    .bind(reference)
    .bind(account_id)
    .fetch_optional(&db.pool)
    .await?;
    row.as_ref().map(to_application).transpose()
}

/// Every application of an account, newest first (drafts and submitted).
pub async fn for_account(db: &Db, account_id: i64) -> Result<Vec<Application>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM applications WHERE account_id = $1 ORDER BY updated_at DESC, id DESC"
    ))
    .bind(account_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(to_application).collect()
}

/// Keeps the answers of a draft (only while it is one); `false` when it is not a draft of
/// this account any more.
pub async fn save_answers(
    db: &Db,
    id: i64,
    account_id: i64,
    answers: &Answers,
    now: Timestamp,
    expires_at: Timestamp,
) -> Result<bool, sqlx::Error> {
    let changed = sqlx::query(
        "UPDATE applications SET answers = $1, updated_at = $2, expires_at = $3, reminded_at = NULL \
         WHERE id = $4 AND account_id = $5 AND status = 'draft'",
    )
    .bind(encode(answers)?)
    .bind(now.0)
    .bind(expires_at.0)
    .bind(id)
    .bind(account_id)
    .execute(&db.pool)
    .await?
    .rows_affected();
    Ok(changed == 1)
}

/// What the submission freezes with the application.
pub struct Submission<'a> {
    pub id: i64,
    pub account_id: i64,
    pub idempotency_key: &'a str,
    pub answers: &'a Answers,
    pub gemeinde_ags: Option<&'a str>,
    pub authority_id: Option<&'a str>,
    pub reference_prefix: &'a str,
    pub year: i64,
    pub now: Timestamp,
    /// The confirmed address it is sent with, and the applicant's name as answered: kept
    /// with the application for the authority.
    pub email: &'a str,
    pub applicant_name: &'a str,
}

/// The outcome of a submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Submitted {
    /// Submitted now with this reference.
    New(String),
    /// Submitted before (same key, or the draft already was): its reference.
    Already(String),
    /// No draft of this account with this id.
    NotFound,
}

/// Submits a draft: one transaction takes the next reference number of the year, freezes
/// the answers and marks the application submitted. The same idempotency key, or a second
/// request for a draft submitted meanwhile, gets the first reference back.
pub async fn submit(db: &Db, s: &Submission<'_>) -> Result<Submitted, sqlx::Error> {
    if let Some(done) = submitted_as(db, s).await? {
        return Ok(Submitted::Already(done));
    }
    let mut tx = db.begin_write().await?;
    let number: i64 = sqlx::query_scalar(
        "INSERT INTO reference_counters (prefix, year, last_number) VALUES ($1, $2, 1) \
         ON CONFLICT (prefix, year) DO UPDATE SET last_number = reference_counters.last_number + 1 \
         RETURNING last_number",
    )
    .bind(s.reference_prefix)
    .bind(s.year)
    .fetch_one(&mut *tx)
    .await?;
    let reference = reference(s.reference_prefix, s.year, number);
    let changed = sqlx::query(
        "UPDATE applications SET status = 'submitted', reference = $1, idempotency_key = $2, \
         answers = $3, gemeinde_ags = $4, authority_id = $5, submitted_at = $6, updated_at = $6, \
         status_changed_at = $6, expires_at = NULL, email = $7, applicant_name = $8 \
         WHERE id = $9 AND account_id = $10 AND status = 'draft'",
    )
    .bind(&reference)
    .bind(s.idempotency_key)
    .bind(encode(s.answers)?)
    .bind(s.gemeinde_ags)
    .bind(s.authority_id)
    .bind(s.now.0)
    .bind(s.email)
    .bind(s.applicant_name)
    .bind(s.id)
    .bind(s.account_id)
    .execute(&mut *tx)
    .await;
    match changed {
        Ok(result) if result.rows_affected() == 1 => {
            // The timeline starts, and the outbox holds the submission for the authority's
            // specialist system: in the same transaction, so neither is ever missing.
            super::cases::insert_event(
                &mut tx,
                s.id,
                s.now,
                super::cases::ActorRef::Applicant(Some(s.account_id)),
                "status",
                Some((Status::Draft, Status::Submitted)),
                None,
            )
            .await?;
            if let Some(authority) = s.authority_id {
                super::delivery::enqueue(&mut tx, s.id, authority, "submitted", s.now).await?;
            }
            tx.commit().await?;
            Ok(Submitted::New(reference))
        }
        // Not a draft any more, or the key was taken by a concurrent request: the number
        // is given back with the rollback, and the first submission answers.
        Ok(_) | Err(sqlx::Error::Database(_)) => {
            tx.rollback().await?;
            Ok(match submitted_as(db, s).await? {
                Some(done) => Submitted::Already(done),
                None => Submitted::NotFound,
            })
        }
        Err(other) => Err(other),
    }
}

/// The reference of an earlier submission of this request or of this draft.
async fn submitted_as(db: &Db, s: &Submission<'_>) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT reference FROM applications WHERE account_id = $1 AND status <> 'draft' \
         AND (idempotency_key = $2 OR id = $3) ORDER BY id LIMIT 1",
    )
    .bind(s.account_id)
    .bind(s.idempotency_key)
    .bind(s.id)
    .fetch_optional(&db.pool)
    .await
    .map(Option::flatten)
}

/// Deletes drafts that expired; returns how many.
pub async fn delete_expired_drafts(db: &Db, now: Timestamp) -> Result<u64, sqlx::Error> {
    Ok(
        sqlx::query("DELETE FROM applications WHERE status = 'draft' AND expires_at <= $1")
            .bind(now.0)
            .execute(&db.pool)
            .await?
            .rows_affected(),
    )
}

/// Deletes an account's drafts (with the account; submitted applications stay).
pub async fn delete_drafts_of(db: &Db, account_id: i64) -> Result<u64, sqlx::Error> {
    Ok(
        sqlx::query("DELETE FROM applications WHERE status = 'draft' AND account_id = $1")
            .bind(account_id)
            .execute(&db.pool)
            .await?
            .rows_affected(),
    )
}

/// A draft whose reminder is due: `(id, account id, service, expires at)`.
pub type DueReminder = (i64, i64, String, i64);

/// Drafts expiring within `within_secs` of `now` whose applicant was not reminded yet.
pub async fn drafts_to_remind(
    db: &Db,
    now: Timestamp,
    within_secs: i64,
) -> Result<Vec<DueReminder>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, account_id, service_slug, expires_at FROM applications \
         WHERE status = 'draft' AND reminded_at IS NULL AND account_id IS NOT NULL \
         AND expires_at > $1 AND expires_at <= $2 ORDER BY id LIMIT 500",
    )
    .bind(now.0)
    .bind(now.0 + within_secs)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                r.try_get("id")?,
                r.try_get("account_id")?,
                r.try_get("service_slug")?,
                r.try_get("expires_at")?,
            ))
        })
        .collect()
}

pub async fn mark_reminded(db: &Db, id: i64, now: Timestamp) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE applications SET reminded_at = $1 WHERE id = $2")
        .bind(now.0)
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(())
}
