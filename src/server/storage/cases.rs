//! Submitted applications as the authorities see them: the inbox of a caseworker's
//! authorities with filters, counts and paging; one case; its status changes (checked
//! against the workflow, recorded in the timeline, and put into the delivery outbox in the
//! same transaction), assignment and internal notes.
//!
//! Every function takes the authorities the caller may see; an application of another
//! authority is "not found".

use crate::domain::applications::{Actor, Status};
use crate::server::clock::Timestamp;
use crate::server::db::Db;
use crate::server::storage::applications::{Application, COLUMNS, to_application};
use sqlx::Row;
use sqlx::any::AnyRow;

/// Who did something to an application, for the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorRef {
    Applicant(Option<i64>),
    Caseworker(i64),
    /// A specialist system through the API (the key's id).
    System(i64),
    Portal,
}

impl ActorRef {
    pub fn kind(self) -> &'static str {
        match self {
            ActorRef::Applicant(_) => "applicant",
            ActorRef::Caseworker(_) => "caseworker",
            ActorRef::System(_) => "system",
            ActorRef::Portal => "portal",
        }
    }

    pub fn id(self) -> Option<i64> {
        match self {
            ActorRef::Applicant(id) => id,
            ActorRef::Caseworker(id) | ActorRef::System(id) => Some(id),
            ActorRef::Portal => None,
        }
    }

    /// Whose side of the workflow this is.
    pub fn side(self) -> Actor {
        match self {
            ActorRef::Applicant(_) => Actor::Applicant,
            _ => Actor::Authority,
        }
    }
}

/// Whose cases the inbox shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Assignee {
    #[default]
    Anyone,
    Nobody,
    Account(i64),
}

/// The order of the inbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Oldest first: the queue.
    #[default]
    Oldest,
    Newest,
    /// Longest without a status change first.
    Waiting,
}

/// What the inbox is asked for. `authorities` are the caller's (never empty).
#[derive(Debug, Clone, Default)]
pub struct InboxQuery {
    pub authorities: Vec<String>,
    pub status: Option<Status>,
    pub service: Option<String>,
    /// Submitted at or after / before (Unix seconds).
    pub from: Option<i64>,
    pub until: Option<i64>,
    pub assignee: Assignee,
    /// A reference number or part of the applicant's name.
    pub text: String,
    pub sort: Sort,
    pub page: i64,
    pub per_page: i64,
}

/// One line of the inbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InboxRow {
    pub reference: String,
    pub service_slug: String,
    pub service_title: String,
    pub applicant_name: String,
    pub authority_id: String,
    pub status: Status,
    pub submitted_at: i64,
    pub status_changed_at: i64,
    pub assignee_email: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Inbox {
    pub rows: Vec<InboxRow>,
    /// Matching cases in all pages.
    pub total: i64,
    /// Matching cases per status, ignoring the status filter (for the tabs).
    pub by_status: Vec<(Status, i64)>,
}

/// A `WHERE` clause with its values, numbered as it grows.
#[derive(Default)]
struct Filter {
    sql: Vec<String>,
    values: Vec<Value>,
}

enum Value {
    Text(String),
    Int(i64),
}

impl Filter {
    fn next(&self) -> String {
        format!("${}", self.values.len() + 1)
    }

    fn text(&mut self, condition: impl FnOnce(&str) -> String, value: String) {
        let n = self.next();
        self.sql.push(condition(&n));
        self.values.push(Value::Text(value));
    }

    fn int(&mut self, condition: impl FnOnce(&str) -> String, value: i64) {
        let n = self.next();
        self.sql.push(condition(&n));
        self.values.push(Value::Int(value));
    }

    fn clause(&self) -> String {
        if self.sql.is_empty() {
            "1 = 1".to_owned()
        } else {
            self.sql.join(" AND ")
        }
    }

    fn bind<'q>(
        &'q self,
        mut query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    ) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
        for value in &self.values {
            query = match value {
                Value::Text(t) => query.bind(t.as_str()),
                Value::Int(i) => query.bind(*i),
            };
        }
        query
    }
}

/// `%text%` for LIKE, with LIKE's own characters taken literally.
fn contains_pattern(text: &str) -> String {
    let escaped: String = text
        .to_lowercase()
        .chars()
        .flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            _ => vec![c],
        })
        .collect();
    format!("%{escaped}%")
}

