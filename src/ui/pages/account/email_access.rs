//! Applying with only an e-mail address (`/konto/email-zugang/…`): ask for a sign-in link,
//! check your mail, and the page the link opens.

use super::access::invalid_link;
use super::action;
use crate::api::account::{check_code, forms, pages};
use crate::api::email_access::{RequestSignInLink, SignInWithLink};
use crate::domain::account::AccountForm;
use crate::ui::components::{PageHeading, PageTitle};
use crate::ui::context::t;
use crate::ui::form::{ErrorSummary, Input, InputKind, form_flash};
use crate::ui::live_form::LiveForm;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Where the sign-in should lead: `?weiter=` or, after a refused post, the form's value.
fn next_page(flash_next: String) -> String {
    use_query_map()
        .read_untracked()
        .get("weiter")
        .unwrap_or(flash_next)
}

/// The address to send the link to.
#[component]
pub fn EmailAccessPage() -> impl IntoView {
    let flash = form_flash(forms::SIGN_IN_LINK);
    let has_errors = !flash.errors.is_empty();
    let next = next_page(flash.value("next"));
    let sign_in = format!(
        "{}?weiter={}",
        pages::SIGN_IN,
        crate::domain::url::encode_query_value(&next)
    );
    view! {
        <PageTitle title=t("email-access-title") has_errors/>
        <PageHeading title=t("email-access-title") lead=t("email-access-lead")/>
        <p class="kern-body">{t("email-access-text")}</p>
        <LiveForm form=AccountForm::SignInLink prefix="email-access" title=t("email-access-title")>
            <ErrorSummary flash=flash.clone() prefix="email-access"/>
            <form method="post" action={action::<RequestSignInLink>()} class="account-form" novalidate=true>
                <input type="hidden" name="next" value=next/>
                <Input prefix="email-access" name="email" label=t("account-email-label") hint=t("email-access-email-hint")
                    kind=InputKind::Email value=flash.value("email") error=flash.error("email")/>
                <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{t("email-access-submit")}</span></button>
            </form>
        </LiveForm>
        <p class="kern-body">{t("email-access-have-account")} " " <a class="kern-link" href=sign_in>{t("sign-in-title")}</a></p>
    }
    .into_any()
}

/// After asking: check your mail (the same answer for every address).
#[component]
pub fn EmailAccessSentPage() -> impl IntoView {
    view! {
        <PageTitle title=t("email-access-sent-title")/>
        <PageHeading title=t("email-access-sent-title") lead=t("email-access-sent-lead")/>
        <p class="kern-body">{t("email-access-sent-text")}</p>
        <p class="kern-body"><a class="kern-link" href=pages::EMAIL_ACCESS>{t("email-access-again")}</a></p>
    }
    .into_any()
}

/// The page a sign-in link opens: one button signs in (mail scanners that follow links do
/// not).
#[component]
pub fn SignInLinkPage() -> impl IntoView {
    let query = use_query_map();
    let code = move || query.read().get("code").unwrap_or_default();
    let valid = Resource::new_blocking(code, |code| check_code(code, "sign-in".into()));
    view! {
        <PageTitle title=t("sign-in-link-title")/>
        <PageHeading title=t("sign-in-link-title")/>
        <Suspense>
            {move || Suspend::new(async move {
                if valid.await.unwrap_or(false) {
                    Either::Left(view! {
                        <p class="kern-body">{t("sign-in-link-text")}</p>
                        <form method="post" action={action::<SignInWithLink>()}>
                            <input type="hidden" name="code" value=code()/>
                            <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{t("sign-in-link-submit")}</span></button>
                        </form>
                    })
                } else {
                    Either::Right(invalid_link("sign-in-link-invalid", pages::EMAIL_ACCESS, "email-access-again"))
                }
            })}
        </Suspense>
    }
    .into_any()
}
