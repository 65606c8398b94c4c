//! Accounts, their one-time tokens and their Stammdaten (profile).

use crate::domain::account::Role;
use crate::domain::locale::Locale;
use crate::server::clock::Timestamp;
use crate::server::db::Db;
use sqlx::Row;
use sqlx::any::AnyRow;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: i64,
    pub email: String,
    pub email_verified_at: Option<i64>,
    /// `None` for an account made by applying with only an e-mail address: it is signed in
    /// by a link until a password is set (stored as the empty string).
    pub password_hash: Option<String>,
    pub role: Role,
    pub locale: Locale,
    pub created_at: i64,
    pub password_changed_at: i64,
    pub disabled_at: Option<i64>,
}

const COLUMNS: &str = "id, email, email_verified_at, password_hash, role, locale, created_at, \
     password_changed_at, disabled_at";

fn to_account(row: &AnyRow) -> Result<Account, sqlx::Error> {
    let role: String = row.try_get("role")?;
    let locale: String = row.try_get("locale")?;
    Ok(Account {
        id: row.try_get("id")?,
        email: row.try_get("email")?,
        email_verified_at: row.try_get("email_verified_at")?,
        password_hash: Some(row.try_get::<String, _>("password_hash")?).filter(|h| !h.is_empty()),
        role: Role::parse(&role).unwrap_or(Role::Citizen),
        locale: Locale::from_tag(&locale).unwrap_or_default(),
        created_at: row.try_get("created_at")?,
        password_changed_at: row.try_get("password_changed_at")?,
        disabled_at: row.try_get("disabled_at")?,
    })
}

/// Creates an unverified account; `None` when the e-mail address already has one.
pub async fn create(
    db: &Db,
    email: &str,
    password_hash: &str,
    role: Role,
    locale: Locale,
    now: Timestamp,
) -> Result<Option<i64>, sqlx::Error> {
    insert(db, email, password_hash, role, locale, now).await
}

/// Creates an unverified citizen account without a password (applying with only an
/// e-mail address); `None` when the address already has an account.
pub async fn create_without_password(
    db: &Db,
    email: &str,
    locale: Locale,
    now: Timestamp,
) -> Result<Option<i64>, sqlx::Error> {
    insert(db, email, "", Role::Citizen, locale, now).await
}

async fn insert(
    db: &Db,
    email: &str,
    password_hash: &str,
    role: Role,
    locale: Locale,
    now: Timestamp,
) -> Result<Option<i64>, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO accounts (email, password_hash, role, locale, created_at, password_changed_at) \
         VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (email) DO NOTHING RETURNING id",
    )
    .bind(email)
    .bind(password_hash)
    .bind(role.as_str())
    .bind(locale.as_str())
    .bind(now.0)
    .fetch_optional(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn by_email(db: &Db, email: &str) -> Result<Option<Account>, sqlx::Error> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM accounts WHERE email = $1"))
        .bind(email)
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref().map(to_account).transpose()
}

pub async fn get(db: &Db, id: i64) -> Result<Option<Account>, sqlx::Error> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM accounts WHERE id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref().map(to_account).transpose()
}

