//! TOTP credentials, recovery codes and sign-ins waiting for their second factor.

use crate::server::clock::Timestamp;
use crate::server::db::Db;
use sqlx::Row;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotpCredential {
    /// Sealed (see `auth::totp::seal`).
    pub secret: String,
    pub confirmed_at: Option<i64>,
    pub last_step: i64,
}

pub async fn totp(db: &Db, account_id: i64) -> Result<Option<TotpCredential>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT secret, confirmed_at, last_step FROM totp_credentials WHERE account_id = $1",
    )
    .bind(account_id)
    .fetch_optional(&db.pool)
    .await?;
    row.map(|row| {
        Ok(TotpCredential {
            secret: row.try_get("secret")?,
            confirmed_at: row.try_get("confirmed_at")?,
            last_step: row.try_get("last_step")?,
        })
    })
    .transpose()
}

/// Starts a set-up: an unconfirmed secret, replacing an earlier unconfirmed one. A
/// confirmed credential is left alone (`false`).
pub async fn start_totp(
    db: &Db,
    account_id: i64,
    sealed_secret: &str,
    now: Timestamp,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query("DELETE FROM totp_credentials WHERE account_id = $1 AND confirmed_at IS NULL")
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    let inserted = sqlx::query(
        "INSERT INTO totp_credentials (account_id, secret, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (account_id) DO NOTHING",
    )
    .bind(account_id)
    .bind(sealed_secret)
    .bind(now.0)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    tx.commit().await?;
    Ok(inserted == 1)
}

/// Confirms the set-up with the step of the first good code, and stores the recovery codes
/// (hashes), all in one transaction.
pub async fn confirm_totp(
    db: &Db,
    account_id: i64,
    step: i64,
    recovery_hashes: &[String],
    now: Timestamp,
) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "UPDATE totp_credentials SET confirmed_at = $1, last_step = $2 \
         WHERE account_id = $3 AND confirmed_at IS NULL",
    )
    .bind(now.0)
    .bind(step)
    .bind(account_id)
    .execute(&mut *tx)
    .await?;
    put_recovery_codes(&mut tx, account_id, recovery_hashes).await?;
    tx.commit().await
}

/// Replaces every recovery code of a confirmed authenticator with new ones (hashes);
/// `false` when the account has none set up.
pub async fn renew_recovery_codes(
    db: &Db,
    account_id: i64,
    recovery_hashes: &[String],
) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let confirmed: Option<i64> = sqlx::query_scalar(
        "SELECT account_id FROM totp_credentials \
         WHERE account_id = $1 AND confirmed_at IS NOT NULL",
    )
    .bind(account_id)
    .fetch_optional(&mut *tx)
    .await?;
    if confirmed.is_none() {
        return Ok(false);
    }
    put_recovery_codes(&mut tx, account_id, recovery_hashes).await?;
    tx.commit().await?;
    Ok(true)
}

async fn put_recovery_codes(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    account_id: i64,
    recovery_hashes: &[String],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM recovery_codes WHERE account_id = $1")
        .bind(account_id)
        .execute(&mut **tx)
        .await?;
    for hash in recovery_hashes {
        sqlx::query("INSERT INTO recovery_codes (account_id, code_hash) VALUES ($1, $2)")
            .bind(account_id)
            .bind(hash)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Records a used step; `false` when a concurrent sign-in used it (or a later one) first.
pub async fn use_step(db: &Db, account_id: i64, step: i64) -> Result<bool, sqlx::Error> {
    let changed = sqlx::query(
        "UPDATE totp_credentials SET last_step = $1 WHERE account_id = $2 AND last_step < $1",
    )
    .bind(step)
    .bind(account_id)
    .execute(&db.pool)
    .await?
    .rows_affected();
    Ok(changed == 1)
}

pub async fn delete_totp(db: &Db, account_id: i64) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    for table in ["totp_credentials", "recovery_codes"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE account_id = $1"))
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await
}

/// Uses a recovery code once; `true` if it was valid and unused.
pub async fn use_recovery_code(
    db: &Db,
    account_id: i64,
    code_hash: &str,
    now: Timestamp,
) -> Result<bool, sqlx::Error> {
    let changed = sqlx::query(
        "UPDATE recovery_codes SET used_at = $1 \
         WHERE account_id = $2 AND code_hash = $3 AND used_at IS NULL",
    )
    .bind(now.0)
    .bind(account_id)
    .bind(code_hash)
    .execute(&db.pool)
    .await?
    .rows_affected();
    Ok(changed == 1)
}

pub async fn unused_recovery_codes(db: &Db, account_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM recovery_codes WHERE account_id = $1 AND used_at IS NULL",
    )
    .bind(account_id)
    .fetch_one(&db.pool)
    .await
}

/// A sign-in that passed the password step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingSignIn {
    pub account_id: i64,
    pub next_path: String,
    pub created_at: i64,
    pub attempts: i64,
}

pub async fn start_pending(
    db: &Db,
    token_hash: &str,
    account_id: i64,
    next_path: &str,
    now: Timestamp,
) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query("DELETE FROM pending_sign_ins WHERE account_id = $1 OR created_at < $2")
        .bind(account_id)
        .bind(now.0 - 3600)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO pending_sign_ins (token_hash, account_id, next_path, created_at) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(token_hash)
    .bind(account_id)
    .bind(next_path)
    .bind(now.0)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

pub async fn pending(db: &Db, token_hash: &str) -> Result<Option<PendingSignIn>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT account_id, next_path, created_at, attempts FROM pending_sign_ins \
         WHERE token_hash = $1",
    )
    .bind(token_hash)
    .fetch_optional(&db.pool)
    .await?;
    row.map(|row| {
        Ok(PendingSignIn {
            account_id: row.try_get("account_id")?,
            next_path: row.try_get("next_path")?,
            created_at: row.try_get("created_at")?,
            attempts: row.try_get("attempts")?,
        })
    })
    .transpose()
}

pub async fn count_attempt(db: &Db, token_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE pending_sign_ins SET attempts = attempts + 1 WHERE token_hash = $1")
        .bind(token_hash)
        .execute(&db.pool)
        .await?;
    Ok(())
}

pub async fn end_pending(db: &Db, token_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM pending_sign_ins WHERE token_hash = $1")
        .bind(token_hash)
        .execute(&db.pool)
        .await?;
    Ok(())
}
