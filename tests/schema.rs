//! The SQLite and PostgreSQL migrations must describe the same tables and columns. Both are
//! compared with `migrations/schema.txt`: the SQLite schema in every run, the PostgreSQL one
//! in the run on PostgreSQL (`TEST_DATABASE_URL`). The full-text index (`service_search…`)
//! is backend-specific by design (FTS5 against tsvector) and tested by the search tests.

mod common;

use serviceportal::server::db::{Backend, Db};
use sqlx::Row;
use std::collections::BTreeMap;

/// `table: column, column, …` lines, sorted, as in `migrations/schema.txt`.
async fn describe(db: &Db) -> String {
    let sql = match db.backend() {
        Backend::Sqlite => {
            "SELECT m.name AS table_name, p.name AS column_name FROM sqlite_master m \
             JOIN pragma_table_info(m.name) p WHERE m.type = 'table' \
             AND m.name NOT LIKE 'sqlite_%' AND m.name <> '_sqlx_migrations' \
             AND m.name NOT LIKE 'service_search%'"
        }
        Backend::Postgres => {
            "SELECT table_name::text AS table_name, column_name::text AS column_name \
             FROM information_schema.columns WHERE table_schema = 'public' \
             AND table_name <> '_sqlx_migrations' AND table_name NOT LIKE 'service_search%'"
        }
    };
    let rows = sqlx::query(sql)
        .fetch_all(&db.pool)
        .await
        .expect("schema query");
    let mut tables: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for row in rows {
        let table: String = row.try_get("table_name").expect("table");
        let column: String = row.try_get("column_name").expect("column");
        tables.entry(table).or_default().push(column);
    }
    tables
        .into_iter()
        .map(|(table, mut columns)| {
            columns.sort();
            format!("{table}: {}\n", columns.join(", "))
        })
        .collect()
}

#[tokio::test]
async fn the_schema_matches_the_documented_one() {
    let expected = include_str!("../migrations/schema.txt");
    let dir = tempfile::tempdir().expect("dir");
    let sqlite_url = format!("sqlite://{}", dir.path().join("schema.db").display());
    let mut urls = vec![sqlite_url];
    if std::env::var("TEST_DATABASE_URL").is_ok() {
        urls.push(common::fresh_database_url(dir.path()).await);
    }
    for url in urls {
        let config = common::config(&url, dir.path());
        let db = Db::connect(&config.database).await.expect("connect");
        db.migrate().await.expect("migrate");
        let actual = describe(&db).await;
        assert_eq!(
            actual,
            expected,
            "{:?} schema differs from migrations/schema.txt; actual:\n{actual}",
            db.backend()
        );
        db.close().await;
    }
}
