//! Benchmark P8 (`make bench`, see docs/benchmarks.md): do the back office's lists stay flat
//! while applications pile up? Grows the applications of a migrated, seeded database to 10k,
//! 100k and 1M (spread over every authority, status and the last two years) and times the
//! portal's own queries at each size: the inbox as a caseworker first sees it, a status tab,
//! the newest first, a search by reference number and by name, and a citizen's "Meine
//! Anträge". Prints a Markdown table with the median of each and the ratio 1M / 10k.
//!
//! `DATABASE_URL=sqlite://… growth [sizes…]` (SQLite or PostgreSQL; adds rows, never deletes).

use serviceportal::server::config::DatabaseConfig;
use serviceportal::server::db::Db;
use serviceportal::server::storage::{applications, cases};
use sqlx::Row;
use std::time::{Duration, Instant};

const ROUNDS: usize = 15;
/// Applications of the one citizen whose list is timed.
const CITIZEN_APPLICATIONS: i64 = 3;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let url = std::env::var("DATABASE_URL").map_err(|_| "set DATABASE_URL")?;
    let sizes: Vec<i64> = {
        let given: Vec<i64> = std::env::args()
            .skip(1)
            .map(|a| a.parse())
            .collect::<Result<_, _>>()?;
        if given.is_empty() {
            vec![10_000, 100_000, 1_000_000]
        } else {
            given
        }
    };
    let db = Db::connect(&DatabaseConfig {
        url,
        ..DatabaseConfig::default()
    })
    .await?;
    let authorities: Vec<String> = sqlx::query("SELECT id FROM authorities ORDER BY id")
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|r| r.try_get(0))
        .collect::<Result<_, _>>()?;
    let form = sqlx::query("SELECT form_id, version, service_slug FROM form_versions LIMIT 1")
        .fetch_one(&db.pool)
        .await?;
    let form: (String, i64, String) = (form.try_get(0)?, form.try_get(1)?, form.try_get(2)?);
    if authorities.is_empty() {
        return Err("the database has no authorities: load the seed first".into());
    }
    let citizen = citizen(&db).await?;
    // Every authority has the same share; the first one's inbox is timed.
    let authority = authorities[0].clone();

    let mut table: Vec<(String, Vec<Duration>)> = Vec::new();
    let mut have = count(&db).await?;
    for &size in &sizes {
        if size > have {
            grow(&db, &authorities, &form, citizen, have, size).await?;
            have = size;
        }
        // An application in the middle of the timed authority's.
        let middle = size / 2 - size / 2 % authorities.len() as i64;
        let (reference, name) = (format!("BENCH-{middle}"), format!("Person {middle}"));
        let base = cases::InboxQuery {
            authorities: vec![authority.clone()],
            page: 1,
            per_page: 25,
            ..Default::default()
        };
        let queries: Vec<(&str, cases::InboxQuery)> = vec![
            ("inbox, oldest first (the queue)", base.clone()),
            (
                "inbox, status tab \"eingegangen\"",
                cases::InboxQuery {
                    status: Some(serviceportal::domain::applications::Status::Submitted),
                    ..base.clone()
                },
            ),
            (
                "inbox, newest first, page 3",
                cases::InboxQuery {
                    sort: cases::Sort::Newest,
                    page: 3,
                    ..base.clone()
                },
            ),
            (
                "inbox, search by reference",
                cases::InboxQuery {
                    text: reference,
                    ..base.clone()
                },
            ),
            (
                "inbox, search by name",
                cases::InboxQuery {
                    text: name,
                    ..base.clone()
                },
            ),
        ];
        for (i, (label, query)) in queries.iter().enumerate() {
            let time = median(ROUNDS, || async {
                cases::inbox(&db, query).await.map(|_| ())
            })
            .await?;
            row(&mut table, i, label).push(time);
        }
        let time = median(ROUNDS, || async {
            applications::for_account(&db, citizen).await.map(|_| ())
        })
        .await?;
        let i = queries.len();
        row(&mut table, i, "\"Meine Anträge\" of a citizen").push(time);
    }

    let size_label = |n: i64| match n {
        n if n >= 1_000_000 && n % 1_000_000 == 0 => format!("{}M", n / 1_000_000),
        n if n >= 1_000 && n % 1_000 == 0 => format!("{}k", n / 1_000),
        n => n.to_string(),
    };
    let heads: Vec<String> = sizes.iter().map(|&n| size_label(n)).collect();
    let (first, last) = (heads[0].clone(), heads[heads.len() - 1].clone());
    println!(
        "| Query ({} authorities; one has 1/{} of the applications) | {} | {last} / {first} |",
        authorities.len(),
        authorities.len(),
        heads.join(" | ")
    );
    println!("|---|{}---|", "---|".repeat(sizes.len()));
    for (label, times) in &table {
        let cells: Vec<String> = times
            .iter()
            .map(|t| format!("{:.2} ms", t.as_secs_f64() * 1000.0))
            .collect();
        let ratio = times[times.len() - 1].as_secs_f64() / times[0].as_secs_f64();
        println!("| {label} | {} | {ratio:.1}× |", cells.join(" | "));
    }
    db.close().await;
    Ok(())
}

