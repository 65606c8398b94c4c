//! Sessions: a random id in an HttpOnly cookie, its hash in the database, an idle and an
//! absolute timeout, a new id at every sign-in.

use super::{ClientIp, random_token, token_hash};
use crate::domain::account::{Role, TrustLevel};
use crate::server::clock::Timestamp;
use crate::server::config::{AccountsConfig, Config};
use crate::server::cookies;
use crate::server::state::AppState;
use crate::server::storage::sessions::{self, NewSession, Session};

pub const COOKIE: &str = "sitzung";
/// A sign-in that passed the password and waits for the second factor.
pub const PENDING_COOKIE: &str = "anmeldung";
/// How long the second step may take.
pub const PENDING_SECS: i64 = 600;
/// Wrong codes allowed before the sign-in must start again.
pub const PENDING_ATTEMPTS: i64 = 5;

/// How long a session may sit unused, by role.
pub fn idle_limit(config: &AccountsConfig, role: Role) -> i64 {
    if role.is_staff() {
        config.staff_idle_timeout_secs
    } else {
        config.idle_timeout_secs
    }
}

/// A session as of now: the moment it ends unless used again.
pub fn ends_at(config: &AccountsConfig, session: &Session) -> i64 {
    (session.last_seen_at + idle_limit(config, session.role))
        .min(session.created_at + config.absolute_timeout_secs)
}

/// What the request's session cookie stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionState {
    /// No cookie, or one we do not know.
    None,
    /// It was valid once and has timed out (or the account was disabled): say so.
    Expired,
    Active(Session),
}

impl SessionState {
    pub fn active(&self) -> Option<&Session> {
        match self {
            SessionState::Active(session) => Some(session),
            _ => None,
        }
    }
}

/// Looks up the session of `headers`, ends it if it has timed out, and notes the activity
/// (at most once a minute, so reading pages does not write on every request).
pub async fn resolve(
    state: &AppState,
    headers: &http::HeaderMap,
) -> Result<SessionState, sqlx::Error> {
    let name = cookies::name(&state.config, COOKIE);
    let Some(token) =
        crate::server::request::cookie_from(headers, &name).filter(|t| super::is_token(t))
    else {
        return Ok(SessionState::None);
    };
    let hash = token_hash(&token);
    let Some(session) = sessions::get(&state.db, &hash).await? else {
        return Ok(SessionState::None);
    };
    let now = state.clock.now();
    if session.disabled || now.0 >= ends_at(&state.config.accounts, &session) {
        sessions::delete(&state.db, &hash).await?;
        return Ok(SessionState::Expired);
    }
    if now.0 - session.last_seen_at >= 60 {
        sessions::touch(&state.db, &hash, now).await?;
    }
    Ok(SessionState::Active(Session {
        last_seen_at: now.0,
        ..session
    }))
}

/// Starts a session for the account and returns the `Set-Cookie` value. Any session the
/// browser had before is ended (a new id at every sign-in: no session fixation).
pub async fn start(
    state: &AppState,
    previous: Option<&Session>,
    account_id: i64,
    trust_level: TrustLevel,
    ip: &ClientIp,
    user_agent: Option<&str>,
    now: Timestamp,
) -> Result<String, sqlx::Error> {
    if let Some(previous) = previous {
        sessions::delete(&state.db, &previous.id_hash).await?;
    }
    let token = random_token().map_err(|e| sqlx::Error::Protocol(e.to_string()))?;
    let user_agent: Option<String> = user_agent.map(|ua| ua.chars().take(200).collect());
    let ip = ip.as_string();
    sessions::insert(
        &state.db,
        &NewSession {
            id_hash: &token_hash(&token),
            account_id,
            trust_level,
            user_agent: user_agent.as_deref(),
            ip: ip.as_deref(),
        },
        now,
    )
    .await?;
    Ok(cookie(&state.config, &token))
}

/// The session cookie: HttpOnly, SameSite=Lax, `Secure` and `__Host-` over HTTPS; it lives
/// no longer than the absolute timeout.
pub fn cookie(config: &Config, token: &str) -> String {
    cookies::set(
        config,
        COOKIE,
        token,
        config.accounts.absolute_timeout_secs,
        true,
    )
}

/// Deletes the session cookie in the browser.
pub fn removal(config: &Config) -> String {
    cookies::set(config, COOKIE, "", 0, true)
}

/// True when the password was entered recently enough for a sensitive change.
pub fn recently_authenticated(config: &AccountsConfig, session: &Session, now: Timestamp) -> bool {
    now.0 - session.authenticated_at < config.reauthentication_secs
}
