//! The Postfach (`/postfach`): threads with unread counts, one thread with its messages,
//! the reply (answering a query, with files) and withdrawing the application.

use crate::api::mailbox::{
    REPLY_FLASH, Reply, ThreadPage, WITHDRAW_FLASH, WithdrawApplication, load_mailbox, load_thread,
    pages,
};
use crate::domain::time::format_date_time;
use crate::i18n::text_with;
use crate::ui::components::{PageHeading, PageTitle};
use crate::ui::context::{t, use_page};
use crate::ui::form::{ErrorSummary, form_flash};
use crate::ui::pages::account::action;
use crate::ui::pages::backoffice::case::{thread_view, timeline_view};
use crate::ui::pages::backoffice::status_badge;
use crate::ui::pages::error::NotFoundPage;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The applicant's download address of a file.
fn own_file(id: &str) -> String {
    format!("/antraege/anlagen/{id}")
}

#[component]
pub fn MailboxPage() -> impl IntoView {
    let threads = Resource::new_blocking(|| (), |_| load_mailbox());
    view! {
        <PageTitle title=t("mailbox-title")/>
        <PageHeading title=t("mailbox-title") lead=t("mailbox-lead")/>
        <Suspense>
            {move || Suspend::new(async move {
                let Ok(threads) = threads.await else {
                    return Either::Right(view! { <NotFoundPage/> });
                };
                let locale = use_page().locale;
                if threads.is_empty() {
                    return Either::Left(Either::Left(view! { <p class="kern-body">{t("mailbox-empty")}</p> }));
                }
                let rows = threads
                    .into_iter()
                    .map(|th| {
                        let href = th.reference.as_deref().map_or_else(|| pages::GENERAL.to_owned(), pages::thread);
                        let unread = (th.unread > 0).then(|| {
                            let label = text_with(locale, "mailbox-unread", &[("count", th.unread.to_string())]);
                            view! { " " <span class="kern-badge kern-badge--info kern-badge--small"><span class="kern-label">{label}</span></span> }
                        });
                        view! {
                            <tr class="kern-table__row">
                                <th class="kern-table__header" scope="row">
                                    <a class="kern-link" href=href>{th.title.clone()}</a>{unread}
                                </th>
                                <td class="kern-table__cell">{th.reference.clone().unwrap_or_default()}</td>
                                <td class="kern-table__cell">{th.last_subject.clone()}</td>
                                <td class="kern-table__cell">{format_date_time(th.last_at, locale)}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                Either::Left(Either::Right(view! {
                    <div class="table-scroll" tabindex="0" role="region" aria-label=t("mailbox-title")>
                        <table class="kern-table">
                            <caption class="kern-sr-only">{t("mailbox-title")}</caption>
                            <thead class="kern-table__head">
                                <tr class="kern-table__row">
                                    <th class="kern-table__header" scope="col">{t("mailbox-thread")}</th>
                                    <th class="kern-table__header" scope="col">{t("applications-reference")}</th>
                                    <th class="kern-table__header" scope="col">{t("mailbox-last")}</th>
                                    <th class="kern-table__header" scope="col">{t("mailbox-when")}</th>
                                </tr>
                            </thead>
                            <tbody class="kern-table__body">{rows}</tbody>
                        </table>
                    </div>
                }))
            })}
        </Suspense>
    }
    .into_any()
}

/// `/postfach/{reference}` and `/postfach/allgemein`.
#[component]
pub fn ThreadPageView() -> impl IntoView {
    let params = use_params_map();
    let reference = move || {
        params
            .read()
            .get("reference")
            .filter(|r| r != "allgemein")
            .unwrap_or_default()
    };
    let data = Resource::new_blocking(reference, load_thread);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => Either::Left(thread_page(page)),
                    Err(_) => Either::Right(view! { <NotFoundPage/> }),
                }
            })}
        </Suspense>
    }
    .into_any()
}

