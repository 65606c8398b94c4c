//! Password hashing (Argon2id with a pepper) on a bounded pool of blocking threads, and the
//! list of common passwords.

use crate::server::config::AccountsConfig;
use argon2::password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier as _, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use secrecy::{ExposeSecret, SecretSlice};
use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, LazyLock};
use tokio::sync::Semaphore;

/// The 100,000 most common passwords (SecLists, MIT; see `common-passwords.NOTICE`).
const COMMON_PASSWORDS: &str = include_str!("../../../seed/reference/common-passwords.txt");

/// Entries that could pass the length rule at all, in lower case. Shorter ones are refused
/// by length already.
static COMMON: LazyLock<HashSet<String>> = LazyLock::new(|| {
    COMMON_PASSWORDS
        .lines()
        .filter(|l| l.chars().count() >= crate::domain::account::PASSWORD_MIN)
        .map(str::to_lowercase)
        .collect()
});

/// Number of entries in the shipped list.
pub fn common_list_len() -> usize {
    COMMON_PASSWORDS.lines().count()
}

/// True for a password on the list (ignoring case and surrounding spaces).
pub fn is_common(password: &str) -> bool {
    COMMON.contains(&password.trim().to_lowercase())
}

#[derive(Debug, thiserror::Error)]
pub enum HashError {
    #[error("password hashing failed: {0}")]
    Hash(String),
    #[error("the hashing pool is gone")]
    Pool,
}

/// Hashes and verifies passwords off the async runtime, at most `permits` at once, so a
/// burst of sign-ins cannot starve every other request.
#[derive(Clone)]
pub struct PasswordHasher {
    pepper: Arc<SecretSlice<u8>>,
    params: Params,
    permits: Arc<Semaphore>,
    /// A hash of a random password: unknown accounts are checked against it, so they cost
    /// as much time as known ones.
    dummy: Arc<String>,
    /// Hashes and verifications done, for metrics and for tests that prove two paths do
    /// the same work.
    operations: Arc<AtomicU64>,
    /// Hashes running right now, and the most ever at once (the pool's bound, observable).
    running: Arc<AtomicU64>,
    peak: Arc<AtomicU64>,
}

impl PasswordHasher {
    pub fn new(config: &AccountsConfig, pepper: Vec<u8>) -> Result<Self, HashError> {
        let params = Params::new(config.argon2_memory_kib, config.argon2_iterations, 1, None)
            .map_err(|e| HashError::Hash(e.to_string()))?;
        let permits = match config.hashing_concurrency {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            n => n,
        };
        let mut hasher = PasswordHasher {
            pepper: Arc::new(SecretSlice::from(pepper)),
            params,
            permits: Arc::new(Semaphore::new(permits)),
            dummy: Arc::new(String::new()),
            operations: Arc::new(AtomicU64::new(0)),
            running: Arc::new(AtomicU64::new(0)),
            peak: Arc::new(AtomicU64::new(0)),
        };
        let mut random = [0u8; 24];
        getrandom::fill(&mut random).map_err(|e| HashError::Hash(e.to_string()))?;
        hasher.dummy = Arc::new(hasher.hash_now(&hex(&random))?);
        Ok(hasher)
    }

