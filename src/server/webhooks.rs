//! Delivery of the outbox to the authorities' webhooks: at least once, signed, with
//! exponential backoff, and into the dead-letter list after the last attempt.
//!
//! Every request is a `POST` of a [`WebhookPayload`] as JSON with
//! - `X-Portal-Event`: `submitted`, `withdrawn` or `message`;
//! - `X-Portal-Delivery`: the outbox row, the same on every retry;
//! - `X-Portal-Timestamp`: Unix seconds of this attempt;
//! - `X-Portal-Signature`: `sha256=` and the hex HMAC-SHA256 of `"{timestamp}.{body}"`
//!   under the authority's webhook key.
//!
//! Any 2xx answer within `backoffice.webhook_timeout_secs` counts as delivered. Receivers must be idempotent by
//! the submission id (the reference number) and the delivery id: a timeout after the
//! receiver took the request means it comes again.

use crate::server::auth::totp;
use crate::server::clock::Timestamp;
use crate::server::state::AppState;
use crate::server::storage;
use crate::server::submissions::{WebhookPayload, document};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::time::Duration;

/// Attempts before a delivery goes to the dead-letter list (about a day and a half).
pub const MAX_ATTEMPTS: i64 = 12;
const FIRST_RETRY_SECS: i64 = 30;
const LONGEST_WAIT_SECS: i64 = 6 * 3600;

/// Seconds to wait after the `attempts`-th failed attempt: 30 s, doubling, at most 6 h.
pub fn backoff(attempts: i64) -> i64 {
    let doubled = FIRST_RETRY_SECS.saturating_mul(1_i64 << (attempts - 1).clamp(0, 20));
    doubled.min(LONGEST_WAIT_SECS)
}

/// The signature header's value for `body` at `timestamp`.
pub fn signature(key: &[u8], timestamp: i64, body: &[u8]) -> String {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key) else {
        return String::new();
    };
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    let digest = mac.finalize().into_bytes();
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256={hex}")
}

/// What one run of the worker did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    pub delivered: usize,
    pub failed: usize,
    pub given_up: usize,
}

/// Sends every due delivery once; the caller runs this again and again. Each authority's
/// deliveries go one after another, in the order they fall due; authorities are served
/// side by side, so a slow receiver holds up only its own.
pub async fn deliver_due(state: &AppState) -> Result<Run, sqlx::Error> {
    let due = storage::delivery::due(&state.db, state.clock.now(), 50).await?;
    let mut queues: std::collections::BTreeMap<String, Vec<storage::delivery::Delivery>> =
        Default::default();
    for delivery in due {
        queues
            .entry(delivery.authority_id.clone())
            .or_default()
            .push(delivery);
    }
    let runs = futures::future::join_all(
        queues
            .into_values()
            .map(|queue| deliver_in_turn(state, queue)),
    )
    .await;
    let mut total = Run::default();
    for run in runs {
        let run = run?;
        total.delivered += run.delivered;
        total.failed += run.failed;
        total.given_up += run.given_up;
    }
    Ok(total)
}

/// One authority's due deliveries, one after another.
async fn deliver_in_turn(
    state: &AppState,
    queue: Vec<storage::delivery::Delivery>,
) -> Result<Run, sqlx::Error> {
    let mut run = Run::default();
    for delivery in queue {
        let outcome = attempt(state, &delivery).await;
        let now = state.clock.now();
        match outcome {
            Ok(()) => {
                storage::delivery::mark_delivered(&state.db, delivery.id, now).await?;
                run.delivered += 1;
            }
            Err(error) => {
                let attempts = delivery.attempts + 1;
                let retry_at =
                    (attempts < MAX_ATTEMPTS).then(|| Timestamp(now.0 + backoff(attempts)));
                if retry_at.is_none() {
                    run.given_up += 1;
                    tracing::warn!(delivery = delivery.id, %error, "a delivery failed for good");
                } else {
                    run.failed += 1;
                    tracing::info!(delivery = delivery.id, %error, "a delivery failed; retrying");
                }
                storage::delivery::mark_failed(&state.db, delivery.id, &error, retry_at, now)
                    .await?;
            }
        }
    }
    Ok(run)
}

/// One attempt; the error is what the dead-letter list shows (no secrets, no bodies).
async fn attempt(state: &AppState, delivery: &storage::delivery::Delivery) -> Result<(), String> {
    let db_error = |e: sqlx::Error| {
        tracing::error!(error = %e, "reading a delivery");
        "internal error while preparing the delivery".to_owned()
    };
    let Some(hook) = storage::delivery::webhook(&state.db, &delivery.authority_id)
        .await
        .map_err(db_error)?
    else {
        return Err("no webhook configured".into());
    };
    let key = totp::open(&state.secret_key, &hook.sealed_secret)
        .ok_or_else(|| "the webhook key cannot be read".to_owned())?;
    let application = storage::cases::by_id(&state.db, delivery.application_id)
        .await
        .map_err(db_error)?
        .ok_or_else(|| "the application is gone".to_owned())?;
    let payload = WebhookPayload {
        event: delivery.event.clone(),
        delivery_id: delivery.id,
        submission: document(state, &application).await.map_err(db_error)?,
    };
    let body = serde_json::to_vec(&payload).map_err(|e| e.to_string())?;
    let now = state.clock.now();
    let timeout = state.config.backoffice.webhook_timeout_secs;
    let response = state
        .http
        .post(&hook.url)
        .timeout(Duration::from_secs(timeout))
        .header(http::header::CONTENT_TYPE, "application/json")
        .header("x-portal-event", &delivery.event)
        .header("x-portal-delivery", delivery.id.to_string())
        .header("x-portal-timestamp", now.0.to_string())
        .header(
            "x-portal-signature",
            signature(key.as_bytes(), now.0, &body),
        )
        .body(body)
        .send()
        .await
        .map_err(|e| {
            if e.is_timeout() {
                format!("no answer within {timeout} s")
            } else if e.is_connect() {
                "connection refused or unreachable".to_owned()
            } else {
                "the request failed".to_owned()
            }
        })?;
    let status = response.status();
    if status.is_success() {
        Ok(())
    } else {
        Err(format!("the receiver answered {}", status.as_u16()))
    }
}

/// Runs the worker beside the server: every few seconds, and at once when an event is
/// written (`state.delivery_wakeup`).
pub fn spawn(
    state: AppState,
    mut stop: tokio::sync::watch::Receiver<bool>,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(15));
        loop {
            tokio::select! {
                _ = tick.tick() => {}
                _ = state.delivery_wakeup.notified() => {}
                _ = stop.changed() => return,
            }
            if let Err(error) = deliver_due(&state).await {
                tracing::warn!(%error, "delivering to webhooks failed");
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_wait_longer_each_time_up_to_six_hours() {
        assert_eq!(backoff(1), 30);
        assert_eq!(backoff(2), 60);
        assert_eq!(backoff(5), 480);
        assert_eq!(backoff(11), 6 * 3600);
        assert_eq!(backoff(40), 6 * 3600);
    }

    #[test]
    fn the_signature_is_the_hmac_of_timestamp_dot_body() {
        // Computed independently: Python's hmac.new(b"key", b"1700000000.{}", sha256).
        assert_eq!(
            signature(b"key", 1_700_000_000, b"{}"),
            "sha256=9d713ed406bb7076d4123f0dc2c39d2df5c654ed4b0cd56b52c8b4c940bd63ae"
        );
        assert_ne!(
            signature(b"key", 1_700_000_001, b"{}"),
            signature(b"key", 1_700_000_000, b"{}")
        );
    }
}
