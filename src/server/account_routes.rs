//! Account routes that are not pages: the data export (GDPR Art. 15/20), downloads of
//! one's own uploaded files and, in development, the mail outbox.

use crate::api::account::pages;
use crate::server::auth::session::{SessionState, recently_authenticated};
use crate::server::auth::{self, ClientIp, Event};
use crate::server::state::AppState;
use crate::server::{mail, security, storage};
use axum::Extension;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE, LOCATION};
use http::{HeaderValue, StatusCode};
use serde_json::json;

fn redirect(to: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(value) = HeaderValue::from_str(to) {
        response.headers_mut().insert(LOCATION, value);
    }
    response
}

/// Everything the portal stores about the signed-in person, as JSON. Needs the password
/// entered within the last minutes.
pub async fn export(
    State(state): State<AppState>,
    Extension(session): Extension<SessionState>,
    Extension(ip): Extension<ClientIp>,
) -> Response {
    let Some(session) = session.active() else {
        return redirect(&format!("{}?weiter={}", pages::SIGN_IN, pages::EXPORT));
    };
    let now = state.clock.now();
    if !recently_authenticated(&state.config.accounts, session, now) {
        return redirect(&format!("{}?weiter={}", pages::REAUTH, pages::EXPORT));
    }
    let data = async {
        let account = storage::accounts::get(&state.db, session.account_id).await?;
        let sessions = storage::sessions::list_for(&state.db, session.account_id).await?;
        let events = storage::audit::for_account(&state.db, session.account_id, 1000).await?;
        let profile = storage::profiles::get(&state.db, session.account_id).await?;
        Ok::<_, sqlx::Error>((account, sessions, events, profile))
    };
    let (account, sessions, events, profile) = match data.await {
        Ok((Some(account), sessions, events, profile)) => (account, sessions, events, profile),
        Ok((None, ..)) => return redirect(pages::SIGN_IN),
        Err(error) => {
            tracing::error!(%error, "exporting account data");
            return security::plain(StatusCode::INTERNAL_SERVER_ERROR, "Internal error");
        }
    };
    if let Err(error) = auth::audit(
        &state.db,
        now,
        Event::DataExported,
        Some(account.id),
        None,
        &ip,
        None,
    )
    .await
    {
        tracing::error!(%error, "auditing an export");
        return security::plain(StatusCode::INTERNAL_SERVER_ERROR, "Internal error");
    }
    let document = json!({
        "format": "serviceportal-account-export/1",
        "exported_at": now.0,
        "portal": state.config.site.name,
        "account": {
            "email": account.email,
            "email_verified_at": account.email_verified_at,
            "role": account.role.as_str(),
            "language": account.locale.as_str(),
            "created_at": account.created_at,
            "password_changed_at": account.password_changed_at,
        },
        "profile": crate::domain::profile::FIELDS
            .iter()
            .filter(|f| **f != "language")
            .map(|f| (f.to_string(), json!(profile.value(f))))
            .collect::<serde_json::Map<_, _>>(),
        "sessions": sessions.iter().map(|s| json!({
            "created_at": s.created_at,
            "last_seen_at": s.last_seen_at,
            "trust_level": s.trust_level.as_str(),
            "device": s.user_agent,
            "address": s.ip,
        })).collect::<Vec<_>>(),
        "security_events": events.iter().map(|e| json!({
            "at": e.at,
            "event": e.event,
            "address": e.ip,
        })).collect::<Vec<_>>(),
    });
    let body = serde_json::to_string_pretty(&document).unwrap_or_else(|_| "{}".into());
    (
        [
            (CONTENT_TYPE, "application/json; charset=utf-8"),
            (
                CONTENT_DISPOSITION,
                "attachment; filename=\"servicekonto.json\"",
            ),
            (CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

/// `/dev/mail`: the outbox, only without SMTP on a loopback address (development).
pub async fn dev_outbox(State(state): State<AppState>) -> Response {
    if !mail::dev_outbox(&state.config) {
        return security::plain(StatusCode::NOT_FOUND, "Not found");
    }
    let mails = match storage::mail::recent(&state.db, 50).await {
        Ok(mails) => mails,
        Err(error) => {
            tracing::error!(%error, "reading the outbox");
            return security::plain(StatusCode::INTERNAL_SERVER_ERROR, "Internal error");
        }
    };
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let items: String = mails
        .iter()
        .map(|m| {
            format!(
                "<article><h2>{}</h2><p>An: {}</p><pre>{}</pre></article>\n",
                escape(&m.subject),
                escape(&m.recipient),
                escape(&m.text_body)
            )
        })
        .collect();
    let html = format!(
        "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Postausgang (Entwicklung)</title></head><body><main>\
         <h1>Postausgang (Entwicklung)</h1><p>Ohne SMTP-Server bleiben Mails hier; die neueste zuerst.</p>\
         {items}</main></body></html>"
    );
    (
        [
            (CONTENT_TYPE, "text/html; charset=utf-8"),
            (CACHE_CONTROL, "no-store"),
        ],
        html,
    )
        .into_response()
}

/// One of the signed-in person's uploaded files (`/antraege/anlagen/{id}`), as a download;
/// anyone else's is "not found".
pub async fn attachment(
    State(state): State<AppState>,
    Extension(session): Extension<SessionState>,
    axum::extract::Path(id): axum::extract::Path<String>,
) -> Response {
    let Some(session) = session.active() else {
        return redirect(&format!("{}?weiter=/antraege", pages::SIGN_IN));
    };
    if !auth::is_token(&id) {
        return security::plain(StatusCode::NOT_FOUND, "Not found");
    }
    let found = match storage::attachments::of_account(&state.db, session.account_id, &id).await {
        Ok(Some(found)) => found,
        Ok(None) => return security::plain(StatusCode::NOT_FOUND, "Not found"),
        Err(error) => {
            tracing::error!(%error, "reading an attachment");
            return security::plain(StatusCode::INTERNAL_SERVER_ERROR, "Internal error");
        }
    };
    file_response(&state, &found).await
}

/// A stored file as a download: its type, `attachment` with the name, never cached.
pub async fn file_response(
    state: &AppState,
    found: &crate::server::storage::attachments::Attachment,
) -> Response {
    let bytes = match state.objects.get(&found.storage_key).await {
        Ok(bytes) => bytes,
        Err(error) => {
            tracing::error!(%error, "reading an attachment's object");
            return security::plain(StatusCode::INTERNAL_SERVER_ERROR, "Internal error");
        }
    };
    let encoded: String = found
        .file_name
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect();
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&found.content_type) {
        headers.insert(CONTENT_TYPE, value);
    }
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename*=UTF-8''{encoded}")) {
        headers.insert(CONTENT_DISPOSITION, value);
    }
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    response
}

/// The PDF receipt of one of the signed-in person's applications
/// (`/antraege/{reference}/empfangsbestaetigung.pdf`), in the language of the request.
pub async fn receipt(
    State(state): State<AppState>,
    Extension(session): Extension<SessionState>,
    context: Option<Extension<crate::ui::context::PageContext>>,
    axum::extract::Path(reference): axum::extract::Path<String>,
) -> Response {
    use crate::api::AppError;
    let Some(session) = session.active() else {
        return redirect(&format!("{}?weiter=/antraege", pages::SIGN_IN));
    };
    let locale = context.map(|Extension(c)| c.locale).unwrap_or_default();
    let view =
        match crate::api::applications::application_view(&state, session.account_id, &reference)
            .await
        {
            Ok(view) => view,
            Err(AppError::NotFound) => return security::plain(StatusCode::NOT_FOUND, "Not found"),
            Err(_) => return security::plain(StatusCode::INTERNAL_SERVER_ERROR, "Internal error"),
        };
    let receipt = crate::server::receipt::from_application(&view, &state.config.site.name, locale);
    let rendered =
        tokio::task::spawn_blocking(move || crate::server::receipt::render(&receipt)).await;
    let pdf = match rendered {
        Ok(Ok(pdf)) => pdf,
        Ok(Err(error)) => {
            tracing::error!(%error, "rendering a receipt");
            return security::plain(StatusCode::INTERNAL_SERVER_ERROR, "Internal error");
        }
        Err(error) => {
            tracing::error!(%error, "rendering a receipt");
            return security::plain(StatusCode::INTERNAL_SERVER_ERROR, "Internal error");
        }
    };
    let mut response = pdf.into_response();
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/pdf"));
    if let Ok(value) = HeaderValue::from_str(&format!(
        "attachment; filename=\"Empfangsbestaetigung-{reference}.pdf\""
    )) {
        headers.insert(CONTENT_DISPOSITION, value);
    }
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    response
}
