//! Finding services by what people type. The text processing is `domain::search` on both
//! databases; the index is FTS5 on SQLite and a weighted `tsvector` on PostgreSQL. Typos are
//! forgiven by matching each query term against the index's own vocabulary first.

use crate::domain::catalogue::{LifeSituation, Service, ServiceSummary};
use crate::domain::search::{edit_distance, normalize, stem, terms, typo_allowance};
use crate::server::db::{Backend, Db};
use sqlx::{Any, Row, Transaction};
use std::collections::BTreeMap;

pub const PAGE_SIZE: i64 = 10;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchQuery {
    pub text: String,
    pub life_situation: Option<LifeSituation>,
    pub online_only: bool,
    /// From 1.
    pub page: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchResults {
    pub hits: Vec<ServiceSummary>,
    pub total: i64,
    /// "Meinten Sie …?": the query with unknown words replaced by the closest known ones.
    pub suggestion: Option<String>,
}

/// Writes the index entry of a service (inside the caller's transaction).
pub async fn index(
    tx: &mut Transaction<'static, Any>,
    service: &Service,
) -> Result<(), sqlx::Error> {
    let joined = |t: &str| terms(t).join(" ");
    let body = format!(
        "{} {} {} {}",
        service.description,
        service.who,
        service.documents.join(" "),
        service.legal_basis.join(" ")
    );
    sqlx::query("DELETE FROM service_search WHERE slug = $1")
        .bind(&service.slug)
        .execute(&mut **tx)
        .await?;
    sqlx::query("INSERT INTO service_search (slug, title, synonyms, summary, body) VALUES ($1, $2, $3, $4, $5)")
        .bind(&service.slug)
        .bind(joined(&service.title))
        .bind(joined(&service.synonyms.join(" ")))
        .bind(joined(&service.summary))
        .bind(joined(&body))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Every stem of the catalogue with the word it came from (for suggestions).
async fn vocabulary(db: &Db) -> Result<BTreeMap<String, String>, sqlx::Error> {
    let rows = sqlx::query("SELECT title, synonyms, summary, description FROM services")
        .fetch_all(&db.pool)
        .await?;
    let mut words = BTreeMap::new();
    for row in rows {
        for column in ["title", "synonyms", "summary", "description"] {
            let text: String = row.try_get(column)?;
            for word in normalize(&text).split_whitespace() {
                words.entry(stem(word)).or_insert_with(|| word.to_owned());
            }
        }
    }
    Ok(words)
}

/// For each query term: itself (also as a prefix) and, only if the catalogue does not know
/// it, the known terms within its typo allowance. Terms that match nothing are returned
/// separately.
fn expand(
    query_terms: &[String],
    vocabulary: &BTreeMap<String, String>,
) -> (Vec<Vec<String>>, Vec<String>) {
    let mut groups = Vec::new();
    let mut unknown = Vec::new();
    for term in query_terms {
        let known = vocabulary.keys().any(|v| v.starts_with(term.as_str()));
        let allowance = typo_allowance(term);
        let mut group = vec![term.clone()];
        if !known && allowance > 0 {
            group.extend(
                vocabulary
                    .keys()
                    .filter(|v| *v != term && edit_distance(v, term, allowance) <= allowance)
                    .cloned(),
            );
        }
        if !known && group.len() == 1 {
            unknown.push(term.clone());
        }
        groups.push(group);
    }
    (groups, unknown)
}

fn match_expression(backend: Backend, groups: &[Vec<String>], all: bool) -> String {
    // Terms are normalized to letters and digits only, so quoting them is enough.
    let group = |g: &Vec<String>| {
        let alternatives: Vec<String> = g
            .iter()
            .enumerate()
            .flat_map(|(i, t)| match (backend, i) {
                // The typed term counts as itself and as a prefix, so exact words rank first.
                (Backend::Sqlite, 0) => vec![format!("\"{t}\""), format!("\"{t}\"*")],
                (Backend::Sqlite, _) => vec![format!("\"{t}\"")],
                (Backend::Postgres, 0) => vec![t.clone(), format!("{t}:*")],
                (Backend::Postgres, _) => vec![t.clone()],
            })
            .collect();
        let joiner = if backend == Backend::Sqlite {
            " OR "
        } else {
            " | "
        };
        format!("({})", alternatives.join(joiner))
    };
    let joiner = match (backend, all) {
        (Backend::Sqlite, true) => " AND ",
        (Backend::Sqlite, false) => " OR ",
        (Backend::Postgres, true) => " & ",
        (Backend::Postgres, false) => " | ",
    };
    groups.iter().map(group).collect::<Vec<_>>().join(joiner)
}

pub async fn search(db: &Db, query: &SearchQuery) -> Result<SearchResults, sqlx::Error> {
    let query_terms = terms(&query.text);
    if query_terms.is_empty() {
        return Ok(SearchResults::default());
    }
    let vocabulary = vocabulary(db).await?;
    let (groups, unknown) = expand(&query_terms, &vocabulary);
    // Every word must match; if that finds nothing, any word may.
    for all in [true, false] {
        let expression = match_expression(db.backend(), &groups, all);
        let (hits, total) = run(db, query, &expression).await?;
        if total > 0 {
            return Ok(SearchResults {
                hits,
                total,
                suggestion: None,
            });
        }
    }
    Ok(SearchResults {
        hits: Vec::new(),
        total: 0,
        suggestion: suggest(&query.text, &unknown, &vocabulary),
    })
}

async fn run(
    db: &Db,
    query: &SearchQuery,
    expression: &str,
) -> Result<(Vec<ServiceSummary>, i64), sqlx::Error> {
    let (matches, rank) = match db.backend() {
        Backend::Sqlite => (
            "service_search MATCH $1",
            "bm25(service_search, 0.0, 10.0, 8.0, 3.0, 1.0)",
        ),
        Backend::Postgres => (
            "service_search.document @@ to_tsquery('simple', $1)",
            "-ts_rank(service_search.document, to_tsquery('simple', $1))",
        ),
    };
    let mut filters = String::new();
    if query.life_situation.is_some() {
        filters.push_str(
            " AND EXISTS (SELECT 1 FROM service_life_situations l WHERE l.service_slug = s.slug AND l.life_situation = $2)",
        );
    }
    if query.online_only {
        filters.push_str(" AND s.online <> 'none'");
    }
    let situation = query.life_situation.map(|l| l.slug()).unwrap_or_default();
    let count_sql = format!(
        "SELECT COUNT(*) FROM service_search JOIN services s ON s.slug = service_search.slug WHERE {matches}{filters}"
    );
    let mut count = sqlx::query_scalar::<_, i64>(&count_sql).bind(expression);
    if query.life_situation.is_some() {
        count = count.bind(situation);
    }
    let total = count.fetch_one(&db.pool).await?;
    let (limit, offset) = if query.life_situation.is_some() {
        ("$3", "$4")
    } else {
        ("$2", "$3")
    };
    let sql = format!(
        "SELECT s.slug, s.title, s.summary, s.online FROM service_search JOIN services s ON s.slug = service_search.slug \
         WHERE {matches}{filters} ORDER BY {rank}, s.title LIMIT {limit} OFFSET {offset}"
    );
    let mut select = sqlx::query(&sql).bind(expression);
    if query.life_situation.is_some() {
        select = select.bind(situation);
    }
    let rows = select
        .bind(PAGE_SIZE)
        .bind((query.page.max(1) - 1) * PAGE_SIZE)
        .fetch_all(&db.pool)
        .await?;
    let hits = rows
        .iter()
        .map(|row| {
            let online: String = row.try_get("online")?;
            Ok(ServiceSummary {
                slug: row.try_get("slug")?,
                title: row.try_get("title")?,
                summary: row.try_get("summary")?,
                online: super::catalogue::parse_online(&online),
                authority: None,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    Ok((hits, total))
}

/// The query with each unknown word replaced by the closest word of the catalogue.
fn suggest(
    text: &str,
    unknown: &[String],
    vocabulary: &BTreeMap<String, String>,
) -> Option<String> {
    if unknown.is_empty() {
        return None;
    }
    let mut changed = false;
    let words: Vec<String> = normalize(text)
        .split_whitespace()
        .map(|word| {
            let term = stem(word);
            if !unknown.contains(&term) {
                return word.to_owned();
            }
            // Closest first; on a tie, the same first letter, then the closer length.
            let first = term.chars().next();
            let closest = vocabulary
                .iter()
                .map(|(stem, surface)| {
                    let distance = edit_distance(stem, &term, 3);
                    let other_start = stem.chars().next() != first;
                    let length = stem.chars().count().abs_diff(term.chars().count());
                    ((distance, other_start, length), surface)
                })
                .filter(|((d, _, _), _)| *d <= 3)
                .min_by_key(|(key, _)| *key);
            match closest {
                Some((_, surface)) => {
                    changed = true;
                    surface.clone()
                }
                None => word.to_owned(),
            }
        })
        .collect();
    changed.then(|| words.join(" "))
}
