//! Time as a parameter: logic asks the clock in the app state, so tests can set it.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

/// Seconds since the Unix epoch (UTC). Stored as a plain integer on both databases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Timestamp(pub i64);

#[derive(Debug, Clone)]
pub enum Clock {
    System,
    /// A clock that only moves when a test moves it.
    Fixed(Arc<AtomicI64>),
}

impl Clock {
    pub fn fixed(at: i64) -> Self {
        Clock::Fixed(Arc::new(AtomicI64::new(at)))
    }

    #[allow(clippy::disallowed_methods)] // the one place that reads the real clock
    pub fn now(&self) -> Timestamp {
        match self {
            Clock::System => Timestamp(
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs() as i64),
            ),
            Clock::Fixed(at) => Timestamp(at.load(Ordering::SeqCst)),
        }
    }

    pub fn advance(&self, seconds: i64) {
        if let Clock::Fixed(at) = self {
            at.fetch_add(seconds, Ordering::SeqCst);
        }
    }
}
