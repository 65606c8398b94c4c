//! The Servicekonto's server functions: registration, e-mail confirmation, sign-in and
//! sign-out, password reset and change, sessions, data export and account deletion.
//!
//! Each is a public endpoint and checks for itself who is asking. Plain form posts (no
//! JavaScript) get a redirect: onward on success, back to the form with the typed values
//! (never passwords) and the errors on failure.

use crate::api::AppError;
use crate::domain::fields::ErrorCode;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A refused form as the next page view shows it again: typed values (never passwords)
/// and errors by field name. The field `form` stands for the whole form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormFlash {
    pub values: Vec<(String, String)>,
    pub errors: Vec<(String, ErrorCode)>,
}

impl FormFlash {
    pub fn value(&self, field: &str) -> String {
        self.values
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    pub fn error(&self, field: &str) -> Option<ErrorCode> {
        self.errors
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, c)| *c)
    }
}

/// A one-time message for the next page (`notice-<key>` in the locale files).
pub const NOTICE_FLASH: &str = "notice";

/// Flash kinds and pages of the account forms.
pub mod forms {
    pub const REGISTER: &str = "register";
    pub const SIGN_IN: &str = "sign-in";
    pub const FORGOT: &str = "forgot";
    pub const RESET: &str = "reset";
    pub const RESEND: &str = "resend";
    pub const CHANGE_PASSWORD: &str = "change-password";
    pub const REAUTH: &str = "reauth";
    pub const DELETE: &str = "delete";
    pub const PROFILE: &str = "profile";
    pub const EMAIL: &str = "email-change";
    pub const SIGN_IN_CODE: &str = "sign-in-code";
    pub const SIGN_IN_LINK: &str = "sign-in-link";
    pub const TOTP: &str = "totp";
    /// Not a form: the recovery codes, shown once after set-up.
    pub const RECOVERY_CODES: &str = "recovery-codes";
}

pub mod pages {
    pub const REGISTER: &str = "/konto/registrieren";
    pub const REGISTERED: &str = "/konto/registrieren/pruefen";
    pub const CONFIRM: &str = "/konto/bestaetigen";
    pub const SIGN_IN: &str = "/konto/anmelden";
    pub const FORGOT: &str = "/konto/passwort-vergessen";
    pub const FORGOT_SENT: &str = "/konto/passwort-vergessen/gesendet";
    pub const RESET: &str = "/konto/passwort-neu";
    pub const OVERVIEW: &str = "/konto";
    pub const SECURITY: &str = "/konto/sicherheit";
    pub const PRIVACY: &str = "/konto/datenschutz";
    pub const PROFILE: &str = "/konto/profil";
    pub const SIGN_IN_CODE: &str = "/konto/anmelden/code";
    pub const AUTHENTICATOR: &str = "/konto/sicherheit/authenticator";
    pub const RECOVERY_CODES: &str = "/konto/sicherheit/wiederherstellungscodes";
    pub const REAUTH: &str = "/konto/bestaetigen-passwort";
    pub const EXPORT: &str = "/konto/datenschutz/export.json";
    /// Applying with only an e-mail address: ask for a sign-in link…
    pub const EMAIL_ACCESS: &str = "/konto/email-zugang";
    /// …check your mail…
    pub const EMAIL_ACCESS_SENT: &str = "/konto/email-zugang/gesendet";
    /// …and the page the link opens (one button signs in).
    pub const SIGN_IN_LINK: &str = "/konto/email-zugang/anmelden";
}

/// What the overview and the header show of the signed-in person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountSummary {
    pub email: String,
    pub role: crate::domain::account::Role,
    pub trust_level: crate::domain::account::TrustLevel,
    pub created_at: i64,
}

/// One session on the security page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    pub handle: String,
    pub current: bool,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub user_agent: Option<String>,
    pub ip: Option<String>,
}

/// One security event on the security page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventView {
    pub at: i64,
    pub event: String,
    pub ip: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecurityOverview {
    pub account: AccountSummary,
    /// An authenticator app is set up.
    pub has_totp: bool,
    pub recovery_codes_left: i64,
    pub passkeys: Vec<crate::api::passkeys::PasskeyView>,
    /// The password was entered recently enough to add a passkey directly.
    pub recently_authenticated: bool,
    pub sessions: Vec<SessionView>,
    pub events: Vec<EventView>,
}

/// The profile page: the stored Stammdaten, the address and the Gemeinden to choose from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfilePage {
    pub email: String,
    pub form: crate::domain::profile::ProfileForm,
    pub places: crate::api::catalogue::Places,
    /// The password was entered recently enough to change the e-mail address directly.
    pub recently_authenticated: bool,
}

#[cfg(feature = "ssr")]
pub(crate) mod support {
    use super::*;
    use crate::domain::fields::FieldErrors;
    use crate::server::auth::session::SessionState;
    use crate::server::auth::{ClientIp, Event};
    use crate::server::state::AppState;
    pub use crate::server::storage::accounts::{NewToken, TokenPurpose};
    use crate::server::storage::sessions::Session;
    use crate::server::{auth, flash, request};

    pub fn ip() -> ClientIp {
        request::extension::<ClientIp>().unwrap_or(ClientIp(None))
    }

    pub fn session() -> Option<Session> {
        request::extension::<SessionState>().and_then(|s| s.active().cloned())
    }

    /// The signed-in session, or `Forbidden` (plain forms go to the sign-in page).
    pub fn require_session() -> Result<Session, AppError> {
        match session() {
            Some(session) => Ok(session),
            None => {
                request::see_other(pages::SIGN_IN);
                Err(AppError::Forbidden)
            }
        }
    }