pub async fn set_password(
    db: &Db,
    id: i64,
    password_hash: &str,
    now: Timestamp,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE accounts SET password_hash = $1, password_changed_at = $2 WHERE id = $3")
        .bind(password_hash)
        .bind(now.0)
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Stores the same password hashed again at today's cost (not a password change).
pub async fn rehash_password(db: &Db, id: i64, password_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2")
        .bind(password_hash)
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

pub async fn set_role(db: &Db, id: i64, role: Role) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE accounts SET role = $1 WHERE id = $2")
        .bind(role.as_str())
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

pub async fn set_locale(db: &Db, id: i64, locale: Locale) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE accounts SET locale = $1 WHERE id = $2")
        .bind(locale.as_str())
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

pub async fn mark_verified(db: &Db, id: i64, now: Timestamp) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE accounts SET email_verified_at = $1 WHERE id = $2 AND email_verified_at IS NULL",
    )
    .bind(now.0)
    .bind(id)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Moves the account to a new, verified address; `false` when another account has it.
pub async fn change_email(
    db: &Db,
    id: i64,
    email: &str,
    now: Timestamp,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let taken: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM accounts WHERE email = $1")
        .bind(email)
        .fetch_one(&mut *tx)
        .await?;
    if taken > 0 {
        return Ok(false);
    }
    sqlx::query("UPDATE accounts SET email = $1, email_verified_at = $2 WHERE id = $3")
        .bind(email)
        .bind(now.0)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(true)
}

/// Deletes the account with its sessions, tokens and profile (cascades). The audit log
/// keeps its pseudonymous entries.
pub async fn delete(db: &Db, id: i64) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    for table in ["sessions", "account_tokens", "profiles"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE account_id = $1"))
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query("DELETE FROM accounts WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// Removes citizen accounts made before `created_before` whose address was never
/// confirmed, which hold no application and have no link still valid at `now` (at most
/// `limit`, oldest first; sessions, tokens and profile go with them). Returns their ids.
pub async fn remove_never_confirmed(
    db: &Db,
    created_before: Timestamp,
    now: Timestamp,
    limit: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let ids = sqlx::query_scalar(
        "DELETE FROM accounts WHERE id IN ( \
           SELECT id FROM accounts WHERE email_verified_at IS NULL AND role = 'citizen' \
           AND created_at < $1 \
           AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.account_id = accounts.id) \
           AND NOT EXISTS (SELECT 1 FROM account_tokens t \
                           WHERE t.account_id = accounts.id AND t.used_at IS NULL \
                           AND t.expires_at > $2) \
           ORDER BY id LIMIT $3) \
         RETURNING id",
    )
    .bind(created_before.0)
    .bind(now.0)
    .bind(limit)
    .fetch_all(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(ids)
}

/// What a one-time token is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenPurpose {
    Verify,
    Reset,
    EmailChange,
    /// Signs in an account without a password (and confirms its address).
    SignIn,
}

impl TokenPurpose {
    pub fn as_str(self) -> &'static str {
        match self {
            TokenPurpose::Verify => "verify",
            TokenPurpose::Reset => "reset",
            TokenPurpose::EmailChange => "email-change",
            TokenPurpose::SignIn => "sign-in",
        }
    }
}

/// What a new token is for, with what it carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewToken<'a> {
    pub purpose: TokenPurpose,
    /// The address an e-mail change goes to.
    pub new_email: Option<&'a str>,
    /// Where a sign-in link leads once used (a local path).
    pub next_path: Option<&'a str>,
}

impl NewToken<'_> {
    pub fn plain(purpose: TokenPurpose) -> Self {
        NewToken {
            purpose,
            new_email: None,
            next_path: None,
        }
    }
}

/// Stores a new token (its hash) and voids the account's earlier unused ones of the same
/// purpose, so only the newest link works.
pub async fn insert_token(
    db: &Db,
    token_hash: &str,
    account_id: i64,
    token: &NewToken<'_>,
    now: Timestamp,
    expires_at: Timestamp,
) -> Result<(), sqlx::Error> {
    let purpose = token.purpose;
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "UPDATE account_tokens SET used_at = $1 \
         WHERE account_id = $2 AND purpose = $3 AND used_at IS NULL",
    )
    .bind(now.0)
    .bind(account_id)
    .bind(purpose.as_str())
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO account_tokens (token_hash, account_id, purpose, new_email, next_path, \
         created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(token_hash)
    .bind(account_id)
    .bind(purpose.as_str())
    .bind(token.new_email)
    .bind(token.next_path)
    .bind(now.0)
    .bind(expires_at.0)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

/// A valid token: the account and, for an e-mail change, the new address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenUse {
    pub account_id: i64,
    pub new_email: Option<String>,
    pub next_path: Option<String>,
}

/// Whether the token is valid now, without using it (the page that asks to confirm).
pub async fn peek_token(
    db: &Db,
    token_hash: &str,
    purpose: TokenPurpose,
    now: Timestamp,
) -> Result<Option<TokenUse>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT account_id, new_email, next_path FROM account_tokens \
         WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3",
    )
    .bind(token_hash)
    .bind(purpose.as_str())
    .bind(now.0)
    .fetch_optional(&db.pool)
    .await?;
    row.map(|row| {
        Ok(TokenUse {
            account_id: row.try_get("account_id")?,
            new_email: row.try_get("new_email")?,
            next_path: row.try_get("next_path")?,
        })
    })
    .transpose()
}

/// Uses the token once: only the first of concurrent uses gets it.
pub async fn consume_token(
    db: &Db,
    token_hash: &str,
    purpose: TokenPurpose,
    now: Timestamp,
) -> Result<Option<TokenUse>, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let row = sqlx::query(
        "UPDATE account_tokens SET used_at = $1 \
         WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1 \
         RETURNING account_id, new_email, next_path",
    )
    .bind(now.0)
    .bind(token_hash)
    .bind(purpose.as_str())
    .fetch_optional(&mut *tx)
    .await?;
    tx.commit().await?;
    row.map(|row| {
        Ok(TokenUse {
            account_id: row.try_get("account_id")?,
            new_email: row.try_get("new_email")?,
            next_path: row.try_get("next_path")?,
        })
    })
    .transpose()
}

/// Accounts by role, for operators (`create-admin` reports, later the admin pages).
pub async fn count_with_role(db: &Db, role: Role) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM accounts WHERE role = $1")
        .bind(role.as_str())
        .fetch_one(&db.pool)
        .await
}
