//! The signed-in pages: overview, security (sessions, events, password), privacy (export,
//! deletion) and re-authentication.

use super::action;
use crate::api::account::{
    ChangePassword, DeleteAccount, Reauthenticate, RequestEmailChange, RevokeSession, SaveProfile,
    SignOut, SignOutEverywhere, forms, load_account, load_profile, load_security, pages,
};
use crate::api::passkeys::RemovePasskey;
use crate::api::second_factor::{RemoveTotp, RenewRecoveryCodes};
use crate::domain::account::AccountForm;
use crate::domain::account::TrustLevel;
use crate::domain::locale::Locale;
use crate::domain::profile::SALUTATIONS;
use crate::domain::time::format_date_time;
use crate::i18n::text_with;
use crate::ui::components::{PageHeading, PageTitle};
use crate::ui::context::{t, use_page};
use crate::ui::form::{ActionButton, ErrorSummary, Input, InputKind, Select, form_flash};
use crate::ui::live_form::LiveForm;
use crate::ui::pages::error::NotFoundPage;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

fn trust_text(level: TrustLevel) -> String {
    t(&format!("trust-{}", level.as_str()))
}

/// Whether the signed-in account has a password (one made by applying with only an e-mail
/// address has none).
fn has_password() -> bool {
    use_page().account.is_none_or(|a| a.has_password)
}

/// For an account without a password: what it can do, and how to set a password.
fn set_password_notice() -> impl IntoView {
    view! {
        <div class="kern-alert kern-alert--info" role="status">
            <div class="kern-alert__header">
                <span class="kern-icon kern-icon--info" aria-hidden="true"></span>
                <span class="kern-title">{t("account-no-password-title")}</span>
            </div>
            <div class="kern-alert__body">
                <p class="kern-body">{t("account-no-password-text")}</p>
                <p class="kern-body"><a class="kern-link" href=pages::FORGOT>{t("account-set-password")}</a></p>
            </div>
        </div>
    }
}

