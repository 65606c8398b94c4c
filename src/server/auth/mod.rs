//! The Servicekonto's security core: password hashing, sessions, throttling, the audit
//! log and the client's address. Server functions in `api::account` use it.

pub mod password;
pub mod session;
pub mod throttle;
pub mod totp;

use crate::server::clock::Timestamp;
use crate::server::config::Config;
use crate::server::db::Db;
use crate::server::storage;
use crate::server::storage::audit::AuditEntry;
use std::net::{IpAddr, SocketAddr};
use std::path::Path;

/// The client's address, resolved once per request by the middleware: the connection's
/// peer, or the last address a trusted proxy added to `X-Forwarded-For`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub Option<IpAddr>);

impl ClientIp {
    pub fn resolve(headers: &http::HeaderMap, peer: Option<SocketAddr>, config: &Config) -> Self {
        let Some(peer) = peer.map(|p| p.ip()) else {
            return ClientIp(None);
        };
        let trusted = &config.server.trusted_proxies;
        if !trusted.contains(&peer) {
            return ClientIp(Some(peer));
        }
        // Walk from the right: the first hop that is not one of our proxies is the client.
        let forwarded: Vec<IpAddr> = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .filter_map(|hop| hop.trim().parse().ok())
            .collect();
        let client = forwarded
            .iter()
            .rev()
            .find(|ip| !trusted.contains(ip))
            .copied()
            .unwrap_or(peer);
        ClientIp(Some(client))
    }

    pub fn as_string(&self) -> Option<String> {
        self.0.map(|ip| ip.to_string())
    }

    /// The key for per-address limits (`unknown` when there is no peer, as in unit tests).
    pub fn key(&self) -> String {
        self.as_string().unwrap_or_else(|| "unknown".into())
    }
}

/// Security events of the audit log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    Registered,
    RegisteredAgain,
    EmailVerified,
    SignedIn,
    /// A sign-in link was asked for (applying with only an e-mail address).
    SignInLinkRequested,
    SignedInByLink,
    SignInFailed,
    SignInThrottled,
    SignedOut,
    SignedOutEverywhere,
    SessionRevoked,
    PasswordResetRequested,
    PasswordReset,
    PasswordChanged,
    Reauthenticated,
    EmailChangeRequested,
    EmailChanged,
    ProfileChanged,
    DataExported,
    AccountDeleted,
    /// An account whose address was never confirmed, removed after `accounts.unconfirmed_days`.
    UnconfirmedAccountRemoved,
    RoleChanged,
    SecondFactorAdded,
    SecondFactorRemoved,
    SecondFactorFailed,
    RecoveryCodeUsed,
    RecoveryCodesRenewed,
    ApplicationSubmitted,
    ApplicationWithdrawn,
    /// A message of the applicant to the authority.
    MessageSent,
    CaseAssigned,
    CaseStatusChanged,
    CaseMessageSent,
    CaseFileDownloaded,
    WebhookChanged,
    ApiKeyCreated,
    ApiKeyRevoked,
}

