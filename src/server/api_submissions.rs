//! The API for the authorities' specialist systems (`/api/v1/submissions…`): pull the
//! submissions not yet taken, fetch one with its attachments, acknowledge it, and send
//! status changes and messages back into the portal.
//!
//! Every request carries `Authorization: Bearer <key>`. A key belongs to one authority and
//! has scopes (`read`, `status`, `messages`); it sees only that authority's submissions
//! (any other is "not found"). Keys are stored as hashes and can be revoked at once.

use crate::domain::applications::Status;
use crate::server::state::AppState;
use crate::server::storage;
use crate::server::storage::applications::Application;
use crate::server::storage::cases::{ActorRef, Moved};
use crate::server::storage::delivery::ApiKey;
use crate::server::submissions::{SubmissionDoc, document};
use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use http::{HeaderMap, StatusCode};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/submissions", get(list_submissions))
        .route("/api/v1/submissions/{id}", get(get_submission))
        .route(
            "/api/v1/submissions/{id}/attachments/{file}",
            get(get_attachment),
        )
        .route("/api/v1/submissions/{id}/ack", post(acknowledge))
        .route("/api/v1/submissions/{id}/status", post(set_status))
        .route("/api/v1/submissions/{id}/messages", post(post_message))
}

#[derive(OpenApi)]
#[openapi(
    paths(
        list_submissions,
        get_submission,
        get_attachment,
        acknowledge,
        set_status,
        post_message
    ),
    components(schemas(
        SubmissionList,
        SubmissionDoc,
        crate::server::submissions::ServiceRef,
        crate::server::submissions::FormRef,
        crate::server::submissions::Applicant,
        crate::server::submissions::AttachmentDoc,
        crate::server::submissions::MessageDoc,
        crate::server::submissions::WebhookPayload,
        StatusChange,
        NewMessage,
        Problem
    )),
    modifiers(&BearerKey)
)]
pub struct SubmissionsDoc;

struct BearerKey;

impl utoipa::Modify for BearerKey {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "api_key",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// A refused request, as JSON.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// `unauthorized`, `forbidden`, `not_found`, `bad_request`, `conflict`, `internal`.
    error: &'static str,
    /// What went wrong, in English, safe to show.
    message: String,
}

struct Refusal(StatusCode, &'static str, String);

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let mut response = (
            self.0,
            Json(Problem {
                error: self.1,
                message: self.2,
            }),
        )
            .into_response();
        if self.0 == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                http::header::WWW_AUTHENTICATE,
                http::HeaderValue::from_static("Bearer"),
            );
        }
        response
    }
}

fn refuse(status: StatusCode, message: &str) -> Refusal {
    let code = match status {
        StatusCode::UNAUTHORIZED => "unauthorized",
        StatusCode::FORBIDDEN => "forbidden",
        StatusCode::NOT_FOUND => "not_found",
        StatusCode::BAD_REQUEST => "bad_request",
        StatusCode::CONFLICT => "conflict",
        _ => "internal",
    };
    Refusal(status, code, message.to_owned())
}

fn internal(what: &str, e: impl std::fmt::Display) -> Refusal {
    let id = uuid::Uuid::new_v4().simple().to_string();
    tracing::error!(correlation_id = %id, what, error = %e, "submissions api failed");
    Refusal(
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal",
        format!("internal error, reference {id}"),
    )
}

/// The key of the request with `scope`: 401 without a valid key, 403 without the scope.
async fn key(state: &AppState, headers: &HeaderMap, scope: &str) -> Result<ApiKey, Refusal> {
    let token = headers
        .get(http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| t.starts_with("sp_") && t.len() < 200)
        .ok_or_else(|| refuse(StatusCode::UNAUTHORIZED, "an API key is required"))?;
    let key = storage::delivery::key_by_hash(
        &state.db,
        &crate::server::auth::token_hash(token),
        state.clock.now(),
    )
    .await
    .map_err(|e| internal("reading a key", e))?
    .ok_or_else(|| refuse(StatusCode::UNAUTHORIZED, "unknown or revoked API key"))?;
    if !key.scopes.iter().any(|s| s == scope) {
        return Err(refuse(
            StatusCode::FORBIDDEN,
            &format!("this key lacks the scope `{scope}`"),
        ));
    }
    Ok(key)
}