fn inbox_filter(q: &InboxQuery, with_status: bool) -> Filter {
    let mut f = Filter::default();
    f.sql.push("a.status <> 'draft'".into());
    let start = f.values.len() + 1;
    let list: Vec<String> = (0..q.authorities.len())
        .map(|i| format!("${}", start + i))
        .collect();
    // An empty list matches nothing (never "everything").
    if list.is_empty() {
        f.sql.push("1 = 0".into());
    } else {
        f.sql
            .push(format!("a.authority_id IN ({})", list.join(", ")));
        f.values
            .extend(q.authorities.iter().map(|a| Value::Text(a.clone())));
    }
    if with_status && let Some(status) = q.status {
        f.text(|n| format!("a.status = {n}"), status.as_str().to_owned());
    }
    if let Some(service) = &q.service {
        f.text(|n| format!("a.service_slug = {n}"), service.clone());
    }
    if let Some(from) = q.from {
        f.int(|n| format!("a.submitted_at >= {n}"), from);
    }
    if let Some(until) = q.until {
        f.int(|n| format!("a.submitted_at < {n}"), until);
    }
    match q.assignee {
        Assignee::Anyone => {}
        Assignee::Nobody => f.sql.push("a.assignee_id IS NULL".into()),
        Assignee::Account(id) => f.int(|n| format!("a.assignee_id = {n}"), id),
    }
    let text = q.text.trim();
    if !text.is_empty() {
        let reference = text.to_uppercase();
        let n = f.next();
        let m = format!("${}", f.values.len() + 2);
        f.sql.push(format!(
            "(a.reference = {n} OR LOWER(COALESCE(a.applicant_name, '')) LIKE {m} ESCAPE '\\')"
        ));
        f.values.push(Value::Text(reference));
        f.values.push(Value::Text(contains_pattern(text)));
    }
    f
}

/// The inbox: one page of matching cases, the total and the counts per status.
pub async fn inbox(db: &Db, q: &InboxQuery) -> Result<Inbox, sqlx::Error> {
    let filter = inbox_filter(q, true);
    let order = match q.sort {
        Sort::Oldest => "a.submitted_at ASC, a.id ASC",
        Sort::Newest => "a.submitted_at DESC, a.id DESC",
        Sort::Waiting => "COALESCE(a.status_changed_at, a.submitted_at) ASC, a.id ASC",
    };
    let per_page = q.per_page.clamp(1, 100);
    let offset = (q.page.max(1) - 1) * per_page;
    let sql = format!(
        "SELECT a.reference, a.service_slug, COALESCE(s.title, a.service_slug) AS service_title, \
         COALESCE(a.applicant_name, '') AS applicant_name, a.authority_id, a.status, \
         a.submitted_at, COALESCE(a.status_changed_at, a.submitted_at) AS changed_at, \
         m.email AS assignee_email \
         FROM applications a LEFT JOIN services s ON s.slug = a.service_slug \
         LEFT JOIN accounts m ON m.id = a.assignee_id \
         WHERE {} ORDER BY {order} LIMIT {per_page} OFFSET {offset}",
        filter.clause()
    );
    let rows = filter.bind(sqlx::query(&sql)).fetch_all(&db.pool).await?;
    let rows = rows.iter().map(to_row).collect::<Result<Vec<_>, _>>()?;
    let count_sql = format!(
        "SELECT COUNT(*) FROM applications a WHERE {}",
        filter.clause()
    );
    let total: i64 = filter
        .bind(sqlx::query(&count_sql))
        .fetch_one(&db.pool)
        .await?
        .try_get(0)?;
    let all = inbox_filter(q, false);
    let by_status_sql = format!(
        "SELECT a.status, COUNT(*) AS n FROM applications a WHERE {} GROUP BY a.status",
        all.clause()
    );
    let counted = all
        .bind(sqlx::query(&by_status_sql))
        .fetch_all(&db.pool)
        .await?;
    let mut by_status: Vec<(Status, i64)> = Status::SUBMITTED.iter().map(|s| (*s, 0)).collect();
    for row in counted {
        let status: String = row.try_get("status")?;
        let n: i64 = row.try_get("n")?;
        if let Some(entry) = by_status
            .iter_mut()
            .find(|(s, _)| Some(*s) == Status::parse(&status))
        {
            entry.1 = n;
        }
    }
    Ok(Inbox {
        rows,
        total,
        by_status,
    })
}

