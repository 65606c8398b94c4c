//! The passkey button: an island, because WebAuthn lives in the browser's JavaScript API.
//! Without JavaScript it is not shown (a `<noscript>` note says why); password and
//! authenticator app work without it.

use crate::api::passkeys::{
    passkey_register_finish, passkey_register_start, passkey_sign_in_finish, passkey_sign_in_start,
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PasskeyMode {
    /// Add a passkey to the signed-in account (security page).
    Register,
    /// Sign in with a passkey (sign-in page, second step).
    SignIn,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasskeyText {
    pub button: String,
    pub name_label: String,
    pub failed: String,
    pub unsupported: String,
}

#[cfg_attr(feature = "islands", island)]
#[cfg_attr(not(feature = "islands"), component)]
pub fn PasskeyButton(mode: PasskeyMode, text: PasskeyText, next: String) -> impl IntoView {
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let message = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let name = RwSignal::new(String::new());
    let text = StoredValue::new(text);
    let next = StoredValue::new(next);
    let run = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        message.set(String::new());
        leptos::task::spawn_local(async move {
            let outcome = match mode {
                PasskeyMode::Register => register(name.get_untracked()).await,
                PasskeyMode::SignIn => sign_in(next.get_value()).await,
            };
            busy.set(false);
            match outcome {
                Ok(target) => {
                    let _ = window().location().assign(&target);
                }
                Err(Problem::Unsupported) => {
                    message.set(text.with_value(|t| t.unsupported.clone()))
                }
                Err(Problem::Failed) => message.set(text.with_value(|t| t.failed.clone())),
            }
        });
    };
    view! {
        <div class="passkey" data-hydrated=move || hydrated.get().then_some("true") hidden=move || !hydrated.get()>
            {(mode == PasskeyMode::Register).then(|| view! {
                <div class="kern-form-input">
                    <label class="kern-label" for="passkey-name">{text.with_value(|t| t.name_label.clone())}</label>
                    <input class="kern-form-input__input" id="passkey-name" type="text" maxlength="60"
                        on:input=move |ev| name.set(event_target_value(&ev))/>
                </div>
            })}
            <button type="button" class="kern-btn kern-btn--secondary" on:click=run aria-disabled=move || busy.get().then_some("true")>
                <span class="kern-label">{text.with_value(|t| t.button.clone())}</span>
            </button>
            <p class="kern-body passkey__message" role="status">{move || message.get()}</p>
        </div>
    }
}

enum Problem {
    Unsupported,
    Failed,
}

async fn register(name: String) -> Result<String, Problem> {
    let start = passkey_register_start()
        .await
        .map_err(|_| Problem::Failed)?;
    let answer = browser::ceremony(&start.options, true).await?;
    passkey_register_finish(start.ceremony, answer, name)
        .await
        .map_err(|_| Problem::Failed)?;
    Ok("/konto/sicherheit".to_owned())
}

async fn sign_in(next: String) -> Result<String, Problem> {
    let start = passkey_sign_in_start().await.map_err(|_| Problem::Failed)?;
    let answer = browser::ceremony(&start.options, false).await?;
    passkey_sign_in_finish(start.ceremony, answer, Some(next))
        .await
        .map_err(|_| Problem::Failed)
}

/// `navigator.credentials.create()` / `.get()` with the JSON forms of the options and the
/// answer (`PublicKeyCredential.parse…OptionsFromJSON`, `toJSON`).
#[cfg(feature = "hydrate")]
mod browser {
    use super::Problem;
    use js_sys::{Function, JSON, Object, Promise, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    fn get(target: &JsValue, key: &str) -> Result<JsValue, Problem> {
        Reflect::get(target, &JsValue::from_str(key)).map_err(|_| Problem::Unsupported)
    }

    fn method(target: &JsValue, key: &str) -> Result<Function, Problem> {
        get(target, key)?
            .dyn_into::<Function>()
            .map_err(|_| Problem::Unsupported)
    }

    pub async fn ceremony(options: &str, create: bool) -> Result<String, Problem> {
        let window: JsValue = web_sys::window().ok_or(Problem::Unsupported)?.into();
        let class = get(&window, "PublicKeyCredential")?;
        let parser = if create {
            "parseCreationOptionsFromJSON"
        } else {
            "parseRequestOptionsFromJSON"
        };
        let parse = method(&class, parser)?;
        let options = JSON::parse(options).map_err(|_| Problem::Failed)?;
        let public_key = parse
            .call1(&class, &get(&options, "publicKey")?)
            .map_err(|_| Problem::Failed)?;
        let request = Object::new();
        Reflect::set(&request, &"publicKey".into(), &public_key).map_err(|_| Problem::Failed)?;
        let credentials = get(&get(&window, "navigator")?, "credentials")?;
        let call = method(&credentials, if create { "create" } else { "get" })?;
        let promise: Promise = call
            .call1(&credentials, &request)
            .map_err(|_| Problem::Failed)?
            .dyn_into()
            .map_err(|_| Problem::Failed)?;
        let credential = JsFuture::from(promise).await.map_err(|_| Problem::Failed)?;
        let json = method(&credential, "toJSON")?
            .call0(&credential)
            .map_err(|_| Problem::Failed)?;
        JSON::stringify(&json)
            .map(String::from)
            .map_err(|_| Problem::Failed)
    }
}

#[cfg(not(feature = "hydrate"))]
mod browser {
    use super::Problem;

    pub async fn ceremony(_: &str, _: bool) -> Result<String, Problem> {
        Err(Problem::Unsupported)
    }
}
