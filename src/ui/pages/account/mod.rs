//! The Servicekonto's pages (`/konto/…`). Every form is a plain HTML form posting to its
//! server function, so all of it works without JavaScript.

pub mod access;
pub mod email_access;
pub mod islands;
pub mod manage;
pub mod passkeys;
pub mod second_factor;

use leptos::server_fn::ServerFn;

/// The URL a server function answers on, for a form's `action`.
pub fn action<T: ServerFn>() -> &'static str {
    T::PATH
}

/// The passkey button with its texts, for `mode`.
pub fn passkey_button(mode: passkeys::PasskeyMode, next: String) -> impl leptos::IntoView {
    use crate::ui::context::t;
    use leptos::prelude::*;
    use passkeys::{PasskeyButton, PasskeyMode, PasskeyText};
    let text = PasskeyText {
        button: t(match mode {
            PasskeyMode::Register => "passkey-add",
            PasskeyMode::SignIn => "passkey-sign-in",
        }),
        name_label: t("passkey-name-label"),
        failed: t("passkey-failed"),
        unsupported: t("passkey-unsupported"),
    };
    view! {
        <PasskeyButton mode text next/>
        <noscript><p class="kern-body">{t("passkey-needs-javascript")}</p></noscript>
    }
}
