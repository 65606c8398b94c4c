//! Services, authorities and who is responsible where.

use crate::domain::catalogue::{
    Authority, LifeSituation, Online, Service, ServiceLevel, ServiceSummary,
};
use crate::domain::region::Ags;
use crate::server::db::Db;
use sqlx::Row;
use sqlx::any::AnyRow;

pub async fn upsert_authorities(db: &Db, authorities: &[Authority]) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    for a in authorities {
        sqlx::query(
            "INSERT INTO authorities (id, name, kind, region_ags, street, postcode, city, phone, email, website, \
             opening_hours, accessibility) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) \
             ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, \
             region_ags = excluded.region_ags, street = excluded.street, postcode = excluded.postcode, \
             city = excluded.city, phone = excluded.phone, email = excluded.email, website = excluded.website, \
             opening_hours = excluded.opening_hours, accessibility = excluded.accessibility",
        )
        .bind(&a.id)
        .bind(&a.name)
        .bind(&a.kind)
        .bind(&a.region_ags)
        .bind(a.street.as_deref())
        .bind(a.postcode.as_deref())
        .bind(a.city.as_deref())
        .bind(a.phone.as_deref())
        .bind(a.email.as_deref())
        .bind(a.website.as_deref())
        .bind(a.opening_hours.as_deref())
        .bind(a.accessibility.as_deref())
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await
}

/// Stores the services with their life situations and responsibilities
/// (`(service, region, authority)`), replacing what each service had before.
pub async fn replace_services(
    db: &Db,
    services: &[Service],
    responsibilities: &[(String, String, String)],
) -> Result<(), sqlx::Error> {
    let json = |list: &[String]| serde_json::to_string(list).unwrap_or_else(|_| "[]".into());
    let mut tx = db.begin_write().await?;
    for s in services {
        sqlx::query(
            "INSERT INTO services (slug, leika, title, summary, description, who, documents, fees, \
             duration, legal_basis, level, authority_kind, synonyms, online, online_url, popular) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) \
             ON CONFLICT (slug) DO UPDATE SET leika = excluded.leika, title = excluded.title, \
             summary = excluded.summary, description = excluded.description, who = excluded.who, \
             documents = excluded.documents, fees = excluded.fees, duration = excluded.duration, \
             legal_basis = excluded.legal_basis, level = excluded.level, \
             authority_kind = excluded.authority_kind, synonyms = excluded.synonyms, \
             online = excluded.online, online_url = excluded.online_url, popular = excluded.popular",
        )
        .bind(&s.slug)
        .bind(s.leika.as_deref())
        .bind(&s.title)
        .bind(&s.summary)
        .bind(&s.description)
        .bind(&s.who)
        .bind(json(&s.documents))
        .bind(&s.fees)
        .bind(&s.duration)
        .bind(json(&s.legal_basis))
        .bind(s.level.as_str())
        .bind(&s.authority)
        .bind(json(&s.synonyms))
        .bind(s.online.as_str())
        .bind(s.online_url.as_deref())
        .bind(s.popular.map(i64::from))
        .execute(&mut *tx)
        .await?;
        for table in ["service_life_situations", "responsibilities"] {
            sqlx::query(&format!("DELETE FROM {table} WHERE service_slug = $1"))
                .bind(&s.slug)
                .execute(&mut *tx)
                .await?;
        }
        super::search::index(&mut tx, s).await?;
        for situation in &s.life_situations {
            sqlx::query("INSERT INTO service_life_situations (service_slug, life_situation) VALUES ($1, $2)")
                .bind(&s.slug)
                .bind(situation.slug())
                .execute(&mut *tx)
                .await?;
        }
    }
    for (service, region, authority) in responsibilities {
        sqlx::query("INSERT INTO responsibilities (service_slug, region_ags, authority_id) VALUES ($1, $2, $3)")
            .bind(service)
            .bind(region)
            .bind(authority)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await
}

const AUTHORITY_COLUMNS: &str = "id, name, kind, region_ags, street, postcode, city, phone, email, \
     website, opening_hours, accessibility";

const SERVICE_COLUMNS: &str = "slug, leika, title, summary, description, who, documents, fees, \
     duration, legal_basis, level, authority_kind, synonyms, online, online_url, popular";

pub async fn get_service(db: &Db, slug: &str) -> Result<Option<Service>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "SELECT {SERVICE_COLUMNS} FROM services WHERE slug = $1"
    ))
    .bind(slug)
    .fetch_optional(&db.pool)
    .await?;
    match row {
        Some(row) => {
            let mut service = to_service(&row)?;
            service.life_situations = life_situations_of(db, slug).await?;
            Ok(Some(service))
        }
        None => Ok(None),
    }
}

pub async fn count_services(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM services")
        .fetch_one(&db.pool)
        .await
}

