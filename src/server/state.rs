//! Everything a request handler needs, built once at start-up (or once per test).

use crate::domain::site::SiteInfo;
use crate::server::assets::AssetManifest;
use crate::server::auth::password::PasswordHasher;
use crate::server::clock::Clock;
use crate::server::config::Config;
use crate::server::db::Db;
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use std::sync::Arc;

#[derive(Clone, FromRef)]
pub struct AppState {
    pub config: Arc<Config>,
    pub db: Db,
    pub clock: Clock,
    pub leptos: LeptosOptions,
    pub site: Arc<SiteInfo>,
    pub assets: Arc<AssetManifest>,
    pub passwords: PasswordHasher,
    /// Key for secrets stored encrypted (TOTP), derived from the pepper.
    pub secret_key: Arc<[u8; 32]>,
    /// Rings when mail is queued, so the worker sends it at once.
    pub mail_wakeup: Arc<tokio::sync::Notify>,
    /// Uploaded files.
    pub objects: crate::server::objects::Objects,
    /// Rings when an event is put into the delivery outbox, so webhooks go out at once.
    #[from_ref(skip)]
    pub delivery_wakeup: Arc<tokio::sync::Notify>,
    /// The client for webhooks (no redirects followed: a receiver answers itself).
    #[from_ref(skip)]
    pub http: reqwest::Client,
}

impl AppState {
    /// Fails when the password pepper cannot be read or created, or the object store not
    /// be opened.
    pub fn new(config: Config, db: Db, clock: Clock) -> Result<AppState, String> {
        // TLS (S3, webhooks) with ring, the one crypto stack of the server; a second state
        // in the same process (tests) finds it installed already.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let leptos = LeptosOptions::builder()
            .output_name("serviceportal")
            .site_root(config.server.site_root.display().to_string())
            .site_pkg_dir("pkg")
            .site_addr(config.server.listen)
            .build();
        let assets = Arc::new(AssetManifest::scan(&config.server.site_root));
        let pepper = crate::server::auth::load_pepper(&config)?;
        let secret_key = {
            use sha2::{Digest, Sha256};
            let mut hasher = Sha256::new();
            hasher.update(b"serviceportal secret key v1\n");
            hasher.update(&pepper);
            Arc::new(<[u8; 32]>::from(hasher.finalize()))
        };
        let passwords = PasswordHasher::new(&config.accounts, pepper).map_err(|e| e.to_string())?;
        let objects =
            crate::server::objects::Objects::from_config(&config.objects, &config.server.data_dir)?;
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(std::time::Duration::from_secs(5))
            .user_agent(concat!("serviceportal/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| format!("cannot build the HTTP client: {e}"))?;
        Ok(AppState {
            site: Arc::new(config.site_info()),
            config: Arc::new(config),
            db,
            clock,
            leptos,
            assets,
            passwords,
            secret_key,
            mail_wakeup: Arc::new(tokio::sync::Notify::new()),
            objects,
            delivery_wakeup: Arc::new(tokio::sync::Notify::new()),
            http,
        })
    }
}
