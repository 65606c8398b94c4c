//! Request guards and response headers that every route gets.

use crate::server::state::AppState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use http::header::{CACHE_CONTROL, CONTENT_TYPE, ORIGIN};
use http::{HeaderName, HeaderValue, Method, StatusCode};

/// The CSP nonce of one response, handed from [`security_headers`] to the page renderer.
#[derive(Debug, Clone)]
pub struct CspNonce(pub String);

/// Content types a server function accepts. Browsers can send these cross-site without a
/// preflight, which is exactly why the origin check below must hold for all of them.
const FORM_TYPES: [&str; 1] = ["application/x-www-form-urlencoded"];

/// The server functions that take files: a step with file fields, a caseworker's message
/// (with the decision as PDF), an applicant's reply in the Postfach.
pub const UPLOAD_PATHS: [&str; 3] = [
    "/api/applications/save-files",
    "/api/backoffice/message",
    "/api/mailbox/reply",
];

/// The API of the specialist systems: authorized by a key in the `Authorization` header,
/// never by a cookie, so a foreign page cannot make a browser use it (no CSRF); it takes
/// JSON.
const KEY_API: &str = "/api/v1/";

/// Refuses state-changing requests that do not come from our own pages (CSRF): the browser
/// must say `Sec-Fetch-Site: same-origin` (or `none`, typed by the user), or, for browsers
/// without fetch metadata, send our own `Origin`. Server functions also need a form body.
pub async fn guard_state_changes(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    let method = req.method();
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    if req.uri().path().starts_with(KEY_API) {
        // JSON, or nothing (an acknowledgement has no body).
        let acceptable = req.headers().get(CONTENT_TYPE).is_none_or(|v| {
            v.to_str().is_ok_and(|v| {
                v.trim()
                    .to_ascii_lowercase()
                    .starts_with("application/json")
            })
        });
        if !acceptable {
            return plain(StatusCode::UNSUPPORTED_MEDIA_TYPE, "Unsupported media type");
        }
        return next.run(req).await;
    }
    if !is_same_origin(req.headers(), state.config.origin()) {
        tracing::warn!(path = %req.uri().path(), "refused a cross-origin request");
        return plain(StatusCode::FORBIDDEN, "Forbidden: cross-origin request");
    }
    if req.uri().path().starts_with("/api/") {
        let content_type = req
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(|v| v.trim().to_ascii_lowercase());
        // Files come as multipart/form-data, to their one endpoint only.
        let allowed = if UPLOAD_PATHS.contains(&req.uri().path()) {
            ["multipart/form-data"]
        } else {
            FORM_TYPES
        };
        if !content_type.is_some_and(|ct| allowed.contains(&ct.as_str())) {
            return plain(StatusCode::UNSUPPORTED_MEDIA_TYPE, "Unsupported media type");
        }
    }
    next.run(req).await
}

pub fn is_same_origin(headers: &http::HeaderMap, origin: &str) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        return matches!(site.to_str(), Ok("same-origin" | "none"));
    }
    headers
        .get(ORIGIN)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case(origin))
}