    pub fn internal(what: &str) -> impl Fn(sqlx::Error) -> AppError + '_ {
        move |e| request::fail(request::internal(what, e))
    }

    pub async fn audit(
        state: &AppState,
        event: Event,
        account: Option<i64>,
        detail: Option<&str>,
    ) -> Result<(), AppError> {
        auth::audit(
            &state.db,
            state.clock.now(),
            event,
            account,
            None,
            &ip(),
            detail,
        )
        .await
        .map_err(internal("writing the audit log"))
    }

    /// Sends a plain form back to `page` with its values and errors; returns the error
    /// JavaScript callers get.
    pub async fn refuse(
        state: &AppState,
        kind: &str,
        page: &str,
        values: &[(&str, &str)],
        errors: FieldErrors<&'static str>,
    ) -> AppError {
        if request::wants_html() {
            let draft = FormFlash {
                values: values
                    .iter()
                    .map(|(f, v)| ((*f).to_owned(), v.chars().take(300).collect()))
                    .collect(),
                errors: errors
                    .errors
                    .iter()
                    .map(|(f, c)| ((*f).to_owned(), *c))
                    .collect(),
            };
            if let Err(error) = flash::store(state, kind, &draft).await {
                return request::fail(error);
            }
            request::see_other(&format!("{page}#fehler"));
        }
        AppError::validation(errors, |f| f)
    }

    /// Onward after success, with an optional notice for the next page: a redirect for
    /// plain forms, the `Location` header for the account forms' script.
    pub async fn done(state: &AppState, kind: &str, next: &str, notice: Option<&str>) {
        flash::clear(state, kind).await;
        if let Some(notice) = notice
            && let Err(error) = flash::store(state, NOTICE_FLASH, &notice.to_owned()).await
        {
            tracing::warn!(?error, "could not keep a notice");
        }
        request::see_other(next);
    }

    /// Too many attempts: JavaScript callers get 429 with `Retry-After`; plain forms go
    /// back with a message that says how long to wait.
    pub async fn too_many(state: &AppState, kind: &str, page: &str, wait_secs: i64) -> AppError {
        request::set_header(http::header::RETRY_AFTER, &wait_secs.max(1).to_string());
        if request::wants_html() {
            let mut errors = FieldErrors::new();
            errors.push("form", ErrorCode::TooMany);
            let _ = refuse(state, kind, page, &[], errors).await;
        } else {
            request::set_status(http::StatusCode::TOO_MANY_REQUESTS);
        }
        AppError::TooManyRequests
    }

    /// The shared rules of `form` (`AccountForm::check`, the same the browser runs) for
    /// the values a server function received.
    pub fn check_form(
        state: &AppState,
        form: crate::domain::account::AccountForm,
        values: &[(&str, &str)],
        account_email: &str,
    ) -> FieldErrors<&'static str> {
        use crate::domain::account::{FormContext, form_values};
        let words = site_words(state);
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let today = crate::domain::time::iso_date(state.clock.now().0);
        let cx = FormContext {
            site_words: &words,
            account_email,
            today: &today,
        };
        form.check(form_values(values), &cx)
    }

    /// The site words a password must not be made of.
    pub fn site_words(state: &AppState) -> Vec<String> {
        vec![
            state.config.site.name.clone(),
            state.config.site.short_name.clone(),
            state.config.site.region_name.clone(),
        ]
    }

    /// Issues a single-use link for the account (only the token's hash is stored) and
    /// queues the mail `make` builds around it, to `recipient`.
    pub async fn mail_link(
        state: &AppState,
        account_id: i64,
        token: crate::server::storage::accounts::NewToken<'_>,
        recipient: &str,
        locale: crate::domain::locale::Locale,
        make: impl FnOnce(String) -> crate::server::mail::Mail,
    ) -> Result<(), AppError> {
        use crate::server::clock::Timestamp;
        use crate::server::storage::accounts::{TokenPurpose, insert_token};
        let accounts = &state.config.accounts;
        let (lifetime, page) = match token.purpose {
            TokenPurpose::Reset => (accounts.reset_link_secs, pages::RESET),
            TokenPurpose::Verify | TokenPurpose::EmailChange => {
                (accounts.verify_link_secs, pages::CONFIRM)
            }
            TokenPurpose::SignIn => (accounts.sign_in_link_secs, pages::SIGN_IN_LINK),
        };
        let now = state.clock.now();
        let code = auth::random_token()
            .map_err(|e| request::fail(request::internal("drawing a token", e)))?;
        insert_token(
            &state.db,
            &auth::token_hash(&code),
            account_id,
            &token,
            now,
            Timestamp(now.0 + lifetime),
        )
        .await
        .map_err(internal("storing a token"))?;
        let mail = make(link(state, page, &code));
        crate::server::mail::send(state, recipient, locale, &mail, now)
            .await
            .map_err(internal("queueing mail"))
    }

    pub fn link(state: &AppState, path: &str, code: &str) -> String {
        format!("{}{path}?code={code}", state.config.site.base_url)
    }

    /// A local path to go on to after signing in (never another site).
    pub fn onward(next: &str) -> String {
        if crate::server::http::is_local_path(next) && !next.starts_with("/api/") {
            next.to_owned()
        } else {
            pages::OVERVIEW.to_owned()
        }
    }
}

