//! Passkeys (WebAuthn): adding one to the account, signing in with one (without a
//! password, or as the second step after it), removing one. The browser side is the
//! island in `ui::pages::account::passkeys`; options and answers travel as WebAuthn JSON.

use crate::api::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A started ceremony: its id (sent back with the answer) and the options for
/// `navigator.credentials` as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CeremonyStart {
    pub ceremony: String,
    pub options: String,
}

/// One passkey on the security page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasskeyView {
    pub id: i64,
    pub name: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
}

#[cfg(feature = "ssr")]
mod support {
    use crate::api::AppError;
    use crate::server::config::Config;
    use crate::server::request;
    use webauthn_rs::prelude::*;

    pub const CEREMONY_SECS: i64 = 300;

    pub fn webauthn(config: &Config) -> Result<Webauthn, AppError> {
        let origin = Url::parse(&config.site.base_url)
            .map_err(|e| request::internal("reading the base URL", e))?;
        let rp_id = origin.host_str().unwrap_or("localhost").to_owned();
        WebauthnBuilder::new(&rp_id, &origin)
            .and_then(|b| b.rp_name(&config.site.name).build())
            .map_err(|e| request::internal("setting up WebAuthn", e))
    }

    pub fn credential_key(id: &[u8]) -> String {
        use base64::Engine;
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(id)
    }
}

/// Starts adding a passkey (the password must have been entered recently).
#[server(endpoint = "account/passkey/register-start")]
pub async fn passkey_register_start() -> Result<CeremonyStart, AppError> {
    use crate::api::account::support::*;
    use crate::server::auth::session::recently_authenticated;
    use crate::server::auth::{random_token, token_hash};
    use crate::server::clock::Timestamp;
    use crate::server::{request, storage};
    use support::*;
    use webauthn_rs::prelude::*;

    let state = request::state()?;
    let session = session().ok_or(AppError::Forbidden)?;
    let now = state.clock.now();
    // A second factor needs a first one: an account without a password signs in by link.
    if !session.has_password || !recently_authenticated(&state.config.accounts, &session, now) {
        return Err(AppError::Forbidden);
    }
    let webauthn = webauthn(&state.config)?;
    let fail = |e: sqlx::Error| request::internal("starting a passkey", e);
    let handle =
        storage::passkeys::user_handle(&state.db, session.account_id, &Uuid::new_v4().to_string())
            .await
            .map_err(fail)?;
    let handle = Uuid::parse_str(&handle).map_err(|e| request::internal("reading a handle", e))?;
    let existing: Vec<CredentialID> = storage::passkeys::for_account(&state.db, session.account_id)
        .await
        .map_err(fail)?
        .iter()
        .filter_map(|p| serde_json::from_str::<Passkey>(&p.passkey).ok())
        .map(|p| p.cred_id().clone())
        .collect();
    let (mut options, registration) = webauthn
        .start_passkey_registration(handle, &session.email, &session.email, Some(existing))
        .map_err(|e| request::internal("starting a passkey", e))?;
    // A discoverable credential, so it can sign in without typing the address.
    if let Some(selection) = options.public_key.authenticator_selection.as_mut() {
        selection.resident_key = Some(webauthn_rs_proto::ResidentKeyRequirement::Required);
        selection.require_resident_key = true;
    }
    let ceremony = random_token().map_err(|e| request::internal("drawing a token", e))?;
    let registration = serde_json::to_string(&registration)
        .map_err(|e| request::internal("keeping a ceremony", e))?;
    storage::passkeys::start_ceremony(
        &state.db,
        &token_hash(&ceremony),
        Some(session.account_id),
        "register",
        &registration,
        Timestamp(now.0 + CEREMONY_SECS),
    )
    .await
    .map_err(fail)?;
    Ok(CeremonyStart {
        ceremony,
        options: serde_json::to_string(&options)
            .map_err(|e| request::internal("writing options", e))?,
    })
}

