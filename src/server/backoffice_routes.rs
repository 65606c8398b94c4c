//! Back-office routes that are not pages: downloading a case's file (audited) and the
//! statistics as CSV. Both check the caseworker like the server functions do.

use crate::domain::account::TrustLevel;
use crate::server::auth::session::SessionState;
use crate::server::auth::{self, ClientIp, Event};
use crate::server::state::AppState;
use crate::server::{security, storage};
use axum::Extension;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE, LOCATION};
use std::collections::HashMap;

/// The signed-in caseworker's account and authorities, or the answer to give instead.
async fn caseworker(
    state: &AppState,
    session: &SessionState,
    back: &str,
) -> Result<(i64, Vec<String>), Response> {
    let Some(session) = session.active() else {
        let target = format!(
            "{}?weiter={}",
            crate::api::account::pages::SIGN_IN,
            crate::domain::url::encode_query_value(back)
        );
        return Err((StatusCode::SEE_OTHER, [(LOCATION, target)]).into_response());
    };
    if !session.role.is_staff() || session.trust_level != TrustLevel::Substantial {
        return Err(security::plain(StatusCode::FORBIDDEN, "Forbidden"));
    }
    match storage::members::authorities_of(&state.db, session.account_id).await {
        Ok(list) if !list.is_empty() => Ok((session.account_id, list)),
        Ok(_) => Err(security::plain(StatusCode::FORBIDDEN, "Forbidden")),
        Err(error) => {
            tracing::error!(%error, "reading memberships");
            Err(security::plain(
                StatusCode::INTERNAL_SERVER_ERROR,
                "Internal error",
            ))
        }
    }
}

/// `/behoerde/anlagen/{id}`: a file of a case of the caseworker's authorities; recorded in
/// the audit log with the case's reference.
pub async fn case_file(
    State(state): State<AppState>,
    Extension(session): Extension<SessionState>,
    Extension(ip): Extension<ClientIp>,
    Path(id): Path<String>,
) -> Response {
    let (account, authorities) =
        match caseworker(&state, &session, &crate::api::backoffice::pages::file(&id)).await {
            Ok(found) => found,
            Err(response) => return response,
        };
    if !auth::is_token(&id) {
        return security::plain(StatusCode::NOT_FOUND, "Not found");
    }
    let (file, reference) =
        match storage::attachments::of_authorities(&state.db, &authorities, &id).await {
            Ok(Some(found)) => found,
            Ok(None) => return security::plain(StatusCode::NOT_FOUND, "Not found"),
            Err(error) => {
                tracing::error!(%error, "reading an attachment");
                return security::plain(StatusCode::INTERNAL_SERVER_ERROR, "Internal error");
            }
        };
    if let Err(error) = auth::audit(
        &state.db,
        state.clock.now(),
        Event::CaseFileDownloaded,
        Some(account),
        None,
        &ip,
        Some(&format!("{reference} {}", file.public_id)),
    )
    .await
    {
        tracing::error!(%error, "auditing a download");
        return security::plain(StatusCode::INTERNAL_SERVER_ERROR, "Internal error");
    }
    crate::server::account_routes::file_response(&state, &file).await
}

/// One CSV field: quoted when it needs to be, and never read as a formula by spreadsheets.
fn csv_field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// `/behoerde/statistik.csv?behoerde=…&von=…&bis=…`: the statistics table, separated by
/// semicolons (as German spreadsheets expect), UTF-8 with a byte-order mark.
pub async fn statistics_csv(
    State(state): State<AppState>,
    Extension(session): Extension<SessionState>,
    context: Option<Extension<crate::ui::context::PageContext>>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    use crate::domain::applications::Status;
    let (_, authorities) =
        match caseworker(&state, &session, crate::api::backoffice::pages::STATISTICS).await {
            Ok(found) => found,
            Err(response) => return response,
        };
    let locale = context.map(|Extension(c)| c.locale).unwrap_or_default();
    let page = match crate::api::backoffice::support::statistics(
        &state,
        &authorities,
        params.get("behoerde").cloned(),
        params.get("von").cloned(),
        params.get("bis").cloned(),
    )
    .await
    {
        Ok(page) => page,
        Err(_) => return security::plain(StatusCode::INTERNAL_SERVER_ERROR, "Internal error"),
    };
    let text = |key: &str| crate::i18n::text(locale, key);
    let mut header = vec![text("inbox-service")];
    header.extend(
        Status::SUBMITTED
            .iter()
            .map(|s| text(&format!("status-{}", s.as_str()))),
    );
    header.extend([
        text("statistics-total"),
        text("statistics-decided"),
        format!("{} (h)", text("statistics-median")),
        format!("{} (h)", text("statistics-p90")),
    ]);
    let mut csv = String::from("\u{feff}");
    let line = |fields: Vec<String>| {
        fields
            .iter()
            .map(|f| csv_field(f))
            .collect::<Vec<_>>()
            .join(";")
            + "\r\n"
    };
    csv.push_str(&line(header));
    for row in &page.rows {
        let mut fields = vec![row.service_title.clone()];
        fields.extend(row.counts.iter().map(i64::to_string));
        fields.push(row.total.to_string());
        fields.push(row.decided.to_string());
        fields.push(row.median_hours.map(|h| h.to_string()).unwrap_or_default());
        fields.push(row.p90_hours.map(|h| h.to_string()).unwrap_or_default());
        csv.push_str(&line(fields));
    }
    let name = format!(
        "attachment; filename=\"statistik-{}-{}-{}.csv\"",
        page.authority
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect::<String>(),
        page.from,
        page.until
    );
    (
        [
            (CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (CONTENT_DISPOSITION, name),
            (CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        csv,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::csv_field;

    #[test]
    fn csv_fields_are_quoted_and_never_formulas() {
        assert_eq!(csv_field("Hundesteuer"), "Hundesteuer");
        assert_eq!(csv_field("A; B"), "\"A; B\"");
        assert_eq!(csv_field("Sag \"ja\""), "\"Sag \"\"ja\"\"\"");
        assert_eq!(csv_field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
    }
}
