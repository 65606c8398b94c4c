//! Server-rendered forms (they post to a server function and come back by redirect): the
//! error summary, labelled inputs with hint and inline error, and one-time notices.
//!
//! Messages of a refused field are `account-<field>-<code>` in the locale files.

use crate::api::account::{FormFlash, NOTICE_FLASH};
use crate::domain::fields::ErrorCode;
use crate::ui::context::{t, use_page};
use leptos::prelude::*;

/// The message for `field` refused with `code`: `account-<field>-<code>`, or the general
/// `field-error-<code>` naming the field by its label (`profile-<field>`).
pub fn field_message(field: &str, code: ErrorCode) -> String {
    let locale = use_page().locale;
    crate::i18n::lookup(locale, &format!("account-{field}-{}", code.as_str())).unwrap_or_else(
        || {
            let label =
                crate::i18n::lookup(locale, &format!("profile-{field}")).unwrap_or_default();
            crate::i18n::text_with(
                locale,
                &format!("field-error-{}", code.as_str()),
                &[("label", label)],
            )
        },
    )
}

/// The form state a refused post left for `kind`, or an empty one.
pub fn form_flash(kind: &str) -> FormFlash {
    use_page().flash(kind).unwrap_or_default()
}

/// The summary at the top of a refused form: focused on load, one link per error to its
/// field. The pseudo-field `form` (a problem of the whole form) is shown as text.
#[component]
pub fn ErrorSummary(flash: FormFlash, #[prop(into)] prefix: String) -> impl IntoView {
    let items = flash
        .errors
        .into_iter()
        .map(|(field, code)| {
            let href = (field != "form").then(|| format!("#{prefix}-{field}"));
            (href, field_message(&field, code))
        })
        .collect();
    error_summary(items)
}

/// The error summary of any server-rendered form: `(link to the field, message)` items, an
/// item without a link shown as text; nothing when there are none.
pub fn error_summary(items: Vec<(Option<String>, String)>) -> Option<AnyView> {
    (!items.is_empty()).then(|| {
        let list = items
            .into_iter()
            .map(|(href, message)| match href {
                Some(href) => view! { <li><a class="kern-link" href=href>{message}</a></li> }.into_any(),
                None => view! { <li><span class="kern-body">{message}</span></li> }.into_any(),
            })
            .collect_view();
        view! {
            <div class="kern-alert kern-alert--danger" role="alert" tabindex="-1" id="fehler" autofocus=true>
                <div class="kern-alert__header">
                    <span class="kern-icon kern-icon--danger" aria-hidden="true"></span>
                    <h2 class="kern-title">{t("error-summary-title")}</h2>
                </div>
                <div class="kern-alert__body">
                    <ul class="kern-list">{list}</ul>
                </div>
            </div>
        }
        .into_any()
    })
}

/// What kind of text an input takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Text,
    Email,
    NewPassword,
    CurrentPassword,
    Date,
    Tel,
}

