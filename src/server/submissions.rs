//! A submitted application as the authority's specialist system receives it: the same
//! document in the webhook payload and from `GET /api/v1/submissions/{id}`. It carries the
//! frozen answers, the form version, the status, the messages and links to the attachments
//! with their checksums.

use crate::server::state::AppState;
use crate::server::storage;
use crate::server::storage::applications::Application;
use serde::Serialize;
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// A submission. `id` is its reference number: stable, unique, and what idempotent
/// receivers key on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct SubmissionDoc {
    /// The reference number, e.g. `SL-2026-000042`.
    pub id: String,
    /// `submitted`, `in-progress`, `query`, `approved`, `rejected`, `withdrawn`.
    pub status: String,
    pub service: ServiceRef,
    pub form: FormRef,
    /// Unix seconds (UTC).
    pub submitted_at: i64,
    pub authority_id: String,
    /// The Gemeinde the application is for (official key).
    pub gemeinde_ags: Option<String>,
    pub applicant: Applicant,
    /// Answers by field path (`anschrift.postcode`, `hunde.0.name`), as the form version
    /// defines them.
    pub answers: BTreeMap<String, String>,
    pub attachments: Vec<AttachmentDoc>,
    pub messages: Vec<MessageDoc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct ServiceRef {
    pub slug: String,
    pub title: String,
    /// The federal LeiKa key, where known.
    pub leika: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct FormRef {
    pub id: String,
    pub version: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Applicant {
    /// The confirmed address the application was sent with.
    pub email: Option<String>,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct AttachmentDoc {
    pub id: String,
    /// The form field it belongs to; empty for a file that came with a message.
    pub field: String,
    /// The message it came with, if any.
    pub message_id: Option<String>,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    /// SHA-256 of the bytes, hex.
    pub sha256: String,
    /// Where to fetch it (the same API key).
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct MessageDoc {
    pub id: String,
    /// `applicant`, `authority` or `portal`.
    pub sender: String,
    pub subject: String,
    pub body: String,
    /// Unix seconds (UTC).
    pub sent_at: i64,
}

/// The body of a webhook delivery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct WebhookPayload {
    /// `submitted`, `withdrawn` or `message`.
    pub event: String,
    /// The outbox row: the same number on every retry of this delivery.
    pub delivery_id: i64,
    pub submission: SubmissionDoc,
}

/// The address of a submission in the API.
pub fn api_path(reference: &str) -> String {
    format!("/api/v1/submissions/{reference}")
}

/// The document of a submitted application.
pub async fn document(
    state: &AppState,
    application: &Application,
) -> Result<SubmissionDoc, sqlx::Error> {
    let reference = application.reference.clone().unwrap_or_default();
    let service = storage::catalogue::get_service(&state.db, &application.service_slug).await?;
    let files = storage::attachments::of_application(&state.db, application.id).await?;
    let messages = storage::messages::of_application(&state.db, application.id).await?;
    let base = format!("{}{}", state.config.site.base_url, api_path(&reference));
    let message_ids: BTreeMap<i64, String> = messages
        .iter()
        .map(|m| (m.id, m.public_id.clone()))
        .collect();
    let applicant = storage::cases::applicant_contact(&state.db, application.id).await?;
    Ok(SubmissionDoc {
        id: reference.clone(),
        status: application.status.as_str().to_owned(),
        service: ServiceRef {
            slug: application.service_slug.clone(),
            title: service
                .as_ref()
                .map_or_else(|| application.service_slug.clone(), |s| s.title.clone()),
            leika: service.and_then(|s| s.leika),
        },
        form: FormRef {
            id: application.form_id.clone(),
            version: application.form_version,
        },
        submitted_at: application.submitted_at.unwrap_or(application.created_at),
        authority_id: application.authority_id.clone().unwrap_or_default(),
        gemeinde_ags: application.gemeinde_ags.clone(),
        applicant: Applicant {
            email: applicant.email,
            name: applicant.name,
        },
        answers: application.answers.0.clone(),
        attachments: files
            .into_iter()
            .map(|f| AttachmentDoc {
                url: format!("{base}/attachments/{}", f.public_id),
                id: f.public_id,
                field: f.field_path,
                message_id: f.message_id.and_then(|id| message_ids.get(&id).cloned()),
                file_name: f.file_name,
                content_type: f.content_type,
                size_bytes: f.size_bytes,
                sha256: f.sha256,
            })
            .collect(),
        messages: messages
            .into_iter()
            .map(|m| MessageDoc {
                id: m.public_id,
                sender: m.sender.as_str().to_owned(),
                subject: m.subject,
                body: m.body,
                sent_at: m.sent_at,
            })
            .collect(),
    })
}
