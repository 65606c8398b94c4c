//! Getting in: register, confirm the address, sign in, forgotten password.

use super::action;
use crate::api::account::{
    ConfirmEmail, Register, RequestReset, ResendConfirmation, ResetPassword, SignIn, check_code,
    forms, pages,
};
use crate::domain::account::AccountForm;
use crate::domain::account::PASSWORD_MIN;
use crate::i18n::text_with;
use crate::ui::components::{PageHeading, PageTitle};
use crate::ui::context::{t, use_page};
use crate::ui::form::{ErrorSummary, Input, InputKind, form_flash};
use crate::ui::live_form::LiveForm;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

fn password_hint() -> String {
    text_with(
        use_page().locale,
        "account-password-hint",
        &[("min", PASSWORD_MIN.to_string())],
    )
}

/// The new-password field (an island that helps while typing).
pub(super) fn new_password(
    prefix: &str,
    label_key: &str,
    error: Option<crate::domain::fields::ErrorCode>,
) -> impl IntoView + use<> {
    use super::islands::{NewPasswordField, PasswordText};
    let locale = use_page().locale;
    let text = PasswordText {
        label: t(label_key),
        hint: password_hint(),
        error: error.map(|code| crate::ui::form::field_message("password", code)),
        missing: text_with(locale, "password-missing", &[("n", "{n}".to_owned())]),
        too_long: text_with(locale, "password-too-long", &[("max", "{max}".to_owned())]),
        levels: (1..=4)
            .map(|l| t(&format!("password-strength-{l}")))
            .collect(),
    };
    view! { <NewPasswordField prefix=prefix.to_owned() text/> }
}

/// A link from a mail that is used up or expired: what happened (`<key>-title`,
/// `<key>-text`) and where to get a new one.
pub(super) fn invalid_link(
    key: &str,
    again: &'static str,
    again_key: &str,
) -> impl IntoView + use<> {
    view! {
        <div class="kern-alert kern-alert--warning" role="alert">
            <div class="kern-alert__header">
                <span class="kern-icon kern-icon--warning" aria-hidden="true"></span>
                <span class="kern-title">{t(&format!("{key}-title"))}</span>
            </div>
            <div class="kern-alert__body">
                <p class="kern-body">{t(&format!("{key}-text"))}</p>
                <p class="kern-body"><a class="kern-link" href=again>{t(again_key)}</a></p>
            </div>
        </div>
    }
}

#[component]
pub fn RegisterPage() -> impl IntoView {
    let flash = form_flash(forms::REGISTER);
    let has_errors = !flash.errors.is_empty();
    view! {
        <PageTitle title=t("register-title") has_errors/>
        <PageHeading title=t("register-title") lead=t("register-lead")/>
        <LiveForm form=AccountForm::Register prefix="register" title=t("register-title")>
            <ErrorSummary flash=flash.clone() prefix="register"/>
            <form method="post" action={action::<Register>()} class="account-form" novalidate=true>
                <Input prefix="register" name="email" label=t("account-email-label") hint=t("register-email-hint")
                    kind=InputKind::Email value=flash.value("email") error=flash.error("email")/>
                {new_password("register", "account-password-label", flash.error("password"))}
                <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{t("register-submit")}</span></button>
            </form>
        </LiveForm>
        <p class="kern-body">{t("register-have-account")} " " <a class="kern-link" href=pages::SIGN_IN>{t("sign-in-title")}</a></p>
    }
    .into_any()
}

/// After registering: check your mail; send the link again.
#[component]
pub fn RegisteredPage() -> impl IntoView {
    let flash = form_flash(forms::RESEND);
    let has_errors = !flash.errors.is_empty();
    view! {
        <PageTitle title=t("registered-title") has_errors/>
        <PageHeading title=t("registered-title") lead=t("registered-lead")/>
        <p class="kern-body">{t("registered-text")}</p>
        <section class="text-section" aria-labelledby="resend-heading">
            <h2 id="resend-heading" class="kern-heading-medium">{t("resend-heading")}</h2>
            <LiveForm form=AccountForm::ResendConfirmation prefix="resend" title=t("registered-title")>
                <ErrorSummary flash=flash.clone() prefix="resend"/>
                <form method="post" action={action::<ResendConfirmation>()} class="account-form" novalidate=true>
                    <Input prefix="resend" name="email" label=t("account-email-label") kind=InputKind::Email
                        value=flash.value("email") error=flash.error("email")/>
                    <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{t("resend-submit")}</span></button>
                </form>
            </LiveForm>
        </section>
    }
    .into_any()
}