    fn argon2(&self) -> Result<Argon2<'_>, HashError> {
        Argon2::new_with_secret(
            self.pepper.expose_secret(),
            Algorithm::Argon2id,
            Version::V0x13,
            self.params.clone(),
        )
        .map_err(|e| HashError::Hash(e.to_string()))
    }

    /// The most hashes that ever ran at once.
    pub fn peak_concurrency(&self) -> u64 {
        self.peak.load(Ordering::Relaxed)
    }

    /// Runs `work` on a blocking thread, counted as one of the running hashes.
    async fn on_pool<T: Send + 'static>(
        &self,
        work: impl FnOnce(&PasswordHasher) -> T + Send + 'static,
    ) -> Result<T, HashError> {
        let _permit = self.permits.acquire().await.map_err(|_| HashError::Pool)?;
        self.operations.fetch_add(1, Ordering::Relaxed);
        let now = self.running.fetch_add(1, Ordering::SeqCst) + 1;
        self.peak.fetch_max(now, Ordering::SeqCst);
        let hasher = self.clone();
        let result = tokio::task::spawn_blocking(move || work(&hasher)).await;
        self.running.fetch_sub(1, Ordering::SeqCst);
        result.map_err(|_| HashError::Pool)
    }

    fn hash_now(&self, password: &str) -> Result<String, HashError> {
        let mut salt = [0u8; 16];
        getrandom::fill(&mut salt).map_err(|e| HashError::Hash(e.to_string()))?;
        let salt = SaltString::encode_b64(&salt).map_err(|e| HashError::Hash(e.to_string()))?;
        self.argon2()?
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| HashError::Hash(e.to_string()))
    }

    fn verify_now(&self, password: &str, stored: &str) -> Result<bool, HashError> {
        let parsed = PasswordHash::new(stored).map_err(|e| HashError::Hash(e.to_string()))?;
        Ok(self
            .argon2()?
            .verify_password(password.as_bytes(), &parsed)
            .is_ok())
    }

    /// How many hashes and verifications were done so far.
    pub fn operations(&self) -> u64 {
        self.operations.load(Ordering::Relaxed)
    }

    /// Whether `stored` was made with today's algorithm and cost. After an operator raises
    /// the cost, each password is hashed again at its next successful sign-in.
    pub fn is_current(&self, stored: &str) -> bool {
        let Ok(parsed) = PasswordHash::new(stored) else {
            return false;
        };
        let Ok(params) = Params::try_from(&parsed) else {
            return false;
        };
        parsed.algorithm == Algorithm::Argon2id.ident()
            && parsed.version == Some(Version::V0x13.into())
            && params.m_cost() == self.params.m_cost()
            && params.t_cost() == self.params.t_cost()
            && params.p_cost() == self.params.p_cost()
    }

    /// A PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) for a new password.
    pub async fn hash(&self, password: &str) -> Result<String, HashError> {
        let password = password.to_owned();
        self.on_pool(move |hasher| hasher.hash_now(&password))
            .await?
    }

    /// Checks `password` against `stored`, or against the dummy hash when there is no
    /// account (same work, same time, always `false`).
    pub async fn verify(&self, password: &str, stored: Option<&str>) -> Result<bool, HashError> {
        let known = stored.is_some();
        let stored = stored.map_or_else(|| self.dummy.as_str().to_owned(), str::to_owned);
        let password = password.to_owned();
        let matches = self
            .on_pool(move |hasher| hasher.verify_now(&password, &stored))
            .await??;
        Ok(known && matches)
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hasher(pepper: &[u8]) -> PasswordHasher {
        PasswordHasher::new(&AccountsConfig::default(), pepper.to_vec()).expect("hasher")
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn no_more_hashes_run_at_once_than_the_pool_allows() {
        let config = AccountsConfig {
            hashing_concurrency: 2,
            ..AccountsConfig::default()
        };
        let hasher = PasswordHasher::new(&config, b"pepper".to_vec()).expect("hasher");
        let jobs: Vec<_> = (0..6)
            .map(|i| {
                let hasher = hasher.clone();
                tokio::spawn(async move { hasher.hash(&format!("passwort nummer {i}")).await })
            })
            .collect();
        for job in jobs {
            job.await.expect("task").expect("hash");
        }
        assert_eq!(hasher.peak_concurrency(), 2, "six at once, two at a time");
    }

    #[test]
    fn the_shipped_list_has_at_least_100k_entries() {
        assert!(common_list_len() >= 100_000, "{}", common_list_len());
        assert!(is_common("qwertyuiopasdfgh") || is_common("1q2w3e4r5t6y"));
        assert!(is_common(" 1Q2W3E4R5T6Y "), "case and spaces do not help");
        assert!(!is_common("mein hund heisst bello"));
    }

    #[tokio::test]
    async fn a_hash_made_with_another_cost_is_not_current() {
        let cheap = AccountsConfig {
            argon2_memory_kib: 8 * 1024,
            argon2_iterations: 1,
            ..AccountsConfig::default()
        };
        let old = PasswordHasher::new(&cheap, b"pepper".to_vec()).expect("hasher");
        let today = hasher(b"pepper");
        let old_hash = old.hash("ein langes passwort").await.unwrap();
        let new_hash = today.hash("ein langes passwort").await.unwrap();
        assert!(!today.is_current(&old_hash));
        assert!(today.is_current(&new_hash));
        assert!(old.is_current(&old_hash));
        assert!(!today.is_current("kein hash"));
        // The old hash still verifies: the cost is part of the stored string.
        assert!(
            today
                .verify("ein langes passwort", Some(&old_hash))
                .await
                .unwrap()
        );
    }

    #[tokio::test]
    async fn hashes_are_argon2id_with_the_configured_cost_and_need_the_pepper() {
        let hasher = hasher(b"pepper one");
        let hash = hasher.hash("ein langes passwort").await.unwrap();
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(
            hasher
                .verify("ein langes passwort", Some(&hash))
                .await
                .unwrap()
        );
        assert!(
            !hasher
                .verify("ein anderes passwort", Some(&hash))
                .await
                .unwrap()
        );
        // The same hash is useless without the pepper (a stolen database alone is not enough).
        let other = self::hasher(b"pepper two");
        assert!(
            !other
                .verify("ein langes passwort", Some(&hash))
                .await
                .unwrap()
        );
        // No account: checked against the dummy, never true.
        assert!(!hasher.verify("ein langes passwort", None).await.unwrap());
    }
}
