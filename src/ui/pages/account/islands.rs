//! The account's two islands. Without JavaScript both render as plain HTML and do nothing
//! more: the password field is an ordinary field, and the session simply ends on the server.
//!
//! - [`NewPasswordField`]: says while typing how many characters are missing and how strong
//!   the password looks (the same rules as the server, from `domain::account`).
//! - [`SessionTimeout`]: warns two minutes before an idle session ends, offers to stay
//!   signed in, and when it has ended says so without leaving the page, so nothing typed is
//!   lost.

use crate::api::AppError;
use crate::domain::account::{PASSWORD_MAX, PASSWORD_MIN, strength_hint};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Texts of the password field, resolved on the server.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordText {
    pub label: String,
    pub hint: String,
    /// The server's error, after a refused post.
    pub error: Option<String>,
    /// "Noch {n} Zeichen."
    pub missing: String,
    /// "Höchstens {max} Zeichen."
    pub too_long: String,
    /// Strength levels 1 to 4.
    pub levels: Vec<String>,
}

#[cfg_attr(feature = "islands", island)]
#[cfg_attr(not(feature = "islands"), component)]
pub fn NewPasswordField(prefix: String, text: PasswordText) -> impl IntoView {
    let id = format!("{prefix}-password");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let status_id = format!("{id}-status");
    let has_error = text.error.is_some();
    let described_by = [
        Some(hint_id.clone()),
        has_error.then(|| error_id.clone()),
        Some(status_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let typed = RwSignal::new(String::new());
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let text = StoredValue::new(text);
    let status = move || {
        let password = typed.get();
        let length = password.chars().count();
        if length == 0 {
            return String::new();
        }
        text.with_value(|t| {
            if length < PASSWORD_MIN {
                t.missing
                    .replace("{n}", &(PASSWORD_MIN - length).to_string())
            } else if length > PASSWORD_MAX {
                t.too_long.replace("{max}", &PASSWORD_MAX.to_string())
            } else {
                let level = usize::from(strength_hint(&password).max(1));
                t.levels.get(level - 1).cloned().unwrap_or_default()
            }
        })
    };
    view! {
        <div class=if has_error { "kern-form-input kern-form-input--error" } else { "kern-form-input" }
            data-hydrated=move || hydrated.get().then_some("")>
            <label class="kern-label" for=id.clone()>{text.with_value(|t| t.label.clone())}</label>
            <div class="kern-hint" id=hint_id>{text.with_value(|t| t.hint.clone())}</div>
            {text.with_value(|t| t.error.clone()).map(|message| view! {
                <p class="kern-error" id=error_id.clone()>
                    <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
                    <span class="kern-body">{message}</span>
                </p>
            })}
            <input class="kern-form-input__input" id=id name="password" type="password"
                autocomplete="new-password" spellcheck="false" maxlength="1024"
                aria-describedby=described_by aria-invalid=has_error.then_some("true")
                on:input=move |ev| typed.set(event_target_value(&ev))/>
            <p class="kern-hint password-status" id=status_id aria-live="polite">{status}</p>
        </div>
    }
}

/// Texts of the timeout warning, resolved on the server.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeoutText {
    pub title: String,
    /// "Ihre Sitzung endet in {minutes} Minuten …"
    pub body: String,
    pub stay: String,
    pub ended_title: String,
    pub ended_body: String,
    pub sign_in: String,
}

/// Seconds before the end at which the warning appears.
pub const WARN_BEFORE_SECS: i64 = 120;

#[cfg_attr(feature = "islands", island)]
#[cfg_attr(not(feature = "islands"), component)]
pub fn SessionTimeout(seconds_left: i64, text: TimeoutText) -> impl IntoView {
    let text = StoredValue::new(text);
    let hydrated = RwSignal::new(false);
    let deadline = RwSignal::new(None::<f64>);
    let now = RwSignal::new(0.0_f64);
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let stay_button = NodeRef::<leptos::html::Button>::new();
    // Only in the browser: count down from when the page arrived.
    Effect::new(move |_| {
        hydrated.set(true);
        let start = js_sys_now();
        deadline.set(Some(start + seconds_left as f64 * 1000.0));
        now.set(start);
        let _ = set_interval_with_handle(
            move || now.set(js_sys_now()),
            std::time::Duration::from_secs(1),
        );
    });
    let remaining = move || {
        deadline
            .get()
            .map(|d| ((d - now.get()) / 1000.0).ceil() as i64)
    };
    let ended = move || remaining().is_some_and(|r| r <= 0);
    Effect::new(move |_| {
        let warn = remaining().is_some_and(|r| r <= WARN_BEFORE_SECS);
        if let Some(dialog) = dialog.get() {
            if warn && !dialog.open() {
                let _ = dialog.show_modal();
                if let Some(button) = stay_button.get_untracked() {
                    let _ = button.focus();
                }
            } else if !warn && dialog.open() {
                dialog.close();
            }
        }
    });
    let stay = move |_| {
        leptos::task::spawn_local(async move {
            if let Ok(left) = keep_session().await {
                deadline.set(Some(js_sys_now() + left as f64 * 1000.0));
                now.set(js_sys_now());
            }
        });
    };
    let minutes = move || {
        let left = remaining().unwrap_or(WARN_BEFORE_SECS).max(0);
        text.with_value(|t| t.body.replace("{minutes}", &((left + 59) / 60).to_string()))
    };
    view! {
        <dialog class="session-dialog" node_ref=dialog aria-labelledby="session-dialog-title"
            data-hydrated=move || hydrated.get().then_some("")>
            <h2 class="kern-heading-small" id="session-dialog-title">
                {move || text.with_value(|t| if ended() { t.ended_title.clone() } else { t.title.clone() })}
            </h2>
            <p class="kern-body">
                {move || if ended() { text.with_value(|t| t.ended_body.clone()) } else { minutes() }}
            </p>
            <div class="session-dialog__actions">
                <Show
                    when=move || !ended()
                    fallback=move || view! {
                        <a class="kern-btn kern-btn--primary" href="/konto/anmelden" target="_blank">
                            <span class="kern-label">{text.with_value(|t| t.sign_in.clone())}</span>
                        </a>
                    }
                >
                    <button type="button" class="kern-btn kern-btn--primary" node_ref=stay_button on:click=stay>
                        <span class="kern-label">{text.with_value(|t| t.stay.clone())}</span>
                    </button>
                </Show>
            </div>
        </dialog>
    }
}

/// Milliseconds since the epoch, from the browser's clock.
fn js_sys_now() -> f64 {
    #[cfg(feature = "hydrate")]
    {
        web_sys::window()
            .and_then(|w| w.performance())
            .map(|p| p.now())
            .unwrap_or_default()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        0.0
    }
}

/// Notes activity on the session ("stay signed in"); answers how many seconds are left.
#[leptos::server(endpoint = "account/keep-session")]
pub async fn keep_session() -> Result<i64, AppError> {
    use crate::server::auth::session::SessionState;
    use crate::server::{request, storage};

    let state = request::state()?;
    let session = request::extension::<SessionState>()
        .and_then(|s| s.active().cloned())
        .ok_or(AppError::Forbidden)?;
    let now = state.clock.now();
    storage::sessions::touch(&state.db, &session.id_hash, now)
        .await
        .map_err(|e| request::internal("keeping a session", e))?;
    let touched = storage::sessions::Session {
        last_seen_at: now.0,
        ..session
    };
    Ok(crate::server::auth::session::ends_at(&state.config.accounts, &touched) - now.0)
}
