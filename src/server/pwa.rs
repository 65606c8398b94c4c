//! The installable web app: its manifest and its service worker.

use crate::server::state::AppState;
use crate::ui::context::PageContext;
use axum::Extension;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use http::header::{CACHE_CONTROL, CONTENT_TYPE};

/// Brand colour of the header and the installed app's title bar.
pub const THEME_COLOUR: &str = "#003064";

pub async fn manifest(
    State(state): State<AppState>,
    Extension(page): Extension<PageContext>,
) -> Response {
    let site = &state.config.site;
    let body = serde_json::json!({
        "name": site.name,
        "short_name": site.short_name,
        "description": crate::i18n::text(page.locale, "manifest-description"),
        "lang": page.locale.as_str(),
        "start_url": "/",
        "scope": "/",
        "id": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": [
            { "src": "/icons/icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any" },
            { "src": "/icons/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any" },
            { "src": "/icons/icon-maskable-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable" }
        ]
    });
    (
        [
            (CONTENT_TYPE, "application/manifest+json"),
            (CACHE_CONTROL, "no-cache"),
        ],
        body.to_string(),
    )
        .into_response()
}

/// The service worker, with this build's asset list and version filled in. It keeps the
/// static assets and an offline page, and never stores pages, personal data or API answers.
pub async fn service_worker(State(state): State<AppState>) -> Response {
    let urls = serde_json::to_string(&state.assets.urls).unwrap_or_else(|_| "[]".into());
    let script = include_str!("sw.js")
        .replace("__VERSION__", &state.assets.version)
        .replace("__ASSETS__", &urls);
    (
        [
            (CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (CACHE_CONTROL, "no-cache"),
        ],
        script,
    )
        .into_response()
}
