//! Form state of refused no-JavaScript posts, kept for ten minutes so the page that the
//! browser is redirected to can show the typed values and the errors again.
//!
//! The browser holds a random token in an HttpOnly cookie; the database holds its hash.

use crate::api::AppError;
use crate::server::{cookies, request, state::AppState, storage};
use crate::ui::context::FlashBag;
use serde::Serialize;
use sha2::{Digest, Sha256};

pub const COOKIE: &str = "formular";
const LIFETIME_SECS: i64 = 600;

pub fn hash(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn new_token() -> Result<String, AppError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| request::internal("drawing a flash token", e))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

fn is_token(value: &str) -> bool {
    value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Keeps `value` as the flash of `kind` for this browser.
pub async fn store<T: Serialize>(state: &AppState, kind: &str, value: &T) -> Result<(), AppError> {
    let cookie_name = cookies::name(&state.config, COOKIE);
    let token = match request::cookie(&cookie_name).filter(|t| is_token(t)) {
        Some(token) => token,
        None => new_token()?,
    };
    let payload =
        serde_json::to_string(value).map_err(|e| request::internal("encoding a flash", e))?;
    let expires = crate::server::clock::Timestamp(state.clock.now().0 + LIFETIME_SECS);
    storage::flash::put(&state.db, &hash(&token), kind, &payload, expires)
        .await
        .map_err(|e| request::internal("storing a flash", e))?;
    request::set_cookie(&cookies::set(
        &state.config,
        COOKIE,
        &token,
        LIFETIME_SECS,
        true,
    ));
    Ok(())
}

/// Forgets the flash of `kind` (after the form went through).
pub async fn clear(state: &AppState, kind: &str) {
    let cookie_name = cookies::name(&state.config, COOKIE);
    if let Some(token) = request::cookie(&cookie_name).filter(|t| is_token(t))
        && let Err(error) = storage::flash::delete(&state.db, &hash(&token), kind).await
    {
        tracing::warn!(%error, "could not delete a flash");
    }
}

/// Every flash of the browser that sent `headers`, for the page about to render.
pub async fn load(state: &AppState, headers: &http::HeaderMap) -> FlashBag {
    let cookie_name = cookies::name(&state.config, COOKIE);
    let Some(token) = request::cookie_from(headers, &cookie_name).filter(|t| is_token(t)) else {
        return FlashBag::default();
    };
    match storage::flash::get_all(&state.db, &hash(&token), state.clock.now()).await {
        Ok(entries) => {
            let bag = FlashBag(entries.into_iter().collect());
            // Notices, recovery codes and new keys are shown once.
            for kind in [
                crate::api::account::NOTICE_FLASH,
                crate::api::account::forms::RECOVERY_CODES,
                crate::api::admin::SECRET_FLASH,
            ] {
                if bag.0.contains_key(kind)
                    && let Err(error) = storage::flash::delete(&state.db, &hash(&token), kind).await
                {
                    tracing::warn!(%error, "could not delete a one-time flash");
                }
            }
            bag
        }
        Err(error) => {
            tracing::warn!(%error, "could not load flashes");
            FlashBag::default()
        }
    }
}
