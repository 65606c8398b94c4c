//! What every page needs to know about its request, gathered by the server before rendering
//! (see `server::http::page_context`) and read by components through [`use_page`].

use crate::domain::locale::Locale;
use crate::domain::site::SiteInfo;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::Arc;

/// Form states left by refused no-JavaScript posts, by form kind, as JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FlashBag(pub HashMap<String, String>);

#[derive(Debug, Clone, Default)]
pub struct PageContext {
    pub locale: Locale,
    /// The CSP nonce of this response, for the few inline scripts.
    pub nonce: String,
    pub site: Arc<SiteInfo>,
    /// The path and query of this request, for the language switcher's way back.
    pub path: String,
    pub flash: FlashBag,
    /// The chosen Gemeinde (official key), from `?ort=` or the `ort` cookie.
    pub place: Option<String>,
    /// Changes with every build of the static assets; the service worker's cache key.
    pub asset_version: Arc<str>,
    /// Who is signed in, if anyone.
    pub account: Option<SignedIn>,
    /// The session of this browser has just timed out.
    pub session_expired: bool,
}

/// The signed-in person as pages see them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedIn {
    pub email: String,
    pub role: crate::domain::account::Role,
    pub trust_level: crate::domain::account::TrustLevel,
    /// When the session ends unless used again (Unix seconds).
    pub ends_at: i64,
    /// Seconds from this request to `ends_at`.
    pub seconds_left: i64,
    pub has_second_factor: bool,
    /// False for an account made by applying with only an e-mail address.
    pub has_password: bool,
    /// Messages in the Postfach not opened yet.
    pub unread_messages: i64,
}

impl PageContext {
    /// The form state of `kind` left by a refused post, if any.
    pub fn flash<T: for<'de> Deserialize<'de>>(&self, kind: &str) -> Option<T> {
        self.flash
            .0
            .get(kind)
            .and_then(|json| serde_json::from_str(json).ok())
    }
}

/// The request's page context. On the server it comes from the request; in the browser
/// (which renders only islands) there is none and the defaults apply.
pub fn use_page() -> PageContext {
    leptos::prelude::use_context::<PageContext>().unwrap_or_default()
}

/// Localized text for the current request.
pub fn t(key: &str) -> String {
    crate::i18n::text(use_page().locale, key)
}
