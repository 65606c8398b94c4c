//! Serviceportal: one crate, compiled twice: the server (`ssr`) and the browser's WASM
//! (`hydrate`). See README.md and docs/architecture.md.

pub mod api;
pub mod app;
pub mod domain;
pub mod i18n;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod server;

/// Starts the browser side: with islands, only the interactive parts wake up.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    #[cfg(feature = "islands")]
    leptos::mount::hydrate_islands();
    #[cfg(not(feature = "islands"))]
    leptos::mount::hydrate_body(app::App);
}
