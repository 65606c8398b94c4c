//! Figures for an authority's statistics page: submissions per service and status,
//! processing times of decided cases, and cases open for too long.

use crate::domain::applications::Status;
use crate::server::clock::Timestamp;
use crate::server::db::Db;
use sqlx::Row;

/// Submissions of one service in one status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    pub service_slug: String,
    pub service_title: String,
    pub status: Status,
    pub n: i64,
}

/// Submissions per service and status, submitted in `[from, until)`.
pub async fn counts(
    db: &Db,
    authority_id: &str,
    from: Timestamp,
    until: Timestamp,
) -> Result<Vec<Count>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT a.service_slug, COALESCE(s.title, a.service_slug) AS title, a.status, COUNT(*) AS n \
         FROM applications a LEFT JOIN services s ON s.slug = a.service_slug \
         WHERE a.authority_id = $1 AND a.status <> 'draft' AND a.submitted_at >= $2 \
         AND a.submitted_at < $3 GROUP BY a.service_slug, s.title, a.status \
         ORDER BY title, a.status",
    )
    .bind(authority_id)
    .bind(from.0)
    .bind(until.0)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            let status: String = r.try_get("status")?;
            Ok(Count {
                service_slug: r.try_get("service_slug")?,
                service_title: r.try_get("title")?,
                status: Status::parse(&status).unwrap_or(Status::Submitted),
                n: r.try_get("n")?,
            })
        })
        .collect()
}

/// How long decided cases took, in seconds from submission to decision, per service.
pub async fn processing_times(
    db: &Db,
    authority_id: &str,
    from: Timestamp,
    until: Timestamp,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT a.service_slug, MIN(e.at) - a.submitted_at AS took FROM applications a \
         JOIN application_events e ON e.application_id = a.id AND e.kind = 'status' \
         AND e.to_status IN ('approved', 'rejected') \
         WHERE a.authority_id = $1 AND a.submitted_at >= $2 AND a.submitted_at < $3 \
         GROUP BY a.id, a.service_slug, a.submitted_at",
    )
    .bind(authority_id)
    .bind(from.0)
    .bind(until.0)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("service_slug")?, r.try_get("took")?)))
        .collect()
}

/// A case open (not decided, not withdrawn) since before the deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overdue {
    pub reference: String,
    pub service_title: String,
    pub status: Status,
    pub submitted_at: i64,
}

pub async fn overdue(
    db: &Db,
    authority_id: &str,
    submitted_before: Timestamp,
) -> Result<Vec<Overdue>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT a.reference, COALESCE(s.title, a.service_slug) AS title, a.status, a.submitted_at \
         FROM applications a LEFT JOIN services s ON s.slug = a.service_slug \
         WHERE a.authority_id = $1 AND a.status IN ('submitted', 'in-progress', 'query') \
         AND a.submitted_at < $2 ORDER BY a.submitted_at LIMIT 500",
    )
    .bind(authority_id)
    .bind(submitted_before.0)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            let status: String = r.try_get("status")?;
            Ok(Overdue {
                reference: r
                    .try_get::<Option<String>, _>("reference")?
                    .unwrap_or_default(),
                service_title: r.try_get("title")?,
                status: Status::parse(&status).unwrap_or(Status::Submitted),
                submitted_at: r
                    .try_get::<Option<i64>, _>("submitted_at")?
                    .unwrap_or_default(),
            })
        })
        .collect()
}