fn row<'t>(
    table: &'t mut Vec<(String, Vec<Duration>)>,
    i: usize,
    label: &str,
) -> &'t mut Vec<Duration> {
    if table.len() == i {
        table.push((label.to_owned(), Vec::new()));
    }
    &mut table[i].1
}

async fn median<F, Fut>(rounds: usize, mut run: F) -> Result<Duration, sqlx::Error>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<(), sqlx::Error>>,
{
    run().await?; // warm the cache and the prepared statement
    let mut times = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let start = Instant::now();
        run().await?;
        times.push(start.elapsed());
    }
    times.sort();
    Ok(times[rounds / 2])
}

async fn count(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query("SELECT COUNT(*) FROM applications WHERE reference LIKE 'BENCH-%'")
        .fetch_one(&db.pool)
        .await?
        .try_get(0)
}

/// The citizen whose own list is timed: an account with a few applications among the many.
async fn citizen(db: &Db) -> Result<i64, sqlx::Error> {
    let email = "growth-benchmark@example.org";
    if let Some(row) = sqlx::query("SELECT id FROM accounts WHERE email = $1")
        .bind(email)
        .fetch_optional(&db.pool)
        .await?
    {
        return row.try_get(0);
    }
    sqlx::query(
        "INSERT INTO accounts (email, email_verified_at, password_hash, created_at, \
         password_changed_at) VALUES ($1, 0, '', 0, 0) RETURNING id",
    )
    .bind(email)
    .fetch_one(&db.pool)
    .await?
    .try_get(0)
}

/// Adds applications `from + 1 ..= to`: application `i` belongs to authority `i mod n`, has
/// one of the six statuses after it was submitted, and was submitted within two years; the
/// first few are the `citizen`'s.
async fn grow(
    db: &Db,
    authorities: &[String],
    (form_id, version, service): &(String, i64, String),
    citizen: i64,
    from: i64,
    to: i64,
) -> Result<(), sqlx::Error> {
    const STEP: i64 = 50_000;
    let now = 1_790_000_000_i64;
    let mut start = from + 1;
    while start <= to {
        let end = (start + STEP - 1).min(to);
        let mut tx = db.begin_write().await?;
        for (k, authority) in authorities.iter().enumerate() {
            sqlx::query(
                "WITH RECURSIVE n(i) AS ( \
                   SELECT CAST($1 AS BIGINT) UNION ALL SELECT i + $2 FROM n WHERE i + $2 <= $3) \
                 INSERT INTO applications (public_id, reference, account_id, email, form_id, \
                   form_version, service_slug, gemeinde_ags, authority_id, status, answers, \
                   created_at, updated_at, submitted_at, status_changed_at, applicant_name) \
                 SELECT 'bench-' || i, 'BENCH-' || i, \
                   CASE WHEN i <= $4 THEN $5 ELSE NULL END, NULL, $6, $7, $8, NULL, $9, \
                   CASE i % 20 WHEN 0 THEN 'query' WHEN 1 THEN 'withdrawn' \
                     WHEN 2 THEN 'rejected' WHEN 3 THEN 'rejected' \
                     WHEN 4 THEN 'submitted' WHEN 5 THEN 'submitted' WHEN 6 THEN 'submitted' \
                     WHEN 7 THEN 'in-progress' WHEN 8 THEN 'in-progress' \
                     WHEN 9 THEN 'in-progress' ELSE 'approved' END, \
                   '{}', $10 - i * 61, $10 - i * 61, $10 - i * 61, $10 - i * 31, \
                   'Person ' || i \
                 FROM n",
            )
            .bind(first_of(start, k as i64, authorities.len() as i64))
            .bind(authorities.len() as i64)
            .bind(end)
            .bind(CITIZEN_APPLICATIONS)
            .bind(citizen)
            .bind(form_id)
            .bind(version)
            .bind(service)
            .bind(authority)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        start = end + 1;
    }
    Ok(())
}

/// The first `i >= start` with `i mod n == k`.
fn first_of(start: i64, k: i64, n: i64) -> i64 {
    start + (k - start % n).rem_euclid(n)
}
