//! The second factor's pages: the code at sign-in, setting up an authenticator app, and
//! the recovery codes shown once.

use super::action;
use crate::api::account::{forms, pages};
use crate::api::second_factor::{ConfirmTotp, SignInCode, StartTotp, load_totp_setup};
use crate::domain::account::AccountForm;
use crate::ui::components::{PageHeading, PageTitle};
use crate::ui::context::{t, use_page};
use crate::ui::form::{ErrorSummary, field_message, form_flash};
use crate::ui::live_form::LiveForm;
use crate::ui::pages::error::NotFoundPage;
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;

/// A six-digit code field (or a recovery code at sign-in).
#[component]
fn CodeInput(
    #[prop(into)] prefix: String,
    #[prop(into)] label: String,
    #[prop(into)] hint: String,
    error: Option<crate::domain::fields::ErrorCode>,
) -> impl IntoView {
    let id = format!("{prefix}-code");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = if error.is_some() {
        format!("{hint_id} {error_id}")
    } else {
        hint_id.clone()
    };
    view! {
        <div class=if error.is_some() { "kern-form-input kern-form-input--error" } else { "kern-form-input" }>
            <label class="kern-label" for=id.clone()>{label}</label>
            <div class="kern-hint" id=hint_id>{hint}</div>
            {error.map(|code| view! {
                <p class="kern-error" id=error_id.clone()>
                    <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
                    <span class="kern-body">{field_message("code", code)}</span>
                </p>
            })}
            <input class="kern-form-input__input code-input" id=id name="code" type="text"
                inputmode="numeric" autocomplete="one-time-code" spellcheck="false" maxlength="14"
                aria-describedby=described_by aria-invalid=error.map(|_| "true")/>
        </div>
    }
}

/// `/konto/anmelden/code`: the second step of signing in.
#[component]
pub fn SignInCodePage() -> impl IntoView {
    let flash = form_flash(forms::SIGN_IN_CODE);
    let has_errors = !flash.errors.is_empty();
    view! {
        <PageTitle title=t("sign-in-code-title") has_errors/>
        <PageHeading title=t("sign-in-code-title") lead=t("sign-in-code-lead")/>
        <LiveForm form=AccountForm::SignInCode prefix="sign-in" title=t("sign-in-code-title")>
            <ErrorSummary flash=flash.clone() prefix="sign-in"/>
            <form method="post" action={action::<SignInCode>()} class="account-form" novalidate=true>
                <CodeInput prefix="sign-in" label=t("sign-in-code-label") hint=t("sign-in-code-hint") error=flash.error("code")/>
                <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{t("sign-in-submit")}</span></button>
            </form>
        </LiveForm>
        <section class="text-section" aria-labelledby="passkey-heading">
            <h2 id="passkey-heading" class="kern-heading-small">{t("passkey-second-step-heading")}</h2>
            {super::passkey_button(super::passkeys::PasskeyMode::SignIn, String::new())}
        </section>
        <p class="kern-body"><a class="kern-link" href=pages::SIGN_IN>{t("sign-in-code-restart")}</a></p>
    }
    .into_any()
}

/// `/konto/sicherheit/authenticator`: start, then scan the QR code and confirm a code.
#[component]
pub fn AuthenticatorPage() -> impl IntoView {
    let setup = Resource::new_blocking(|| (), |_| load_totp_setup());
    let flash = form_flash(forms::TOTP);
    let has_errors = !flash.errors.is_empty();
    let must = use_page()
        .account
        .is_some_and(|a| a.role.is_staff() && !a.has_second_factor);
    view! {
        <PageTitle title=t("totp-title") has_errors/>
        <PageHeading title=t("totp-title") lead=t("totp-lead")/>
        {must.then(|| view! {
            <div class="kern-alert kern-alert--info" role="status">
                <div class="kern-alert__header">
                    <span class="kern-icon kern-icon--info" aria-hidden="true"></span>
                    <span class="kern-title">{t("totp-required-for-staff")}</span>
                </div>
            </div>
        })}
        <Suspense>
            {move || {
                let flash = flash.clone();
                Suspend::new(async move {
                    match setup.await {
                        Ok(Some(setup)) => EitherOf3::A(view! {
                            <ol class="setup-steps">
                                <li>
                                    <p class="kern-body">{t("totp-step-scan")}</p>
                                    <div class="qr-code" role="img" aria-label=t("totp-qr-label") inner_html=setup.qr_svg></div>
                                </li>
                                <li>
                                    <p class="kern-body">{t("totp-step-type")}</p>
                                    <p class="kern-body"><code class="totp-secret">{setup.secret}</code></p>
                                </li>
                                <li>
                                    <p class="kern-body">{t("totp-step-confirm")}</p>
                                    <LiveForm form=AccountForm::ConfirmAuthenticator prefix="totp" title=t("totp-title")>
                                        <ErrorSummary flash=flash.clone() prefix="totp"/>
                                        <form method="post" action={action::<ConfirmTotp>()} class="account-form" novalidate=true>
                                            <CodeInput prefix="totp" label=t("totp-code-label") hint=t("totp-code-hint") error=flash.error("code")/>
                                            <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{t("totp-confirm")}</span></button>
                                        </form>
                                    </LiveForm>
                                </li>
                            </ol>
                        }),
                        Ok(None) => EitherOf3::B(view! {
                            <p class="kern-body">{t("totp-intro")}</p>
                            <form method="post" action={action::<StartTotp>()}>
                                <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{t("totp-start")}</span></button>
                            </form>
                        }),
                        Err(_) => EitherOf3::C(view! { <NotFoundPage/> }),
                    }
                })
            }}
        </Suspense>
    }
    .into_any()
}

/// `/konto/sicherheit/wiederherstellungscodes`: the recovery codes, shown this once.
#[component]
pub fn RecoveryCodesPage() -> impl IntoView {
    let codes: Option<Vec<String>> = use_page().flash(forms::RECOVERY_CODES);
    view! {
        <PageTitle title=t("recovery-title")/>
        <PageHeading title=t("recovery-title")/>
        {match codes {
            Some(codes) => Either::Left(view! {
                <div class="kern-alert kern-alert--success" role="status">
                    <div class="kern-alert__header">
                        <span class="kern-icon kern-icon--success" aria-hidden="true"></span>
                        <span class="kern-title">{t("recovery-done")}</span>
                    </div>
                </div>
                <p class="kern-body">{t("recovery-text")}</p>
                <ul class="recovery-codes">
                    {codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
                </ul>
                <p class="kern-body"><a class="kern-link" href=pages::SECURITY>{t("recovery-continue")}</a></p>
            }),
            None => Either::Right(view! {
                <p class="kern-body">{t("recovery-gone")}</p>
                <p class="kern-body"><a class="kern-link" href=pages::SECURITY>{t("security-title")}</a></p>
            }),
        }}
    }
    .into_any()
}