/// A labelled input with an optional hint and its inline error. `prefix-name` is its id.
#[component]
pub fn Input(
    #[prop(into)] prefix: String,
    name: &'static str,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    kind: InputKind,
    #[prop(optional, into)] value: String,
    error: Option<ErrorCode>,
    /// The control's `name` when it differs from `name` (e.g. `form[city]`).
    #[prop(optional, into)]
    field_name: Option<String>,
    /// The `autocomplete` token for personal data (`given-name`, `postal-code`, …).
    #[prop(optional)]
    autocomplete: Option<&'static str>,
) -> impl IntoView {
    let id = format!("{prefix}-{name}");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = [
        hint.is_some().then(|| hint_id.clone()),
        error.map(|_| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let (input_type, default_autocomplete, max) = match kind {
        InputKind::Text => ("text", "off", 300),
        InputKind::Email => ("email", "email", 254),
        InputKind::NewPassword => ("password", "new-password", 1024),
        InputKind::CurrentPassword => ("password", "current-password", 1024),
        InputKind::Date => ("date", "off", 10),
        InputKind::Tel => ("tel", "tel", 40),
    };
    let autocomplete = autocomplete.unwrap_or(default_autocomplete);
    let control_name = field_name.unwrap_or_else(|| name.to_owned());
    let is_password = matches!(kind, InputKind::NewPassword | InputKind::CurrentPassword);
    // Passwords are never written back into the page.
    let value = if is_password { String::new() } else { value };
    let class = if error.is_some() {
        "kern-form-input kern-form-input--error"
    } else {
        "kern-form-input"
    };
    view! {
        <div class=class>
            <label class="kern-label" for=id.clone()>{label}</label>
            {hint.map(|h| view! { <div class="kern-hint" id=hint_id.clone()>{h}</div> })}
            {error.map(|code| view! {
                <p class="kern-error" id=error_id.clone()>
                    <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
                    <span class="kern-body">{field_message(name, code)}</span>
                </p>
            })}
            <input
                class="kern-form-input__input"
                id=id.clone()
                name=control_name
                type=input_type
                autocomplete=autocomplete
                spellcheck="false"
                maxlength=max.to_string()
                value=value
                aria-describedby=(!described_by.is_empty()).then_some(described_by)
                aria-invalid=error.map(|_| "true")
            />
        </div>
    }
}

/// A one-time message left by the previous step ("Sie sind abgemeldet."), as a status.
#[component]
pub fn Notice() -> impl IntoView {
    let notice: Option<String> = use_page().flash(NOTICE_FLASH);
    notice
        .filter(|key| key.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
        .map(|key| {
            view! {
                <div class="kern-alert kern-alert--success" role="status">
                    <div class="kern-alert__header">
                        <span class="kern-icon kern-icon--success" aria-hidden="true"></span>
                        <span class="kern-title">{t(&format!("notice-{key}"))}</span>
                    </div>
                </div>
            }
        })
}

/// A button that posts to a server function without any fields (sign out and the like).
#[component]
pub fn ActionButton(
    #[prop(into)] action: String,
    #[prop(into)] label: String,
    #[prop(optional)] secondary: bool,
) -> impl IntoView {
    let class = if secondary {
        "kern-btn kern-btn--secondary"
    } else {
        "kern-btn kern-btn--primary"
    };
    view! {
        <form method="post" action=action class="inline-form">
            <button type="submit" class=class><span class="kern-label">{label}</span></button>
        </form>
    }
}

/// Options under an optional group heading: `(heading, [(value, label)])`.
pub type OptionGroup = (Option<String>, Vec<(String, String)>);

/// A labelled select with its inline error; `groups` of options under optional headings.
#[component]
pub fn Select(
    #[prop(into)] prefix: String,
    name: &'static str,
    #[prop(into)] field_name: String,
    #[prop(into)] label: String,
    groups: Vec<OptionGroup>,
    #[prop(into)] value: String,
    error: Option<ErrorCode>,
    #[prop(optional)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    let id = format!("{prefix}-{name}");
    let error_id = format!("{id}-error");
    let options = |list: Vec<(String, String)>| {
        list.into_iter()
            .map(|(v, l)| {
                let selected = v == value;
                view! { <option value=v selected=selected>{l}</option> }
            })
            .collect_view()
    };
    let groups = groups
        .into_iter()
        .map(|(heading, list)| match heading {
            Some(heading) => {
                view! { <optgroup label=heading>{options(list)}</optgroup> }.into_any()
            }
            None => options(list).into_any(),
        })
        .collect_view();
    let class = if error.is_some() {
        "kern-form-input kern-form-input--error"
    } else {
        "kern-form-input"
    };
    view! {
        <div class=class>
            <label class="kern-label" for=id.clone()>{label}</label>
            {error.map(|code| view! {
                <p class="kern-error" id=error_id.clone()>
                    <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
                    <span class="kern-body">{field_message(name, code)}</span>
                </p>
            })}
            <div class="kern-form-input__select-wrapper">
                <select class="kern-form-input__select" id=id.clone() name=field_name
                    autocomplete=autocomplete.unwrap_or("off")
                    aria-describedby=error.map(|_| error_id.clone())
                    aria-invalid=error.map(|_| "true")>
                    {groups}
                </select>
            </div>
        </div>
    }
}
