//! Administration (`/verwaltung`): who works for which authority, each authority's
//! delivery channels (webhook, API keys) and the deliveries that failed for good.
//!
//! Only admins, signed in with their second factor. Admins manage; they read cases only
//! where they are members of the authority themselves.

use crate::api::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub mod pages {
    pub const ADMIN: &str = "/verwaltung";
}

pub const MEMBER_FLASH: &str = "admin-member";
pub const WEBHOOK_FLASH: &str = "admin-webhook";
pub const KEY_FLASH: &str = "admin-key";
/// Not a form: a webhook key or API key, shown once.
pub const SECRET_FLASH: &str = "admin-secret";

/// The API scopes a key can have.
pub const SCOPES: [&str; 3] = ["read", "status", "messages"];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyView {
    pub id: i64,
    pub name: String,
    pub prefix: String,
    pub scopes: Vec<String>,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthorityAdmin {
    pub id: String,
    pub name: String,
    /// `(account id, address)`.
    pub members: Vec<(i64, String)>,
    pub webhook_url: Option<String>,
    pub keys: Vec<KeyView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadLetter {
    pub id: i64,
    pub reference: String,
    pub authority_id: String,
    pub event: String,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub failed_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminPage {
    /// Authorities with members, a webhook or keys, and the one asked for.
    pub authorities: Vec<AuthorityAdmin>,
    /// `(id, name)` of every authority, to choose from.
    pub all: Vec<(String, String)>,
    pub dead_letters: Vec<DeadLetter>,
}

/// A secret shown once after it was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShownSecret {
    pub authority_id: String,
    /// `webhook` or `key`.
    pub kind: String,
    pub value: String,
}

#[cfg(feature = "ssr")]
mod support {
    use super::*;
    use crate::api::account::support::internal;
    use crate::domain::account::{Role, TrustLevel};
    use crate::server::state::AppState;
    use crate::server::storage::sessions::Session;

    /// The signed-in admin (second factor used at sign-in).
    pub fn admin() -> Result<Session, AppError> {
        let session = crate::api::applications::support::applicant(pages::ADMIN)?;
        if session.role != Role::Admin || session.trust_level != TrustLevel::Substantial {
            return Err(AppError::Forbidden);
        }
        Ok(session)
    }

    /// An authority of the catalogue by id.
    pub async fn authority(state: &AppState, id: &str) -> Result<String, AppError> {
        if id.is_empty() || id.len() > 100 {
            return Err(AppError::BadRequest);
        }
        crate::server::storage::catalogue::get_authority(&state.db, id)
            .await
            .map_err(internal("reading an authority"))?
            .map(|a| a.id)
            .ok_or(AppError::NotFound)
    }
}

/// Everything the administration page shows; `authority` is shown too even when it has
/// nothing set up yet.
#[server(endpoint = "admin/overview", input = leptos::server_fn::codec::GetUrl)]
pub async fn load_admin(authority: Option<String>) -> Result<AdminPage, AppError> {
    use crate::api::account::support::internal;
    use crate::server::{request, storage};

    let state = request::state().map_err(request::fail)?;
    support::admin()?;
    let members = storage::members::all(&state.db)
        .await
        .map_err(internal("reading members"))?;
    let all_authorities = storage::catalogue::list_authorities_all(&state.db)
        .await
        .map_err(internal("reading authorities"))?;
    let all = all_authorities
        .iter()
        .map(|a| (a.id.clone(), a.name.clone()))
        .collect();
    // The same few queries however many authorities the Land has.
    let mut keys: std::collections::HashMap<String, Vec<storage::delivery::ApiKey>> =
        std::collections::HashMap::new();
    for key in storage::delivery::all_keys(&state.db)
        .await
        .map_err(internal("reading keys"))?
    {
        keys.entry(key.authority_id.clone()).or_default().push(key);
    }
    let webhooks: std::collections::HashMap<String, String> =
        storage::delivery::webhook_urls(&state.db)
            .await
            .map_err(internal("reading webhooks"))?
            .into_iter()
            .collect();
    let mut authorities = Vec::new();
    for a in all_authorities {
        authorities.push(AuthorityAdmin {
            members: members
                .iter()
                .filter(|m| m.authority_id == a.id)
                .map(|m| (m.account_id, m.email.clone()))
                .collect(),
            webhook_url: webhooks.get(&a.id).cloned(),
            keys: keys
                .remove(&a.id)
                .unwrap_or_default()
                .into_iter()
                .map(|k| KeyView {
                    id: k.id,
                    name: k.name,
                    prefix: k.prefix,
                    scopes: k.scopes,
                    created_at: k.created_at,
                    last_used_at: k.last_used_at,
                    revoked_at: k.revoked_at,
                })
                .collect(),
            id: a.id,
            name: a.name,
        });
    }
    authorities.retain(|a| {
        !a.members.is_empty()
            || a.webhook_url.is_some()
            || !a.keys.is_empty()
            || authority.as_deref() == Some(a.id.as_str())
    });
    let dead_letters = storage::delivery::dead_letters(&state.db)
        .await
        .map_err(internal("reading dead letters"))?
        .into_iter()
        .map(|d| DeadLetter {
            id: d.id,
            reference: d.reference,
            authority_id: d.authority_id,
            event: d.event,
            attempts: d.attempts,
            last_error: d.last_error,
            failed_at: d.failed_at.unwrap_or_default(),
        })
        .collect();
    Ok(AdminPage {
        authorities,
        all,
        dead_letters,
    })
}

/// Adds an account (by its confirmed address, with a password) to an authority as a
/// caseworker. It must set up a second factor before it sees anything.
#[server(endpoint = "admin/add-member")]
pub async fn add_member(email: String, authority: String) -> Result<(), AppError> {
    use crate::api::account::support::{audit, done, internal, refuse};
    use crate::domain::account::account_email;
    use crate::domain::fields::{ErrorCode, FieldErrors};
    use crate::server::auth::Event;
    use crate::server::{request, storage};

    let state = request::state().map_err(request::fail)?;
    let session = support::admin()?;
    let authority = support::authority(&state, authority.trim())
        .await
        .map_err(request::fail)?;
    let account = match account_email(&email) {
        Ok(address) => storage::accounts::by_email(&state.db, &address)
            .await
            .map_err(internal("reading an account"))?,
        Err(_) => None,
    };
    let Some(account) = account.filter(|a| {
        a.email_verified_at.is_some() && a.password_hash.is_some() && a.disabled_at.is_none()
    }) else {
        let mut errors = FieldErrors::new();
        errors.push("member", ErrorCode::UnknownAccount);
        return Err(refuse(
            &state,
            MEMBER_FLASH,
            pages::ADMIN,
            &[("member", &email)],
            errors,
        )
        .await);
    };
    storage::members::add(&state.db, account.id, &authority, state.clock.now())
        .await
        .map_err(internal("adding a member"))?;
    audit(
        &state,
        Event::RoleChanged,
        Some(account.id),
        Some(&authority),
    )
    .await?;
    let _ = session;
    done(&state, MEMBER_FLASH, pages::ADMIN, Some("member-added")).await;
    Ok(())
}

/// Removes an account from an authority.
#[server(endpoint = "admin/remove-member")]
pub async fn remove_member(account: i64, authority: String) -> Result<(), AppError> {
    use crate::api::account::support::{audit, done, internal};
    use crate::server::auth::Event;
    use crate::server::{request, storage};

    let state = request::state().map_err(request::fail)?;
    support::admin()?;
    if !storage::members::remove(&state.db, account, &authority)
        .await
        .map_err(internal("removing a member"))?
    {
        return Err(request::fail(AppError::NotFound));
    }
    audit(&state, Event::RoleChanged, Some(account), Some(&authority)).await?;
    done(&state, MEMBER_FLASH, pages::ADMIN, Some("member-removed")).await;
    Ok(())
}

/// Sets an authority's webhook (a new signing key is made and shown once), or removes it
/// when `url` is empty. Only `https://` addresses (plain `http://` only on this machine).
#[server(endpoint = "admin/webhook")]
pub async fn set_webhook(authority: String, url: String) -> Result<(), AppError> {
    use crate::api::account::support::{audit, done, internal, refuse};
    use crate::domain::fields::{ErrorCode, FieldErrors};
    use crate::server::auth::{Event, random_token, totp};
    use crate::server::storage::delivery::Webhook;
    use crate::server::{flash, request, storage};

    let state = request::state().map_err(request::fail)?;
    support::admin()?;
    let authority = support::authority(&state, authority.trim())
        .await
        .map_err(request::fail)?;
    let url = url.trim();
    let now = state.clock.now();
    if url.is_empty() {
        storage::delivery::set_webhook(&state.db, &authority, None, now)
            .await
            .map_err(internal("removing a webhook"))?;
        done(&state, WEBHOOK_FLASH, pages::ADMIN, Some("webhook-removed")).await;
        return Ok(());
    }
    if !crate::domain::backoffice::is_webhook_url(url) {
        let mut errors = FieldErrors::new();
        errors.push("form", ErrorCode::InvalidUrl);
        return Err(refuse(
            &state,
            WEBHOOK_FLASH,
            pages::ADMIN,
            &[("webhook", url), ("authority", &authority)],
            errors,
        )
        .await);
    }
    let secret =
        random_token().map_err(|e| request::fail(request::internal("drawing a key", e)))?;
    let sealed = totp::seal(&state.secret_key, &secret)
        .ok_or_else(|| request::fail(request::internal("sealing a key", "failed")))?;
    storage::delivery::set_webhook(
        &state.db,
        &authority,
        Some(&Webhook {
            url: url.to_owned(),
            sealed_secret: sealed,
        }),
        now,
    )
    .await
    .map_err(internal("setting a webhook"))?;
    audit(&state, Event::WebhookChanged, None, Some(&authority)).await?;
    flash::store(
        &state,
        SECRET_FLASH,
        &ShownSecret {
            authority_id: authority,
            kind: "webhook".into(),
            value: secret,
        },
    )
    .await
    .map_err(request::fail)?;
    done(&state, WEBHOOK_FLASH, pages::ADMIN, None).await;
    Ok(())
}

/// Makes an API key for an authority's specialist system; the key is shown once, only its
/// hash is kept. Each ticked box `scope_read`, `scope_status`, `scope_messages` (value `ja`)
/// grants that scope.
#[server(endpoint = "admin/create-key")]
pub async fn create_api_key(
    authority: String,
    name: String,
    scope_read: Option<String>,
    scope_status: Option<String>,
    scope_messages: Option<String>,
) -> Result<(), AppError> {
    use crate::api::account::support::{audit, done, internal, refuse};
    use crate::domain::fields::{ErrorCode, FieldErrors};
    use crate::server::auth::{Event, random_token, token_hash};
    use crate::server::storage::delivery::NewKey;
    use crate::server::{flash, request, storage};

    let state = request::state().map_err(request::fail)?;
    let session = support::admin()?;
    let authority = support::authority(&state, authority.trim())
        .await
        .map_err(request::fail)?;
    let name = name.trim();
    let ticked = [scope_read, scope_status, scope_messages];
    let scopes: Vec<&str> = SCOPES
        .into_iter()
        .zip(ticked)
        .filter(|(_, box_)| box_.as_deref() == Some("ja"))
        .map(|(scope, _)| scope)
        .collect();
    let mut errors = FieldErrors::new();
    if name.is_empty() || name.chars().count() > 100 || scopes.is_empty() {
        errors.push("form", ErrorCode::Incomplete);
    }
    if !errors.is_empty() {
        return Err(refuse(
            &state,
            KEY_FLASH,
            pages::ADMIN,
            &[("key-name", name), ("authority", &authority)],
            errors,
        )
        .await);
    }
    let secret =
        random_token().map_err(|e| request::fail(request::internal("drawing a key", e)))?;
    let key = format!("sp_{secret}");
    let prefix: String = key.chars().take(10).collect();
    storage::delivery::insert_key(
        &state.db,
        &NewKey {
            authority_id: &authority,
            name,
            prefix: &prefix,
            key_hash: &token_hash(&key),
            scopes: &scopes,
            created_by: session.account_id,
            now: state.clock.now(),
        },
    )
    .await
    .map_err(internal("storing a key"))?;
    audit(&state, Event::ApiKeyCreated, None, Some(&authority)).await?;
    flash::store(
        &state,
        SECRET_FLASH,
        &ShownSecret {
            authority_id: authority,
            kind: "key".into(),
            value: key,
        },
    )
    .await
    .map_err(request::fail)?;
    done(&state, KEY_FLASH, pages::ADMIN, None).await;
    Ok(())
}

/// Revokes an API key at once.
#[server(endpoint = "admin/revoke-key")]
pub async fn revoke_api_key(authority: String, id: i64) -> Result<(), AppError> {
    use crate::api::account::support::{audit, done, internal};
    use crate::server::auth::Event;
    use crate::server::{request, storage};

    let state = request::state().map_err(request::fail)?;
    support::admin()?;
    if !storage::delivery::revoke_key(&state.db, &authority, id, state.clock.now())
        .await
        .map_err(internal("revoking a key"))?
    {
        return Err(request::fail(AppError::NotFound));
    }
    audit(&state, Event::ApiKeyRevoked, None, Some(&authority)).await?;
    done(&state, KEY_FLASH, pages::ADMIN, Some("key-revoked")).await;
    Ok(())
}

/// Tries a delivery from the dead-letter list again.
#[server(endpoint = "admin/retry-delivery")]
pub async fn retry_delivery(id: i64) -> Result<(), AppError> {
    use crate::api::account::support::{done, internal};
    use crate::server::{request, storage};

    let state = request::state().map_err(request::fail)?;
    support::admin()?;
    if !storage::delivery::retry(&state.db, id, state.clock.now())
        .await
        .map_err(internal("retrying a delivery"))?
    {
        return Err(request::fail(AppError::NotFound));
    }
    state.delivery_wakeup.notify_one();
    done(
        &state,
        "admin-retry",
        pages::ADMIN,
        Some("delivery-retried"),
    )
    .await;
    Ok(())
}
