//! Passkeys of accounts and the state of started WebAuthn ceremonies.

use crate::server::clock::Timestamp;
use crate::server::db::Db;
use sqlx::Row;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPasskey {
    pub id: i64,
    pub account_id: i64,
    pub credential_id: String,
    /// webauthn-rs' `Passkey` as JSON.
    pub passkey: String,
    pub name: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
}

fn to_passkey(row: &sqlx::any::AnyRow) -> Result<StoredPasskey, sqlx::Error> {
    Ok(StoredPasskey {
        id: row.try_get("id")?,
        account_id: row.try_get("account_id")?,
        credential_id: row.try_get("credential_id")?,
        passkey: row.try_get("passkey")?,
        name: row.try_get("name")?,
        created_at: row.try_get("created_at")?,
        last_used_at: row.try_get("last_used_at")?,
    })
}

const COLUMNS: &str = "id, account_id, credential_id, passkey, name, created_at, last_used_at";

pub async fn for_account(db: &Db, account_id: i64) -> Result<Vec<StoredPasskey>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM passkeys WHERE account_id = $1 ORDER BY created_at, id"
    ))
    .bind(account_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(to_passkey).collect()
}

pub async fn by_credential(
    db: &Db,
    credential_id: &str,
) -> Result<Option<StoredPasskey>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM passkeys WHERE credential_id = $1"
    ))
    .bind(credential_id)
    .fetch_optional(&db.pool)
    .await?;
    row.as_ref().map(to_passkey).transpose()
}

pub async fn insert(
    db: &Db,
    account_id: i64,
    credential_id: &str,
    passkey: &str,
    name: &str,
    now: Timestamp,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO passkeys (account_id, credential_id, passkey, name, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(account_id)
    .bind(credential_id)
    .bind(passkey)
    .bind(name)
    .bind(now.0)
    .execute(&db.pool)
    .await?;
    Ok(())
}

pub async fn used(db: &Db, id: i64, passkey: &str, now: Timestamp) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE passkeys SET passkey = $1, last_used_at = $2 WHERE id = $3")
        .bind(passkey)
        .bind(now.0)
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Removes one of the account's passkeys; `false` if it is not the account's.
pub async fn delete(db: &Db, account_id: i64, id: i64) -> Result<bool, sqlx::Error> {
    let removed = sqlx::query("DELETE FROM passkeys WHERE id = $1 AND account_id = $2")
        .bind(id)
        .bind(account_id)
        .execute(&db.pool)
        .await?
        .rows_affected();
    Ok(removed == 1)
}

/// The account's WebAuthn user handle, created on first use.
pub async fn user_handle(db: &Db, account_id: i64, fresh: &str) -> Result<String, sqlx::Error> {
    sqlx::query("UPDATE accounts SET webauthn_id = $1 WHERE id = $2 AND webauthn_id IS NULL")
        .bind(fresh)
        .bind(account_id)
        .execute(&db.pool)
        .await?;
    sqlx::query_scalar("SELECT webauthn_id FROM accounts WHERE id = $1")
        .bind(account_id)
        .fetch_one(&db.pool)
        .await
}

/// The account's WebAuthn user handle, if it has one.
pub async fn handle_of(db: &Db, account_id: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT webauthn_id FROM accounts WHERE id = $1")
        .bind(account_id)
        .fetch_one(&db.pool)
        .await
}

pub async fn start_ceremony(
    db: &Db,
    id_hash: &str,
    account_id: Option<i64>,
    kind: &str,
    state: &str,
    expires_at: Timestamp,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO webauthn_ceremonies (id_hash, account_id, kind, state, expires_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id_hash)
    .bind(account_id)
    .bind(kind)
    .bind(state)
    .bind(expires_at.0)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Takes a ceremony's state once (it is deleted), if it has not expired.
pub async fn take_ceremony(
    db: &Db,
    id_hash: &str,
    kind: &str,
    now: Timestamp,
) -> Result<Option<(Option<i64>, String)>, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let row = sqlx::query(
        "DELETE FROM webauthn_ceremonies WHERE id_hash = $1 AND kind = $2 AND expires_at > $3 \
         RETURNING account_id, state",
    )
    .bind(id_hash)
    .bind(kind)
    .bind(now.0)
    .fetch_optional(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM webauthn_ceremonies WHERE expires_at <= $1")
        .bind(now.0)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    row.map(|row| Ok((row.try_get("account_id")?, row.try_get("state")?)))
        .transpose()
}
