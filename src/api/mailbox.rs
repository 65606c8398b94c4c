//! The Postfach (`/postfach`): the applicant's threads (one per application, plus general
//! messages of the portal) with unread counts, replying and answering a query with files,
//! and withdrawing an application. Also the one way messages from the authority are
//! stored (by a caseworker or a specialist system), with the mail that tells the applicant.

use crate::api::AppError;
use crate::api::backoffice::{EventView, MessageView};
use crate::domain::applications::Status;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub mod pages {
    pub const MAILBOX: &str = "/postfach";
    /// The general messages of the portal.
    pub const GENERAL: &str = "/postfach/allgemein";

    pub fn thread(reference: &str) -> String {
        format!("/postfach/{reference}")
    }
}

/// Flash kinds of the thread page's forms.
pub const REPLY_FLASH: &str = "reply";
pub const WITHDRAW_FLASH: &str = "withdraw";

/// One thread in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadItem {
    /// `None` for the general messages.
    pub reference: Option<String>,
    pub title: String,
    pub last_subject: String,
    pub last_at: i64,
    pub messages: i64,
    pub unread: i64,
}

/// One thread with its messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadPage {
    pub reference: Option<String>,
    pub title: String,
    pub status: Option<Status>,
    pub authority_name: Option<String>,
    pub messages: Vec<MessageView>,
    /// The applicant may write (an application that is not final).
    pub can_reply: bool,
    /// The authority waits for an answer.
    pub query_open: bool,
    pub can_withdraw: bool,
    pub timeline: Vec<EventView>,
}

#[cfg(feature = "ssr")]
pub(crate) mod support {
    use super::*;
    use crate::api::account::support::{audit, internal};
    use crate::api::uploads::{Upload, allowed_type, sha256};
    use crate::domain::applications::Actor;
    use crate::domain::fields::ErrorCode;
    use crate::server::auth::Event;
    use crate::server::state::AppState;
    use crate::server::storage;
    use crate::server::storage::applications::Application;
    use crate::server::storage::attachments::Attachment;
    use crate::server::storage::cases::ActorRef;
    use crate::server::storage::messages::{NewMessage, Sender, Stored};
    use crate::server::{auth, flash, request};

