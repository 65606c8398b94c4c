//! Background housekeeping, running beside the server until shutdown.

use crate::server::state::AppState;
use crate::server::storage;
use std::time::Duration;
use tokio::sync::watch;

const PURGE_EVERY: Duration = Duration::from_secs(300);

/// Every five minutes: removes expired form flashes, reminds applicants of drafts about to
/// expire, deletes expired drafts with their files and removes accounts never confirmed.
pub fn spawn(state: AppState, mut stop: watch::Receiver<bool>) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(PURGE_EVERY);
        loop {
            tokio::select! {
                _ = tick.tick() => {}
                _ = stop.changed() => return,
            }
            match storage::flash::purge_expired(&state.db, state.clock.now()).await {
                Ok(0) => {}
                Ok(n) => tracing::debug!(removed = n, "purged expired form flashes"),
                Err(error) => tracing::warn!(%error, "purging form flashes failed"),
            }
            if let Err(error) = tidy_drafts(&state).await {
                tracing::warn!(%error, "tidying drafts failed");
            }
            match forget_unconfirmed_accounts(&state).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(removed = n, "removed accounts never confirmed"),
                Err(error) => tracing::warn!(%error, "removing unconfirmed accounts failed"),
            }
        }
    })
}

/// What [`tidy_drafts`] did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Tidied {
    pub reminded: usize,
    pub deleted: u64,
}

/// Mails a reminder for every draft that expires within `applications.draft_reminder_days`
/// (once per draft, and again only after it was saved anew), then deletes the drafts that
/// expired, their files first.
pub async fn tidy_drafts(state: &AppState) -> Result<Tidied, sqlx::Error> {
    use crate::server::mail::{self, Mail};
    let now = state.clock.now();
    let config = &state.config.applications;
    let due = storage::applications::drafts_to_remind(
        &state.db,
        now,
        config.draft_reminder_days * 86_400,
    )
    .await?;
    let mut tidied = Tidied::default();
    for (id, account_id, service, expires_at) in due {
        let Some(account) = storage::accounts::get(&state.db, account_id).await? else {
            continue;
        };
        let title = storage::catalogue::get_service(&state.db, &service)
            .await?
            .map_or_else(|| service.clone(), |s| s.title);
        let reminder = Mail::DraftReminder {
            service: title,
            until: crate::domain::time::format_date_time(expires_at, account.locale),
            link: format!(
                "{}{}",
                state.config.site.base_url,
                crate::api::applications::pages::start(&service)
            ),
        };
        mail::send(state, &account.email, account.locale, &reminder, now).await?;
        // The same notice in the Postfach, among the portal's general messages.
        let (subject, body, _) = reminder.render(account.locale, &state.config.site.name);
        let public_id = crate::server::auth::random_token()
            .map_err(|e| sqlx::Error::Protocol(e.to_string()))?;
        storage::messages::insert(
            &state.db,
            &storage::messages::NewMessage {
                public_id: &public_id,
                account_id: Some(account_id),
                application_id: None,
                sender: storage::messages::Sender::Portal,
                author_id: None,
                subject: &subject,
                body: body.split("\n\n-- \n").next().unwrap_or_default(),
                now,
                actor: storage::cases::ActorRef::Portal,
                status_change: None,
                deliver_to: None,
                files: &[],
            },
        )
        .await?;
        storage::applications::mark_reminded(&state.db, id, now).await?;
        tidied.reminded += 1;
    }
    for key in storage::attachments::of_expired_drafts(&state.db, now).await? {
        if let Err(error) = state.objects.delete(&key).await {
            tracing::warn!(%error, "an expired draft's file stays behind");
        }
    }
    tidied.deleted = storage::applications::delete_expired_drafts(&state.db, now).await?;
    Ok(tidied)
}

/// Removes the citizen accounts whose address was not confirmed within
/// `accounts.unconfirmed_days` (and that have no link still valid), each with an entry in the
/// audit log. Returns how many.
pub async fn forget_unconfirmed_accounts(state: &AppState) -> Result<u64, sqlx::Error> {
    use crate::server::auth::{ClientIp, Event, audit};
    let now = state.clock.now();
    let before =
        crate::server::clock::Timestamp(now.0 - state.config.accounts.unconfirmed_days * 86_400);
    let mut removed = 0;
    loop {
        let batch = storage::accounts::remove_never_confirmed(&state.db, before, now, 200).await?;
        if batch.is_empty() {
            return Ok(removed);
        }
        for id in batch {
            let event = Event::UnconfirmedAccountRemoved;
            audit(&state.db, now, event, Some(id), None, &ClientIp(None), None).await?;
            removed += 1;
        }
    }
}