/// Registers a new account and sends the confirmation link. A known address gets a
/// "you already have an account" mail instead, and the answer is the same.
#[server(endpoint = "account/register")]
pub async fn register(email: String, password: String) -> Result<(), AppError> {
    use crate::domain::account::{AccountForm, RegisterForm, Role, account_email};
    use crate::server::auth::throttle::{self, Decision};
    use crate::server::auth::{Event, password::is_common};
    use crate::server::mail::{self, Mail};
    use crate::server::{request, storage};
    use support::*;

    let state = request::state().map_err(request::fail)?;
    let form = RegisterForm { email, password };
    let values = [("email", form.email.as_str()), ("password", &form.password)];
    let mut errors = check_form(&state, AccountForm::Register, &values, "");
    if errors.get("password").is_none() && is_common(&form.password) {
        errors.push("password", ErrorCode::CommonPassword);
    }
    if !errors.is_empty() {
        return Err(refuse(
            &state,
            forms::REGISTER,
            pages::REGISTER,
            &[("email", &form.email)],
            errors,
        )
        .await);
    }
    let email = account_email(&form.email).map_err(|_| AppError::BadRequest)?;
    let now = state.clock.now();
    match throttle::before_mail(&state.db, &state.config.accounts, now, &email, &ip())
        .await
        .map_err(internal("throttling"))?
    {
        Decision::Wait(secs) => {
            return Err(too_many(&state, forms::REGISTER, pages::REGISTER, secs).await);
        }
        Decision::Skip => {
            done(&state, forms::REGISTER, pages::REGISTERED, None).await;
            return Ok(());
        }
        Decision::Allow => {}
    }
    // Hash first in both cases: the answer takes as long for a known address.
    let hash = state
        .passwords
        .hash(&form.password)
        .await
        .map_err(|e| request::fail(request::internal("hashing a password", e)))?;
    let locale = request::locale();
    let created = storage::accounts::create(&state.db, &email, &hash, Role::Citizen, locale, now)
        .await
        .map_err(internal("creating an account"))?;
    match created {
        Some(id) => {
            let token = NewToken::plain(TokenPurpose::Verify);
            mail_link(&state, id, token, &email, locale, |link| Mail::Verify {
                link,
            })
            .await?;
            audit(&state, Event::Registered, Some(id), None).await?;
        }
        None => {
            let existing = storage::accounts::by_email(&state.db, &email)
                .await
                .map_err(internal("reading an account"))?;
            if let Some(account) = existing
                .as_ref()
                .filter(|a| a.password_hash.is_none() && a.disabled_at.is_none())
            {
                // The address was used to apply without a password: the reset link sets
                // one, which makes it a full Servicekonto (with its applications).
                let token = NewToken::plain(TokenPurpose::Reset);
                mail_link(&state, account.id, token, &email, account.locale, |link| {
                    Mail::Reset { link }
                })
                .await?;
                audit(&state, Event::RegisteredAgain, Some(account.id), None).await?;
                done(&state, forms::REGISTER, pages::REGISTERED, None).await;
                return Ok(());
            }
            let base = &state.config.site.base_url;
            let message = Mail::AlreadyRegistered {
                sign_in: format!("{base}{}", pages::SIGN_IN),
                reset: format!("{base}{}", pages::FORGOT),
            };
            let locale = existing.as_ref().map_or(locale, |a| a.locale);
            mail::send(&state, &email, locale, &message, now)
                .await
                .map_err(internal("queueing mail"))?;
            audit(&state, Event::RegisteredAgain, existing.map(|a| a.id), None).await?;
        }
    }
    done(&state, forms::REGISTER, pages::REGISTERED, None).await;
    Ok(())
}

/// Sends the confirmation link again, to an unconfirmed account (and nothing otherwise;
/// the answer is the same).
#[server(endpoint = "account/resend")]
pub async fn resend_confirmation(email: String) -> Result<(), AppError> {
    use crate::domain::account::{AccountForm, account_email};
    use crate::server::auth::throttle::{self, Decision};
    use crate::server::mail::Mail;
    use crate::server::{request, storage};
    use support::*;

    let state = request::state().map_err(request::fail)?;
    let errors = check_form(
        &state,
        AccountForm::ResendConfirmation,
        &[("email", &email)],
        "",
    );
    if !errors.is_empty() {
        return Err(refuse(
            &state,
            forms::RESEND,
            pages::REGISTERED,
            &[("email", &email)],
            errors,
        )
        .await);
    }
    let email = account_email(&email).map_err(|_| AppError::BadRequest)?;
    let now = state.clock.now();
    match throttle::before_mail(&state.db, &state.config.accounts, now, &email, &ip())
        .await
        .map_err(internal("throttling"))?
    {
        Decision::Wait(secs) => {
            return Err(too_many(&state, forms::RESEND, pages::REGISTERED, secs).await);
        }
        Decision::Skip => {}
        Decision::Allow => {
            let account = storage::accounts::by_email(&state.db, &email)
                .await
                .map_err(internal("reading an account"))?;
            if let Some(account) = account.filter(|a| a.email_verified_at.is_none()) {
                let token = NewToken::plain(TokenPurpose::Verify);
                mail_link(&state, account.id, token, &email, account.locale, |link| {
                    Mail::Verify { link }
                })
                .await?;
            }
        }
    }
    done(
        &state,
        forms::RESEND,
        pages::REGISTERED,
        Some("confirmation-resent"),
    )
    .await;
    Ok(())
}