/// A submission of the key's authority.
async fn submission(state: &AppState, key: &ApiKey, id: &str) -> Result<Application, Refusal> {
    if !crate::domain::applications::is_reference(id) {
        return Err(refuse(StatusCode::NOT_FOUND, "no such submission"));
    }
    storage::cases::by_reference(&state.db, std::slice::from_ref(&key.authority_id), id)
        .await
        .map_err(|e| internal("reading a submission", e))?
        .ok_or_else(|| refuse(StatusCode::NOT_FOUND, "no such submission"))
}

/// Submissions not acknowledged yet.
#[derive(Debug, Serialize, ToSchema)]
pub struct SubmissionList {
    /// Oldest first, at most 50; acknowledge them to get the next ones.
    items: Vec<SubmissionDoc>,
}

/// The submissions of the key's authority that were not acknowledged yet.
#[utoipa::path(get, path = "/api/v1/submissions", tag = "submissions",
    security(("api_key" = [])),
    responses((status = 200, body = SubmissionList), (status = 401, body = Problem), (status = 403, body = Problem)))]
async fn list_submissions(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let result: Result<Response, Refusal> = async {
        let key = key(&state, &headers, "read").await?;
        let pending = storage::delivery::unacknowledged(&state.db, &key.authority_id, 50)
            .await
            .map_err(|e| internal("listing submissions", e))?;
        let mut items = Vec::new();
        for delivery in pending {
            if let Some(application) = storage::cases::by_id(&state.db, delivery.application_id)
                .await
                .map_err(|e| internal("reading a submission", e))?
            {
                items.push(
                    document(&state, &application)
                        .await
                        .map_err(|e| internal("reading a submission", e))?,
                );
            }
        }
        Ok(Json(SubmissionList { items }).into_response())
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

/// One submission with its status, answers, attachments and messages.
#[utoipa::path(get, path = "/api/v1/submissions/{id}", tag = "submissions",
    security(("api_key" = [])),
    params(("id" = String, Path, description = "The reference number")),
    responses((status = 200, body = SubmissionDoc), (status = 404, body = Problem)))]
async fn get_submission(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let result: Result<Response, Refusal> = async {
        let key = key(&state, &headers, "read").await?;
        let application = submission(&state, &key, &id).await?;
        let doc = document(&state, &application)
            .await
            .map_err(|e| internal("reading a submission", e))?;
        Ok(Json(doc).into_response())
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

/// The bytes of an attachment (its SHA-256 is in the submission).
#[utoipa::path(get, path = "/api/v1/submissions/{id}/attachments/{file}", tag = "submissions",
    security(("api_key" = [])),
    params(("id" = String, Path), ("file" = String, Path)),
    responses((status = 200, description = "The file", content_type = "application/octet-stream"), (status = 404, body = Problem)))]
async fn get_attachment(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((id, file)): Path<(String, String)>,
) -> Response {
    let result: Result<Response, Refusal> = async {
        let key = key(&state, &headers, "read").await?;
        let application = submission(&state, &key, &id).await?;
        let found = storage::attachments::of_application(&state.db, application.id)
            .await
            .map_err(|e| internal("reading attachments", e))?
            .into_iter()
            .find(|a| a.public_id == file)
            .ok_or_else(|| refuse(StatusCode::NOT_FOUND, "no such attachment"))?;
        Ok(crate::server::account_routes::file_response(&state, &found).await)
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

/// The specialist system has taken the submission: it leaves the list. Harmless twice.
#[utoipa::path(post, path = "/api/v1/submissions/{id}/ack", tag = "submissions",
    security(("api_key" = [])),
    params(("id" = String, Path)),
    responses((status = 204, description = "Acknowledged"), (status = 404, body = Problem)))]