fn thread_page(page: ThreadPage) -> impl IntoView {
    let locale = use_page().locale;
    let reply_flash = form_flash(REPLY_FLASH);
    let withdraw_flash = form_flash(WITHDRAW_FLASH);
    let has_errors = !reply_flash.errors.is_empty() || !withdraw_flash.errors.is_empty();
    let reference = page.reference.clone().unwrap_or_default();
    let caption = page
        .reference
        .as_ref()
        .map(|r| text_with(locale, "mailbox-thread-of", &[("reference", r.clone())]));
    let error = |field: &str, id: &str| {
        reply_flash.error(field).map(|code| view! {
            <p class="kern-error" id=format!("{id}-error")>
                <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
                <span class="kern-body">{crate::ui::form::field_message(field, code)}</span>
            </p>
        })
    };
    let class = |field: &str| {
        if reply_flash.error(field).is_some() {
            "kern-form-input kern-form-input--error"
        } else {
            "kern-form-input"
        }
    };
    let described = |field: &str, id: &str| reply_flash.error(field).map(|_| format!("{id}-error"));
    let confirm_error = withdraw_flash.error("confirm");
    let default_subject = if page.query_open {
        t("reply-query-subject")
    } else {
        String::new()
    };
    let subject = if reply_flash.errors.is_empty() {
        default_subject
    } else {
        reply_flash.value("subject")
    };
    view! {
        <PageTitle title=page.title.clone() has_errors/>
        {caption.map(|c| view! { <p class="kern-body application-caption">{c}</p> })}
        <PageHeading title=page.title.clone()/>
        {if withdraw_flash.errors.is_empty() {
            Either::Left(view! { <ErrorSummary flash=reply_flash.clone() prefix="reply"/> })
        } else {
            Either::Right(view! { <ErrorSummary flash=withdraw_flash.clone() prefix="withdraw"/> })
        }}
        {page.status.map(|status| view! {
            <dl class="summary-list">
                <div class="summary-list__row"><dt class="summary-list__key">{t("applications-status")}</dt><dd class="summary-list__value">{status_badge(status)}</dd></div>
                {page.authority_name.clone().map(|a| view! {
                    <div class="summary-list__row"><dt class="summary-list__key">{t("application-authority-heading")}</dt><dd class="summary-list__value">{a}</dd></div>
                })}
            </dl>
            <p class="kern-body"><a class="kern-link" href=crate::api::applications::pages::detail(&reference)>{t("mailbox-to-application")}</a></p>
        })}
        {page.query_open.then(|| view! {
            <div class="kern-alert kern-alert--warning" role="status">
                <div class="kern-alert__header">
                    <span class="kern-icon kern-icon--warning" aria-hidden="true"></span>
                    <span class="kern-title">{t("mailbox-query-open")}</span>
                </div>
                <div class="kern-alert__body"><p class="kern-body">{t("mailbox-query-text")}</p></div>
            </div>
        })}
        <section class="text-section" aria-labelledby="messages-heading">
            <h2 id="messages-heading" class="kern-heading-medium">{t("mailbox-messages")}</h2>
            {if page.messages.is_empty() {
                Either::Left(view! { <p class="kern-body">{t("case-no-messages")}</p> })
            } else {
                Either::Right(thread_view(&page.messages, own_file))
            }}
        </section>
        {page.can_reply.then(|| view! {
            <section class="text-section" aria-labelledby="reply-heading">
                <h2 id="reply-heading" class="kern-heading-medium">
                    {if page.query_open { t("reply-query-heading") } else { t("reply-heading") }}
                </h2>
                <form method="post" action={action::<Reply>()} enctype="multipart/form-data" class="application-form" novalidate=true>
                    <input type="hidden" name="reference" value=reference.clone()/>
                    <div class=class("subject")>
                        <label class="kern-label" for="reply-subject">{t("message-subject")}</label>
                        {error("subject", "reply-subject")}
                        <input class="kern-form-input__input" id="reply-subject" name="subject" type="text" maxlength="150"
                            value=subject aria-describedby=described("subject", "reply-subject")
                            aria-invalid=reply_flash.error("subject").map(|_| "true")/>
                    </div>
                    <div class=class("body")>
                        <label class="kern-label" for="reply-body">{t("message-body")}</label>
                        {error("body", "reply-body")}
                        <textarea class="kern-form-input__input" id="reply-body" name="body" rows="6" maxlength="10000"
                            aria-describedby=described("body", "reply-body")
                            aria-invalid=reply_flash.error("body").map(|_| "true")>{reply_flash.value("body")}</textarea>
                    </div>
                    <div class=class("file")>
                        <label class="kern-label" for="reply-file">{t("message-file")}</label>
                        <div class="kern-hint" id="reply-file-hint">{t("message-file-hint")}</div>
                        {error("file", "reply-file")}
                        <input class="kern-form-input__input" id="reply-file" name="file" type="file" multiple=true
                            accept="application/pdf,image/jpeg,image/png" aria-describedby="reply-file-hint"/>
                    </div>
                    <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{t("reply-submit")}</span></button>
                </form>
            </section>
        })}
        {(!page.timeline.is_empty()).then(|| view! {
            <section class="text-section" aria-labelledby="timeline-heading">
                <h2 id="timeline-heading" class="kern-heading-medium">{t("timeline-heading")}</h2>
                {timeline_view(&page.timeline)}
            </section>
        })}
        {page.can_withdraw.then(|| view! {
            <section class="text-section" aria-labelledby="withdraw-heading">
                <h2 id="withdraw-heading" class="kern-heading-medium">{t("withdraw-heading")}</h2>
                <p class="kern-body">{t("withdraw-text")}</p>
                <form method="post" action={action::<WithdrawApplication>()} class="application-form" novalidate=true>
                    <input type="hidden" name="reference" value=reference.clone()/>
                    <div class=if confirm_error.is_some() { "kern-form-check kern-form-check--error" } else { "kern-form-check" }>
                        {confirm_error.map(|code| view! {
                            <p class="kern-error" id="withdraw-confirm-error">
                                <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
                                <span class="kern-body">{crate::ui::form::field_message("withdraw", code)}</span>
                            </p>
                        })}
                        <input class="kern-form-check__input" type="checkbox" id="withdraw-confirm" name="confirm" value="ja"
                            aria-describedby=confirm_error.map(|_| "withdraw-confirm-error")/>
                        <label class="kern-label" for="withdraw-confirm">{t("withdraw-confirm")}</label>
                    </div>
                    <button type="submit" class="kern-btn kern-btn--primary danger-button"><span class="kern-label">{t("withdraw-submit")}</span></button>
                </form>
            </section>
        })}
    }
}
