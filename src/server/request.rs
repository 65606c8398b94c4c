//! Helpers for server function bodies: the app state, the request, the response.

use crate::api::AppError;
use crate::server::state::AppState;
use http::header::{ACCEPT, COOKIE, LOCATION, SET_COOKIE};
use http::{HeaderValue, StatusCode, request::Parts};
use leptos::prelude::*;
use leptos_axum::ResponseOptions;
use std::fmt::Display;

pub fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| internal("reading the app state", "not provided"))
}

fn parts() -> Option<Parts> {
    use_context::<Parts>()
}

/// True for a plain HTML form post (no JavaScript): it gets a redirect, not data.
pub fn wants_html() -> bool {
    parts().is_some_and(|p| {
        p.headers
            .get(ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"))
    })
}

/// A value the middleware put into the request (client address, session, page context).
pub fn extension<T: Clone + Send + Sync + 'static>() -> Option<T> {
    parts().and_then(|p| p.extensions.get::<T>().cloned())
}

/// The language of this request.
pub fn locale() -> crate::domain::locale::Locale {
    extension::<crate::ui::context::PageContext>()
        .map(|c| c.locale)
        .unwrap_or_default()
}

/// A request header as text.
pub fn header(name: http::HeaderName) -> Option<String> {
    parts().and_then(|p| {
        p.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    })
}

pub fn set_header(name: http::HeaderName, value: &str) {
    if let (Some(response), Ok(value)) = (
        use_context::<ResponseOptions>(),
        HeaderValue::from_str(value),
    ) {
        response.insert_header(name, value);
    }
}

pub fn set_status(status: StatusCode) {
    if let Some(response) = use_context::<ResponseOptions>() {
        response.set_status(status);
    }
}

/// The value of a request cookie.
pub fn cookie(name: &str) -> Option<String> {
    let parts = parts()?;
    cookie_from(&parts.headers, name)
}

pub fn cookie_from(headers: &http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

/// Sends the browser on to `path`. A plain form post gets `303 See Other` (post/redirect/
/// get); a script caller keeps the status and gets only the `Location` header, which the
/// account forms follow (as `leptos_axum::redirect` does for server functions).
pub fn see_other(path: &str) {
    if let (Some(response), Ok(location)) = (
        use_context::<ResponseOptions>(),
        HeaderValue::from_str(path),
    ) {
        if wants_html() {
            response.set_status(StatusCode::SEE_OTHER);
        }
        response.insert_header(LOCATION, location);
    }
}

pub fn set_cookie(header: &str) {
    if let (Some(response), Ok(value)) = (
        use_context::<ResponseOptions>(),
        HeaderValue::from_str(header),
    ) {
        response.append_header(SET_COOKIE, value);
    }
}

/// Logs a failure with a correlation id and returns the error people see: the id only.
pub fn internal(what: &str, error: impl Display) -> AppError {
    let correlation_id = parts()
        .and_then(|p| {
            p.headers
                .get("x-request-id")
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        })
        .unwrap_or_else(|| uuid::Uuid::new_v4().simple().to_string());
    tracing::error!(%correlation_id, what, %error, "request failed");
    AppError::Internal { correlation_id }
}

/// A plain form post that failed on the server lands on the error page, which shows the
/// correlation id; JavaScript callers get the error itself.
pub fn fail(error: AppError) -> AppError {
    if let AppError::Internal { correlation_id } = &error
        && wants_html()
    {
        see_other(&format!("/fehler?kennung={correlation_id}"));
    }
    error
}
