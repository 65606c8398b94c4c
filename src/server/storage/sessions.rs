//! Server-side sessions. The browser holds a random id; only its hash is stored.

use crate::domain::account::{Role, TrustLevel};
use crate::domain::locale::Locale;
use crate::server::clock::Timestamp;
use crate::server::db::Db;
use sqlx::Row;
use sqlx::any::AnyRow;

/// A session joined with what every request needs of its account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub id_hash: String,
    pub account_id: i64,
    pub email: String,
    pub role: Role,
    pub locale: Locale,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub authenticated_at: i64,
    pub trust_level: TrustLevel,
    pub user_agent: Option<String>,
    pub ip: Option<String>,
    pub disabled: bool,
    /// The Gemeinde of the account's address ("Mein Ort"), if the profile has one.
    pub home_ags: Option<String>,
    /// The account has a confirmed second factor.
    pub has_second_factor: bool,
    /// The account has a password (one made by applying with only an e-mail address has
    /// none and signs in by link).
    pub has_password: bool,
}

pub struct NewSession<'a> {
    pub id_hash: &'a str,
    pub account_id: i64,
    pub trust_level: TrustLevel,
    pub user_agent: Option<&'a str>,
    pub ip: Option<&'a str>,
}

const COLUMNS: &str = "s.id_hash, s.account_id, a.email, a.role, a.locale, s.created_at, \
     s.last_seen_at, s.authenticated_at, s.trust_level, s.user_agent, s.ip, a.disabled_at, \
     p.gemeinde_ags AS home_ags, (SELECT COUNT(*) FROM totp_credentials t \
     WHERE t.account_id = a.id AND t.confirmed_at IS NOT NULL) \
     + (SELECT COUNT(*) FROM passkeys k WHERE k.account_id = a.id) AS second_factors, \
     CAST(CASE WHEN a.password_hash = '' THEN 0 ELSE 1 END AS BIGINT) AS has_password";

const FROM: &str = "sessions s JOIN accounts a ON a.id = s.account_id \
     LEFT JOIN profiles p ON p.account_id = a.id";

fn to_session(row: &AnyRow) -> Result<Session, sqlx::Error> {
    let role: String = row.try_get("role")?;
    let locale: String = row.try_get("locale")?;
    let trust: String = row.try_get("trust_level")?;
    let disabled_at: Option<i64> = row.try_get("disabled_at")?;
    Ok(Session {
        id_hash: row.try_get("id_hash")?,
        account_id: row.try_get("account_id")?,
        email: row.try_get("email")?,
        role: Role::parse(&role).unwrap_or(Role::Citizen),
        locale: Locale::from_tag(&locale).unwrap_or_default(),
        created_at: row.try_get("created_at")?,
        last_seen_at: row.try_get("last_seen_at")?,
        authenticated_at: row.try_get("authenticated_at")?,
        trust_level: TrustLevel::parse(&trust).unwrap_or(TrustLevel::Basic),
        user_agent: row.try_get("user_agent")?,
        ip: row.try_get("ip")?,
        disabled: disabled_at.is_some(),
        home_ags: row.try_get("home_ags")?,
        has_second_factor: row.try_get::<i64, _>("second_factors")? > 0,
        has_password: row.try_get::<i64, _>("has_password")? == 1,
    })
}

pub async fn insert(db: &Db, session: &NewSession<'_>, now: Timestamp) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO sessions (id_hash, account_id, created_at, last_seen_at, authenticated_at, \
         trust_level, user_agent, ip) VALUES ($1, $2, $3, $3, $3, $4, $5, $6)",
    )
    .bind(session.id_hash)
    .bind(session.account_id)
    .bind(now.0)
    .bind(session.trust_level.as_str())
    .bind(session.user_agent)
    .bind(session.ip)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

pub async fn get(db: &Db, id_hash: &str) -> Result<Option<Session>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE s.id_hash = $1"
    ))
    .bind(id_hash)
    .fetch_optional(&db.pool)
    .await?;
    row.as_ref().map(to_session).transpose()
}

/// The account's sessions, newest activity first.
pub async fn list_for(db: &Db, account_id: i64) -> Result<Vec<Session>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE s.account_id = $1 \
         ORDER BY s.last_seen_at DESC, s.id_hash"
    ))
    .bind(account_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(to_session).collect()
}

pub async fn touch(db: &Db, id_hash: &str, now: Timestamp) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2")
        .bind(now.0)
        .bind(id_hash)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Records a fresh authentication (re-entered password or second factor).
pub async fn reauthenticated(
    db: &Db,
    id_hash: &str,
    trust_level: TrustLevel,
    now: Timestamp,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE sessions SET authenticated_at = $1, last_seen_at = $1, trust_level = $2 \
         WHERE id_hash = $3",
    )
    .bind(now.0)
    .bind(trust_level.as_str())
    .bind(id_hash)
    .execute(&db.pool)
    .await?;
    Ok(())
}

pub async fn delete(db: &Db, id_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
        .bind(id_hash)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Ends one of the account's sessions by a short public handle (see [`handle`]); `false`
/// when it is not the account's.
pub async fn delete_by_handle(db: &Db, account_id: i64, handle: &str) -> Result<bool, sqlx::Error> {
    let sessions = list_for(db, account_id).await?;
    let Some(session) = sessions.iter().find(|s| self::handle(&s.id_hash) == handle) else {
        return Ok(false);
    };
    delete(db, &session.id_hash).await?;
    Ok(true)
}

/// A public name for a session (in the sessions list and its revoke buttons) that says
/// nothing about the id itself: a prefix of the hash of the hash.
pub fn handle(id_hash: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("session-handle:{id_hash}").as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// Ends every session of the account, except `keep` if given. Returns how many ended.
pub async fn delete_all_for(
    db: &Db,
    account_id: i64,
    keep: Option<&str>,
) -> Result<u64, sqlx::Error> {
    let result = sqlx::query("DELETE FROM sessions WHERE account_id = $1 AND id_hash <> $2")
        .bind(account_id)
        .bind(keep.unwrap_or(""))
        .execute(&db.pool)
        .await?;
    Ok(result.rows_affected())
}

/// Forgets sessions that can no longer be used (the job runner calls this).
pub async fn purge_expired(
    db: &Db,
    idle_before: Timestamp,
    created_before: Timestamp,
) -> Result<u64, sqlx::Error> {
    let result = sqlx::query("DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2")
        .bind(idle_before.0)
        .bind(created_before.0)
        .execute(&db.pool)
        .await?;
    Ok(result.rows_affected())
}
