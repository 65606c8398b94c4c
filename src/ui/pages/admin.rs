//! `/verwaltung`: caseworkers per authority, delivery channels (webhook, API keys) and the
//! dead-letter list, for admins.

use crate::api::admin::{
    AddMember, AdminPage, AuthorityAdmin, CreateApiKey, KEY_FLASH, MEMBER_FLASH, RemoveMember,
    RetryDelivery, RevokeApiKey, SECRET_FLASH, SetWebhook, ShownSecret, WEBHOOK_FLASH, load_admin,
    pages,
};
use crate::domain::time::format_date_time;
use crate::ui::components::{PageHeading, PageTitle};
use crate::ui::context::{t, use_page};
use crate::ui::form::{ErrorSummary, form_flash};
use crate::ui::pages::account::action;
use crate::ui::pages::error::NotFoundPage;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AdminPageView() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new_blocking(move || query.read().get("behoerde"), load_admin);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => Either::Left(admin_view(page)),
                    Err(_) => Either::Right(view! { <NotFoundPage/> }),
                }
            })}
        </Suspense>
    }
    .into_any()
}

fn admin_view(page: AdminPage) -> impl IntoView {
    let locale = use_page().locale;
    let member_flash = form_flash(MEMBER_FLASH);
    let webhook_flash = form_flash(WEBHOOK_FLASH);
    let key_flash = form_flash(KEY_FLASH);
    let has_errors = [&member_flash, &webhook_flash, &key_flash]
        .iter()
        .any(|f| !f.errors.is_empty());
    let summary = [
        (member_flash.clone(), "admin"),
        (webhook_flash.clone(), "admin"),
        (key_flash.clone(), "admin"),
    ]
    .into_iter()
    .find(|(f, _)| !f.errors.is_empty())
    .map(|(flash, prefix)| view! { <ErrorSummary flash prefix/> });
    let secret: Option<ShownSecret> = use_page().flash(SECRET_FLASH);
    let options = page
        .all
        .iter()
        .map(|(id, name)| view! { <option value=id.clone()>{name.clone()}</option> })
        .collect_view();
    let options_again = page
        .all
        .iter()
        .map(|(id, name)| view! { <option value=id.clone()>{name.clone()}</option> })
        .collect_view();
    let member_error = member_flash.error("member");
    let dead = page
        .dead_letters
        .iter()
        .map(|d| view! {
            <tr class="kern-table__row">
                <th class="kern-table__header" scope="row">{d.reference.clone()}</th>
                <td class="kern-table__cell">{d.authority_id.clone()}</td>
                <td class="kern-table__cell">{d.event.clone()}</td>
                <td class="kern-table__cell">{d.attempts.to_string()}</td>
                <td class="kern-table__cell">{d.last_error.clone().unwrap_or_default()}</td>
                <td class="kern-table__cell">{format_date_time(d.failed_at, locale)}</td>
                <td class="kern-table__cell">
                    <form method="post" action={action::<RetryDelivery>()} class="inline-form">
                        <input type="hidden" name="id" value=d.id.to_string()/>
                        <button type="submit" class="kern-btn kern-btn--secondary kern-btn--small">
                            <span class="kern-label">{t("admin-retry")}</span>
                            <span class="kern-sr-only">{format!(" {}", d.reference)}</span>
                        </button>
                    </form>
                </td>
            </tr>
        })
        .collect_view();
    let panels = page
        .authorities
        .into_iter()
        .map(|a| authority_panel(a, &key_flash, &webhook_flash))
        .collect_view();
    view! {
        <PageTitle title=t("admin-title") has_errors/>
        <PageHeading title=t("admin-title") lead=t("admin-lead")/>
        {summary}
        {secret.map(|s| view! {
            <div class="kern-alert kern-alert--warning" role="status">
                <div class="kern-alert__header">
                    <span class="kern-icon kern-icon--warning" aria-hidden="true"></span>
                    <span class="kern-title">{t(&format!("admin-secret-{}", s.kind))}</span>
                </div>
                <div class="kern-alert__body">
                    <p class="kern-body">{t("admin-secret-once")}</p>
                    <p class="kern-body"><code class="secret">{s.value}</code></p>
                </div>
            </div>
        })}
        <section class="text-section" aria-labelledby="add-member-heading">
            <h2 id="add-member-heading" class="kern-heading-medium">{t("admin-add-member")}</h2>
            <p class="kern-body">{t("admin-add-member-text")}</p>
            <form method="post" action={action::<AddMember>()} class="application-form" novalidate=true>
                <div class=if member_error.is_some() { "kern-form-input kern-form-input--error" } else { "kern-form-input" }>
                    <label class="kern-label" for="admin-member">{t("account-email-label")}</label>
                    {member_error.map(|code| view! {
                        <p class="kern-error" id="admin-member-error">
                            <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
                            <span class="kern-body">{crate::ui::form::field_message("member", code)}</span>
                        </p>
                    })}
                    <input class="kern-form-input__input" id="admin-member" name="email" type="email" autocomplete="off"
                        value=member_flash.value("member") aria-describedby=member_error.map(|_| "admin-member-error")
                        aria-invalid=member_error.map(|_| "true")/>
                </div>
                <div class="kern-form-input">
                    <label class="kern-label" for="admin-member-authority">{t("inbox-authority")}</label>
                    <div class="kern-form-input__select-wrapper">
                        <select class="kern-form-input__select" id="admin-member-authority" name="authority">{options}</select>
                    </div>
                </div>
                <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{t("admin-add-member-submit")}</span></button>
            </form>
        </section>
        <section class="text-section" aria-labelledby="authorities-heading">
            <h2 id="authorities-heading" class="kern-heading-medium">{t("admin-authorities")}</h2>
            <form method="get" action=pages::ADMIN class="inbox-filter">
                <div class="kern-form-input">
                    <label class="kern-label" for="admin-choose">{t("admin-choose-authority")}</label>
                    <div class="kern-form-input__select-wrapper">
                        <select class="kern-form-input__select" id="admin-choose" name="behoerde">{options_again}</select>
                    </div>
                </div>
                <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{t("admin-show")}</span></button>
            </form>
            {panels}
        </section>
        <section class="text-section" aria-labelledby="dead-heading">
            <h2 id="dead-heading" class="kern-heading-medium">{t("admin-dead-letters")}</h2>
            {if page.dead_letters.is_empty() {
                Either::Left(view! { <p class="kern-body">{t("admin-no-dead-letters")}</p> })
            } else {
                Either::Right(view! {
                    <div class="table-scroll" tabindex="0" role="region" aria-label=t("admin-dead-letters")>
                        <table class="kern-table">
                            <caption class="kern-sr-only">{t("admin-dead-letters")}</caption>
                            <thead class="kern-table__head">
                                <tr class="kern-table__row">
                                    <th class="kern-table__header" scope="col">{t("inbox-reference")}</th>
                                    <th class="kern-table__header" scope="col">{t("inbox-authority")}</th>
                                    <th class="kern-table__header" scope="col">{t("admin-event")}</th>
                                    <th class="kern-table__header" scope="col">{t("admin-attempts")}</th>
                                    <th class="kern-table__header" scope="col">{t("admin-error")}</th>
                                    <th class="kern-table__header" scope="col">{t("admin-failed-at")}</th>
                                    <th class="kern-table__header" scope="col"><span class="kern-sr-only">{t("security-actions")}</span></th>
                                </tr>
                            </thead>
                            <tbody class="kern-table__body">{dead}</tbody>
                        </table>
                    </div>
                })
            }}
        </section>
    }
}

