//! Background housekeeping, running beside the server until shutdown.

use crate::server::state::AppState;
use crate::server::storage;
use std::time::Duration;
use tokio::sync::watch;

const PURGE_EVERY: Duration = Duration::from_secs(300);

/// Removes expired form flashes every five minutes.
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
        }
    })
}
