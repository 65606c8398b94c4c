//! The second factor: TOTP set-up and removal, recovery codes, and the second step of
//! signing in. Staff and admins must have one (enforced by the page middleware and by
//! every staff function through the session's trust level).

use crate::api::AppError;
#[cfg(feature = "ssr")]
use crate::api::account::{forms, pages};
#[cfg(feature = "ssr")]
use crate::domain::fields::ErrorCode;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The set-up page: the secret to scan or type, unless a set-up has not been started.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TotpSetup {
    pub qr_svg: String,
    /// The secret in groups of four, for typing it in.
    pub secret: String,
}

/// Starts setting up an authenticator app (needs the password entered recently).
#[server(endpoint = "account/totp/start")]
pub async fn start_totp() -> Result<(), AppError> {
    use crate::api::account::support::*;
    use crate::server::auth::session::recently_authenticated;
    use crate::server::auth::totp;
    use crate::server::{request, storage};

    let state = request::state().map_err(request::fail)?;
    let session = require_session()?;
    let now = state.clock.now();
    // A second factor needs a first one: an account without a password signs in by link.
    if !session.has_password {
        return Err(request::fail(AppError::Forbidden));
    }
    if !recently_authenticated(&state.config.accounts, &session, now) {
        request::see_other(&format!(
            "{}?weiter={}",
            pages::REAUTH,
            pages::AUTHENTICATOR
        ));
        return Err(AppError::Forbidden);
    }
    let sealed = totp::seal(&state.secret_key, &totp::new_secret())
        .ok_or_else(|| request::fail(request::internal("sealing a secret", "failed")))?;
    let started = storage::second_factor::start_totp(&state.db, session.account_id, &sealed, now)
        .await
        .map_err(internal("starting a set-up"))?;
    if !started {
        // Already set up: one authenticator per account; remove it first to replace it.
        return Err(request::fail(AppError::BadRequest));
    }
    done(&state, forms::TOTP, pages::AUTHENTICATOR, None).await;
    Ok(())
}

/// The pending set-up of the signed-in account, if one was started.
#[server(endpoint = "account/totp/setup", input = leptos::server_fn::codec::GetUrl)]
pub async fn load_totp_setup() -> Result<Option<TotpSetup>, AppError> {
    use crate::api::account::support::*;
    use crate::server::auth::totp;
    use crate::server::{request, storage};

    let state = request::state()?;
    let session = session().ok_or(AppError::Forbidden)?;
    let credential = storage::second_factor::totp(&state.db, session.account_id)
        .await
        .map_err(|e| request::internal("reading a set-up", e))?;
    let Some(credential) = credential.filter(|c| c.confirmed_at.is_none()) else {
        return Ok(None);
    };
    let secret = totp::open(&state.secret_key, &credential.secret)
        .ok_or_else(|| request::internal("opening a secret", "failed"))?;
    let url = totp::url(&secret, &state.config.site.name, &session.email)
        .ok_or_else(|| request::internal("building an otpauth URL", "failed"))?;
    let qr_svg =
        totp::qr_svg(&url).ok_or_else(|| request::internal("drawing a QR code", "failed"))?;
    let grouped = secret
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    Ok(Some(TotpSetup {
        qr_svg,
        secret: grouped,
    }))
}