/// Stores the new passkey from the browser's answer.
#[server(endpoint = "account/passkey/register-finish")]
pub async fn passkey_register_finish(
    ceremony: String,
    credential: String,
    name: String,
) -> Result<(), AppError> {
    use crate::api::account::support::*;
    use crate::domain::account::TrustLevel;
    use crate::server::auth::{Event, is_token, token_hash};
    use crate::server::{request, storage};
    use support::*;
    use webauthn_rs::prelude::*;

    let state = request::state()?;
    let session = session().ok_or(AppError::Forbidden)?;
    let now = state.clock.now();
    if !is_token(&ceremony) {
        return Err(AppError::BadRequest);
    }
    let fail = |e: sqlx::Error| request::internal("adding a passkey", e);
    let (owner, registration) =
        storage::passkeys::take_ceremony(&state.db, &token_hash(&ceremony), "register", now)
            .await
            .map_err(fail)?
            .ok_or(AppError::BadRequest)?;
    if owner != Some(session.account_id) {
        return Err(AppError::Forbidden);
    }
    let registration: PasskeyRegistration = serde_json::from_str(&registration)
        .map_err(|e| request::internal("reading a ceremony", e))?;
    let answer: RegisterPublicKeyCredential =
        serde_json::from_str(&credential).map_err(|_| AppError::BadRequest)?;
    let passkey = webauthn(&state.config)?
        .finish_passkey_registration(&answer, &registration)
        .map_err(|_| AppError::BadRequest)?;
    let name: String = name.trim().chars().take(60).collect();
    let name = if name.is_empty() {
        "Passkey".to_owned()
    } else {
        name
    };
    storage::passkeys::insert(
        &state.db,
        session.account_id,
        &credential_key(passkey.cred_id().as_ref()),
        &serde_json::to_string(&passkey).map_err(|e| request::internal("storing a passkey", e))?,
        &name,
        now,
    )
    .await
    .map_err(fail)?;
    storage::sessions::reauthenticated(&state.db, &session.id_hash, TrustLevel::Substantial, now)
        .await
        .map_err(fail)?;
    audit(
        &state,
        Event::SecondFactorAdded,
        Some(session.account_id),
        Some("passkey"),
    )
    .await?;
    Ok(())
}

/// Starts signing in with a passkey (the authenticator offers the accounts it knows).
#[server(endpoint = "account/passkey/sign-in-start")]
pub async fn passkey_sign_in_start() -> Result<CeremonyStart, AppError> {
    use crate::server::auth::{random_token, token_hash};
    use crate::server::clock::Timestamp;
    use crate::server::{request, storage};
    use support::*;

    let state = request::state()?;
    let now = state.clock.now();
    let (mut options, authentication) = webauthn(&state.config)?
        .start_discoverable_authentication()
        .map_err(|e| request::internal("starting a passkey sign-in", e))?;
    // A button, not autofill: the browser asks in its own dialog.
    options.mediation = None;
    let ceremony = random_token().map_err(|e| request::internal("drawing a token", e))?;
    let authentication = serde_json::to_string(&authentication)
        .map_err(|e| request::internal("keeping a ceremony", e))?;
    storage::passkeys::start_ceremony(
        &state.db,
        &token_hash(&ceremony),
        None,
        "sign-in",
        &authentication,
        Timestamp(now.0 + CEREMONY_SECS),
    )
    .await
    .map_err(|e| request::internal("starting a passkey sign-in", e))?;
    Ok(CeremonyStart {
        ceremony,
        options: serde_json::to_string(&options)
            .map_err(|e| request::internal("writing options", e))?,
    })
}

