//! The Postfach: messages between applicants and authorities, one thread per application
//! plus general messages of the portal; unread counts on each side.

use crate::domain::applications::Status;
use crate::server::clock::Timestamp;
use crate::server::db::Db;
use crate::server::storage::cases::{ActorRef, insert_event};
use sqlx::Row;
use sqlx::any::AnyRow;

/// Who wrote a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sender {
    Applicant,
    Authority,
    Portal,
}

impl Sender {
    pub fn as_str(self) -> &'static str {
        match self {
            Sender::Applicant => "applicant",
            Sender::Authority => "authority",
            Sender::Portal => "portal",
        }
    }

    fn parse(value: &str) -> Sender {
        match value {
            "applicant" => Sender::Applicant,
            "authority" => Sender::Authority,
            _ => Sender::Portal,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: i64,
    pub public_id: String,
    pub account_id: Option<i64>,
    pub application_id: Option<i64>,
    pub sender: Sender,
    pub author_email: Option<String>,
    pub subject: String,
    pub body: String,
    pub sent_at: i64,
    pub read_at: Option<i64>,
}

const COLUMNS: &str = "m.id, m.public_id, m.account_id, m.application_id, m.sender, \
     w.email AS author_email, m.subject, m.body, m.sent_at, m.read_at";

fn to_message(row: &AnyRow) -> Result<Message, sqlx::Error> {
    let sender: String = row.try_get("sender")?;
    Ok(Message {
        id: row.try_get("id")?,
        public_id: row.try_get("public_id")?,
        account_id: row.try_get("account_id")?,
        application_id: row.try_get("application_id")?,
        sender: Sender::parse(&sender),
        author_email: row.try_get("author_email")?,
        subject: row.try_get("subject")?,
        body: row.try_get("body")?,
        sent_at: row.try_get("sent_at")?,
        read_at: row.try_get("read_at")?,
    })
}

/// A message to store, with what else happens in its transaction.
pub struct NewMessage<'a> {
    pub public_id: &'a str,
    pub account_id: Option<i64>,
    pub application_id: Option<i64>,
    pub sender: Sender,
    pub author_id: Option<i64>,
    pub subject: &'a str,
    pub body: &'a str,
    pub now: Timestamp,
    /// For the timeline: who wrote it.
    pub actor: ActorRef,
    /// A status change that goes with the message (a query asked, a query answered, a
    /// decision): `(from, to)`, only if the application still has `from`.
    pub status_change: Option<(Status, Status)>,
    /// The application's authority, for the outbox (messages of applicants reach the
    /// specialist system too).
    pub deliver_to: Option<&'a str>,
    /// Files that come with it (their objects are stored already).
    pub files: &'a [crate::server::storage::attachments::Attachment],
}

/// What came of storing a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    /// Stored; its row id.
    Done(i64),
    /// The status it should change had changed meanwhile: nothing stored.
    StatusChanged,
}

/// Stores a message, its status change, its timeline entry and its outbox row in one
/// transaction.
pub async fn insert(db: &Db, m: &NewMessage<'_>) -> Result<Stored, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    if let (Some((from, to)), Some(application_id)) = (m.status_change, m.application_id) {
        let changed = sqlx::query(
            "UPDATE applications SET status = $1, status_changed_at = $2, updated_at = $2 \
             WHERE id = $3 AND status = $4",
        )
        .bind(to.as_str())
        .bind(m.now.0)
        .bind(application_id)
        .bind(from.as_str())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed != 1 {
            tx.rollback().await?;
            return Ok(Stored::StatusChanged);
        }
        insert_event(
            &mut tx,
            application_id,
            m.now,
            m.actor,
            "status",
            Some((from, to)),
            None,
        )
        .await?;
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO messages (public_id, account_id, application_id, sender, author_id, \
         subject, body, sent_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(m.public_id)
    .bind(m.account_id)
    .bind(m.application_id)
    .bind(m.sender.as_str())
    .bind(m.author_id)
    .bind(m.subject)
    .bind(m.body)
    .bind(m.now.0)
    .fetch_one(&mut *tx)
    .await?;
    if let Some(application_id) = m.application_id {
        for file in m.files {
            let file = crate::server::storage::attachments::Attachment {
                message_id: Some(id),
                ..file.clone()
            };
            crate::server::storage::attachments::insert_in(&mut tx, application_id, &file).await?;
        }
        insert_event(
            &mut tx,
            application_id,
            m.now,
            m.actor,
            "message",
            None,
            None,
        )
        .await?;
        if let Some(authority) = m.deliver_to {
            super::delivery::enqueue(&mut tx, application_id, authority, "message", m.now).await?;
        }
    }
    tx.commit().await?;
    Ok(Stored::Done(id))
}

/// A thread of the applicant's Postfach: an application (with its reference) or the
/// general messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Thread {
    pub application_id: Option<i64>,
    pub reference: Option<String>,
    pub service_slug: Option<String>,
    pub last_at: i64,
    pub last_subject: String,
    pub messages: i64,
    /// Messages to the applicant not opened yet.
    pub unread: i64,
}