/// Whether a confirmation or reset code is (still) valid: the pages ask before showing
/// their button or form.
#[server(endpoint = "account/code", input = leptos::server_fn::codec::GetUrl)]
pub async fn check_code(code: String, purpose: String) -> Result<bool, AppError> {
    use crate::server::auth;
    use crate::server::request;
    use crate::server::storage::accounts::{TokenPurpose, peek_token};

    let state = request::state()?;
    // `confirm`: a new account's address or a changed one; `reset`: a new password.
    let purposes: &[TokenPurpose] = match purpose.as_str() {
        "confirm" => &[TokenPurpose::Verify, TokenPurpose::EmailChange],
        "reset" => &[TokenPurpose::Reset],
        "sign-in" => &[TokenPurpose::SignIn],
        _ => return Err(AppError::BadRequest),
    };
    if !auth::is_token(&code) {
        return Ok(false);
    }
    let hash = auth::token_hash(&code);
    for purpose in purposes {
        let found = peek_token(&state.db, &hash, *purpose, state.clock.now())
            .await
            .map_err(|e| request::internal("checking a code", e))?;
        if found.is_some() {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Confirms an e-mail address with the code from the mail (a button on the page the link
/// opens, so mail scanners that follow links do not use it up).
#[server(endpoint = "account/confirm")]
pub async fn confirm_email(code: String) -> Result<(), AppError> {
    use crate::server::auth::{self as security, Event};
    use crate::server::mail::{self, Mail};
    use crate::server::request;
    use crate::server::storage::accounts::{self, TokenPurpose};
    use support::*;

    let state = request::state().map_err(request::fail)?;
    let now = state.clock.now();
    let refused = || {
        if request::wants_html() {
            request::see_other(&format!("{}?code=ungueltig", pages::CONFIRM));
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
    let hash = security::token_hash(&code);
    // A code is either for a new account or for a changed address.
    if let Some(used) = accounts::consume_token(&state.db, &hash, TokenPurpose::Verify, now)
        .await
        .map_err(internal("using a code"))?
    {
        accounts::mark_verified(&state.db, used.account_id, now)
            .await
            .map_err(internal("confirming an address"))?;
        audit(&state, Event::EmailVerified, Some(used.account_id), None).await?;
    } else if let Some(used) =
        accounts::consume_token(&state.db, &hash, TokenPurpose::EmailChange, now)
            .await
            .map_err(internal("using a code"))?
    {
        let (Some(new_email), Some(account)) = (
            used.new_email,
            accounts::get(&state.db, used.account_id)
                .await
                .map_err(internal("reading an account"))?,
        ) else {
            return Err(refused());
        };
        if !accounts::change_email(&state.db, account.id, &new_email, now)
            .await
            .map_err(internal("changing an address"))?
        {
            return Err(refused());
        }
        mail::send(
            &state,
            &account.email,
            account.locale,
            &Mail::EmailChanged {
                new_email: new_email.clone(),
            },
            now,
        )
        .await
        .map_err(internal("queueing mail"))?;
        audit(&state, Event::EmailChanged, Some(account.id), None).await?;
    } else {
        return Err(refused());
    }
    let next = if session().is_some() {
        pages::OVERVIEW
    } else {
        pages::SIGN_IN
    };
    done(&state, "confirm", next, Some("email-confirmed")).await;
    Ok(())
}

/// Signs in with e-mail and password. Unknown addresses and wrong passwords get the same
/// answer after the same work; throttling is decided before any hashing.
#[server(endpoint = "account/sign-in")]
pub async fn sign_in(
    email: String,
    password: String,
    next: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::account::{AccountForm, TrustLevel, account_email};
    use crate::domain::fields::FieldErrors;
    use crate::server::auth::throttle::{self, Decision};
    use crate::server::auth::{Event, session};
    use crate::server::{request, storage};
    use support::*;

    let state = request::state().map_err(request::fail)?;
    let errors = check_form(
        &state,
        AccountForm::SignIn,
        &[("email", &email), ("password", &password)],
        "",
    );
    let values = [
        ("email", email.as_str()),
        ("next", next.as_deref().unwrap_or("")),
    ];
    if !errors.is_empty() {
        return Err(refuse(&state, forms::SIGN_IN, pages::SIGN_IN, &values, errors).await);
    }
    let email = account_email(&email).map_err(|_| AppError::BadRequest)?;
    let now = state.clock.now();
    let client = ip();
    if let Decision::Wait(secs) =
        throttle::before_sign_in(&state.db, &state.config.accounts, now, &email, &client)
            .await
            .map_err(internal("throttling"))?
    {
        audit(&state, Event::SignInThrottled, None, None).await?;
        return Err(too_many(&state, forms::SIGN_IN, pages::SIGN_IN, secs).await);
    }
    let account = storage::accounts::by_email(&state.db, &email)
        .await
        .map_err(internal("reading an account"))?
        .filter(|a| a.disabled_at.is_none());
    let matches = state
        .passwords
        .verify(
            &password,
            account.as_ref().and_then(|a| a.password_hash.as_deref()),
        )
        .await
        .map_err(|e| request::fail(request::internal("checking a password", e)))?;
    let account = match (account, matches) {
        (Some(account), true) => account,
        (account, _) => {
            throttle::sign_in_failed(&state.db, now, &email, &client)
                .await
                .map_err(internal("throttling"))?;
            audit(&state, Event::SignInFailed, account.map(|a| a.id), None).await?;
            let mut errors = FieldErrors::new();
            errors.push("form", ErrorCode::WrongPassword);
            return Err(refuse(&state, forms::SIGN_IN, pages::SIGN_IN, &values, errors).await);
        }
    };
    if account.email_verified_at.is_none() {
        // The password was right, so saying this reveals nothing new.
        let mut errors = FieldErrors::new();
        errors.push("form", ErrorCode::Unconfirmed);
        return Err(refuse(&state, forms::SIGN_IN, pages::SIGN_IN, &values, errors).await);
    }
    throttle::forgive(&state.db, &email, Some(&client))
        .await
        .map_err(internal("throttling"))?;
    if let Some(stored) = account.password_hash.as_deref()
        && !state.passwords.is_current(stored)
    {
        // Made with an older cost: hash it again now that the password is at hand.
        let hash = state
            .passwords
            .hash(&password)
            .await
            .map_err(|e| request::fail(request::internal("hashing a password", e)))?;
        storage::accounts::rehash_password(&state.db, account.id, &hash)
            .await
            .map_err(internal("storing a new hash"))?;
    }
    let onward_path = onward(next.as_deref().unwrap_or(""));
    let has_totp = storage::second_factor::totp(&state.db, account.id)
        .await
        .map_err(internal("reading second factors"))?
        .is_some_and(|t| t.confirmed_at.is_some());
    if has_totp {
        // The password was right; the second factor follows on its own page.
        let token = crate::server::auth::random_token()
            .map_err(|e| request::fail(request::internal("drawing a token", e)))?;
        storage::second_factor::start_pending(
            &state.db,
            &crate::server::auth::token_hash(&token),
            account.id,
            &onward_path,
            now,
        )
        .await
        .map_err(internal("starting a sign-in"))?;
        request::set_cookie(&crate::server::cookies::set(
            &state.config,
            crate::server::auth::session::PENDING_COOKIE,
            &token,
            crate::server::auth::session::PENDING_SECS,
            true,
        ));
        done(&state, forms::SIGN_IN, pages::SIGN_IN_CODE, None).await;
        return Ok(());
    }
    let user_agent = request::header(http::header::USER_AGENT);
    let cookie = session::start(
        &state,
        session().as_ref(),
        account.id,
        TrustLevel::Basic,
        &client,
        user_agent.as_deref(),
        now,
    )
    .await
    .map_err(internal("starting a session"))?;
    request::set_cookie(&cookie);
    audit(&state, Event::SignedIn, Some(account.id), None).await?;
    done(&state, forms::SIGN_IN, &onward_path, None).await;
    Ok(())
}

/// Ends this session; the browser forgets the cookie and cached pages.
#[server(endpoint = "account/sign-out")]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::server::auth::{Event, session as sessions};
    use crate::server::{request, storage};
    use support::*;

    let state = request::state().map_err(request::fail)?;
    if let Some(current) = session() {
        storage::sessions::delete(&state.db, &current.id_hash)
            .await
            .map_err(internal("ending a session"))?;
        audit(&state, Event::SignedOut, Some(current.account_id), None).await?;
    }
    request::set_cookie(&sessions::removal(&state.config));
    request::set_header(
        http::HeaderName::from_static("clear-site-data"),
        "\"cache\", \"storage\"",
    );
    done(&state, "sign-out", "/", Some("signed-out")).await;
    Ok(())
}

/// Ends every session of the account, this one included.
#[server(endpoint = "account/sign-out-everywhere")]
pub async fn sign_out_everywhere() -> Result<(), AppError> {
    use crate::server::auth::{Event, session as sessions};
    use crate::server::{request, storage};
    use support::*;

    let state = request::state().map_err(request::fail)?;
    let current = require_session()?;
    storage::sessions::delete_all_for(&state.db, current.account_id, None)
        .await
        .map_err(internal("ending sessions"))?;
    audit(
        &state,
        Event::SignedOutEverywhere,
        Some(current.account_id),
        None,
    )
    .await?;
    request::set_cookie(&sessions::removal(&state.config));
    request::set_header(
        http::HeaderName::from_static("clear-site-data"),
        "\"cache\", \"storage\"",
    );
    done(&state, "sign-out", "/", Some("signed-out-everywhere")).await;
    Ok(())
}

/// Ends one other session of the account (security page).
#[server(endpoint = "account/revoke-session")]
pub async fn revoke_session(handle: String) -> Result<(), AppError> {
    use crate::server::auth::Event;
    use crate::server::{request, storage};
    use support::*;

    let state = request::state().map_err(request::fail)?;
    let current = require_session()?;
    let handle: String = handle.chars().take(32).collect();
    let ended = storage::sessions::delete_by_handle(&state.db, current.account_id, &handle)
        .await
        .map_err(internal("ending a session"))?;
    if !ended {
        return Err(request::fail(AppError::NotFound));
    }
    audit(
        &state,
        Event::SessionRevoked,
        Some(current.account_id),
        None,
    )
    .await?;
    done(&state, "revoke", pages::SECURITY, Some("session-revoked")).await;
    Ok(())
}

/// Asks for a reset link. Every address gets the same answer; one without an account gets
/// a mail saying so (which also keeps the timing the same).
#[server(endpoint = "account/forgot")]
pub async fn request_reset(email: String) -> Result<(), AppError> {
    use crate::domain::account::{AccountForm, account_email};
    use crate::server::auth::Event;
    use crate::server::auth::throttle::{self, Decision};
    use crate::server::mail::{self, Mail};
    use crate::server::{request, storage};
    use support::*;

    let state = request::state().map_err(request::fail)?;
    let errors = check_form(
        &state,
        AccountForm::ForgotPassword,
        &[("email", &email)],
        "",
    );
    if !errors.is_empty() {
        return Err(refuse(
            &state,
            forms::FORGOT,
            pages::FORGOT,
            &[("email", &email)],
            errors,
        )
        .await);
    }
    let email = account_email(&email).map_err(|_| AppError::BadRequest)?;
    let now = state.clock.now();
    match throttle::before_mail(&state.db, &state.config.accounts, now, &email, &ip())
        .await
        .map_err(internal("throttling"))?
    {
        Decision::Wait(secs) => {
            return Err(too_many(&state, forms::FORGOT, pages::FORGOT, secs).await);
        }
        Decision::Skip => {}
        Decision::Allow => {
            let account = storage::accounts::by_email(&state.db, &email)
                .await
                .map_err(internal("reading an account"))?
                .filter(|a| a.disabled_at.is_none());
            match account {
                Some(account) => {
                    let token = NewToken::plain(TokenPurpose::Reset);
                    mail_link(&state, account.id, token, &email, account.locale, |link| {
                        Mail::Reset { link }
                    })
                    .await?;
                    audit(
                        &state,
                        Event::PasswordResetRequested,
                        Some(account.id),
                        None,
                    )
                    .await?;
                }
                None => {
                    let register = format!("{}{}", state.config.site.base_url, pages::REGISTER);
                    mail::send(
                        &state,
                        &email,
                        request::locale(),
                        &Mail::ResetUnknown { register },
                        now,
                    )
                    .await
                    .map_err(internal("queueing mail"))?;
                    audit(&state, Event::PasswordResetRequested, None, None).await?;
                }
            }
        }
    }
    done(&state, forms::FORGOT, pages::FORGOT_SENT, None).await;
    Ok(())
}

/// Sets a new password with the code from the reset mail; ends every session.
#[server(endpoint = "account/reset")]
pub async fn reset_password(code: String, password: String) -> Result<(), AppError> {
    use crate::domain::account::AccountForm;
    use crate::domain::fields::FieldErrors;
    use crate::server::auth::{self as security, Event, password::is_common, throttle};
    use crate::server::mail::{self, Mail};
    use crate::server::storage::accounts::{self, TokenPurpose};
    use crate::server::{request, storage};
    use support::*;

    let state = request::state().map_err(request::fail)?;
    let now = state.clock.now();
    let page = format!(
        "{}?code={}",
        pages::RESET,
        if security::is_token(&code) {
            code.as_str()
        } else {
            "ungueltig"
        }
    );
    if !security::is_token(&code) {
        let mut errors = FieldErrors::new();
        errors.push("form", ErrorCode::InvalidCode);
        return Err(refuse(&state, forms::RESET, &page, &[], errors).await);
    }
    let hash = security::token_hash(&code);
    let Some(pending) = accounts::peek_token(&state.db, &hash, TokenPurpose::Reset, now)
        .await
        .map_err(internal("checking a code"))?
    else {
        let mut errors = FieldErrors::new();
        errors.push("form", ErrorCode::InvalidCode);
        return Err(refuse(&state, forms::RESET, &page, &[], errors).await);
    };
    let account = accounts::get(&state.db, pending.account_id)
        .await
        .map_err(internal("reading an account"))?
        .ok_or(AppError::NotFound)?;
    let form = AccountForm::ResetPassword;
    let mut errors = check_form(&state, form, &[("password", &password)], &account.email);
    if errors.is_empty() && is_common(&password) {
        errors.push("password", ErrorCode::CommonPassword);
    }
    if !errors.is_empty() {
        return Err(refuse(&state, forms::RESET, &page, &[], errors).await);
    }
    let new_hash = state
        .passwords
        .hash(&password)
        .await
        .map_err(|e| request::fail(request::internal("hashing a password", e)))?;
    // Use the code only now, once the new password is acceptable.
    if accounts::consume_token(&state.db, &hash, TokenPurpose::Reset, now)
        .await
        .map_err(internal("using a code"))?
        .is_none()
    {
        let mut errors = FieldErrors::new();
        errors.push("form", ErrorCode::InvalidCode);
        return Err(refuse(&state, forms::RESET, &page, &[], errors).await);
    }
    accounts::set_password(&state.db, account.id, &new_hash, now)
        .await
        .map_err(internal("setting a password"))?;
    // The link proves the address, too.
    accounts::mark_verified(&state.db, account.id, now)
        .await
        .map_err(internal("confirming an address"))?;
    storage::sessions::delete_all_for(&state.db, account.id, None)
        .await
        .map_err(internal("ending sessions"))?;
    throttle::forgive(&state.db, &account.email, None)
        .await
        .map_err(internal("throttling"))?;
    mail::send(
        &state,
        &account.email,
        account.locale,
        &Mail::PasswordChanged,
        now,
    )
    .await
    .map_err(internal("queueing mail"))?;
    audit(&state, Event::PasswordReset, Some(account.id), None).await?;
    request::set_cookie(&crate::server::auth::session::removal(&state.config));
    done(&state, forms::RESET, pages::SIGN_IN, Some("password-reset")).await;
    Ok(())
}

/// Changes the password (the current one proves it is the owner); ends the other sessions.
#[server(endpoint = "account/change-password")]
pub async fn change_password(current: String, password: String) -> Result<(), AppError> {
    use crate::domain::account::AccountForm;
    use crate::domain::fields::FieldErrors;
    use crate::server::auth::{Event, password::is_common};
    use crate::server::mail::{self, Mail};
    use crate::server::{request, storage};
    use support::*;

    let state = request::state().map_err(request::fail)?;
    let session = require_session()?;
    let now = state.clock.now();
    let values = [("current", current.as_str()), ("password", &password)];
    let form = AccountForm::ChangePassword;
    let mut errors = check_form(&state, form, &values, &session.email);
    if errors.get("password").is_none() && is_common(&password) {
        errors.push("password", ErrorCode::CommonPassword);
    }
    if !errors.is_empty() {
        return Err(refuse(&state, forms::CHANGE_PASSWORD, pages::SECURITY, &[], errors).await);
    }
    let account = storage::accounts::get(&state.db, session.account_id)
        .await
        .map_err(internal("reading an account"))?
        .ok_or(AppError::Forbidden)?;
    let matches = state
        .passwords
        .verify(&current, account.password_hash.as_deref())
        .await
        .map_err(|e| request::fail(request::internal("checking a password", e)))?;
    if !matches {
        let mut errors = FieldErrors::new();
        errors.push("current", ErrorCode::WrongPassword);
        return Err(refuse(&state, forms::CHANGE_PASSWORD, pages::SECURITY, &[], errors).await);
    }
    let hash = state
        .passwords
        .hash(&password)
        .await
        .map_err(|e| request::fail(request::internal("hashing a password", e)))?;
    storage::accounts::set_password(&state.db, account.id, &hash, now)
        .await
        .map_err(internal("setting a password"))?;
    storage::sessions::delete_all_for(&state.db, account.id, Some(&session.id_hash))
        .await
        .map_err(internal("ending sessions"))?;
    storage::sessions::reauthenticated(&state.db, &session.id_hash, session.trust_level, now)
        .await
        .map_err(internal("noting the authentication"))?;
    mail::send(
        &state,
        &account.email,
        account.locale,
        &Mail::PasswordChanged,
        now,
    )
    .await
    .map_err(internal("queueing mail"))?;
    audit(&state, Event::PasswordChanged, Some(account.id), None).await?;
    done(
        &state,
        forms::CHANGE_PASSWORD,
        pages::SECURITY,
        Some("password-changed"),
    )
    .await;
    Ok(())
}

/// Enters the password again before a sensitive step (valid for ten minutes).
#[server(endpoint = "account/reauthenticate")]
pub async fn reauthenticate(password: String, next: Option<String>) -> Result<(), AppError> {
    use crate::domain::account::AccountForm;
    use crate::domain::fields::FieldErrors;
    use crate::server::auth::Event;
    use crate::server::auth::throttle::{self, Decision};
    use crate::server::{request, storage};
    use support::*;

    let state = request::state().map_err(request::fail)?;
    let session = require_session()?;
    let now = state.clock.now();
    let next_value = next.clone().unwrap_or_default();
    let values = [("next", next_value.as_str())];
    let errors = check_form(
        &state,
        AccountForm::Reauthenticate,
        &[("password", &password)],
        "",
    );
    if !errors.is_empty() {
        return Err(refuse(&state, forms::REAUTH, pages::REAUTH, &values, errors).await);
    }
    if let Decision::Wait(secs) = throttle::before_sign_in(
        &state.db,
        &state.config.accounts,
        now,
        &session.email,
        &ip(),
    )
    .await
    .map_err(internal("throttling"))?
    {
        return Err(too_many(&state, forms::REAUTH, pages::REAUTH, secs).await);
    }
    let account = storage::accounts::get(&state.db, session.account_id)
        .await
        .map_err(internal("reading an account"))?
        .ok_or(AppError::Forbidden)?;
    let matches = state
        .passwords
        .verify(&password, account.password_hash.as_deref())
        .await
        .map_err(|e| request::fail(request::internal("checking a password", e)))?;
    if !matches {
        throttle::sign_in_failed(&state.db, now, &session.email, &ip())
            .await
            .map_err(internal("throttling"))?;
        let mut errors = FieldErrors::new();
        errors.push("password", ErrorCode::WrongPassword);
        return Err(refuse(&state, forms::REAUTH, pages::REAUTH, &values, errors).await);
    }
    storage::sessions::reauthenticated(&state.db, &session.id_hash, session.trust_level, now)
        .await
        .map_err(internal("noting the authentication"))?;
    audit(&state, Event::Reauthenticated, Some(account.id), None).await?;
    done(&state, forms::REAUTH, &onward(&next_value), None).await;
    Ok(())
}

/// Deletes the account (GDPR Art. 17) after the password is entered again (an account
/// without a password: after signing in by link within the last minutes). Submitted
/// applications stay with the authorities under their legal duty, unlinked from it.
#[server(endpoint = "account/delete")]
pub async fn delete_account(
    password: Option<String>,
    confirm: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::account::AccountForm;
    use crate::domain::fields::FieldErrors;
    use crate::server::auth::{Event, session as sessions};
    use crate::server::mail::{self, Mail};
    use crate::server::{request, storage};
    use support::*;

    let state = request::state().map_err(request::fail)?;
    let session = require_session()?;
    let now = state.clock.now();
    let password = password.unwrap_or_default();
    let values = [
        ("password", password.as_str()),
        ("confirm", confirm.as_deref().unwrap_or_default()),
    ];
    let form = if session.has_password {
        AccountForm::DeleteAccount
    } else {
        AccountForm::DeleteWithoutPassword
    };
    let errors = check_form(&state, form, &values, "");
    if !errors.is_empty() {
        return Err(refuse(&state, forms::DELETE, pages::PRIVACY, &[], errors).await);
    }
    let account = storage::accounts::get(&state.db, session.account_id)
        .await
        .map_err(internal("reading an account"))?
        .ok_or(AppError::Forbidden)?;
    if account.password_hash.is_none() {
        // A fresh sign-in link stands in for the password.
        if !crate::server::auth::session::recently_authenticated(
            &state.config.accounts,
            &session,
            now,
        ) {
            request::see_other(&format!("{}?weiter={}", pages::REAUTH, pages::PRIVACY));
            return Err(AppError::Forbidden);
        }
    } else {
        let matches = state
            .passwords
            .verify(&password, account.password_hash.as_deref())
            .await
            .map_err(|e| request::fail(request::internal("checking a password", e)))?;
        if !matches {
            let mut errors = FieldErrors::new();
            errors.push("password", ErrorCode::WrongPassword);
            return Err(refuse(&state, forms::DELETE, pages::PRIVACY, &[], errors).await);
        }
    }
    // Drafts go with the account (submitted applications stay with the authority).
    let draft_files = storage::attachments::of_drafts_of(&state.db, account.id)
        .await
        .map_err(internal("reading draft files"))?;
    storage::applications::delete_drafts_of(&state.db, account.id)
        .await
        .map_err(internal("deleting drafts"))?;
    for key in draft_files {
        if let Err(error) = state.objects.delete(&key).await {
            tracing::warn!(%error, "a draft's file stays behind");
        }
    }
    // Its general messages go too; the threads of submitted applications stay with the
    // authority's file.
    storage::messages::delete_general_of(&state.db, account.id)
        .await
        .map_err(internal("deleting messages"))?;
    storage::accounts::delete(&state.db, account.id)
        .await
        .map_err(internal("deleting an account"))?;
    audit(&state, Event::AccountDeleted, Some(account.id), None).await?;
    mail::send(
        &state,
        &account.email,
        account.locale,
        &Mail::AccountDeleted,
        now,
    )
    .await
    .map_err(internal("queueing mail"))?;
    request::set_cookie(&sessions::removal(&state.config));
    request::set_header(
        http::HeaderName::from_static("clear-site-data"),
        "\"cache\", \"storage\"",
    );
    done(&state, forms::DELETE, "/", Some("account-deleted")).await;
    Ok(())
}

/// The overview: who is signed in.
#[server(endpoint = "account/summary", input = leptos::server_fn::codec::GetUrl)]
pub async fn load_account() -> Result<AccountSummary, AppError> {
    use crate::server::{request, storage};
    use support::*;

    let state = request::state()?;
    let session = session().ok_or(AppError::Forbidden)?;
    let account = storage::accounts::get(&state.db, session.account_id)
        .await
        .map_err(|e| request::internal("reading an account", e))?
        .ok_or(AppError::Forbidden)?;
    Ok(AccountSummary {
        email: account.email,
        role: account.role,
        trust_level: session.trust_level,
        created_at: account.created_at,
    })
}

/// The security page: sessions and recent security events.
#[server(endpoint = "account/security", input = leptos::server_fn::codec::GetUrl)]
pub async fn load_security() -> Result<SecurityOverview, AppError> {
    use crate::server::{request, storage};
    use support::*;

    let state = request::state()?;
    let session = session().ok_or(AppError::Forbidden)?;
    let fail = |e: sqlx::Error| request::internal("loading the security page", e);
    let account = storage::accounts::get(&state.db, session.account_id)
        .await
        .map_err(fail)?
        .ok_or(AppError::Forbidden)?;
    let sessions = storage::sessions::list_for(&state.db, account.id)
        .await
        .map_err(fail)?
        .into_iter()
        .map(|s| SessionView {
            handle: storage::sessions::handle(&s.id_hash),
            current: s.id_hash == session.id_hash,
            created_at: s.created_at,
            last_seen_at: s.last_seen_at,
            user_agent: s.user_agent,
            ip: s.ip,
        })
        .collect();
    let events = storage::audit::for_account(&state.db, account.id, 20)
        .await
        .map_err(fail)?
        .into_iter()
        .map(|e| EventView {
            at: e.at,
            event: e.event,
            ip: e.ip,
        })
        .collect();
    let has_totp = storage::second_factor::totp(&state.db, account.id)
        .await
        .map_err(fail)?
        .is_some_and(|t| t.confirmed_at.is_some());
    let recovery_codes_left = storage::second_factor::unused_recovery_codes(&state.db, account.id)
        .await
        .map_err(fail)?;
    let passkeys = storage::passkeys::for_account(&state.db, account.id)
        .await
        .map_err(fail)?
        .into_iter()
        .map(|p| crate::api::passkeys::PasskeyView {
            id: p.id,
            name: p.name,
            created_at: p.created_at,
            last_used_at: p.last_used_at,
        })
        .collect();
    Ok(SecurityOverview {
        has_totp,
        recovery_codes_left,
        passkeys,
        recently_authenticated: crate::server::auth::session::recently_authenticated(
            &state.config.accounts,
            &session,
            state.clock.now(),
        ),
        account: AccountSummary {
            email: account.email,
            role: account.role,
            trust_level: session.trust_level,
            created_at: account.created_at,
        },
        sessions,
        events,
    })
}

/// The profile page's data.
#[server(endpoint = "account/profile", input = leptos::server_fn::codec::GetUrl)]
pub async fn load_profile() -> Result<ProfilePage, AppError> {
    use crate::server::auth::session::recently_authenticated;
    use crate::server::{request, storage};
    use support::*;

    let state = request::state()?;
    let session = session().ok_or(AppError::Forbidden)?;
    let fail = |e: sqlx::Error| request::internal("loading the profile", e);
    let mut form = storage::profiles::get(&state.db, session.account_id)
        .await
        .map_err(fail)?;
    form.language = session.locale.as_str().to_owned();
    let places = crate::api::catalogue::places_of(&state.db)
        .await
        .map_err(fail)?;
    Ok(ProfilePage {
        email: session.email.clone(),
        form,
        places,
        recently_authenticated: recently_authenticated(
            &state.config.accounts,
            &session,
            state.clock.now(),
        ),
    })
}

/// Saves the Stammdaten (and the preferred language).
#[server(endpoint = "account/save-profile")]
pub async fn save_profile(form: crate::domain::profile::ProfileForm) -> Result<(), AppError> {
    use crate::domain::locale::Locale;
    use crate::domain::region::{Ags, RegionKind};
    use crate::domain::time::iso_date;
    use crate::server::auth::Event;
    use crate::server::{request, storage};
    use support::*;

    let state = request::state().map_err(request::fail)?;
    let session = require_session()?;
    let now = state.clock.now();
    let today = iso_date(now.0);
    let mut errors = form.check(&today);
    // The Gemeinde must be one of the catalogue's.
    let gemeinde = form.gemeinde.trim();
    if !gemeinde.is_empty() && errors.get("gemeinde").is_none() {
        let known = match Ags::parse(gemeinde) {
            Ok(ags) if ags.kind() == RegionKind::Gemeinde => storage::regions::get(&state.db, &ags)
                .await
                .map_err(internal("reading a region"))?
                .is_some(),
            _ => false,
        };
        if !known {
            errors.push("gemeinde", ErrorCode::InvalidChoice);
        }
    }
    if !errors.is_empty() {
        let values: Vec<(&str, &str)> = crate::domain::profile::FIELDS
            .iter()
            .map(|f| (*f, form.value(f)))
            .collect();
        return Err(refuse(&state, forms::PROFILE, pages::PROFILE, &values, errors).await);
    }
    storage::profiles::save(&state.db, session.account_id, &form, now)
        .await
        .map_err(internal("saving the profile"))?;
    if let Some(locale) = Locale::from_tag(form.language.trim()) {
        storage::accounts::set_locale(&state.db, session.account_id, locale)
            .await
            .map_err(internal("saving the language"))?;
    }
    audit(
        &state,
        Event::ProfileChanged,
        Some(session.account_id),
        None,
    )
    .await?;
    done(
        &state,
        forms::PROFILE,
        pages::PROFILE,
        Some("profile-saved"),
    )
    .await;
    Ok(())
}

/// Starts changing the e-mail address: a link to the new address confirms it (and then the
/// old address is told). Needs the password entered within the last minutes.
#[server(endpoint = "account/change-email")]
pub async fn request_email_change(email: String) -> Result<(), AppError> {
    use crate::domain::account::{AccountForm, account_email};
    use crate::server::auth::Event;
    use crate::server::auth::session::recently_authenticated;
    use crate::server::auth::throttle::{self, Decision};
    use crate::server::mail::{self, Mail};
    use crate::server::{request, storage};
    use support::*;

    let state = request::state().map_err(request::fail)?;
    let session = require_session()?;
    let now = state.clock.now();
    if !recently_authenticated(&state.config.accounts, &session, now) {
        request::see_other(&format!("{}?weiter={}", pages::REAUTH, pages::PROFILE));
        return Err(AppError::Forbidden);
    }
    let form = AccountForm::ChangeEmail;
    let errors = check_form(&state, form, &[("email", &email)], &session.email);
    if !errors.is_empty() {
        return Err(refuse(
            &state,
            forms::EMAIL,
            pages::PROFILE,
            &[("email", &email)],
            errors,
        )
        .await);
    }
    let new_email = account_email(&email).map_err(|_| AppError::BadRequest)?;
    match throttle::before_mail(&state.db, &state.config.accounts, now, &new_email, &ip())
        .await
        .map_err(internal("throttling"))?
    {
        Decision::Wait(secs) => {
            return Err(too_many(&state, forms::EMAIL, pages::PROFILE, secs).await);
        }
        Decision::Skip => {}
        Decision::Allow => {
            let taken = storage::accounts::by_email(&state.db, &new_email)
                .await
                .map_err(internal("reading an account"))?
                .is_some();
            if taken {
                // Said by mail to the owner of that address, not on the page.
                let base = &state.config.site.base_url;
                let message = Mail::AlreadyRegistered {
                    sign_in: format!("{base}{}", pages::SIGN_IN),
                    reset: format!("{base}{}", pages::FORGOT),
                };
                mail::send(&state, &new_email, session.locale, &message, now)
                    .await
                    .map_err(internal("queueing mail"))?;
            } else {
                let (to, locale) = (new_email.as_str(), session.locale);
                let token = NewToken {
                    new_email: Some(to),
                    ..NewToken::plain(TokenPurpose::EmailChange)
                };
                mail_link(&state, session.account_id, token, to, locale, |link| {
                    Mail::EmailChange { link }
                })
                .await?;
            }
        }
    }
    audit(
        &state,
        Event::EmailChangeRequested,
        Some(session.account_id),
        None,
    )
    .await?;
    done(
        &state,
        forms::EMAIL,
        pages::PROFILE,
        Some("email-change-sent"),
    )
    .await;
    Ok(())
}