    /// Why a message was not stored, for the form that sent it.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum Refused {
        Fields(Vec<(&'static str, ErrorCode)>),
        /// The status change is not allowed (any more) from the case's status.
        Status,
    }

    /// A message of the authority or the applicant with its files and status change:
    /// checked, the files stored, then one transaction for the message, its files, the
    /// status, the timeline and the outbox; then the mail to the applicant.
    pub async fn post(
        state: &AppState,
        application: &Application,
        actor: ActorRef,
        to_status: Option<Status>,
        subject: &str,
        body: &str,
        uploads: Vec<Upload>,
    ) -> Result<Result<(), Refused>, AppError> {
        let mut errors: Vec<(&'static str, ErrorCode)> =
            crate::domain::backoffice::check_message(subject, body).errors;
        let limits = &state.config.applications;
        let existing = storage::attachments::of_application(&state.db, application.id)
            .await
            .map_err(internal("reading attachments"))?;
        if uploads.len() + existing.len() > limits.max_files {
            errors.push(("file", ErrorCode::TooManyFiles));
        }
        let mut files = Vec::new();
        let mut total: usize = existing.iter().map(|a| a.size_bytes as usize).sum();
        for upload in uploads {
            let Some(bytes) = upload.bytes else {
                errors.push(("file", ErrorCode::FileTooLarge));
                continue;
            };
            let Some(content_type) = allowed_type(&bytes) else {
                errors.push(("file", ErrorCode::FileType));
                continue;
            };
            total += bytes.len();
            if total > limits.max_total_bytes {
                errors.push(("file", ErrorCode::FileTooLarge));
                continue;
            }
            files.push((upload.file_name, content_type, bytes));
        }
        if let Some(to) = to_status
            && !application.status.may_become(to, actor.side())
        {
            return Ok(Err(Refused::Status));
        }
        if !errors.is_empty() {
            errors.dedup();
            return Ok(Err(Refused::Fields(errors)));
        }
        let now = state.clock.now();
        let mut stored_files = Vec::new();
        for (file_name, content_type, bytes) in files {
            let public_id = auth::random_token()
                .map_err(|e| request::fail(request::internal("drawing an id", e)))?;
            let attachment = Attachment {
                storage_key: format!("applications/{}/{public_id}", application.public_id),
                public_id,
                field_path: String::new(),
                message_id: None,
                file_name: crate::api::applications::safe_file_name(&file_name),
                content_type: content_type.to_owned(),
                size_bytes: bytes.len() as i64,
                sha256: sha256(&bytes),
                created_at: now.0,
            };
            if let Err(e) = state.objects.put(&attachment.storage_key, bytes).await {
                forget(state, &stored_files).await;
                return Err(request::fail(request::internal("storing a file", e)));
            }
            stored_files.push(attachment);
        }
        let sender = match actor {
            ActorRef::Applicant(_) => Sender::Applicant,
            ActorRef::Portal => Sender::Portal,
            _ => Sender::Authority,
        };
        let public_id = auth::random_token()
            .map_err(|e| request::fail(request::internal("drawing an id", e)))?;
        let stored = match storage::messages::insert(
            &state.db,
            &NewMessage {
                public_id: &public_id,
                account_id: application.account_id,
                application_id: Some(application.id),
                sender,
                author_id: match actor {
                    ActorRef::Caseworker(id) => Some(id),
                    _ => None,
                },
                subject: subject.trim(),
                body: body.trim(),
                now,
                actor,
                status_change: to_status.map(|to| (application.status, to)),
                deliver_to: (sender == Sender::Applicant)
                    .then_some(application.authority_id.as_deref())
                    .flatten(),
                files: &stored_files,
            },
        )
        .await
        {
            Ok(stored) => stored,
            Err(error) => {
                forget(state, &stored_files).await;
                return Err(internal("storing a message")(error));
            }
        };
        if stored == Stored::StatusChanged {
            forget(state, &stored_files).await;
            return Ok(Err(Refused::Status));
        }
        if sender == Sender::Applicant {
            state.delivery_wakeup.notify_one();
        } else if let Some(account_id) = application.account_id {
            notify_applicant(state, account_id, application).await?;
        }
        Ok(Ok(()))
    }

    /// Removes files stored for a message that was not written after all.
    async fn forget(state: &AppState, files: &[Attachment]) {
        for file in files {
            if let Err(error) = state.objects.delete(&file.storage_key).await {
                tracing::warn!(%error, "a file of an unwritten message stays behind");
            }
        }
    }

    /// Tells the applicant by mail that a message waits in the Postfach (never what it
    /// says).
    pub async fn notify_applicant(
        state: &AppState,
        account_id: i64,
        application: &Application,
    ) -> Result<(), AppError> {
        let Some(account) = storage::accounts::get(&state.db, account_id)
            .await
            .map_err(internal("reading an account"))?
        else {
            return Ok(());
        };
        let reference = application.reference.clone().unwrap_or_default();
        let mail = crate::server::mail::Mail::NewMessage {
            reference: reference.clone(),
            link: format!(
                "{}{}",
                state.config.site.base_url,
                pages::thread(&reference)
            ),
        };
        crate::server::mail::send(
            state,
            &account.email,
            account.locale,
            &mail,
            state.clock.now(),
        )
        .await
        .map_err(internal("queueing mail"))
    }

    /// A caseworker's message from the case page (plain form or script): authorized,
    /// checked, and back to the case.
    pub async fn write_as_authority(
        state: &AppState,
        reference: &str,
        status: &str,
        subject: &str,
        body: &str,
        uploads: Vec<Upload>,
    ) -> Result<(), AppError> {
        use crate::api::backoffice::{MESSAGE_FLASH, pages as office};
        let here = office::case(reference);
        let (session, mine) = crate::api::backoffice::support::caseworker(state, &here).await?;
        let application = crate::api::backoffice::support::case(state, &mine, reference)
            .await
            .map_err(request::fail)?;
        let to_status = match status.trim() {
            "" => None,
            s => match Status::parse(s) {
                Some(to @ (Status::Query | Status::Approved | Status::Rejected)) => Some(to),
                _ => return Err(request::fail(AppError::BadRequest)),
            },
        };
        let outcome = post(
            state,
            &application,
            ActorRef::Caseworker(session.account_id),
            to_status,
            subject,
            body,
            uploads,
        )
        .await?;
        match outcome {
            Ok(()) => {
                audit(
                    state,
                    Event::CaseMessageSent,
                    Some(session.account_id),
                    Some(reference),
                )
                .await?;
                flash::clear(state, MESSAGE_FLASH).await;
                request::see_other(&format!("{here}#nachrichten"));
                Ok(())
            }
            Err(refused) => Err(refuse(
                state,
                MESSAGE_FLASH,
                &here,
                refused,
                &[("subject", subject), ("body", body), ("status", status)],
            )
            .await),
        }
    }

    /// Sends a refused message form back with what was typed.
    pub async fn refuse(
        state: &AppState,
        kind: &str,
        page: &str,
        refused: Refused,
        values: &[(&str, &str)],
    ) -> AppError {
        let mut errors = crate::domain::fields::FieldErrors::new();
        match refused {
            Refused::Fields(list) => {
                for (field, code) in list {
                    errors.push(field, code);
                }
            }
            Refused::Status => errors.push("form", ErrorCode::Conflict),
        }
        crate::api::account::support::refuse(state, kind, page, values, errors).await
    }

    /// A submitted application of the signed-in applicant.
    pub async fn own(
        state: &AppState,
        account_id: i64,
        reference: &str,
    ) -> Result<Application, AppError> {
        if !crate::domain::applications::is_reference(reference) {
            return Err(AppError::NotFound);
        }
        storage::applications::by_reference(&state.db, account_id, reference)
            .await
            .map_err(internal("reading an application"))?
            .filter(|a| a.status != Status::Draft)
            .ok_or(AppError::NotFound)
    }

    pub fn can_reply(status: Status) -> bool {
        !status.is_final()
    }

    pub fn can_withdraw(status: Status) -> bool {
        status.may_become(Status::Withdrawn, Actor::Applicant)
    }
}

/// The applicant's threads.
#[server(endpoint = "mailbox/threads", input = leptos::server_fn::codec::GetUrl)]
pub async fn load_mailbox() -> Result<Vec<ThreadItem>, AppError> {
    use crate::api::account::support::internal;
    use crate::server::{request, storage};

    let state = request::state().map_err(request::fail)?;
    let session = crate::api::applications::support::applicant(pages::MAILBOX)?;
    let threads = storage::messages::threads(&state.db, session.account_id)
        .await
        .map_err(internal("reading the Postfach"))?;
    let locale = request::locale();
    let mut items = Vec::new();
    for t in threads {
        let title = match &t.service_slug {
            Some(slug) => storage::catalogue::get_service(&state.db, slug)
                .await
                .map_err(internal("reading a service"))?
                .map_or_else(|| slug.clone(), |s| s.title),
            None => crate::i18n::text(locale, "mailbox-general"),
        };
        items.push(ThreadItem {
            reference: t.reference,
            title,
            last_subject: t.last_subject,
            last_at: t.last_at,
            messages: t.messages,
            unread: t.unread,
        });
    }
    Ok(items)
}

/// One thread (`reference`: an application's, or empty for the general messages);
/// opening it marks the messages to the applicant as read.
#[server(endpoint = "mailbox/thread", input = leptos::server_fn::codec::GetUrl)]
pub async fn load_thread(reference: String) -> Result<ThreadPage, AppError> {
    use crate::api::account::support::internal;
    use crate::server::storage::messages::Sender;
    use crate::server::{request, storage};
    use support::*;

    let state = request::state().map_err(request::fail)?;
    let back = if reference.is_empty() {
        pages::GENERAL.to_owned()
    } else {
        pages::thread(&reference)
    };
    let session = crate::api::applications::support::applicant(&back)?;
    let now = state.clock.now();
    if reference.is_empty() {
        let messages = storage::messages::general(&state.db, session.account_id)
            .await
            .map_err(internal("reading messages"))?;
        storage::messages::mark_read(
            &state.db,
            Some(session.account_id),
            None,
            Sender::Applicant,
            now,
        )
        .await
        .map_err(internal("marking messages read"))?;
        return Ok(ThreadPage {
            reference: None,
            title: crate::i18n::text(request::locale(), "mailbox-general"),
            status: None,
            authority_name: None,
            messages: messages
                .into_iter()
                .map(|m| MessageView {
                    id: m.public_id,
                    sender: m.sender.as_str().to_owned(),
                    author: None,
                    subject: m.subject,
                    body: m.body,
                    sent_at: m.sent_at,
                    files: Vec::new(),
                })
                .collect(),
            can_reply: false,
            query_open: false,
            can_withdraw: false,
            timeline: Vec::new(),
        });
    }
    let application = own(&state, session.account_id, &reference).await?;
    let title = storage::catalogue::get_service(&state.db, &application.service_slug)
        .await
        .map_err(internal("reading a service"))?
        .map_or_else(|| application.service_slug.clone(), |s| s.title);
    let authority_name = match &application.authority_id {
        Some(id) => storage::catalogue::get_authority(&state.db, id)
            .await
            .map_err(internal("reading an authority"))?
            .map(|a| a.name),
        None => None,
    };
    let messages = crate::api::backoffice::support::thread(&state, application.id, false).await?;
    let timeline = crate::api::backoffice::support::timeline(&state, application.id, false).await?;
    storage::messages::mark_read(
        &state.db,
        None,
        Some(application.id),
        Sender::Applicant,
        now,
    )
    .await
    .map_err(internal("marking messages read"))?;
    Ok(ThreadPage {
        reference: Some(reference),
        title,
        status: Some(application.status),
        authority_name,
        messages,
        can_reply: can_reply(application.status),
        query_open: application.status == Status::Query,
        can_withdraw: can_withdraw(application.status),
        timeline,
    })
}

/// The applicant writes in an application's thread, with files; while the authority
/// waits for an answer (`query`), this answers it and the case goes back to the authority.
/// Posted as `multipart/form-data` (`reference`, `subject`, `body`, `file`).
#[server(endpoint = "mailbox/reply", input = leptos::server_fn::codec::MultipartFormData)]
pub async fn reply(data: leptos::server_fn::codec::MultipartData) -> Result<(), AppError> {
    use crate::api::account::support::audit;
    use crate::server::auth::Event;
    use crate::server::storage::cases::ActorRef;
    use crate::server::{flash, request};
    use support::*;

    let state = request::state().map_err(request::fail)?;
    // Strangers are turned away before their files are read.
    crate::api::applications::support::applicant(pages::MAILBOX)?;
    let (texts, uploads) =
        crate::api::uploads::read(data, state.config.applications.max_file_bytes).await?;
    let field = |name: &str| texts.get(name).cloned().unwrap_or_default();
    let reference = field("reference");
    let here = pages::thread(&reference);
    let session = crate::api::applications::support::applicant(&here)?;
    let application = own(&state, session.account_id, &reference)
        .await
        .map_err(request::fail)?;
    if !can_reply(application.status) {
        return Err(request::fail(AppError::Conflict));
    }
    let to_status = (application.status == Status::Query).then_some(Status::InProgress);
    let (subject, body) = (field("subject"), field("body"));
    let outcome = post(
        &state,
        &application,
        ActorRef::Applicant(Some(session.account_id)),
        to_status,
        &subject,
        &body,
        uploads,
    )
    .await?;
    match outcome {
        Ok(()) => {
            audit(
                &state,
                Event::MessageSent,
                Some(session.account_id),
                Some(&reference),
            )
            .await?;
            flash::clear(&state, REPLY_FLASH).await;
            let _ = flash::store(
                &state,
                crate::api::account::NOTICE_FLASH,
                &"message-sent".to_owned(),
            )
            .await;
            request::see_other(&here);
            Ok(())
        }
        Err(refused) => Err(refuse(
            &state,
            REPLY_FLASH,
            &here,
            refused,
            &[("subject", &subject), ("body", &body)],
        )
        .await),
    }
}

/// Withdraws an application that is not decided yet (the box must be ticked).
#[server(endpoint = "mailbox/withdraw")]
pub async fn withdraw_application(
    reference: String,
    confirm: Option<String>,
) -> Result<(), AppError> {
    use crate::api::account::support::{audit, internal};
    use crate::domain::fields::{ErrorCode, FieldErrors};
    use crate::server::auth::Event;
    use crate::server::storage::cases::{ActorRef, Moved, move_status};
    use crate::server::{flash, request};
    use support::*;

    let state = request::state().map_err(request::fail)?;
    let here = pages::thread(&reference);
    let session = crate::api::applications::support::applicant(&here)?;
    let application = own(&state, session.account_id, &reference)
        .await
        .map_err(request::fail)?;
    if confirm.as_deref() != Some("ja") {
        let mut errors = FieldErrors::new();
        errors.push("confirm", ErrorCode::Required);
        return Err(crate::api::account::support::refuse(
            &state,
            WITHDRAW_FLASH,
            &here,
            &[],
            errors,
        )
        .await);
    }
    let moved = move_status(
        &state.db,
        &application,
        Status::Withdrawn,
        ActorRef::Applicant(Some(session.account_id)),
        None,
        state.clock.now(),
    )
    .await
    .map_err(internal("withdrawing an application"))?;
    if moved == Moved::NotAllowed {
        return Err(request::fail(AppError::Conflict));
    }
    state.delivery_wakeup.notify_one();
    audit(
        &state,
        Event::ApplicationWithdrawn,
        Some(session.account_id),
        Some(&reference),
    )
    .await?;
    flash::clear(&state, WITHDRAW_FLASH).await;
    let _ = flash::store(
        &state,
        crate::api::account::NOTICE_FLASH,
        &"application-withdrawn".to_owned(),
    )
    .await;
    request::see_other(&here);
    Ok(())
}