fn to_row(row: &AnyRow) -> Result<InboxRow, sqlx::Error> {
    let status: String = row.try_get("status")?;
    Ok(InboxRow {
        reference: row
            .try_get::<Option<String>, _>("reference")?
            .unwrap_or_default(),
        service_slug: row.try_get("service_slug")?,
        service_title: row.try_get("service_title")?,
        applicant_name: row.try_get("applicant_name")?,
        authority_id: row
            .try_get::<Option<String>, _>("authority_id")?
            .unwrap_or_default(),
        status: Status::parse(&status).unwrap_or(Status::Submitted),
        submitted_at: row
            .try_get::<Option<i64>, _>("submitted_at")?
            .unwrap_or_default(),
        status_changed_at: row
            .try_get::<Option<i64>, _>("changed_at")?
            .unwrap_or_default(),
        assignee_email: row.try_get("assignee_email")?,
    })
}

/// A submitted application by its row id (the outbox's reference).
pub async fn by_id(db: &Db, id: i64) -> Result<Option<Application>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM applications WHERE id = $1 AND status <> 'draft'"
    ))
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    row.as_ref().map(to_application).transpose()
}

/// How to reach the applicant: the address the application was sent with, and the name
/// as answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    pub email: Option<String>,
    pub name: String,
}

pub async fn applicant_contact(db: &Db, application_id: i64) -> Result<Contact, sqlx::Error> {
    let row = sqlx::query("SELECT email, applicant_name FROM applications WHERE id = $1")
        .bind(application_id)
        .fetch_one(&db.pool)
        .await?;
    Ok(Contact {
        email: row.try_get("email")?,
        name: row
            .try_get::<Option<String>, _>("applicant_name")?
            .unwrap_or_default(),
    })
}

/// `(slug, title)` of the services `authorities` are responsible for, by title.
pub async fn services_of(
    db: &Db,
    authorities: &[String],
) -> Result<Vec<(String, String)>, sqlx::Error> {
    if authorities.is_empty() {
        return Ok(Vec::new());
    }
    let list: Vec<String> = (1..=authorities.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT DISTINCT s.slug, s.title FROM services s JOIN responsibilities r \
         ON r.service_slug = s.slug WHERE r.authority_id IN ({}) ORDER BY s.title",
        list.join(", ")
    );
    let mut query = sqlx::query(&sql);
    for a in authorities {
        query = query.bind(a.as_str());
    }
    query
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|r| Ok((r.try_get("slug")?, r.try_get("title")?)))
        .collect()
}

/// A case of one of `authorities` by its reference number.
pub async fn by_reference(
    db: &Db,
    authorities: &[String],
    reference: &str,
) -> Result<Option<Application>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM applications WHERE reference = $1 AND status <> 'draft'"
    ))
    .bind(reference)
    .fetch_optional(&db.pool)
    .await?;
    let application = row.as_ref().map(to_application).transpose()?;
    Ok(application.filter(|a| {
        a.authority_id
            .as_ref()
            .is_some_and(|id| authorities.contains(id))
    }))
}

/// The outcome of a status change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moved {
    Done,
    /// The workflow does not allow it from the current status (or someone else moved the
    /// case meanwhile).
    NotAllowed,
}

/// Moves an application from `from` to `to` for `actor`, if the workflow allows it and
/// nobody moved it meanwhile; records the step in the timeline and, for a withdrawal, in
/// the delivery outbox: all in one transaction.
pub async fn move_status(
    db: &Db,
    application: &Application,
    to: Status,
    actor: ActorRef,
    detail: Option<&str>,
    now: Timestamp,
) -> Result<Moved, sqlx::Error> {
    let from = application.status;
    if !from.may_become(to, actor.side()) {
        return Ok(Moved::NotAllowed);
    }
    let mut tx = db.begin_write().await?;
    let changed = sqlx::query(
        "UPDATE applications SET status = $1, status_changed_at = $2, updated_at = $2 \
         WHERE id = $3 AND status = $4",
    )
    .bind(to.as_str())
    .bind(now.0)
    .bind(application.id)
    .bind(from.as_str())
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed != 1 {
        tx.rollback().await?;
        return Ok(Moved::NotAllowed);
    }
    insert_event(
        &mut tx,
        application.id,
        now,
        actor,
        "status",
        Some((from, to)),
        detail,
    )
    .await?;
    if to == Status::Withdrawn
        && let Some(authority) = &application.authority_id
    {
        super::delivery::enqueue(&mut tx, application.id, authority, "withdrawn", now).await?;
    }
    tx.commit().await?;
    Ok(Moved::Done)
}

