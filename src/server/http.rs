//! The HTTP application: routes, middleware, static files.

use crate::api::AppError;
use crate::app::{App, shell};
use crate::domain::locale::{LOCALE_COOKIE, Locale};
use crate::domain::region::{Ags, PLACE_COOKIE, RegionKind};
use crate::server::auth::session::SessionState;
use crate::server::auth::{self, ClientIp};
use crate::server::security::{self, CspNonce};
use crate::server::{cookies, flash, pwa, request::cookie_from, state::AppState};
use crate::ui::context::{PageContext, SignedIn};
use axum::body::{Body, to_bytes};
use axum::error_handling::HandleErrorLayer;
use axum::extract::{DefaultBodyLimit, Path, Query, Request, State};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{BoxError, Json, Router};
use http::header::{ACCEPT_LANGUAGE, CONTENT_TYPE, LOCATION, SET_COOKIE};
use http::{HeaderValue, StatusCode};
use leptos::prelude::provide_context;
use leptos::server_fn::error::SERVER_FN_ERROR_HEADER;
use leptos_axum::{LeptosRoutes, generate_route_list};
use serde::Deserialize;
use std::convert::Infallible;
use std::time::Duration;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::ServeDir;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};

/// The route table, generated once per process. Generating it sets a process-wide flag
/// in Leptos that makes any resource first polled meanwhile wait forever (leptos#4773),
/// so it must never run while pages render (several apps in one test process did).
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> =
        std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// Builds the whole application for `state`.
pub fn router(state: AppState) -> Router {
    let routes = route_list();
    let context = {
        let state = state.clone();
        move || provide_context(state.clone())
    };
    let app_fn = {
        let options = state.leptos.clone();
        move || shell(options.clone())
    };
    let not_found = leptos_axum::render_app_to_stream_with_context(context.clone(), app_fn.clone());
    let static_files = ServeDir::new(&state.config.server.site_root)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(tower::service_fn(move |req: Request| {
            let render = not_found.clone();
            async move { Ok::<_, Infallible>(render(req).await) }
        }));
    let limits = &state.config.server;

    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/sprache/{lang}", get(switch_language))
        .route("/manifest.webmanifest", get(pwa::manifest))
        .route("/sw.js", get(pwa::service_worker))
        .route(
            crate::api::account::pages::EXPORT,
            get(crate::server::account_routes::export),
        )
        .route("/dev/mail", get(crate::server::account_routes::dev_outbox))
        .route(
            "/antraege/anlagen/{id}",
            get(crate::server::account_routes::attachment),
        )
        .route(
            "/antraege/{reference}/empfangsbestaetigung.pdf",
            get(crate::server::account_routes::receipt),
        )
        .route(
            "/behoerde/anlagen/{id}",
            get(crate::server::backoffice_routes::case_file),
        )
        .route(
            crate::api::backoffice::pages::STATISTICS_CSV,
            get(crate::server::backoffice_routes::statistics_csv),
        )
        .merge(crate::server::api_v1::routes())
        .merge(crate::server::api_submissions::routes())
        .leptos_routes_with_context(&state, routes, context, app_fn)
        .fallback_service(static_files)
        .layer(middleware::from_fn(server_fn_status))
        .layer(middleware::from_fn_with_state(state.clone(), page_context))
        .layer(middleware::from_fn_with_state(state.clone(), security::guard_state_changes))
        .layer(middleware::from_fn_with_state(state.clone(), security::security_headers))
        .layer(DefaultBodyLimit::max(
            limits.body_limit_bytes + state.config.applications.max_total_bytes,
        ))
        .layer(middleware::from_fn_with_state(state.clone(), security::limit_body))
        .layer(CompressionLayer::new().br(true).gzip(true))
        .layer(
            ServiceBuilder::new()
                .layer(CatchPanicLayer::custom(|_| {
                    tracing::error!("a request handler panicked");
                    security::plain(StatusCode::INTERNAL_SERVER_ERROR, "Internal error")
                }))
                .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
                .layer(PropagateRequestIdLayer::x_request_id())
                .layer(
                    // One access-log line per request: method, path, status, latency; never
                    // query strings or bodies (they may carry personal data).
                    TraceLayer::new_for_http()
                        .make_span_with(|req: &Request| {
                            let id = req.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("");
                            tracing::info_span!("request", method = %req.method(), path = %req.uri().path(), request_id = %id)
                        })
                        .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
                )
                .layer(HandleErrorLayer::new(overloaded))
                .load_shed()
                .concurrency_limit(limits.max_concurrent_requests)
                .layer(TimeoutLayer::with_status_code(
                    StatusCode::REQUEST_TIMEOUT,
                    Duration::from_secs(limits.request_timeout_secs),
                )),
        )
        .with_state(state)
}

async fn overloaded(_: BoxError) -> Response {
    security::plain(
        StatusCode::SERVICE_UNAVAILABLE,
        "Service busy, please try again",
    )
}