impl Event {
    pub fn as_str(self) -> &'static str {
        match self {
            Event::Registered => "registered",
            Event::RegisteredAgain => "registered-again",
            Event::EmailVerified => "email-verified",
            Event::SignedIn => "signed-in",
            Event::SignInLinkRequested => "sign-in-link-requested",
            Event::SignedInByLink => "signed-in-by-link",
            Event::SignInFailed => "sign-in-failed",
            Event::SignInThrottled => "sign-in-throttled",
            Event::SignedOut => "signed-out",
            Event::SignedOutEverywhere => "signed-out-everywhere",
            Event::SessionRevoked => "session-revoked",
            Event::PasswordResetRequested => "password-reset-requested",
            Event::PasswordReset => "password-reset",
            Event::PasswordChanged => "password-changed",
            Event::Reauthenticated => "reauthenticated",
            Event::EmailChangeRequested => "email-change-requested",
            Event::EmailChanged => "email-changed",
            Event::ProfileChanged => "profile-changed",
            Event::DataExported => "data-exported",
            Event::AccountDeleted => "account-deleted",
            Event::UnconfirmedAccountRemoved => "unconfirmed-account-removed",
            Event::RoleChanged => "role-changed",
            Event::SecondFactorAdded => "second-factor-added",
            Event::SecondFactorRemoved => "second-factor-removed",
            Event::SecondFactorFailed => "second-factor-failed",
            Event::RecoveryCodeUsed => "recovery-code-used",
            Event::RecoveryCodesRenewed => "recovery-codes-renewed",
            Event::ApplicationSubmitted => "application-submitted",
            Event::ApplicationWithdrawn => "application-withdrawn",
            Event::MessageSent => "message-sent",
            Event::CaseAssigned => "case-assigned",
            Event::CaseStatusChanged => "case-status-changed",
            Event::CaseMessageSent => "case-message-sent",
            Event::CaseFileDownloaded => "case-file-downloaded",
            Event::WebhookChanged => "webhook-changed",
            Event::ApiKeyCreated => "api-key-created",
            Event::ApiKeyRevoked => "api-key-revoked",
        }
    }
}

/// Appends a security event. `actor` is who did it when that is not the account itself.
pub async fn audit(
    db: &Db,
    now: Timestamp,
    event: Event,
    account_id: Option<i64>,
    actor_id: Option<i64>,
    ip: &ClientIp,
    detail: Option<&str>,
) -> Result<(), sqlx::Error> {
    storage::audit::append(
        db,
        &AuditEntry {
            at: now.0,
            account_id,
            actor_id,
            event: event.as_str().to_owned(),
            ip: ip.as_string(),
            detail: detail.map(str::to_owned),
        },
    )
    .await
}

/// A random token of 256 bits, URL-safe.
pub fn random_token() -> Result<String, getrandom::Error> {
    use base64::Engine;
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}

/// What is stored of a token or session id: its SHA-256, hex.
pub fn token_hash(token: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A token as it may appear in a link or cookie: 43 URL-safe base64 characters.
pub fn is_token(value: &str) -> bool {
    value.len() == 43
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The pepper: from the configured secret, or a random one kept in `<data_dir>/pepper`.
pub fn load_pepper(config: &Config) -> Result<Vec<u8>, String> {
    use secrecy::ExposeSecret;
    if let Some(reference) = &config.accounts.pepper {
        let secret = reference
            .resolve("accounts.pepper")
            .map_err(|e| e.to_string())?;
        let bytes = secret.expose_secret().as_bytes().to_vec();
        if bytes.len() < 16 {
            return Err("accounts.pepper: must be at least 16 characters".into());
        }
        return Ok(bytes);
    }
    let path = config.server.data_dir.join("pepper");
    read_or_create_pepper(&path).map_err(|e| format!("{}: {e}", path.display()))
}

fn read_or_create_pepper(path: &Path) -> std::io::Result<Vec<u8>> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            let token = random_token().map_err(std::io::Error::other)?;
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            let mut file = options.open(path)?;
            std::io::Write::write_all(&mut file, token.as_bytes())?;
            tracing::info!(path = %path.display(), "created a random password pepper");
            Ok(token.into_bytes())
        }
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_only_their_hash_is_kept() {
        let (a, b) = (random_token().unwrap(), random_token().unwrap());
        assert_ne!(a, b);
        assert!(is_token(&a) && is_token(&b));
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), token_hash(&b));
        assert!(!is_token("../../etc/passwd"));
        assert!(!is_token(&format!("{a}x")));
    }

    #[test]
    fn the_pepper_is_created_once_and_then_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/pepper");
        let first = read_or_create_pepper(&path).unwrap();
        let second = read_or_create_pepper(&path).unwrap();
        assert_eq!(first, second);
        assert_eq!(first.len(), 43);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
