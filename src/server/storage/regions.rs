//! Land, Kreise and Gemeinden.

use crate::domain::region::{Ags, PlaceMatch, PlaceQuery, Region, RegionKind};
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

/// Replaces the postcode list with `postcodes` (`(postcode, Gemeinde)`).
pub async fn replace_postcodes(db: &Db, postcodes: &[(String, Ags)]) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query("DELETE FROM region_postcodes")
        .execute(&mut *tx)
        .await?;
    for (postcode, ags) in postcodes {
        sqlx::query("INSERT INTO region_postcodes (postcode, ags) VALUES ($1, $2)")
            .bind(postcode)
            .bind(ags.as_str())
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await
}

/// The Gemeinden whose name contains the query (umlauts folded) or that have a postcode
/// starting with it, by name; at most `limit`.
pub async fn find_places(
    db: &Db,
    query: &PlaceQuery,
    limit: usize,
) -> Result<Vec<PlaceMatch>, sqlx::Error> {
    const GEMEINDEN: &str = "SELECT g.ags, g.name, k.name AS kreis FROM regions g \
         JOIN regions k ON k.ags = g.parent_ags WHERE g.kind = 'gemeinde'";
    let mut matches: Vec<PlaceMatch> = Vec::new();
    match query {
        PlaceQuery::Postcode(prefix) => {
            let rows = sqlx::query(&format!(
                "SELECT x.ags, x.name, x.kreis, p.postcode FROM ({GEMEINDEN}) x \
                 JOIN region_postcodes p ON p.ags = x.ags WHERE p.postcode LIKE $1 \
                 ORDER BY x.name, x.ags, p.postcode"
            ))
            .bind(format!("{prefix}%"))
            .fetch_all(&db.pool)
            .await?;
            for row in &rows {
                let postcode: String = row.try_get("postcode")?;
                let place = to_match(row)?;
                match matches.last_mut() {
                    Some(last) if last.gemeinde.ags == place.gemeinde.ags => {
                        last.postcodes.push(postcode)
                    }
                    _ => matches.push(PlaceMatch {
                        postcodes: vec![postcode],
                        ..place
                    }),
                }
            }
        }
        PlaceQuery::Name(name) => {
            // A few hundred Gemeinden per Land: comparing in Rust is the same on both
            // databases and cheap. `loose` also lets "Volklingen" find Völklingen.
            let wanted = loose(name);
            let rows = sqlx::query(&format!("{GEMEINDEN} ORDER BY g.name, g.ags"))
                .fetch_all(&db.pool)
                .await?;
            let mut found: Vec<(bool, PlaceMatch)> = Vec::new();
            for row in &rows {
                let place = to_match(row)?;
                let folded = loose(&place.gemeinde.name);
                if let Some(at) = folded.find(wanted.as_str()) {
                    found.push((at != 0, place));
                }
            }
            // Names that start with the query first, otherwise by name (a stable sort).
            found.sort_by_key(|(later, _)| *later);
            matches = found.into_iter().map(|(_, place)| place).collect();
        }
    }
    matches.truncate(limit);
    Ok(matches)
}

/// Normalized (lower case, umlauts as ae/oe/ue, single spaces), then with the umlaut
/// spellings reduced to their base letter.
fn loose(text: &str) -> String {
    let normalized = crate::domain::search::normalize(text);
    normalized
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("ae", "a")
        .replace("oe", "o")
        .replace("ue", "u")
}

fn to_match(row: &sqlx::any::AnyRow) -> Result<PlaceMatch, sqlx::Error> {
    Ok(PlaceMatch {
        gemeinde: to_region(row)?,
        kreis: row.try_get("kreis")?,
        postcodes: Vec::new(),
    })
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