async fn acknowledge(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let result: Result<Response, Refusal> = async {
        let key = key(&state, &headers, "read").await?;
        let application = submission(&state, &key, &id).await?;
        storage::delivery::acknowledge(
            &state.db,
            &key.authority_id,
            application.id,
            state.clock.now(),
        )
        .await
        .map_err(|e| internal("acknowledging", e))?;
        Ok(StatusCode::NO_CONTENT.into_response())
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

/// A status change from the specialist system, with an optional message to the applicant
/// (needed for `query`, `approved` and `rejected`).
#[derive(Debug, Deserialize, ToSchema)]
pub struct StatusChange {
    /// `in-progress`, `query`, `approved` or `rejected`.
    status: String,
    message: Option<NewMessage>,
}

/// A message to the applicant.
#[derive(Debug, Deserialize, ToSchema)]
pub struct NewMessage {
    subject: String,
    body: String,
}

/// Moves the submission on, as the workflow allows (409 otherwise).
#[utoipa::path(post, path = "/api/v1/submissions/{id}/status", tag = "submissions",
    security(("api_key" = [])),
    params(("id" = String, Path)),
    request_body = StatusChange,
    responses((status = 200, body = SubmissionDoc), (status = 400, body = Problem), (status = 409, body = Problem)))]
async fn set_status(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Result<Json<StatusChange>, axum::extract::rejection::JsonRejection>,
) -> Response {
    let result: Result<Response, Refusal> = async {
        let key = key(&state, &headers, "status").await?;
        let Json(change) =
            body.map_err(|_| refuse(StatusCode::BAD_REQUEST, "expected {status, message?}"))?;
        let application = submission(&state, &key, &id).await?;
        let to = Status::parse(&change.status)
            .filter(|s| !matches!(s, Status::Draft | Status::Submitted | Status::Withdrawn))
            .ok_or_else(|| refuse(StatusCode::BAD_REQUEST, "unknown status"))?;
        let actor = ActorRef::System(key.id);
        match (to, change.message) {
            (Status::InProgress, None) => {
                let moved = storage::cases::move_status(
                    &state.db,
                    &application,
                    to,
                    actor,
                    None,
                    state.clock.now(),
                )
                .await
                .map_err(|e| internal("changing a status", e))?;
                if moved == Moved::NotAllowed {
                    return Err(refuse(
                        StatusCode::CONFLICT,
                        "not allowed from the current status",
                    ));
                }
            }
            (_, None) => {
                return Err(refuse(
                    StatusCode::BAD_REQUEST,
                    "this status needs a message to the applicant",
                ));
            }
            (to, Some(message)) => {
                write(&state, &application, actor, Some(to), &message).await?;
            }
        }
        let application = submission(&state, &key, &id).await?;
        let doc = document(&state, &application)
            .await
            .map_err(|e| internal("reading a submission", e))?;
        Ok(Json(doc).into_response())
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

/// A message to the applicant, into the Postfach of the submission.
#[utoipa::path(post, path = "/api/v1/submissions/{id}/messages", tag = "submissions",
    security(("api_key" = [])),
    params(("id" = String, Path)),
    request_body = NewMessage,
    responses((status = 201, description = "Sent"), (status = 400, body = Problem), (status = 409, body = Problem)))]
async fn post_message(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Result<Json<NewMessage>, axum::extract::rejection::JsonRejection>,
) -> Response {
    let result: Result<Response, Refusal> = async {
        let key = key(&state, &headers, "messages").await?;
        let Json(message) =
            body.map_err(|_| refuse(StatusCode::BAD_REQUEST, "expected {subject, body}"))?;
        let application = submission(&state, &key, &id).await?;
        if application.status.is_final() {
            return Err(refuse(StatusCode::CONFLICT, "the submission is closed"));
        }
        write(
            &state,
            &application,
            ActorRef::System(key.id),
            None,
            &message,
        )
        .await?;
        Ok(StatusCode::CREATED.into_response())
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

async fn write(
    state: &AppState,
    application: &Application,
    actor: ActorRef,
    to: Option<Status>,
    message: &NewMessage,
) -> Result<(), Refusal> {
    use crate::api::mailbox::support::{Refused, post};
    let outcome = post(
        state,
        application,
        actor,
        to,
        &message.subject,
        &message.body,
        Vec::new(),
    )
    .await
    .map_err(|e| internal("storing a message", format!("{e:?}")))?;
    match outcome {
        Ok(()) => Ok(()),
        Err(Refused::Status) => Err(refuse(
            StatusCode::CONFLICT,
            "not allowed from the current status",
        )),
        Err(Refused::Fields(_)) => Err(refuse(
            StatusCode::BAD_REQUEST,
            "subject (at most 150 characters) and body (at most 10000) are required",
        )),
    }
}