/// Every service slug, by title.
pub async fn service_slugs(db: &Db) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT slug FROM services ORDER BY title")
        .fetch_all(&db.pool)
        .await
}

async fn life_situations_of(db: &Db, slug: &str) -> Result<Vec<LifeSituation>, sqlx::Error> {
    let slugs: Vec<String> = sqlx::query_scalar(
        "SELECT life_situation FROM service_life_situations WHERE service_slug = $1 ORDER BY life_situation",
    )
    .bind(slug)
    .fetch_all(&db.pool)
    .await?;
    Ok(slugs
        .iter()
        .filter_map(|s| LifeSituation::from_slug(s))
        .collect())
}

/// The authority that handles `service` for the Gemeinde `gemeinde`: the most specific
/// responsibility whose region contains it (the Gemeinde, its Kreis, its Land).
pub async fn responsible_authority(
    db: &Db,
    service: &str,
    gemeinde: &Ags,
) -> Result<Option<Authority>, sqlx::Error> {
    let mut regions = vec![gemeinde.as_str().to_owned()];
    let mut next = gemeinde.parent();
    while let Some(ags) = next {
        next = ags.parent();
        regions.push(ags.to_string());
    }
    while regions.len() < 3 {
        regions.push(String::new());
    }
    let row = sqlx::query(
        "SELECT a.id, a.name, a.kind, a.region_ags, a.street, a.postcode, a.city, a.phone, a.email, a.website, \
         a.opening_hours, a.accessibility \
         FROM responsibilities r JOIN authorities a ON a.id = r.authority_id \
         WHERE r.service_slug = $1 AND r.region_ags IN ($2, $3, $4) \
         ORDER BY LENGTH(r.region_ags) DESC LIMIT 1",
    )
    .bind(service)
    .bind(&regions[0])
    .bind(&regions[1])
    .bind(&regions[2])
    .fetch_optional(&db.pool)
    .await?;
    row.map(|row| to_authority(&row)).transpose()
}

pub async fn get_authority(db: &Db, id: &str) -> Result<Option<Authority>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "SELECT {AUTHORITY_COLUMNS} FROM authorities WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    row.map(|row| to_authority(&row)).transpose()
}

/// A page of services by title, optionally of one life situation, and how many there are.
pub async fn list_services(
    db: &Db,
    situation: Option<LifeSituation>,
    limit: i64,
    offset: i64,
) -> Result<(Vec<ServiceSummary>, i64), sqlx::Error> {
    let filter = if situation.is_some() {
        " WHERE EXISTS (SELECT 1 FROM service_life_situations l WHERE l.service_slug = s.slug AND l.life_situation = $1)"
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
    let sql = format!(
        "SELECT s.slug, s.title, s.summary, s.online, NULL AS authority FROM services s{filter} \
         ORDER BY s.title, s.slug {page}"
    );
    let slug = situation.map(|l| l.slug()).unwrap_or_default();
    let mut select = sqlx::query(&sql);
    if situation.is_some() {
        select = select.bind(slug);
    }
    let rows = select.bind(limit).bind(offset).fetch_all(&db.pool).await?;
    let count_sql = format!("SELECT COUNT(*) FROM services s{}", filter);
    let mut count = sqlx::query_scalar::<_, i64>(&count_sql);
    if situation.is_some() {
        count = count.bind(slug);
    }
    let total = count.fetch_one(&db.pool).await?;
    Ok((
        rows.iter().map(to_summary).collect::<Result<_, _>>()?,
        total,
    ))
}

/// A page of authorities by name, optionally of one region, and how many there are.
/// Every authority, by name (the administration's lists).
pub async fn list_authorities_all(db: &Db) -> Result<Vec<Authority>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {AUTHORITY_COLUMNS} FROM authorities ORDER BY name, id"
    ))
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(to_authority).collect()
}

pub async fn list_authorities(
    db: &Db,
    region: Option<&str>,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Authority>, i64), sqlx::Error> {
    let filter = if region.is_some() {
        " WHERE region_ags = $1"
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
    let sql = format!(
        "SELECT {AUTHORITY_COLUMNS} \
         FROM authorities{filter} ORDER BY name, id {page}"
    );
    let mut select = sqlx::query(&sql);
    if let Some(region) = region {
        select = select.bind(region);
    }
    let rows = select.bind(limit).bind(offset).fetch_all(&db.pool).await?;
    let count_sql = format!("SELECT COUNT(*) FROM authorities{}", filter);
    let mut count = sqlx::query_scalar::<_, i64>(&count_sql);
    if let Some(region) = region {
        count = count.bind(region);
    }
    let total = count.fetch_one(&db.pool).await?;
    Ok((
        rows.iter().map(to_authority).collect::<Result<_, _>>()?,
        total,
    ))
}

/// The services an authority handles somewhere, by title.
pub async fn services_of_authority(db: &Db, id: &str) -> Result<Vec<ServiceSummary>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT DISTINCT s.slug, s.title, s.summary, s.online, NULL AS authority FROM services s \
         JOIN responsibilities r ON r.service_slug = s.slug WHERE r.authority_id = $1 ORDER BY s.title",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(to_summary).collect()
}