/// Finishes the set-up with a first code from the app; hands out the recovery codes once.
#[server(endpoint = "account/totp/confirm")]
pub async fn confirm_totp(code: String) -> Result<Vec<String>, AppError> {
    use crate::api::account::support::*;
    use crate::domain::account::{AccountForm, TrustLevel};
    use crate::domain::fields::FieldErrors;
    use crate::server::auth::{Event, token_hash, totp};
    use crate::server::{flash, request, storage};

    let state = request::state().map_err(request::fail)?;
    let session = require_session()?;
    let now = state.clock.now();
    let form = AccountForm::ConfirmAuthenticator;
    let errors = check_form(&state, form, &[("code", &code)], &session.email);
    if !errors.is_empty() {
        return Err(refuse(&state, forms::TOTP, pages::AUTHENTICATOR, &[], errors).await);
    }
    let credential = storage::second_factor::totp(&state.db, session.account_id)
        .await
        .map_err(internal("reading a set-up"))?
        .filter(|c| c.confirmed_at.is_none())
        .ok_or_else(|| request::fail(AppError::BadRequest))?;
    let secret = totp::open(&state.secret_key, &credential.secret)
        .ok_or_else(|| request::fail(request::internal("opening a secret", "failed")))?;
    let Some(step) = totp::verify(&secret, &code, now.0, 0) else {
        let mut errors = FieldErrors::new();
        errors.push("code", ErrorCode::InvalidCode);
        return Err(refuse(&state, forms::TOTP, pages::AUTHENTICATOR, &[], errors).await);
    };
    let codes = totp::new_recovery_codes()
        .ok_or_else(|| request::fail(request::internal("drawing recovery codes", "failed")))?;
    let hashes: Vec<String> = codes
        .iter()
        .map(|c| token_hash(&totp::normalize_recovery_code(c)))
        .collect();
    storage::second_factor::confirm_totp(&state.db, session.account_id, step, &hashes, now)
        .await
        .map_err(internal("confirming a set-up"))?;
    storage::sessions::reauthenticated(&state.db, &session.id_hash, TrustLevel::Substantial, now)
        .await
        .map_err(internal("raising the trust level"))?;
    audit(
        &state,
        Event::SecondFactorAdded,
        Some(session.account_id),
        Some("totp"),
    )
    .await?;
    // The next page shows them once (plain forms and the script alike).
    flash::store(&state, forms::RECOVERY_CODES, &codes)
        .await
        .map_err(request::fail)?;
    done(&state, forms::TOTP, pages::RECOVERY_CODES, None).await;
    Ok(codes)
}

/// New recovery codes in place of the old ones (needs the password entered recently);
/// they are shown once, like the first ones.
#[server(endpoint = "account/totp/recovery-codes")]
pub async fn renew_recovery_codes() -> Result<(), AppError> {
    use crate::api::account::support::*;
    use crate::server::auth::session::recently_authenticated;
    use crate::server::auth::{Event, token_hash, totp};
    use crate::server::{flash, request, storage};

    let state = request::state().map_err(request::fail)?;
    let session = require_session()?;
    let now = state.clock.now();
    if !recently_authenticated(&state.config.accounts, &session, now) {
        request::see_other(&format!("{}?weiter={}", pages::REAUTH, pages::SECURITY));
        return Err(AppError::Forbidden);
    }
    let codes = totp::new_recovery_codes()
        .ok_or_else(|| request::fail(request::internal("drawing recovery codes", "failed")))?;
    let hashes: Vec<String> = codes
        .iter()
        .map(|c| token_hash(&totp::normalize_recovery_code(c)))
        .collect();
    let renewed =
        storage::second_factor::renew_recovery_codes(&state.db, session.account_id, &hashes)
            .await
            .map_err(internal("renewing recovery codes"))?;
    if !renewed {
        return Err(request::fail(AppError::BadRequest));
    }
    audit(
        &state,
        Event::RecoveryCodesRenewed,
        Some(session.account_id),
        None,
    )
    .await?;
    flash::store(&state, forms::RECOVERY_CODES, &codes)
        .await
        .map_err(request::fail)?;
    done(&state, forms::TOTP, pages::RECOVERY_CODES, None).await;
    Ok(())
}

/// Removes the authenticator (needs the password entered recently; not for staff, who
/// must keep a second factor).
#[server(endpoint = "account/totp/remove")]
pub async fn remove_totp() -> Result<(), AppError> {
    use crate::api::account::support::*;
    use crate::domain::account::TrustLevel;
    use crate::server::auth::Event;
    use crate::server::auth::session::recently_authenticated;
    use crate::server::{request, storage};

    let state = request::state().map_err(request::fail)?;
    let session = require_session()?;
    let now = state.clock.now();
    if session.role.is_staff() {
        return Err(request::fail(AppError::Forbidden));
    }
    if !recently_authenticated(&state.config.accounts, &session, now) {
        request::see_other(&format!("{}?weiter={}", pages::REAUTH, pages::SECURITY));
        return Err(AppError::Forbidden);
    }
    storage::second_factor::delete_totp(&state.db, session.account_id)
        .await
        .map_err(internal("removing a second factor"))?;
    storage::sessions::reauthenticated(&state.db, &session.id_hash, TrustLevel::Basic, now)
        .await
        .map_err(internal("lowering the trust level"))?;
    audit(
        &state,
        Event::SecondFactorRemoved,
        Some(session.account_id),
        Some("totp"),
    )
    .await?;
    done(
        &state,
        forms::TOTP,
        pages::SECURITY,
        Some("second-factor-removed"),
    )
    .await;
    Ok(())
}