/// The page a confirmation link opens: one button confirms (mail scanners that follow
/// links do not).
#[component]
pub fn ConfirmPage() -> impl IntoView {
    let query = use_query_map();
    let code = move || query.read().get("code").unwrap_or_default();
    let valid = Resource::new_blocking(code, |code| check_code(code, "confirm".into()));
    view! {
        <PageTitle title=t("confirm-title")/>
        <PageHeading title=t("confirm-title")/>
        <Suspense>
            {move || Suspend::new(async move {
                if valid.await.unwrap_or(false) {
                    Either::Left(view! {
                        <p class="kern-body">{t("confirm-text")}</p>
                        <form method="post" action={action::<ConfirmEmail>()}>
                            <input type="hidden" name="code" value=code()/>
                            <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{t("confirm-submit")}</span></button>
                        </form>
                    })
                } else {
                    Either::Right(invalid_link("confirm-invalid", pages::REGISTERED, "resend-heading"))
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let query = use_query_map();
    let flash = form_flash(forms::SIGN_IN);
    let has_errors = !flash.errors.is_empty();
    let next = query
        .read_untracked()
        .get("weiter")
        .unwrap_or_else(|| flash.value("next"));
    let expired = query.read_untracked().get("abgelaufen").is_some() || use_page().session_expired;
    let next_for_passkey = next.clone();
    let email_access = format!(
        "{}?weiter={}",
        pages::EMAIL_ACCESS,
        crate::domain::url::encode_query_value(&next)
    );
    view! {
        <PageTitle title=t("sign-in-title") has_errors/>
        <PageHeading title=t("sign-in-title") lead=t("sign-in-lead")/>
        {expired.then(|| view! {
            <div class="kern-alert kern-alert--info" role="status">
                <div class="kern-alert__header">
                    <span class="kern-icon kern-icon--info" aria-hidden="true"></span>
                    <span class="kern-title">{t("session-expired")}</span>
                </div>
            </div>
        })}
        <LiveForm form=AccountForm::SignIn prefix="sign-in" title=t("sign-in-title")>
            <ErrorSummary flash=flash.clone() prefix="sign-in"/>
            <form method="post" action={action::<SignIn>()} class="account-form" novalidate=true>
                <input type="hidden" name="next" value=next/>
                <Input prefix="sign-in" name="email" label=t("account-email-label") kind=InputKind::Email
                    value=flash.value("email") error=flash.error("email")/>
                <Input prefix="sign-in" name="password" label=t("account-password-label") kind=InputKind::CurrentPassword
                    error=flash.error("password")/>
                <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{t("sign-in-submit")}</span></button>
            </form>
        </LiveForm>
        <section class="text-section" aria-labelledby="passkey-heading">
            <h2 id="passkey-heading" class="kern-heading-small">{t("passkey-sign-in-heading")}</h2>
            {super::passkey_button(super::passkeys::PasskeyMode::SignIn, next_for_passkey)}
        </section>
        <ul class="kern-list account-links">
            <li><a class="kern-link" href=pages::FORGOT>{t("forgot-title")}</a></li>
            <li><a class="kern-link" href=pages::REGISTER>{t("register-title")}</a></li>
            <li><a class="kern-link" href=email_access>{t("sign-in-email-access")}</a></li>
        </ul>
    }
    .into_any()
}

#[component]
pub fn ForgotPage() -> impl IntoView {
    let flash = form_flash(forms::FORGOT);
    let has_errors = !flash.errors.is_empty();
    view! {
        <PageTitle title=t("forgot-title") has_errors/>
        <PageHeading title=t("forgot-title") lead=t("forgot-lead")/>
        <LiveForm form=AccountForm::ForgotPassword prefix="forgot" title=t("forgot-title")>
            <ErrorSummary flash=flash.clone() prefix="forgot"/>
            <form method="post" action={action::<RequestReset>()} class="account-form" novalidate=true>
                <Input prefix="forgot" name="email" label=t("account-email-label") kind=InputKind::Email
                    value=flash.value("email") error=flash.error("email")/>
                <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{t("forgot-submit")}</span></button>
            </form>
        </LiveForm>
    }
    .into_any()
}

#[component]
pub fn ForgotSentPage() -> impl IntoView {
    view! {
        <PageTitle title=t("forgot-sent-title")/>
        <PageHeading title=t("forgot-sent-title") lead=t("forgot-sent-lead")/>
        <p class="kern-body"><a class="kern-link" href=pages::SIGN_IN>{t("sign-in-title")}</a></p>
    }
    .into_any()
}

/// The page a reset link opens: the new password.
#[component]
pub fn ResetPage() -> impl IntoView {
    let query = use_query_map();
    let code = move || query.read().get("code").unwrap_or_default();
    let valid = Resource::new_blocking(code, |code| check_code(code, "reset".into()));
    let flash = form_flash(forms::RESET);
    let has_errors = !flash.errors.is_empty();
    view! {
        <PageTitle title=t("reset-title") has_errors/>
        <PageHeading title=t("reset-title")/>
        <Suspense>
            {move || {
                let flash = flash.clone();
                Suspend::new(async move {
                    if valid.await.unwrap_or(false) {
                        Either::Left(view! {
                            <LiveForm form=AccountForm::ResetPassword prefix="reset" title=t("reset-title")>
                                <ErrorSummary flash=flash.clone() prefix="reset"/>
                                <form method="post" action={action::<ResetPassword>()} class="account-form" novalidate=true>
                                    <input type="hidden" name="code" value=code()/>
                                    {new_password("reset", "account-new-password-label", flash.error("password"))}
                                    <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{t("reset-submit")}</span></button>
                                </form>
                            </LiveForm>
                        })
                    } else {
                        Either::Right(invalid_link("reset-invalid", pages::FORGOT, "forgot-title"))
                    }
                })
            }}
        </Suspense>
    }
    .into_any()
}