/// Gathers what pages need to know about this request (language, nonce, left-over form
/// state) before anything renders.
async fn page_context(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let peer = req
        .extensions()
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0);
    let client_ip = ClientIp::resolve(req.headers(), peer, &state.config);
    req.extensions_mut().insert(client_ip);
    if security::is_static_path(req.uri().path()) {
        return next.run(req).await;
    }
    let session = match auth::session::resolve(&state, req.headers()).await {
        Ok(session) => session,
        Err(error) => {
            tracing::error!(%error, "could not read the session");
            return security::plain(StatusCode::SERVICE_UNAVAILABLE, "Service unavailable");
        }
    };
    let headers = req.headers();
    let locale = Locale::negotiate(
        cookie_from(headers, &cookies::name(&state.config, LOCALE_COOKIE)).as_deref(),
        headers.get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()),
        state.config.site.default_locale,
    );
    // Only page views show form state; assets and API calls never need it.
    let is_page_view = req.method() == http::Method::GET
        && headers
            .get(http::header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"));
    let flash = if is_page_view {
        flash::load(&state, headers).await
    } else {
        Default::default()
    };
    let place_query = req
        .uri()
        .query()
        .and_then(|q| query_value(q, PLACE_COOKIE))
        .filter(|p| is_gemeinde(p));
    // The place: asked for now, remembered in the browser, or the signed-in person's home.
    let place = place_query
        .clone()
        .or_else(|| {
            cookie_from(headers, &cookies::name(&state.config, PLACE_COOKIE))
                .filter(|p| is_gemeinde(p))
        })
        .or_else(|| {
            session
                .active()
                .and_then(|s| s.home_ags.clone())
                .filter(|p| is_gemeinde(p))
        });
    // The Postfach count in the header, for page views of the signed-in.
    let unread_messages = match session.active() {
        Some(s) if is_page_view => {
            crate::server::storage::messages::unread_for_applicant(&state.db, s.account_id)
                .await
                .unwrap_or_else(|error| {
                    tracing::warn!(%error, "counting unread messages");
                    0
                })
        }
        _ => 0,
    };
    let context = PageContext {
        locale,
        nonce: req
            .extensions()
            .get::<CspNonce>()
            .map(|n| n.0.clone())
            .unwrap_or_default(),
        site: state.site.clone(),
        path: req
            .uri()
            .path_and_query()
            .map_or("/", |p| p.as_str())
            .to_owned(),
        flash,
        asset_version: state.assets.version.as_str().into(),
        place,
        account: session.active().map(|s| SignedIn {
            email: s.email.clone(),
            role: s.role,
            trust_level: s.trust_level,
            ends_at: auth::session::ends_at(&state.config.accounts, s),
            seconds_left: auth::session::ends_at(&state.config.accounts, s) - state.clock.now().0,
            has_second_factor: s.has_second_factor,
            has_password: s.has_password,
            unread_messages,
        }),
        session_expired: session == SessionState::Expired,
    };
    if is_page_view && let Some(redirect) = account_redirect(req.uri(), &context) {
        let mut response = redirect;
        if session == SessionState::Expired {
            response
                .headers_mut()
                .append(SET_COOKIE, session_removal(&state));
        }
        return response;
    }
    let expired = session == SessionState::Expired;
    req.extensions_mut().insert(context);
    req.extensions_mut().insert(session);
    let mut response = next.run(req).await;
    if expired {
        response
            .headers_mut()
            .append(SET_COOKIE, session_removal(&state));
    }
    // A place chosen with `?ort=` is remembered for a year.
    if let Some(place) = place_query {
        let cookie = cookies::set(&state.config, PLACE_COOKIE, &place, 365 * 24 * 3600, true);
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(SET_COOKIE, value);
        }
    }
    response
}