/// The second step of signing in: a code from the app, or a recovery code.
#[server(endpoint = "account/sign-in-code")]
pub async fn sign_in_code(code: String) -> Result<(), AppError> {
    use crate::api::account::support::*;
    use crate::domain::account::{AccountForm, TrustLevel};
    use crate::domain::fields::FieldErrors;
    use crate::server::auth::session::{
        self as sessions, PENDING_ATTEMPTS, PENDING_COOKIE, PENDING_SECS,
    };
    use crate::server::auth::{Event, is_token, token_hash, totp};
    use crate::server::{cookies, request, storage};

    let state = request::state().map_err(request::fail)?;
    let now = state.clock.now();
    let cookie_name = cookies::name(&state.config, PENDING_COOKIE);
    let pending_hash = request::cookie(&cookie_name)
        .filter(|t| is_token(t))
        .map(|t| token_hash(&t));
    let pending = match &pending_hash {
        Some(hash) => storage::second_factor::pending(&state.db, hash)
            .await
            .map_err(internal("reading a sign-in"))?,
        None => None,
    };
    let expired = pending
        .as_ref()
        .is_none_or(|p| now.0 - p.created_at >= PENDING_SECS || p.attempts >= PENDING_ATTEMPTS);
    let (Some(hash), Some(pending), false) = (pending_hash, pending, expired) else {
        // Start again: the password step comes first.
        if request::wants_html() {
            let mut errors = FieldErrors::new();
            errors.push("form", ErrorCode::InvalidCode);
            return Err(refuse(&state, forms::SIGN_IN, pages::SIGN_IN, &[], errors).await);
        }
        request::see_other(pages::SIGN_IN);
        return Err(AppError::Forbidden);
    };
    let errors = check_form(&state, AccountForm::SignInCode, &[("code", &code)], "");
    if !errors.is_empty() {
        let page = pages::SIGN_IN_CODE;
        return Err(refuse(&state, forms::SIGN_IN_CODE, page, &[], errors).await);
    }
    let credential = storage::second_factor::totp(&state.db, pending.account_id)
        .await
        .map_err(internal("reading second factors"))?
        .filter(|c| c.confirmed_at.is_some());
    let mut accepted = None;
    if let Some(credential) = &credential {
        let secret = totp::open(&state.secret_key, &credential.secret)
            .ok_or_else(|| request::fail(request::internal("opening a secret", "failed")))?;
        if let Some(step) = totp::verify(&secret, &code, now.0, credential.last_step)
            && storage::second_factor::use_step(&state.db, pending.account_id, step)
                .await
                .map_err(internal("using a code"))?
        {
            accepted = Some(None);
        }
    }
    if accepted.is_none() {
        let normalized = totp::normalize_recovery_code(&code);
        if normalized.len() == 10
            && storage::second_factor::use_recovery_code(
                &state.db,
                pending.account_id,
                &token_hash(&normalized),
                now,
            )
            .await
            .map_err(internal("using a recovery code"))?
        {
            accepted = Some(Some(Event::RecoveryCodeUsed));
        }
    }
    let Some(extra_event) = accepted else {
        storage::second_factor::count_attempt(&state.db, &hash)
            .await
            .map_err(internal("counting an attempt"))?;
        audit(
            &state,
            Event::SecondFactorFailed,
            Some(pending.account_id),
            None,
        )
        .await?;
        let mut errors = FieldErrors::new();
        errors.push("code", ErrorCode::InvalidCode);
        return Err(refuse(
            &state,
            forms::SIGN_IN_CODE,
            pages::SIGN_IN_CODE,
            &[],
            errors,
        )
        .await);
    };
    storage::second_factor::end_pending(&state.db, &hash)
        .await
        .map_err(internal("finishing a sign-in"))?;
    let user_agent = request::header(http::header::USER_AGENT);
    let cookie = sessions::start(
        &state,
        session().as_ref(),
        pending.account_id,
        TrustLevel::Substantial,
        &ip(),
        user_agent.as_deref(),
        now,
    )
    .await
    .map_err(internal("starting a session"))?;
    request::set_cookie(&cookie);
    request::set_cookie(&cookies::set(&state.config, PENDING_COOKIE, "", 0, true));
    if let Some(event) = extra_event {
        audit(&state, event, Some(pending.account_id), None).await?;
    }
    audit(
        &state,
        Event::SignedIn,
        Some(pending.account_id),
        Some("second factor"),
    )
    .await?;
    done(&state, forms::SIGN_IN_CODE, &pending.next_path, None).await;
    Ok(())
}
