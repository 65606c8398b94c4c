//! A whole portal per test: its own database (a SQLite file, or a fresh database on the
//! PostgreSQL server named by `TEST_DATABASE_URL`), uploaded files in a temporary folder
//! (or the S3 service named by `TEST_S3_ENDPOINT`), a fixed clock, and the real router.

#![allow(dead_code)] // each test file uses a different part

pub mod browser;
pub mod people;
pub mod smtp;

use axum::Router;
use axum::body::Body;
use figment::Figment;
use figment::providers::{Format, Serialized, Toml};
use http::{Request, Response, StatusCode};
use http_body_util::BodyExt;
use serviceportal::server::clock::Clock;
use serviceportal::server::config::Config;
use serviceportal::server::db::Db;
use serviceportal::server::http::router;
use serviceportal::server::state::AppState;
use sqlx::Executor;
use tower::ServiceExt;

pub const ORIGIN: &str = "http://portal.test";

pub struct TestApp {
    pub state: AppState,
    pub router: Router,
    _dir: tempfile::TempDir,
}

/// The database URL for a new, empty database.
pub async fn fresh_database_url(dir: &std::path::Path) -> String {
    match std::env::var("TEST_DATABASE_URL") {
        Ok(admin_url) => {
            let name = format!("t_{}", uuid::Uuid::new_v4().simple());
            let mut admin = <sqlx::PgConnection as sqlx::Connection>::connect(&admin_url)
                .await
                .expect("connect to the test PostgreSQL server");
            admin
                .execute(format!("CREATE DATABASE {name}").as_str())
                .await
                .expect("create a test database");
            let base = admin_url
                .rsplit_once('/')
                .expect("a database in TEST_DATABASE_URL")
                .0;
            format!("{base}/{name}")
        }
        Err(_) => format!("sqlite://{}", dir.join("portal.db").display()),
    }
}

pub fn config(database_url: &str, site_root: &std::path::Path) -> Config {
    config_with(database_url, site_root, &[])
}

/// Test settings with extra overrides, e.g. `("site.base_url", "https://…")`.
pub fn config_with(
    database_url: &str,
    site_root: &std::path::Path,
    extra: &[(&str, &str)],
) -> Config {
    let mut figment = Figment::new()
        .merge(Toml::file(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/Leptos.toml"
        )))
        .merge(Serialized::default("database.url", database_url))
        .merge(Serialized::default("site.base_url", ORIGIN))
        .merge(Serialized::default(
            "server.site_root",
            site_root.display().to_string(),
        ))
        .merge(Serialized::default(
            "server.data_dir",
            site_root.join("data").display().to_string(),
        ));
    // With TEST_S3_ENDPOINT (scripts/with-s3.sh) uploaded files go to that S3 service.
    if let Ok(endpoint) = std::env::var("TEST_S3_ENDPOINT") {
        let bucket = std::env::var("TEST_S3_BUCKET").expect("TEST_S3_BUCKET with the endpoint");
        for (key, value) in [
            ("objects.kind", "s3".to_owned()),
            ("objects.endpoint", endpoint),
            ("objects.bucket", bucket),
            ("objects.region", "eu-central-1".to_owned()),
            ("objects.access_key_id", "env:TEST_S3_KEY".to_owned()),
            ("objects.secret_access_key", "env:TEST_S3_SECRET".to_owned()),
        ] {
            figment = figment.merge(Serialized::default(key, value));
        }
        figment = figment.merge(Serialized::default("objects.allow_http", true));
    }
    for (key, value) in extra {
        // Numbers as numbers, as the environment overrides give them.
        figment = match value.parse::<i64>() {
            Ok(number) => figment.merge(Serialized::default(key, number)),
            Err(_) => figment.merge(Serialized::default(key, value)),
        };
    }
    Config::from_figment(figment).expect("test settings")
}

/// The demo seed shipped with the project.
pub const DEMO_SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/seed/demo");

/// A copy of the demo seed in `dest`, to change for one test.
pub fn copy_demo_seed(dest: &std::path::Path) {
    std::fs::create_dir_all(dest).expect("seed dir");
    let demo = std::path::Path::new(DEMO_SEED);
    for file in ["regions.csv", "authorities.csv"] {
        std::fs::copy(demo.join(file), dest.join(file)).expect("copy seed file");
    }
    for folder in ["services", "forms"] {
        let target = dest.join(folder);
        std::fs::create_dir_all(&target).expect("seed dir");
        for entry in std::fs::read_dir(demo.join(folder)).expect("seed folder") {
            let path = entry.expect("entry").path();
            std::fs::copy(&path, target.join(path.file_name().expect("name"))).expect("copy");
        }
    }
}

/// A portal with the demo seed loaded.
pub async fn spawn_seeded_app() -> TestApp {
    let app = spawn_app().await;
    serviceportal::server::seed::load_demo(&app.state.db, std::path::Path::new(DEMO_SEED))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    app
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(&[]).await
}

pub async fn spawn_app_with(extra: &[(&str, &str)]) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = fresh_database_url(dir.path()).await;
    let config = config_with(&url, dir.path(), extra);
    let db = Db::connect(&config.database).await.expect("connect");
    db.migrate().await.expect("migrate");
    let state = AppState::new(config, db, Clock::fixed(1_800_000_000)).expect("app state");
    TestApp {
        router: router(state.clone()),
        state,
        _dir: dir,
    }
}

pub struct Answer {
    pub status: StatusCode,
    pub headers: http::HeaderMap,
    pub body: String,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The `name=value` part of the Set-Cookie header for `name`.
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with(&format!("{name}=")))
            .map(|v| v.split(';').next().unwrap_or_default().to_owned())
    }
}

impl TestApp {
    pub async fn send(&self, mut request: Request<Body>) -> Answer {
        // As if from a browser on this machine, unless the test chose an address.
        if request
            .extensions()
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .is_none()
        {
            request.extensions_mut().insert(axum::extract::ConnectInfo(
                std::net::SocketAddr::from(([127, 0, 0, 1], 40000)),
            ));
        }
        let response: Response<Body> = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("infallible");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes();
        Answer {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    pub async fn get(&self, path: &str, headers: &[(&str, &str)]) -> Answer {
        let mut request = Request::get(path);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request.body(Body::empty()).expect("request"))
            .await
    }

    /// A form post as a browser on our own pages sends it.
    pub async fn post_form(&self, path: &str, body: String, headers: &[(&str, &str)]) -> Answer {
        let mut request = Request::post(path)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("content-length", body.len());
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request.body(Body::from(body)).expect("request"))
            .await
    }
}

/// `application/x-www-form-urlencoded` encoding of one value.
pub fn encode(value: &str) -> String {
    let mut out = String::new();
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => {
                out.push(byte as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}