fn session_removal(state: &AppState) -> HeaderValue {
    HeaderValue::from_str(&auth::session::removal(&state.config))
        .unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// Account pages need a session: without one they send people to sign in and come back
/// afterwards. Signed-in people skip the sign-in and registration pages.
fn account_redirect(uri: &http::Uri, context: &PageContext) -> Option<Response> {
    use crate::api::account::pages;
    let path = uri.path();
    let public = [
        pages::REGISTER,
        pages::REGISTERED,
        pages::CONFIRM,
        pages::SIGN_IN,
        pages::FORGOT,
        pages::FORGOT_SENT,
        pages::RESET,
        pages::SIGN_IN_CODE,
        pages::EMAIL_ACCESS,
        pages::EMAIL_ACCESS_SENT,
        pages::SIGN_IN_LINK,
    ];
    // Staff must set up a second factor before anything else.
    let setup_pages = [
        pages::SECURITY,
        pages::AUTHENTICATOR,
        pages::RECOVERY_CODES,
        pages::REAUTH,
    ];
    if let Some(account) = &context.account
        && account.role.is_staff()
        && !account.has_second_factor
        && (path == pages::OVERVIEW
            || path.starts_with("/konto/")
            || path.starts_with("/behoerde")
            || path.starts_with("/verwaltung"))
        && !setup_pages.contains(&path)
    {
        let mut response = StatusCode::SEE_OTHER.into_response();
        response
            .headers_mut()
            .insert(LOCATION, HeaderValue::from_static(pages::AUTHENTICATOR));
        return Some(response);
    }
    // An application's steps and the applicant's applications need the account too (the
    // start page `/antrag/{slug}` is public: it says what the service needs).
    let is_application_page = path == crate::api::applications::pages::LIST
        || path.starts_with("/antraege/")
        || (path.starts_with("/antrag/") && path.trim_end_matches('/').matches('/').count() >= 3);
    let is_staff_page = ["/behoerde", "/verwaltung"]
        .iter()
        .any(|p| path == *p || path.starts_with(&format!("{p}/")));
    let is_mailbox_page = path == "/postfach" || path.starts_with("/postfach/");
    let is_account_page = path == pages::OVERVIEW
        || path.starts_with("/konto/")
        || is_application_page
        || is_staff_page
        || is_mailbox_page;
    let target = if !is_account_page {
        return None;
    } else if public.contains(&path) {
        let guest_only = path == pages::SIGN_IN || path == pages::REGISTER;
        if !(guest_only && context.account.is_some()) {
            return None;
        }
        pages::OVERVIEW.to_owned()
    } else if context.account.is_none() {
        let back = uri.path_and_query().map_or(path, |p| p.as_str());
        let reason = if context.session_expired {
            "&abgelaufen=1"
        } else {
            ""
        };
        format!(
            "{}?weiter={}{reason}",
            pages::SIGN_IN,
            crate::domain::url::encode_query_value(back)
        )
    } else {
        return None;
    };
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(location) = HeaderValue::from_str(&target) {
        response.headers_mut().insert(LOCATION, location);
    }
    Some(response)
}

fn query_value(query: &str, name: &str) -> Option<String> {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

fn is_gemeinde(value: &str) -> bool {
    Ags::parse(value).is_ok_and(|a| a.kind() == RegionKind::Gemeinde)
}

/// Gives server function errors their proper status: the framework answers every error
/// with 500, and a client's mistake is not the server's.
async fn server_fn_status(req: Request, next: Next) -> Response {
    let is_server_fn = req.uri().path().starts_with("/api/");
    let response = next.run(req).await;
    if !is_server_fn
        || response.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !response.headers().contains_key(SERVER_FN_ERROR_HEADER)
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = to_bytes(body, 64 * 1024).await.unwrap_or_default();
    let error = serde_json::from_slice::<AppError>(&bytes).unwrap_or(AppError::Internal {
        correlation_id: String::new(),
    });
    parts.status =
        StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    Response::from_parts(parts, Body::from(bytes))
}

async fn healthz() -> impl IntoResponse {
    Json(serde_json::json!({ "status": "ok" }))
}

/// Ready when the database answers; load balancers take the instance out otherwise.
async fn readyz(State(state): State<AppState>) -> Response {
    if state.db.is_ready().await {
        Json(serde_json::json!({ "status": "ready" })).into_response()
    } else {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(serde_json::json!({ "status": "database unavailable" })),
        )
            .into_response()
    }
}

#[derive(Deserialize)]
struct Back {
    zurueck: Option<String>,
}

/// The language switcher: plain links, so it works without JavaScript. Remembers the
/// choice for a year and returns to the page it came from.
async fn switch_language(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    Query(back): Query<Back>,
) -> Response {
    let Some(locale) = Locale::from_tag(&lang) else {
        return security::plain(StatusCode::NOT_FOUND, "Unknown language");
    };
    let target = back
        .zurueck
        .filter(|p| is_local_path(p))
        .unwrap_or_else(|| "/".into());
    let cookie = cookies::set(
        &state.config,
        LOCALE_COOKIE,
        locale.as_str(),
        365 * 24 * 3600,
        true,
    );
    let mut response = StatusCode::SEE_OTHER.into_response();
    for (name, value) in [(LOCATION, target), (SET_COOKIE, cookie)] {
        if let Ok(value) = HeaderValue::from_str(&value) {
            response.headers_mut().append(name, value);
        }
    }
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
    response
}

/// Only paths on this site: no scheme, no `//host`, no backslashes browsers might fold.
pub fn is_local_path(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && !path.contains('\\')
        && !path.chars().any(char::is_control)
}

#[cfg(test)]
mod tests {
    use super::is_local_path;

    #[test]
    fn only_local_paths_are_followed() {
        assert!(is_local_path("/barrierefreiheit?x=1#y"));
        for bad in [
            "https://evil.example",
            "//evil.example",
            "/\\evil.example",
            "evil",
            "/a\nb",
        ] {
            assert!(!is_local_path(bad), "{bad}");
        }
    }
}