fn authority_panel(
    a: AuthorityAdmin,
    key_flash: &crate::api::account::FormFlash,
    webhook_flash: &crate::api::account::FormFlash,
) -> impl IntoView + use<> {
    let locale = use_page().locale;
    let id = a.id.clone();
    let slug: String = id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let heading = format!("authority-{slug}");
    let members = a
        .members
        .iter()
        .map(|(account, email)| {
            view! {
                <li>
                    {email.clone()} " "
                    <form method="post" action={action::<RemoveMember>()} class="inline-form">
                        <input type="hidden" name="account" value=account.to_string()/>
                        <input type="hidden" name="authority" value=id.clone()/>
                        <button type="submit" class="kern-btn kern-btn--tertiary kern-btn--small">
                            <span class="kern-label">{t("admin-remove")}</span>
                            <span class="kern-sr-only">{format!(" {email}")}</span>
                        </button>
                    </form>
                </li>
            }
        })
        .collect_view();
    let keys = a
        .keys
        .iter()
        .map(|k| {
            let state = match k.revoked_at {
                Some(at) => crate::i18n::text_with(locale, "admin-key-revoked", &[("at", format_date_time(at, locale))]),
                None => k.last_used_at.map_or_else(|| t("admin-key-unused"), |at| format_date_time(at, locale)),
            };
            view! {
                <tr class="kern-table__row">
                    <th class="kern-table__header" scope="row">{k.name.clone()}</th>
                    <td class="kern-table__cell"><code>{format!("{}…", k.prefix)}</code></td>
                    <td class="kern-table__cell">{k.scopes.join(", ")}</td>
                    <td class="kern-table__cell">{state}</td>
                    <td class="kern-table__cell">
                        {k.revoked_at.is_none().then(|| view! {
                            <form method="post" action={action::<RevokeApiKey>()} class="inline-form">
                                <input type="hidden" name="authority" value=id.clone()/>
                                <input type="hidden" name="id" value=k.id.to_string()/>
                                <button type="submit" class="kern-btn kern-btn--secondary kern-btn--small">
                                    <span class="kern-label">{t("admin-revoke")}</span>
                                    <span class="kern-sr-only">{format!(" {}", k.name)}</span>
                                </button>
                            </form>
                        })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    // The flash names the authority whose form was refused.
    let webhook_error = webhook_flash
        .error("form")
        .filter(|_| webhook_flash.value("authority") == id);
    let key_error = key_flash
        .error("form")
        .filter(|_| key_flash.value("authority") == id);
    view! {
        <section class="admin-authority" aria-labelledby=heading.clone()>
            <h3 class="kern-heading-small" id=heading.clone()>{a.name.clone()}</h3>
            <h4 class="kern-title">{t("admin-members")}</h4>
            {if a.members.is_empty() {
                Either::Left(view! { <p class="kern-body">{t("admin-no-members")}</p> })
            } else {
                Either::Right(view! { <ul class="kern-list">{members}</ul> })
            }}
            <h4 class="kern-title">{t("admin-webhook")}</h4>
            <form method="post" action={action::<SetWebhook>()} class="application-form" novalidate=true>
                <input type="hidden" name="authority" value=id.clone()/>
                <div class=if webhook_error.is_some() { "kern-form-input kern-form-input--error" } else { "kern-form-input" }>
                    <label class="kern-label" for=format!("webhook-{slug}")>{t("admin-webhook-url")}</label>
                    <div class="kern-hint" id=format!("webhook-{slug}-hint")>{t("admin-webhook-hint")}</div>
                    <input class="kern-form-input__input" id=format!("webhook-{slug}") name="url" type="url"
                        value=a.webhook_url.clone().unwrap_or_default() aria-describedby=format!("webhook-{slug}-hint")/>
                </div>
                <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{t("admin-webhook-save")}</span></button>
            </form>
            <h4 class="kern-title">{t("admin-keys")}</h4>
            {(!a.keys.is_empty()).then(|| view! {
                <div class="table-scroll" tabindex="0" role="region" aria-label=t("admin-keys")>
                    <table class="kern-table">
                        <caption class="kern-sr-only">{format!("{} – {}", t("admin-keys"), a.name)}</caption>
                        <thead class="kern-table__head">
                            <tr class="kern-table__row">
                                <th class="kern-table__header" scope="col">{t("admin-key-name")}</th>
                                <th class="kern-table__header" scope="col">{t("admin-key-prefix")}</th>
                                <th class="kern-table__header" scope="col">{t("admin-key-scopes")}</th>
                                <th class="kern-table__header" scope="col">{t("admin-key-used")}</th>
                                <th class="kern-table__header" scope="col"><span class="kern-sr-only">{t("security-actions")}</span></th>
                            </tr>
                        </thead>
                        <tbody class="kern-table__body">{keys}</tbody>
                    </table>
                </div>
            })}
            <form method="post" action={action::<CreateApiKey>()} class="application-form" novalidate=true>
                <input type="hidden" name="authority" value=id.clone()/>
                <div class=if key_error.is_some() { "kern-form-input kern-form-input--error" } else { "kern-form-input" }>
                    <label class="kern-label" for=format!("key-name-{slug}")>{t("admin-key-name")}</label>
                    <input class="kern-form-input__input" id=format!("key-name-{slug}") name="name" type="text" maxlength="100"/>
                </div>
                <fieldset class="kern-fieldset">
                    <legend class="kern-label">{t("admin-key-scopes")}</legend>
                    <div class="kern-fieldset__body">
                        {crate::api::admin::SCOPES.iter().map(|scope| {
                            let control = format!("key-{scope}-{slug}");
                            view! {
                                <div class="kern-form-check">
                                    <input class="kern-form-check__input" type="checkbox" id=control.clone() name=format!("scope_{scope}") value="ja"/>
                                    <label class="kern-label" for=control>{t(&format!("admin-scope-{scope}"))}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
                <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{t("admin-key-create")}</span></button>
            </form>
        </section>
    }
}
