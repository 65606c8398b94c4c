//! Applying with only an e-mail address: services whose form allows it (`access = "email"`)
//! can be applied for without registering. The citizen gives an address and gets a
//! single-use link; the link confirms the address and signs in an account that has no
//! password. Drafts, applications and (later) answers then live in that account like in any
//! other; setting a password (the reset link) makes it a full Servicekonto.
//!
//! A link never signs in an account that has a password: that would skip the password and
//! the second factor. Such an address gets a mail saying to sign in as usual, and the page
//! answers the same for every address.

use crate::api::AppError;
use leptos::prelude::*;

/// Asks for a sign-in link to `email`; `next` is where the link leads (a local path, the
/// application by default).
#[server(endpoint = "account/sign-in-link")]
pub async fn request_sign_in_link(email: String, next: Option<String>) -> Result<(), AppError> {
    use crate::api::account::support::*;
    use crate::api::account::{forms, pages};
    use crate::domain::account::{AccountForm, account_email};
    use crate::server::auth::Event;
    use crate::server::auth::throttle::{self, Decision};
    use crate::server::mail::{self, Mail};
    use crate::server::{request, storage};

    let state = request::state().map_err(request::fail)?;
    let next = onward_application(next.as_deref().unwrap_or_default());
    let back = crate::domain::url::encode_query_value(&next);
    let page = format!("{}?weiter={back}", pages::EMAIL_ACCESS);
    let errors = check_form(&state, AccountForm::SignInLink, &[("email", &email)], "");
    if !errors.is_empty() {
        let values = [("email", email.as_str())];
        return Err(refuse(&state, forms::SIGN_IN_LINK, &page, &values, errors).await);
    }
    let email = account_email(&email).map_err(|_| AppError::BadRequest)?;
    let now = state.clock.now();
    match throttle::before_mail(&state.db, &state.config.accounts, now, &email, &ip())
        .await
        .map_err(internal("throttling"))?
    {
        Decision::Wait(secs) => {
            return Err(too_many(&state, forms::SIGN_IN_LINK, &page, secs).await);
        }
        Decision::Skip => {}
        Decision::Allow => {
            let locale = request::locale();
            let account = match storage::accounts::by_email(&state.db, &email)
                .await
                .map_err(internal("reading an account"))?
            {
                Some(account) => Some(account),
                None => {
                    storage::accounts::create_without_password(&state.db, &email, locale, now)
                        .await
                        .map_err(internal("creating an account"))?;
                    storage::accounts::by_email(&state.db, &email)
                        .await
                        .map_err(internal("reading an account"))?
                }
            };
            match account.filter(|a| a.disabled_at.is_none()) {
                Some(account) if account.password_hash.is_none() => {
                    let token = NewToken {
                        next_path: Some(&next),
                        ..NewToken::plain(TokenPurpose::SignIn)
                    };
                    mail_link(&state, account.id, token, &email, locale, |link| {
                        Mail::SignInLink { link }
                    })
                    .await?;
                    audit(&state, Event::SignInLinkRequested, Some(account.id), None).await?;
                }
                Some(account) => {
                    let base = &state.config.site.base_url;
                    let message = Mail::SignInLinkHasPassword {
                        sign_in: format!("{base}{}?weiter={back}", pages::SIGN_IN),
                        reset: format!("{base}{}", pages::FORGOT),
                    };
                    mail::send(&state, &email, account.locale, &message, now)
                        .await
                        .map_err(internal("queueing mail"))?;
                    audit(&state, Event::SignInLinkRequested, Some(account.id), None).await?;
                }
                None => {}
            }
        }
    }
    done(&state, forms::SIGN_IN_LINK, pages::EMAIL_ACCESS_SENT, None).await;
    Ok(())
}

/// Signs in with the code of a sign-in link (a button on the page the link opens, so mail
/// scanners that follow links do not use it up) and goes on where the link was asked from.
#[server(endpoint = "account/sign-in-by-link")]
pub async fn sign_in_with_link(code: String) -> Result<(), AppError> {
    use crate::api::account::support::*;
    use crate::api::account::{forms, pages};
    use crate::domain::account::TrustLevel;
    use crate::domain::fields::ErrorCode;
    use crate::server::auth::{self as security, Event, session as sessions};
    use crate::server::request;
    use crate::server::storage::accounts;

    let state = request::state().map_err(request::fail)?;
    let now = state.clock.now();
    let refused = || {
        if request::wants_html() {
            request::see_other(&format!("{}?code=ungueltig", pages::SIGN_IN_LINK));
        }
        AppError::Validation {
            fields: vec![crate::api::error::FieldError {
                field: "code".into(),
                code: ErrorCode::InvalidCode,
            }],
        }
    };
    if !security::is_token(&code) {
        return Err(refused());
    }
    let Some(used) = accounts::consume_token(
        &state.db,
        &security::token_hash(&code),
        TokenPurpose::SignIn,
        now,
    )
    .await
    .map_err(internal("using a code"))?
    else {
        return Err(refused());
    };
    // Only an account that still has no password (one set meanwhile is what signs in now).
    let Some(account) = accounts::get(&state.db, used.account_id)
        .await
        .map_err(internal("reading an account"))?
        .filter(|a| a.disabled_at.is_none() && a.password_hash.is_none())
    else {
        return Err(refused());
    };
    accounts::mark_verified(&state.db, account.id, now)
        .await
        .map_err(internal("confirming an address"))?;
    let user_agent = request::header(http::header::USER_AGENT);
    let cookie = sessions::start(
        &state,
        session().as_ref(),
        account.id,
        TrustLevel::Basic,
        &ip(),
        user_agent.as_deref(),
        now,
    )
    .await
    .map_err(internal("starting a session"))?;
    request::set_cookie(&cookie);
    audit(&state, Event::SignedInByLink, Some(account.id), None).await?;
    let next = onward_application(used.next_path.as_deref().unwrap_or_default());
    done(&state, forms::SIGN_IN_LINK, &next, None).await;
    Ok(())
}

/// Where a sign-in link leads: a local page, "Meine Anträge" when none is given.
#[cfg(feature = "ssr")]
fn onward_application(next: &str) -> String {
    if next.is_empty() {
        crate::api::applications::pages::LIST.to_owned()
    } else {
        crate::api::account::support::onward(next)
    }
}