/// Adds a nonce-based Content Security Policy and the other protective headers; marks
/// dynamic responses `no-store` so no cache keeps personal pages.
pub async fn security_headers(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Response {
    let nonce = new_nonce();
    req.extensions_mut().insert(CspNonce(nonce.clone()));
    let is_static = is_static_path(req.uri().path());
    let mut response = next.run(req).await;
    let headers = response.headers_mut();
    let has_cache_control = headers.contains_key(CACHE_CONTROL);
    let csp = format!(
        "default-src 'self'; script-src 'nonce-{nonce}' 'strict-dynamic' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
         manifest-src 'self'; worker-src 'self'; form-action 'self'; frame-ancestors 'none'; \
         base-uri 'none'; object-src 'none'"
    );
    let mut set = |name: HeaderName, value: &str| {
        if let Ok(value) = HeaderValue::from_str(value) {
            headers.insert(name, value);
        }
    };
    set(HeaderName::from_static("content-security-policy"), &csp);
    set(HeaderName::from_static("x-content-type-options"), "nosniff");
    set(HeaderName::from_static("referrer-policy"), "same-origin");
    set(HeaderName::from_static("x-frame-options"), "DENY");
    set(
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    set(
        HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    );
    if state.config.is_https() {
        set(
            HeaderName::from_static("strict-transport-security"),
            "max-age=31536000; includeSubDomains",
        );
    }
    if !has_cache_control {
        // Static files revalidate (their names carry no version yet); everything else may
        // be personal and is never stored.
        set(
            CACHE_CONTROL,
            if is_static { "no-cache" } else { "no-store" },
        );
    }
    response
}

pub fn is_static_path(path: &str) -> bool {
    ["/pkg/", "/vendor/", "/icons/"]
        .iter()
        .any(|p| path.starts_with(p))
        || matches!(path, "/favicon.ico" | "/robots.txt")
}

fn new_nonce() -> String {
    let mut bytes = [0u8; 16];
    // A failing OS random source leaves the nonce empty; the page's scripts then simply do
    // not run, which is safe.
    if getrandom::fill(&mut bytes).is_err() {
        tracing::error!("the operating system's random source failed");
        return String::new();
    }
    base64::engine::general_purpose::STANDARD_NO_PAD.encode(bytes)
}

pub fn plain(status: StatusCode, text: &'static str) -> Response {
    (
        status,
        [(CONTENT_TYPE, "text/plain; charset=utf-8")],
        Body::from(text),
    )
        .into_response()
}

/// Limits request bodies: `server.body_limit_bytes`, and for the upload endpoint that plus
/// `applications.max_total_bytes` (files are checked one by one there as well). A declared
/// length over the limit is refused at once with 413; a body that grows beyond it fails
/// while being read.
pub async fn limit_body(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let base = state.config.server.body_limit_bytes;
    let max = if UPLOAD_PATHS.contains(&req.uri().path()) {
        base + state.config.applications.max_total_bytes
    } else {
        base
    };
    let declared = req
        .headers()
        .get(http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > max) {
        return plain(StatusCode::PAYLOAD_TOO_LARGE, "Payload too large");
    }
    let (parts, body) = req.into_parts();
    let body = axum::body::Body::new(http_body_util::Limited::new(body, max));
    next.run(Request::from_parts(parts, body)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> http::HeaderMap {
        let mut map = http::HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, HeaderValue::from_static(v));
        }
        map
    }

    const ORIGIN_URL: &str = "https://portal.example.de";

    #[test]
    fn fetch_metadata_decides_when_present() {
        assert!(is_same_origin(
            &headers(&[("sec-fetch-site", "same-origin")]),
            ORIGIN_URL
        ));
        assert!(is_same_origin(
            &headers(&[("sec-fetch-site", "none")]),
            ORIGIN_URL
        ));
        assert!(!is_same_origin(
            &headers(&[("sec-fetch-site", "same-site")]),
            ORIGIN_URL
        ));
        // A matching Origin does not outvote a cross-site fetch.
        assert!(!is_same_origin(
            &headers(&[("sec-fetch-site", "cross-site"), ("origin", ORIGIN_URL)]),
            ORIGIN_URL
        ));
    }

    #[test]
    fn without_fetch_metadata_the_origin_must_match() {
        assert!(is_same_origin(
            &headers(&[("origin", ORIGIN_URL)]),
            ORIGIN_URL
        ));
        assert!(!is_same_origin(
            &headers(&[("origin", "https://evil.example")]),
            ORIGIN_URL
        ));
        assert!(!is_same_origin(&headers(&[]), ORIGIN_URL));
    }

    #[test]
    fn nonces_are_fresh() {
        let (a, b) = (new_nonce(), new_nonce());
        assert_eq!(a.len(), 22);
        assert_ne!(a, b);
    }
}
