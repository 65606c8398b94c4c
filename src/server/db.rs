//! The database: one pool over SQLite or PostgreSQL, chosen by the URL.
//!
//! Queries use `$1` placeholders and portable SQL through `sqlx::Any`; where the backends
//! differ, the storage module asks [`Db::backend`]. Timestamps are integer Unix seconds.

use crate::server::config::DatabaseConfig;
use secrecy::ExposeSecret;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{Any, AnyPool, ConnectOptions, Executor, Transaction};
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Debug, Clone)]
pub struct Db {
    pub pool: AnyPool,
    backend: Backend,
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database.url: {0}")]
    Url(String),
    #[error("cannot create the data folder {0}: {1}")]
    DataDir(String, std::io::Error),
    #[error("cannot connect to the database: {0}")]
    Connect(#[source] sqlx::Error),
    #[error("migrating the database failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl Db {
    pub async fn connect(config: &DatabaseConfig) -> Result<Db, DbError> {
        sqlx::any::install_default_drivers();
        let mut url = config.url.clone();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else {
            return Err(DbError::Url(
                "must start with sqlite: or postgres://".into(),
            ));
        };
        if backend == Backend::Sqlite {
            let path = url
                .trim_start_matches("sqlite://")
                .trim_start_matches("sqlite:");
            let path = path.split('?').next().unwrap_or_default();
            if path.is_empty() || path == ":memory:" {
                return Err(DbError::Url(
                    "SQLite needs a file path (the pool has several connections)".into(),
                ));
            }
            if let Some(parent) = Path::new(path)
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
            {
                std::fs::create_dir_all(parent)
                    .map_err(|e| DbError::DataDir(parent.display().to_string(), e))?;
            }
            if !url.contains("mode=") {
                url.push_str(if url.contains('?') {
                    "&mode=rwc"
                } else {
                    "?mode=rwc"
                });
            }
        }
        let mut options =
            AnyConnectOptions::from_str(&url).map_err(|e| DbError::Url(e.to_string()))?;
        if let Some(password) = &config.password {
            let secret = password
                .resolve("database.password")
                .map_err(|e| DbError::Url(e.to_string()))?;
            let mut with_password = options.database_url.clone();
            with_password
                .set_password(Some(secret.expose_secret()))
                .map_err(|_| DbError::Url("cannot add the password to this URL".into()))?;
            options = AnyConnectOptions::from_url(&with_password)
                .map_err(|e| DbError::Url(e.to_string()))?;
        }
        let pool = AnyPoolOptions::new()
            .max_connections(config.max_connections)
            .acquire_timeout(Duration::from_secs(config.acquire_timeout_secs))
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    let setup = match backend {
                        // WAL lets readers work during writes; FULL makes a commit durable
                        // before a submission is acknowledged.
                        Backend::Sqlite => {
                            "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
                             PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;"
                        }
                        Backend::Postgres => "SET statement_timeout = '15s'",
                    };
                    conn.execute(setup).await.map(|_| ())
                })
            })
            .connect_with(options)
            .await
            .map_err(DbError::Connect)?;
        Ok(Db { pool, backend })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub async fn migrate(&self) -> Result<(), DbError> {
        match self.backend {
            Backend::Sqlite => {
                sqlx::migrate!("./migrations/sqlite")
                    .run(&self.pool)
                    .await?
            }
            Backend::Postgres => {
                sqlx::migrate!("./migrations/postgres")
                    .run(&self.pool)
                    .await?
            }
        }
        Ok(())
    }

    /// A write transaction. On SQLite it takes the write lock at once (`BEGIN IMMEDIATE`):
    /// a deferred transaction that upgrades later fails with SQLITE_BUSY instead of waiting.
    pub async fn begin_write(&self) -> Result<Transaction<'static, Any>, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => self.pool.begin().await,
        }
    }

    /// True when the database answers a trivial query.
    pub async fn is_ready(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}