/// The applicant's threads, the newest first.
pub async fn threads(db: &Db, account_id: i64) -> Result<Vec<Thread>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT m.application_id, a.reference, a.service_slug, MAX(m.sent_at) AS last_at, \
         COUNT(*) AS n, SUM(CASE WHEN m.sender <> 'applicant' AND m.read_at IS NULL \
         THEN 1 ELSE 0 END) AS unread \
         FROM messages m LEFT JOIN applications a ON a.id = m.application_id \
         WHERE m.account_id = $1 GROUP BY m.application_id, a.reference, a.service_slug \
         ORDER BY last_at DESC",
    )
    .bind(account_id)
    .fetch_all(&db.pool)
    .await?;
    let mut threads = Vec::new();
    for row in rows {
        let application_id: Option<i64> = row.try_get("application_id")?;
        let last_at: i64 = row.try_get("last_at")?;
        let last_subject: String = sqlx::query_scalar(
            "SELECT subject FROM messages WHERE account_id = $1 AND \
             (application_id = $2 OR ($2 IS NULL AND application_id IS NULL)) \
             ORDER BY sent_at DESC, id DESC LIMIT 1",
        )
        .bind(account_id)
        .bind(application_id)
        .fetch_one(&db.pool)
        .await?;
        threads.push(Thread {
            application_id,
            reference: row.try_get("reference")?,
            service_slug: row.try_get("service_slug")?,
            last_at,
            last_subject,
            messages: row.try_get("n")?,
            unread: row.try_get::<Option<i64>, _>("unread")?.unwrap_or(0),
        });
    }
    Ok(threads)
}

/// Messages to the applicant that were not opened yet (the count in the header).
pub async fn unread_for_applicant(db: &Db, account_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM messages WHERE account_id = $1 AND sender <> 'applicant' \
         AND read_at IS NULL",
    )
    .bind(account_id)
    .fetch_one(&db.pool)
    .await
}

/// The messages of an application's thread, oldest first.
pub async fn of_application(db: &Db, application_id: i64) -> Result<Vec<Message>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM messages m LEFT JOIN accounts w ON w.id = m.author_id \
         WHERE m.application_id = $1 ORDER BY m.sent_at, m.id"
    ))
    .bind(application_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(to_message).collect()
}

/// The applicant's general messages (not about one application), oldest first.
pub async fn general(db: &Db, account_id: i64) -> Result<Vec<Message>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM messages m LEFT JOIN accounts w ON w.id = m.author_id \
         WHERE m.account_id = $1 AND m.application_id IS NULL ORDER BY m.sent_at, m.id"
    ))
    .bind(account_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(to_message).collect()
}

/// Marks what one side received in a thread as opened: the applicant opens the
/// authority's and the portal's messages, the authority the applicant's.
pub async fn mark_read(
    db: &Db,
    account_id: Option<i64>,
    application_id: Option<i64>,
    reader: Sender,
    now: Timestamp,
) -> Result<(), sqlx::Error> {
    let received = match reader {
        Sender::Applicant => "sender <> 'applicant'",
        _ => "sender = 'applicant'",
    };
    let thread = match (application_id, account_id) {
        (Some(_), _) => "application_id = $2",
        (None, Some(_)) => "account_id = $2 AND application_id IS NULL",
        (None, None) => return Ok(()),
    };
    let mut tx = db.begin_write().await?;
    sqlx::query(&format!(
        "UPDATE messages SET read_at = $1 WHERE {thread} AND {received} AND read_at IS NULL"
    ))
    .bind(now.0)
    .bind(application_id.or(account_id))
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

/// Deletes an account's general messages (with the account; the threads of submitted
/// applications stay with the authority's file).
pub async fn delete_general_of(db: &Db, account_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM messages WHERE account_id = $1 AND application_id IS NULL")
        .bind(account_id)
        .execute(&db.pool)
        .await?;
    Ok(())
}