/// `/konto`: who is signed in and where to go from here.
#[component]
pub fn AccountPage() -> impl IntoView {
    let account = Resource::new_blocking(|| (), |_| load_account());
    view! {
        <PageTitle title=t("account-title")/>
        <PageHeading title=t("account-title")/>
        <Suspense>
            {move || Suspend::new(async move {
                match account.await {
                    Ok(account) => {
                        let locale = use_page().locale;
                        let since = format_date_time(account.created_at, locale);
                        let trust = if has_password() { trust_text(account.trust_level) } else { t("trust-email") };
                        Either::Left(view! {
                            {(!has_password()).then(set_password_notice)}
                            <dl class="account-facts">
                                <dt>{t("account-email-label")}</dt>
                                <dd>{account.email}</dd>
                                <dt>{t("account-since")}</dt>
                                <dd>{since}</dd>
                                <dt>{t("account-trust")}</dt>
                                <dd>{trust}</dd>
                            </dl>
                            <ul class="card-grid account-sections">
                                <AccountLink href=crate::api::applications::pages::LIST title="applications-title" body="account-card-applications"/>
                                <AccountLink href=pages::PROFILE title="profile-title" body="account-card-profile"/>
                                <AccountLink href=pages::SECURITY title="security-title" body="account-card-security"/>
                                <AccountLink href=pages::PRIVACY title="account-privacy-title" body="account-card-privacy"/>
                            </ul>
                            <ActionButton action={action::<SignOut>()} label=t("sign-out") secondary=true/>
                        })
                    }
                    Err(_) => Either::Right(view! { <NotFoundPage/> }),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn AccountLink(href: &'static str, title: &'static str, body: &'static str) -> impl IntoView {
    view! {
        <li class="kern-card">
            <div class="kern-card__container">
                <div class="kern-card__header">
                    <h2 class="kern-title"><a class="kern-link kern-link--stretched" href=href>{t(title)}</a></h2>
                </div>
                <div class="kern-card__body"><p class="kern-body">{t(body)}</p></div>
            </div>
        </li>
    }
}

/// `/konto/sicherheit`: sessions with revoke, recent security events, change password.
#[component]
pub fn SecurityPage() -> impl IntoView {
    let overview = Resource::new_blocking(|| (), |_| load_security());
    let flash = form_flash(forms::CHANGE_PASSWORD);
    let has_errors = !flash.errors.is_empty();
    view! {
        <PageTitle title=t("security-title") has_errors/>
        <PageHeading title=t("security-title") lead=t("security-lead")/>
        <Suspense>
            {move || {
                let flash = flash.clone();
                Suspend::new(async move {
                    let Ok(overview) = overview.await else {
                        return Either::Right(view! { <NotFoundPage/> });
                    };
                    let locale = use_page().locale;
                    let sessions = overview
                        .sessions
                        .into_iter()
                        .map(|s| {
                            let device = s.user_agent.clone().unwrap_or_else(|| t("security-unknown-device"));
                            let action_cell = if s.current {
                                Either::Left(view! { <strong>{t("security-this-session")}</strong> })
                            } else {
                                Either::Right(view! {
                                    <form method="post" action={action::<RevokeSession>()} class="inline-form">
                                        <input type="hidden" name="handle" value=s.handle.clone()/>
                                        <button type="submit" class="kern-btn kern-btn--secondary kern-btn--small">
                                            <span class="kern-label">{t("security-revoke")}</span>
                                        </button>
                                    </form>
                                })
                            };
                            view! {
                                <tr>
                                    <td>{device}</td>
                                    <td>{s.ip.clone().unwrap_or_default()}</td>
                                    <td>{format_date_time(s.created_at, locale)}</td>
                                    <td>{format_date_time(s.last_seen_at, locale)}</td>
                                    <td>{action_cell}</td>
                                </tr>
                            }
                        })
                        .collect_view();
                    let events = overview
                        .events
                        .into_iter()
                        .map(|e| {
                            view! {
                                <tr>
                                    <td>{format_date_time(e.at, locale)}</td>
                                    <td>{t(&format!("event-{}", e.event))}</td>
                                    <td>{e.ip.unwrap_or_default()}</td>
                                </tr>
                            }
                        })
                        .collect_view();
                    Either::Left(view! {
                        <section class="text-section" aria-labelledby="sessions-heading">
                            <h2 id="sessions-heading" class="kern-heading-medium">{t("security-sessions-heading")}</h2>
                            <div class="table-scroll">
                                <table class="kern-table">
                                    <caption class="kern-sr-only">{t("security-sessions-heading")}</caption>
                                    <thead class="kern-table__head">
                                        <tr>
                                            <th scope="col">{t("security-device")}</th>
                                            <th scope="col">{t("security-address")}</th>
                                            <th scope="col">{t("security-started")}</th>
                                            <th scope="col">{t("security-last-seen")}</th>
                                            <th scope="col"><span class="kern-sr-only">{t("security-actions")}</span></th>
                                        </tr>
                                    </thead>
                                    <tbody class="kern-table__body">{sessions}</tbody>
                                </table>
                            </div>
                            <ActionButton action={action::<SignOutEverywhere>()} label=t("security-sign-out-everywhere") secondary=true/>
                        </section>
                        {if has_password() {
                            Either::Left(view! {
                        <section class="text-section" aria-labelledby="factor-heading">
                                    <h2 id="factor-heading" class="kern-heading-medium">{t("security-factor-heading")}</h2>
                                    {if overview.has_totp {
                                        let left = text_with(locale, "security-factor-active", &[("count", overview.recovery_codes_left.to_string())]);
                                        let removable = !overview.account.role.is_staff();
                                        Either::Left(view! {
                                            <p class="kern-body">{left}</p>
                                            <p class="kern-body">{t("security-recovery-renew-text")}</p>
                                            <ActionButton action={action::<RenewRecoveryCodes>()} label=t("security-recovery-renew") secondary=true/>
                                            {removable.then(|| view! {
                                                <ActionButton action={action::<RemoveTotp>()} label=t("security-factor-remove") secondary=true/>
                                            })}
                                        })
                                    } else {
                                        Either::Right(view! {
                                            <p class="kern-body">{t("security-factor-none")}</p>
                                            <p class="kern-body"><a class="kern-link" href=pages::AUTHENTICATOR>{t("totp-title")}</a></p>
                                        })
                                    }}
                                </section>
                                <section class="text-section" aria-labelledby="passkeys-heading">
                                    <h2 id="passkeys-heading" class="kern-heading-medium">{t("passkeys-heading")}</h2>
                                    <p class="kern-body">{t("passkeys-text")}</p>
                                    {(!overview.passkeys.is_empty()).then(|| view! {
                                        <ul class="kern-list passkey-list">
                                            {overview.passkeys.clone().into_iter().map(|p| {
                                                let added = text_with(locale, "passkey-added", &[("date", format_date_time(p.created_at, locale))]);
                                                view! {
                                                    <li>
                                                        <strong>{p.name}</strong> " · " {added} " "
                                                        <form method="post" action={action::<RemovePasskey>()} class="inline-form">
                                                            <input type="hidden" name="id" value=p.id.to_string()/>
                                                            <button type="submit" class="kern-btn kern-btn--secondary kern-btn--small">
                                                                <span class="kern-label">{t("passkey-remove")}</span>
                                                            </button>
                                                        </form>
                                                    </li>
                                                }
                                            }).collect_view()}
                                        </ul>
                                    })}
                                    {if overview.recently_authenticated {
                                        Either::Left(super::passkey_button(super::passkeys::PasskeyMode::Register, String::new()))
                                    } else {
                                        Either::Right(view! {
                                            <p class="kern-body">
                                                <a class="kern-link" href=format!("{}?weiter={}", pages::REAUTH, pages::SECURITY)>{t("passkey-confirm-first")}</a>
                                            </p>
                                        })
                                    }}
                                </section>
                                <section class="text-section" aria-labelledby="password-heading">
                                    <h2 id="password-heading" class="kern-heading-medium">{t("security-password-heading")}</h2>
                                    <LiveForm form=AccountForm::ChangePassword prefix="change" title=t("security-title")>
                                        <ErrorSummary flash=flash.clone() prefix="change"/>
                                        <form method="post" action={action::<ChangePassword>()} class="account-form" novalidate=true>
                                            <Input prefix="change" name="current" label=t("account-current-password-label")
                                                kind=InputKind::CurrentPassword error=flash.error("current")/>
                                            {super::access::new_password("change", "account-new-password-label", flash.error("password"))}
                                            <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{t("security-password-submit")}</span></button>
                                        </form>
                                    </LiveForm>
                                </section>
                            })
                        } else {
                            Either::Right(set_password_notice())
                        }}
                        <section class="text-section" aria-labelledby="events-heading">
                            <h2 id="events-heading" class="kern-heading-medium">{t("security-events-heading")}</h2>
                            <div class="table-scroll">
                                <table class="kern-table">
                                    <caption class="kern-sr-only">{t("security-events-heading")}</caption>
                                    <thead class="kern-table__head">
                                        <tr>
                                            <th scope="col">{t("security-when")}</th>
                                            <th scope="col">{t("security-what")}</th>
                                            <th scope="col">{t("security-address")}</th>
                                        </tr>
                                    </thead>
                                    <tbody class="kern-table__body">{events}</tbody>
                                </table>
                            </div>
                        </section>
                    })
                })
            }}
        </Suspense>
    }
    .into_any()
}

/// `/konto/datenschutz`: download my data, delete my account.
#[component]
pub fn AccountPrivacyPage() -> impl IntoView {
    let flash = form_flash(forms::DELETE);
    let has_errors = !flash.errors.is_empty();
    let confirm_error = flash.error("confirm");
    let delete_form = if has_password() {
        AccountForm::DeleteAccount
    } else {
        AccountForm::DeleteWithoutPassword
    };
    view! {
        <PageTitle title=t("account-privacy-title") has_errors/>
        <PageHeading title=t("account-privacy-title") lead=t("account-privacy-lead")/>
        <section class="text-section" aria-labelledby="export-heading">
            <h2 id="export-heading" class="kern-heading-medium">{t("export-heading")}</h2>
            <p class="kern-body">{t("export-text")}</p>
            <p class="kern-body">
                <a class="kern-btn kern-btn--secondary" href=pages::EXPORT download="servicekonto.json">
                    <span class="kern-label">{t("export-link")}</span>
                </a>
            </p>
        </section>
        <section class="text-section" aria-labelledby="delete-heading">
            <h2 id="delete-heading" class="kern-heading-medium">{t("delete-heading")}</h2>
            <p class="kern-body">{t("delete-text")}</p>
            <p class="kern-body">{t("delete-applications")}</p>
            <LiveForm form=delete_form prefix="delete" title=t("account-privacy-title")>
                <ErrorSummary flash=flash.clone() prefix="delete"/>
                <form method="post" action={action::<DeleteAccount>()} class="account-form" novalidate=true>
                    {if delete_form == AccountForm::DeleteAccount {
                        Either::Left(view! {
                            <Input prefix="delete" name="password" label=t("account-password-label") hint=t("delete-password-hint")
                                kind=InputKind::CurrentPassword error=flash.error("password")/>
                        })
                    } else {
                        Either::Right(view! { <p class="kern-body">{t("delete-without-password-hint")}</p> })
                    }}
                    <div class=if confirm_error.is_some() { "kern-form-check kern-form-check--error" } else { "kern-form-check" }>
                        {confirm_error.map(|code| view! {
                            <p class="kern-error" id="delete-confirm-error">
                                <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
                                <span class="kern-body">{crate::ui::form::field_message("confirm", code)}</span>
                            </p>
                        })}
                        <input class="kern-form-check__input" type="checkbox" id="delete-confirm" name="confirm" value="ja"
                            aria-describedby=confirm_error.map(|_| "delete-confirm-error")/>
                        <label class="kern-label" for="delete-confirm">{t("delete-confirm-label")}</label>
                    </div>
                    <button type="submit" class="kern-btn kern-btn--primary danger-button"><span class="kern-label">{t("delete-submit")}</span></button>
                </form>
            </LiveForm>
        </section>
    }
    .into_any()
}

/// `/konto/bestaetigen-passwort?weiter=…`: the password again before a sensitive step.
#[component]
pub fn ReauthPage() -> impl IntoView {
    let query = use_query_map();
    let flash = form_flash(forms::REAUTH);
    let has_errors = !flash.errors.is_empty();
    let next = query
        .read_untracked()
        .get("weiter")
        .unwrap_or_else(|| flash.value("next"));
    if !has_password() {
        return reauth_by_link(next).into_any();
    }
    view! {
        <PageTitle title=t("reauth-title") has_errors/>
        <PageHeading title=t("reauth-title") lead=t("reauth-lead")/>
        <LiveForm form=AccountForm::Reauthenticate prefix="reauth" title=t("reauth-title")>
            <ErrorSummary flash=flash.clone() prefix="reauth"/>
            <form method="post" action={action::<Reauthenticate>()} class="account-form" novalidate=true>
                <input type="hidden" name="next" value=next/>
                <Input prefix="reauth" name="password" label=t("account-password-label")
                    kind=InputKind::CurrentPassword error=flash.error("password")/>
                <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{t("reauth-submit")}</span></button>
            </form>
        </LiveForm>
    }
    .into_any()
}

/// Re-authentication of an account without a password: a fresh sign-in link to its own
/// address stands in for the password.
fn reauth_by_link(next: String) -> impl IntoView {
    use crate::api::email_access::RequestSignInLink;
    let flash = form_flash(forms::SIGN_IN_LINK);
    let has_errors = !flash.errors.is_empty();
    let email = use_page().account.map(|a| a.email).unwrap_or_default();
    view! {
        <PageTitle title=t("reauth-link-title") has_errors/>
        <PageHeading title=t("reauth-link-title") lead=t("reauth-link-lead")/>
        <LiveForm form=AccountForm::SignInLink prefix="reauth" title=t("reauth-link-title")>
            <ErrorSummary flash=flash.clone() prefix="reauth"/>
            <form method="post" action={action::<RequestSignInLink>()} class="account-form" novalidate=true>
                <input type="hidden" name="next" value=next/>
                <input type="hidden" name="email" value=email/>
                <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{t("email-access-submit")}</span></button>
            </form>
        </LiveForm>
    }
}

/// `/konto/profil`: Stammdaten and the e-mail address.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let profile = Resource::new_blocking(|| (), |_| load_profile());
    let flash = form_flash(forms::PROFILE);
    let email_flash = form_flash(forms::EMAIL);
    let has_errors = !flash.errors.is_empty() || !email_flash.errors.is_empty();
    view! {
        <PageTitle title=t("profile-title") has_errors/>
        <PageHeading title=t("profile-title") lead=t("profile-lead")/>
        <Suspense>
            {move || {
                let (flash, email_flash) = (flash.clone(), email_flash.clone());
                Suspend::new(async move {
                    let Ok(data) = profile.await else {
                        return Either::Right(view! { <NotFoundPage/> });
                    };
                    // After a refused post, show what was typed; otherwise what is stored.
                    let refused = !flash.errors.is_empty();
                    let value = |field: &str| {
                        if refused { flash.value(field) } else { data.form.value(field).to_owned() }
                    };
                    let text_field = |name: &'static str, autocomplete: &'static str| {
                        view! {
                            <Input prefix="profile" name=name field_name=format!("form[{name}]")
                                label=t(&format!("profile-{name}")) kind=InputKind::Text
                                autocomplete=autocomplete value=value(name) error=flash.error(name)/>
                        }
                    };
                    let salutations = std::iter::once((String::new(), t("profile-choose")))
                        .chain(SALUTATIONS.iter().map(|s| ((*s).to_owned(), t(&format!("salutation-{s}")))))
                        .collect();
                    let languages = Locale::ALL
                        .iter()
                        .map(|l| (l.as_str().to_owned(), l.endonym().to_owned()))
                        .collect();
                    let mut gemeinden = vec![(None, vec![(String::new(), t("profile-choose"))])];
                    gemeinden.extend(data.places.kreise.into_iter().map(|(kreis, list)| {
                        (Some(kreis.name), list.into_iter().map(|g| (g.ags.to_string(), g.name)).collect())
                    }));
                    let email_value = if email_flash.errors.is_empty() { String::new() } else { email_flash.value("email") };
                    let profile_form = view! {
                        <ErrorSummary flash=flash.clone() prefix="profile"/>
                        <form method="post" action={action::<SaveProfile>()} class="account-form" novalidate=true>
                            <fieldset class="kern-fieldset">
                                <legend class="kern-label kern-label--large">{t("profile-person")}</legend>
                                <div class="kern-fieldset__body account-fieldset">
                                    <Select prefix="profile" name="salutation" field_name="form[salutation]" label=t("profile-salutation")
                                        groups=vec![(None, salutations)] value=value("salutation") error=flash.error("salutation")/>
                                    {text_field("academic_title", "honorific-prefix")}
                                    {text_field("given_names", "given-name")}
                                    {text_field("family_name", "family-name")}
                                    {text_field("birth_name", "off")}
                                    <Input prefix="profile" name="birth_date" field_name="form[birth_date]" label=t("profile-birth_date")
                                        hint=t("profile-birth_date-hint") kind=InputKind::Date autocomplete="bday"
                                        value=value("birth_date") error=flash.error("birth_date")/>
                                    {text_field("birth_place", "off")}
                                    {text_field("nationality", "off")}
                                </div>
                            </fieldset>
                            <fieldset class="kern-fieldset">
                                <legend class="kern-label kern-label--large">{t("profile-address")}</legend>
                                <div class="kern-fieldset__body account-fieldset">
                                    {text_field("street", "address-line1")}
                                    {text_field("house_number", "off")}
                                    {text_field("postcode", "postal-code")}
                                    {text_field("city", "address-level2")}
                                    <Select prefix="profile" name="gemeinde" field_name="form[gemeinde]" label=t("profile-gemeinde")
                                        groups=gemeinden value=value("gemeinde") error=flash.error("gemeinde")/>
                                    {text_field("country", "country-name")}
                                </div>
                            </fieldset>
                            <fieldset class="kern-fieldset">
                                <legend class="kern-label kern-label--large">{t("profile-contact")}</legend>
                                <div class="kern-fieldset__body account-fieldset">
                                    <Input prefix="profile" name="phone" field_name="form[phone]" label=t("profile-phone")
                                        kind=InputKind::Tel value=value("phone") error=flash.error("phone")/>
                                    <Select prefix="profile" name="language" field_name="form[language]" label=t("profile-language")
                                        groups=vec![(None, languages)] value=value("language") error=flash.error("language")/>
                                </div>
                            </fieldset>
                            <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{t("profile-submit")}</span></button>
                        </form>
                    }
                    .into_any();
                    Either::Left(view! {
                        <LiveForm form=AccountForm::Profile prefix="profile" title=t("profile-title")>
                            {profile_form}
                        </LiveForm>
                        <section class="text-section" aria-labelledby="email-heading">
                            <h2 id="email-heading" class="kern-heading-medium">{t("profile-email-heading")}</h2>
                            <p class="kern-body">{text_with(use_page().locale, "profile-email-current", &[("email", data.email.clone())])}</p>
                            <p class="kern-body">{t("profile-email-text")}</p>
                            <LiveForm form=AccountForm::ChangeEmail prefix="email" title=t("profile-title")>
                                <ErrorSummary flash=email_flash.clone() prefix="email"/>
                                <form method="post" action={action::<RequestEmailChange>()} class="account-form" novalidate=true>
                                    <Input prefix="email" name="email" label=t("profile-new-email") kind=InputKind::Email
                                        value=email_value error=email_flash.error("email")/>
                                    <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{t("profile-email-submit")}</span></button>
                                </form>
                            </LiveForm>
                        </section>
                    })
                })
            }}
        </Suspense>
    }
    .into_any()
}