/// The services marked as frequently used, in their order; at most `limit`.
pub async fn popular_services(db: &Db, limit: i64) -> Result<Vec<ServiceSummary>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT slug, title, summary, online, NULL AS authority FROM services \
         WHERE popular IS NOT NULL ORDER BY popular, slug LIMIT $1",
    )
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(to_summary).collect()
}

/// The services of one life situation, by title.
pub async fn services_in(
    db: &Db,
    situation: LifeSituation,
) -> Result<Vec<ServiceSummary>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT s.slug, s.title, s.summary, s.online, NULL AS authority FROM services s \
         JOIN service_life_situations l ON l.service_slug = s.slug \
         WHERE l.life_situation = $1 ORDER BY s.title",
    )
    .bind(situation.slug())
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(to_summary).collect()
}

/// Every service with the authority responsible for the Gemeinde `gemeinde`, by title.
pub async fn services_for_place(
    db: &Db,
    gemeinde: &Ags,
) -> Result<Vec<ServiceSummary>, sqlx::Error> {
    let kreis = gemeinde.parent().map(String::from).unwrap_or_default();
    let land = gemeinde
        .parent()
        .and_then(|k| k.parent())
        .map(String::from)
        .unwrap_or_default();
    let rows = sqlx::query(
        "SELECT s.slug, s.title, s.summary, s.online, a.name AS authority FROM services s \
         JOIN responsibilities r ON r.service_slug = s.slug AND r.region_ags IN ($1, $2, $3) \
         JOIN authorities a ON a.id = r.authority_id \
         ORDER BY s.title, s.slug, LENGTH(r.region_ags) DESC",
    )
    .bind(gemeinde.as_str())
    .bind(kreis)
    .bind(land)
    .fetch_all(&db.pool)
    .await?;
    let mut list: Vec<ServiceSummary> = Vec::new();
    for row in &rows {
        let summary = to_summary(row)?;
        // The most specific responsibility comes first; skip the inherited ones.
        if list.last().is_none_or(|last| last.slug != summary.slug) {
            list.push(summary);
        }
    }
    Ok(list)
}

fn to_summary(row: &AnyRow) -> Result<ServiceSummary, sqlx::Error> {
    let online: String = row.try_get("online")?;
    Ok(ServiceSummary {
        slug: row.try_get("slug")?,
        title: row.try_get("title")?,
        summary: row.try_get("summary")?,
        online: parse_online(&online),
        authority: row.try_get("authority")?,
    })
}

pub(super) fn parse_online(value: &str) -> Online {
    match value {
        "portal" => Online::Portal,
        "external" => Online::External,
        _ => Online::None,
    }
}

fn to_authority(row: &AnyRow) -> Result<Authority, sqlx::Error> {
    Ok(Authority {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        kind: row.try_get("kind")?,
        region_ags: row.try_get("region_ags")?,
        street: row.try_get("street")?,
        postcode: row.try_get("postcode")?,
        city: row.try_get("city")?,
        phone: row.try_get("phone")?,
        email: row.try_get("email")?,
        website: row.try_get("website")?,
        opening_hours: row.try_get("opening_hours")?,
        accessibility: row.try_get("accessibility")?,
    })
}

fn to_service(row: &AnyRow) -> Result<Service, sqlx::Error> {
    let list = |column: &str| -> Result<Vec<String>, sqlx::Error> {
        let text: String = row.try_get(column)?;
        serde_json::from_str(&text).map_err(|e| sqlx::Error::Decode(Box::new(e)))
    };
    let level: String = row.try_get("level")?;
    let online: String = row.try_get("online")?;
    Ok(Service {
        slug: row.try_get("slug")?,
        leika: row.try_get("leika")?,
        title: row.try_get("title")?,
        summary: row.try_get("summary")?,
        description: row.try_get("description")?,
        who: row.try_get("who")?,
        documents: list("documents")?,
        fees: row.try_get("fees")?,
        duration: row.try_get("duration")?,
        legal_basis: list("legal_basis")?,
        level: match level.as_str() {
            "land" => ServiceLevel::Land,
            "kreis" => ServiceLevel::Kreis,
            _ => ServiceLevel::Gemeinde,
        },
        authority: row.try_get("authority_kind")?,
        life_situations: Vec::new(),
        synonyms: list("synonyms")?,
        online: parse_online(&online),
        online_url: row.try_get("online_url")?,
        popular: row
            .try_get::<Option<i64>, _>("popular")?
            .and_then(|rank| u16::try_from(rank).ok()),
    })
}