/// Appends to an application's timeline inside `tx`.
pub async fn insert_event(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    application_id: i64,
    now: Timestamp,
    actor: ActorRef,
    kind: &str,
    change: Option<(Status, Status)>,
    detail: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO application_events (application_id, at, actor_kind, actor_id, kind, \
         from_status, to_status, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(application_id)
    .bind(now.0)
    .bind(actor.kind())
    .bind(actor.id())
    .bind(kind)
    .bind(change.map(|(from, _)| from.as_str()))
    .bind(change.map(|(_, to)| to.as_str()))
    .bind(detail)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// One entry of the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub at: i64,
    pub actor_kind: String,
    /// The caseworker's address, for the authority's view.
    pub actor_email: Option<String>,
    pub kind: String,
    pub from_status: Option<Status>,
    pub to_status: Option<Status>,
    pub detail: Option<String>,
}

/// The timeline of an application, oldest first.
pub async fn events(db: &Db, application_id: i64) -> Result<Vec<Event>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT e.at, e.actor_kind, e.kind, e.from_status, e.to_status, e.detail, \
         CASE WHEN e.actor_kind = 'caseworker' THEN m.email END AS actor_email \
         FROM application_events e LEFT JOIN accounts m ON m.id = e.actor_id \
         WHERE e.application_id = $1 ORDER BY e.at, e.id",
    )
    .bind(application_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            let status = |name: &str| -> Result<Option<Status>, sqlx::Error> {
                Ok(r.try_get::<Option<String>, _>(name)?
                    .as_deref()
                    .and_then(Status::parse))
            };
            Ok(Event {
                at: r.try_get("at")?,
                actor_kind: r.try_get("actor_kind")?,
                actor_email: r.try_get("actor_email")?,
                kind: r.try_get("kind")?,
                from_status: status("from_status")?,
                to_status: status("to_status")?,
                detail: r.try_get("detail")?,
            })
        })
        .collect()
}

/// Gives the case to `assignee` (a member of the case's authority, checked by the caller)
/// or to nobody; recorded in the timeline.
pub async fn assign(
    db: &Db,
    application_id: i64,
    assignee: Option<i64>,
    actor: ActorRef,
    now: Timestamp,
) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query("UPDATE applications SET assignee_id = $1 WHERE id = $2")
        .bind(assignee)
        .bind(application_id)
        .execute(&mut *tx)
        .await?;
    let detail = assignee.map(|id| id.to_string());
    insert_event(
        &mut tx,
        application_id,
        now,
        actor,
        "assigned",
        None,
        detail.as_deref(),
    )
    .await?;
    tx.commit().await
}

/// The caseworker a case is assigned to, if any.
pub async fn assignee_of(db: &Db, application_id: i64) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT assignee_id FROM applications WHERE id = $1")
        .bind(application_id)
        .fetch_one(&db.pool)
        .await
}

/// An internal note of the authority.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub at: i64,
    pub author_email: Option<String>,
    pub body: String,
}

pub async fn add_note(
    db: &Db,
    application_id: i64,
    author_id: i64,
    body: &str,
    now: Timestamp,
) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO case_notes (application_id, author_id, at, body) VALUES ($1, $2, $3, $4)",
    )
    .bind(application_id)
    .bind(author_id)
    .bind(now.0)
    .bind(body)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

pub async fn notes(db: &Db, application_id: i64) -> Result<Vec<Note>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT n.at, n.body, m.email AS author_email FROM case_notes n \
         LEFT JOIN accounts m ON m.id = n.author_id WHERE n.application_id = $1 \
         ORDER BY n.at, n.id",
    )
    .bind(application_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Note {
                at: r.try_get("at")?,
                author_email: r.try_get("author_email")?,
                body: r.try_get("body")?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::contains_pattern;

    #[test]
    fn like_patterns_take_the_text_literally() {
        assert_eq!(contains_pattern("Müller"), "%müller%");
        assert_eq!(contains_pattern("50%_a\\"), "%50\\%\\_a\\\\%");
    }
}
