//! Everything a request handler needs, built once at start-up (or once per test).

use crate::domain::site::SiteInfo;
use crate::server::assets::AssetManifest;
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
}

impl AppState {
    pub fn new(config: Config, db: Db, clock: Clock) -> AppState {
        let leptos = LeptosOptions::builder()
            .output_name("serviceportal")
            .site_root(config.server.site_root.display().to_string())
            .site_pkg_dir("pkg")
            .site_addr(config.server.listen)
            .build();
        let assets = Arc::new(AssetManifest::scan(&config.server.site_root));
        AppState {
            site: Arc::new(config.site_info()),
            config: Arc::new(config),
            db,
            clock,
            leptos,
            assets,
        }
    }
}
