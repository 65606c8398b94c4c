//! Who works for which authority (caseworkers; managed by admins).

use crate::server::clock::Timestamp;
use crate::server::db::Db;
use sqlx::Row;

/// The authorities an account works for.
pub async fn authorities_of(db: &Db, account_id: i64) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT authority_id FROM authority_members WHERE account_id = $1 ORDER BY authority_id",
    )
    .bind(account_id)
    .fetch_all(&db.pool)
    .await
}

/// A member of an authority as lists show them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub account_id: i64,
    pub email: String,
    pub authority_id: String,
    pub since: i64,
}

/// The members of an authority, by address.
pub async fn of_authority(db: &Db, authority_id: &str) -> Result<Vec<Member>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT m.account_id, a.email, m.authority_id, m.created_at FROM authority_members m \
         JOIN accounts a ON a.id = m.account_id WHERE m.authority_id = $1 ORDER BY a.email",
    )
    .bind(authority_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Member {
                account_id: r.try_get("account_id")?,
                email: r.try_get("email")?,
                authority_id: r.try_get("authority_id")?,
                since: r.try_get("created_at")?,
            })
        })
        .collect()
}

/// Every membership, by authority and address (the admins' overview).
pub async fn all(db: &Db) -> Result<Vec<Member>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT m.account_id, a.email, m.authority_id, m.created_at FROM authority_members m \
         JOIN accounts a ON a.id = m.account_id ORDER BY m.authority_id, a.email",
    )
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Member {
                account_id: r.try_get("account_id")?,
                email: r.try_get("email")?,
                authority_id: r.try_get("authority_id")?,
                since: r.try_get("created_at")?,
            })
        })
        .collect()
}

pub async fn is_member(db: &Db, account_id: i64, authority_id: &str) -> Result<bool, sqlx::Error> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM authority_members WHERE account_id = $1 AND authority_id = $2",
    )
    .bind(account_id)
    .bind(authority_id)
    .fetch_one(&db.pool)
    .await?;
    Ok(n > 0)
}

/// Adds the account to the authority (and makes a citizen a caseworker); adding twice is
/// harmless.
pub async fn add(
    db: &Db,
    account_id: i64,
    authority_id: &str,
    now: Timestamp,
) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO authority_members (account_id, authority_id, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (account_id, authority_id) DO NOTHING",
    )
    .bind(account_id)
    .bind(authority_id)
    .bind(now.0)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE accounts SET role = 'caseworker' WHERE id = $1 AND role = 'citizen'")
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// Removes the account from the authority; a caseworker without any authority left is a
/// citizen again, and loses the cases assigned to them there. `false` when it was no member.
pub async fn remove(db: &Db, account_id: i64, authority_id: &str) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let removed =
        sqlx::query("DELETE FROM authority_members WHERE account_id = $1 AND authority_id = $2")
            .bind(account_id)
            .bind(authority_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
    sqlx::query(
        "UPDATE applications SET assignee_id = NULL WHERE assignee_id = $1 AND authority_id = $2",
    )
    .bind(account_id)
    .bind(authority_id)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE accounts SET role = 'citizen' WHERE id = $1 AND role = 'caseworker' \
         AND NOT EXISTS (SELECT 1 FROM authority_members WHERE account_id = $1)",
    )
    .bind(account_id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(removed == 1)
}