/// Finishes a passkey sign-in; answers where to go. After a password step (pending
/// sign-in) the passkey must belong to the same account.
#[server(endpoint = "account/passkey/sign-in-finish")]
pub async fn passkey_sign_in_finish(
    ceremony: String,
    credential: String,
    next: Option<String>,
) -> Result<String, AppError> {
    use crate::api::account::support::*;
    use crate::domain::account::TrustLevel;
    use crate::server::auth::session::{self as sessions, PENDING_COOKIE};
    use crate::server::auth::{Event, is_token, token_hash};
    use crate::server::{cookies, request, storage};
    use support::*;
    use webauthn_rs::prelude::*;

    let state = request::state()?;
    let now = state.clock.now();
    if !is_token(&ceremony) {
        return Err(AppError::BadRequest);
    }
    let fail = |e: sqlx::Error| request::internal("signing in with a passkey", e);
    let (_, authentication) =
        storage::passkeys::take_ceremony(&state.db, &token_hash(&ceremony), "sign-in", now)
            .await
            .map_err(fail)?
            .ok_or(AppError::BadRequest)?;
    let authentication: DiscoverableAuthentication = serde_json::from_str(&authentication)
        .map_err(|e| request::internal("reading a ceremony", e))?;
    let answer: PublicKeyCredential =
        serde_json::from_str(&credential).map_err(|_| AppError::BadRequest)?;
    let webauthn = webauthn(&state.config)?;
    let (handle, credential_id) = webauthn
        .identify_discoverable_authentication(&answer)
        .map_err(|_| AppError::Forbidden)?;
    let stored = storage::passkeys::by_credential(&state.db, &credential_key(credential_id))
        .await
        .map_err(fail)?
        .ok_or(AppError::Forbidden)?;
    let account = storage::accounts::get(&state.db, stored.account_id)
        .await
        .map_err(fail)?
        .filter(|a| a.disabled_at.is_none() && a.email_verified_at.is_some())
        .ok_or(AppError::Forbidden)?;
    let known_handle = storage::passkeys::handle_of(&state.db, account.id)
        .await
        .map_err(fail)?;
    if known_handle.as_deref() != Some(handle.to_string().as_str()) {
        return Err(AppError::Forbidden);
    }
    let mut passkey: Passkey = serde_json::from_str(&stored.passkey)
        .map_err(|e| request::internal("reading a passkey", e))?;
    let result = webauthn
        .finish_discoverable_authentication_v2(&answer, authentication, &passkey)
        .map_err(|_| AppError::Forbidden)?;
    passkey.update_credential(&result);
    storage::passkeys::used(
        &state.db,
        stored.id,
        &serde_json::to_string(&passkey).map_err(|e| request::internal("storing a passkey", e))?,
        now,
    )
    .await
    .map_err(fail)?;
    // After a password step, finish that sign-in (and only for its account).
    let pending_name = cookies::name(&state.config, PENDING_COOKIE);
    let mut onward_path = onward(next.as_deref().unwrap_or(""));
    if let Some(token) = request::cookie(&pending_name).filter(|t| is_token(t)) {
        let hash = token_hash(&token);
        if let Some(pending) = storage::second_factor::pending(&state.db, &hash)
            .await
            .map_err(fail)?
        {
            if pending.account_id != account.id {
                return Err(AppError::Forbidden);
            }
            onward_path = pending.next_path;
            storage::second_factor::end_pending(&state.db, &hash)
                .await
                .map_err(fail)?;
        }
        request::set_cookie(&cookies::set(&state.config, PENDING_COOKIE, "", 0, true));
    }
    let user_agent = request::header(http::header::USER_AGENT);
    let cookie = sessions::start(
        &state,
        session().as_ref(),
        account.id,
        TrustLevel::Substantial,
        &ip(),
        user_agent.as_deref(),
        now,
    )
    .await
    .map_err(fail)?;
    request::set_cookie(&cookie);
    audit(&state, Event::SignedIn, Some(account.id), Some("passkey")).await?;
    Ok(onward_path)
}

/// The signed-in account's passkeys.
#[server(endpoint = "account/passkeys", input = leptos::server_fn::codec::GetUrl)]
pub async fn load_passkeys() -> Result<Vec<PasskeyView>, AppError> {
    use crate::api::account::support::*;
    use crate::server::{request, storage};

    let state = request::state()?;
    let session = session().ok_or(AppError::Forbidden)?;
    let list = storage::passkeys::for_account(&state.db, session.account_id)
        .await
        .map_err(|e| request::internal("listing passkeys", e))?;
    Ok(list
        .into_iter()
        .map(|p| PasskeyView {
            id: p.id,
            name: p.name,
            created_at: p.created_at,
            last_used_at: p.last_used_at,
        })
        .collect())
}

/// Removes a passkey (password entered recently). Staff keep at least one second factor.
#[server(endpoint = "account/passkey/remove")]
pub async fn remove_passkey(id: i64) -> Result<(), AppError> {
    use crate::api::account::support::*;
    use crate::api::account::{forms, pages};
    use crate::server::auth::Event;
    use crate::server::auth::session::recently_authenticated;
    use crate::server::{request, storage};

    let state = request::state().map_err(request::fail)?;
    let session = require_session()?;
    let now = state.clock.now();
    if !recently_authenticated(&state.config.accounts, &session, now) {
        request::see_other(&format!("{}?weiter={}", pages::REAUTH, pages::SECURITY));
        return Err(AppError::Forbidden);
    }
    let fail = internal("removing a passkey");
    if session.role.is_staff() {
        let passkeys = storage::passkeys::for_account(&state.db, session.account_id)
            .await
            .map_err(&fail)?
            .len();
        let totp = storage::second_factor::totp(&state.db, session.account_id)
            .await
            .map_err(&fail)?
            .is_some_and(|t| t.confirmed_at.is_some());
        if passkeys <= 1 && !totp {
            return Err(request::fail(AppError::Forbidden));
        }
    }
    if !storage::passkeys::delete(&state.db, session.account_id, id)
        .await
        .map_err(&fail)?
    {
        return Err(request::fail(AppError::NotFound));
    }
    audit(
        &state,
        Event::SecondFactorRemoved,
        Some(session.account_id),
        Some("passkey"),
    )
    .await?;
    done(
        &state,
        forms::TOTP,
        pages::SECURITY,
        Some("passkey-removed"),
    )
    .await;
    Ok(())
}
