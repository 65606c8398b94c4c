//! Land, Kreise and Gemeinden.

use crate::domain::region::{Ags, Region, RegionKind};
use crate::server::db::Db;
use sqlx::Row;

/// Inserts or updates every region in one transaction, parents before children.
pub async fn upsert_all(db: &Db, regions: &[Region]) -> Result<(), sqlx::Error> {
    let mut ordered: Vec<&Region> = regions.iter().collect();
    ordered.sort_by_key(|r| (r.ags.as_str().len(), r.ags.clone()));
    let mut tx = db.begin_write().await?;
    for region in ordered {
        sqlx::query(
            "INSERT INTO regions (ags, name, kind, parent_ags) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (ags) DO UPDATE SET name = excluded.name, kind = excluded.kind, \
             parent_ags = excluded.parent_ags",
        )
        .bind(region.ags.as_str())
        .bind(&region.name)
        .bind(region.kind().as_str())
        .bind(region.ags.parent().map(String::from))
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await
}

pub async fn count(db: &Db, kind: RegionKind) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM regions WHERE kind = $1")
        .bind(kind.as_str())
        .fetch_one(&db.pool)
        .await
}

pub async fn get(db: &Db, ags: &Ags) -> Result<Option<Region>, sqlx::Error> {
    let row = sqlx::query("SELECT ags, name FROM regions WHERE ags = $1")
        .bind(ags.as_str())
        .fetch_optional(&db.pool)
        .await?;
    row.map(|row| to_region(&row)).transpose()
}

/// A page of regions by key, optionally of one kind, and how many there are.
pub async fn list(
    db: &Db,
    kind: Option<RegionKind>,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Region>, i64), sqlx::Error> {
    let filter = if kind.is_some() {
        " WHERE kind = $1"
    } else {
        ""
    };
    // Placeholders in the order of their numbers: the filter's $1 first (SQLite numbers
    // `$n` parameters by their first appearance).
    let page = if filter.is_empty() {
        "LIMIT $1 OFFSET $2"
    } else {
        "LIMIT $2 OFFSET $3"
    };
    let sql = format!("SELECT ags, name FROM regions{filter} ORDER BY ags {page}");
    let mut select = sqlx::query(&sql);
    if let Some(kind) = kind {
        select = select.bind(kind.as_str());
    }
    let rows = select.bind(limit).bind(offset).fetch_all(&db.pool).await?;
    let count_sql = format!("SELECT COUNT(*) FROM regions{}", filter);
    let mut count = sqlx::query_scalar::<_, i64>(&count_sql);
    if let Some(kind) = kind {
        count = count.bind(kind.as_str());
    }
    let total = count.fetch_one(&db.pool).await?;
    Ok((rows.iter().map(to_region).collect::<Result<_, _>>()?, total))
}

pub async fn all_of_kind(db: &Db, kind: RegionKind) -> Result<Vec<Region>, sqlx::Error> {
    let rows = sqlx::query("SELECT ags, name FROM regions WHERE kind = $1 ORDER BY name")
        .bind(kind.as_str())
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(to_region).collect()
}

/// The regions directly below `parent`, by name.
pub async fn children(db: &Db, parent: &Ags) -> Result<Vec<Region>, sqlx::Error> {
    let rows = sqlx::query("SELECT ags, name FROM regions WHERE parent_ags = $1 ORDER BY name")
        .bind(parent.as_str())
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(to_region).collect()
}

fn to_region(row: &sqlx::any::AnyRow) -> Result<Region, sqlx::Error> {
    let ags: String = row.try_get("ags")?;
    Ok(Region {
        ags: Ags::parse(&ags).map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
        name: row.try_get("name")?,
    })
}
