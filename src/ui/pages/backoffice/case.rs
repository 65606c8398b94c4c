//! `/behoerde/vorgaenge/{reference}`: one case. The answers from the frozen form version,
//! the files, the actions (assign, pick up, ask back, decide with a message and a file),
//! the Postfach thread, internal notes and the timeline.

use super::shortcuts::{Shortcut, ShortcutAction, shortcuts_view};
use super::{status_badge, status_label};
use crate::api::applications::FileView;
use crate::api::backoffice::{
    AddCaseNote, AssignCase, CasePage, ChangeCaseStatus, EventView, MESSAGE_FLASH, MessageView,
    NOTE_FLASH, SendCaseMessage, load_case, pages,
};
use crate::domain::applications::Status;
use crate::domain::time::format_date_time;
use crate::i18n::text_with;
use crate::ui::components::{PageHeading, PageTitle};
use crate::ui::context::{t, use_page};
use crate::ui::form::{ErrorSummary, form_flash};
use crate::ui::pages::account::action;
use crate::ui::pages::applications::fields::{FieldContext, step_summary};
use crate::ui::pages::error::NotFoundPage;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn CasePageView() -> impl IntoView {
    let params = use_params_map();
    let reference = move || params.read().get("reference").unwrap_or_default();
    let data = Resource::new_blocking(reference, load_case);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => Either::Left(case_view(page)),
                    Err(_) => Either::Right(view! { <NotFoundPage/> }),
                }
            })}
        </Suspense>
    }
    .into_any()
}

/// Download links for files, in the back office.
pub fn file_links(files: &[FileView], href: fn(&str) -> String) -> impl IntoView + use<> {
    let items = files
        .iter()
        .map(|f| {
            let size = crate::ui::pages::applications::fields::format_size(f.size_bytes);
            view! {
                <li>
                    <a class="kern-link" href=href(&f.public_id)>{f.file_name.clone()}</a>
                    {format!(" ({size}, SHA-256 {}…)", &f.sha256[..f.sha256.len().min(12)])}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="kern-list file-list">{items}</ul> }
}

/// Who did something, as the timeline and the thread say it.
pub fn actor_label(kind: &str, who: Option<&str>) -> String {
    match (kind, who) {
        ("caseworker", Some(email)) => email.to_owned(),
        (kind, _) => t(&format!("actor-{kind}")),
    }
}

/// The messages of a thread, oldest first; `file_href` makes the download links.
pub fn thread_view(
    messages: &[MessageView],
    file_href: fn(&str) -> String,
) -> impl IntoView + use<> {
    let locale = use_page().locale;
    let items = messages
        .iter()
        .map(|m| {
            let from = match m.sender.as_str() {
                "authority" => m.author.clone().unwrap_or_else(|| t("actor-authority")),
                other => t(&format!("actor-{other}")),
            };
            let heading_id = format!("nachricht-{}", m.id);
            view! {
                <li>
                    <article class=format!("message message--{}", m.sender) aria-labelledby=heading_id.clone()>
                        <h3 class="kern-heading-small" id=heading_id.clone()>{m.subject.clone()}</h3>
                        <p class="kern-body kern-body--small">{from} " · " {format_date_time(m.sent_at, locale)}</p>
                        <p class="kern-body message__body">{m.body.clone()}</p>
                        {(!m.files.is_empty()).then(|| file_links(&m.files, file_href))}
                    </article>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="message-list">{items}</ol> }
}

/// The timeline as a list: when, who, what.
pub fn timeline_view(events: &[EventView]) -> impl IntoView + use<> {
    let locale = use_page().locale;
    let items = events
        .iter()
        .map(|e| {
            let what = match (e.kind.as_str(), e.to_status) {
                ("status", Some(to)) => {
                    text_with(locale, "timeline-status", &[("status", status_label(to))])
                }
                ("assigned", _) => t("timeline-assigned"),
                ("message", _) => t("timeline-message"),
                _ => e.kind.clone(),
            };
            view! {
                <li>
                    <strong>{format_date_time(e.at, locale)}</strong> " – " {what}
                    " (" {actor_label(&e.actor_kind, e.actor.as_deref())} ")"
                </li>
            }
        })
        .collect_view();
    view! { <ol class="kern-list timeline">{items}</ol> }
}

fn case_view(page: CasePage) -> impl IntoView {
    let ctx = use_page();
    let locale = ctx.locale;
    let note_flash = form_flash(NOTE_FLASH);
    let message_flash = form_flash(MESSAGE_FLASH);
    let has_errors = !note_flash.errors.is_empty() || !message_flash.errors.is_empty();
    let reference = page.reference.clone();
    let title = text_with(locale, "case-title", &[("reference", reference.clone())]);
    let cx = FieldContext {
        locale,
        answers: page.answers.clone(),
        errors: Vec::new(),
        form: page.form.clone(),
        places: Default::default(),
        prefilled: Default::default(),
        files: page.files.clone(),
        max_file_mb: 0,
    };
    let answers = page
        .form
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            view! {
                <h3 class="kern-heading-small">{s.title.get(locale).to_owned()}</h3>
                {step_summary(i, &cx, None)}
            }
        })
        .collect_view();
    let assigned_to_me = page.assignee.as_ref().is_some_and(|(id, _)| *id == page.me);
    let member_options = std::iter::once((String::new(), t("case-assign-nobody")))
        .chain(
            page.members
                .iter()
                .map(|(id, email)| (id.to_string(), email.clone())),
        )
        .map(|(value, label)| {
            let selected = page
                .assignee
                .as_ref()
                .map(|(id, _)| id.to_string())
                .unwrap_or_default()
                == value;
            view! { <option value=value selected=selected>{label}</option> }
        })
        .collect_view();
    let can_pick_up = page.next.contains(&Status::InProgress);
    // What a message can do besides informing: ask back or decide.
    let message_kinds = std::iter::once((String::new(), t("case-message-plain")))
        .chain(
            page.next
                .iter()
                .filter(|s| matches!(s, Status::Query | Status::Approved | Status::Rejected))
                .map(|s| {
                    (
                        s.as_str().to_owned(),
                        t(&format!("case-message-{}", s.as_str())),
                    )
                }),
        )
        .map(|(value, label)| {
            let selected = message_flash.value("status") == value;
            view! { <option value=value selected=selected>{label}</option> }
        })
        .collect_view();
    let can_write = !page.status.is_final();
    let notes = page
        .notes
        .iter()
        .map(|n| view! {
            <li>
                <p class="kern-body kern-body--small">
                    {n.author.clone().unwrap_or_default()} " · " {format_date_time(n.at, locale)}
                </p>
                <p class="kern-body message__body">{n.body.clone()}</p>
            </li>
        })
        .collect_view();
    let field_error = |flash: &crate::api::account::FormFlash, field: &str, id: &str| {
        flash.error(field).map(|code| view! {
            <p class="kern-error" id=format!("{id}-error")>
                <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
                <span class="kern-body">{crate::ui::form::field_message(field, code)}</span>
            </p>
        })
    };
    let input_class = |flash: &crate::api::account::FormFlash, field: &str| {
        if flash.error(field).is_some() {
            "kern-form-input kern-form-input--error"
        } else {
            "kern-form-input"
        }
    };
    let described = |flash: &crate::api::account::FormFlash, field: &str, id: &str| {
        flash.error(field).map(|_| format!("{id}-error"))
    };
    let mut shortcuts = vec![
        Shortcut::new(
            "z",
            "case-assign-me",
            ShortcutAction::Click,
            t("shortcut-assign-me"),
        ),
        Shortcut::new(
            "n",
            "case-message-body",
            ShortcutAction::Focus,
            t("shortcut-message"),
        ),
        Shortcut::new("i", "case-note", ShortcutAction::Focus, t("shortcut-note")),
    ];
    if can_pick_up {
        shortcuts.insert(
            0,
            Shortcut::new(
                "b",
                "case-pick-up",
                ShortcutAction::Click,
                t("shortcut-pick-up"),
            ),
        );
    }
    view! {
        <PageTitle title=title.clone() has_errors/>
        <p class="kern-body application-caption">{page.service_title.clone()}</p>
        <PageHeading title=title/>
        <p class="kern-body"><a class="kern-link" href=pages::INBOX>{t("case-back-to-inbox")}</a></p>
        // One post at a time: the summary of the form that was refused.
        {if message_flash.errors.is_empty() {
            Either::Left(view! { <ErrorSummary flash=note_flash.clone() prefix="case"/> })
        } else {
            Either::Right(view! { <ErrorSummary flash=message_flash.clone() prefix="case-message"/> })
        }}
        <dl class="summary-list">
            <div class="summary-list__row"><dt class="summary-list__key">{t("inbox-status")}</dt><dd class="summary-list__value">{status_badge(page.status)}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">{t("inbox-submitted")}</dt><dd class="summary-list__value">{format_date_time(page.submitted_at, locale)}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">{t("inbox-authority")}</dt><dd class="summary-list__value">{page.authority_name.clone()}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">{t("case-gemeinde")}</dt><dd class="summary-list__value">{page.gemeinde.clone().unwrap_or_default()}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">{t("inbox-applicant")}</dt><dd class="summary-list__value">{page.applicant_name.clone()}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">{t("account-email-label")}</dt><dd class="summary-list__value">{page.applicant_email.clone().unwrap_or_default()}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">{t("inbox-assignee")}</dt><dd class="summary-list__value">{page.assignee.as_ref().map_or_else(|| t("inbox-nobody"), |(_, e)| e.clone())}</dd></div>
        </dl>

        <section class="text-section" aria-labelledby="actions-heading">
            <h2 id="actions-heading" class="kern-heading-medium">{t("case-actions-heading")}</h2>
            <div class="case-actions">
                {(!assigned_to_me).then(|| view! {
                    <form method="post" action={action::<AssignCase>()} class="inline-form">
                        <input type="hidden" name="reference" value=reference.clone()/>
                        <input type="hidden" name="to" value="ich"/>
                        <button type="submit" id="case-assign-me" class="kern-btn kern-btn--secondary"><span class="kern-label">{t("case-assign-me")}</span></button>
                    </form>
                })}
                {can_pick_up.then(|| view! {
                    <form method="post" action={action::<ChangeCaseStatus>()} class="inline-form">
                        <input type="hidden" name="reference" value=reference.clone()/>
                        <input type="hidden" name="status" value="in-progress"/>
                        <button type="submit" id="case-pick-up" class="kern-btn kern-btn--primary"><span class="kern-label">{t("case-pick-up")}</span></button>
                    </form>
                })}
            </div>
            <form method="post" action={action::<AssignCase>()} class="assign-form">
                <input type="hidden" name="reference" value=reference.clone()/>
                <div class="kern-form-input">
                    <label class="kern-label" for="case-assignee">{t("case-assign-label")}</label>
                    <div class="kern-form-input__select-wrapper">
                        <select class="kern-form-input__select" id="case-assignee" name="to">{member_options}</select>
                    </div>
                </div>
                <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{t("case-assign-submit")}</span></button>
            </form>
        </section>

        <section class="text-section" aria-labelledby="nachrichten">
            <h2 id="nachrichten" class="kern-heading-medium">{t("case-messages-heading")}</h2>
            {if page.messages.is_empty() {
                Either::Left(view! { <p class="kern-body">{t("case-no-messages")}</p> })
            } else {
                Either::Right(thread_view(&page.messages, pages::file))
            }}
            {can_write.then(|| view! {
                <form method="post" action={action::<SendCaseMessage>()} enctype="multipart/form-data" class="application-form" novalidate=true>
                    <h3 class="kern-heading-small">{t("case-write-heading")}</h3>
                    <input type="hidden" name="reference" value=reference.clone()/>
                    <div class="kern-form-input">
                        <label class="kern-label" for="case-message-status">{t("case-message-kind")}</label>
                        <div class="kern-form-input__select-wrapper">
                            <select class="kern-form-input__select" id="case-message-status" name="status">{message_kinds}</select>
                        </div>
                    </div>
                    <div class=input_class(&message_flash, "subject")>
                        <label class="kern-label" for="case-message-subject">{t("message-subject")}</label>
                        {field_error(&message_flash, "subject", "case-message-subject")}
                        <input class="kern-form-input__input" id="case-message-subject" name="subject" type="text" maxlength="150"
                            value=message_flash.value("subject") aria-describedby=described(&message_flash, "subject", "case-message-subject")
                            aria-invalid=message_flash.error("subject").map(|_| "true")/>
                    </div>
                    <div class=input_class(&message_flash, "body")>
                        <label class="kern-label" for="case-message-body">{t("message-body")}</label>
                        {field_error(&message_flash, "body", "case-message-body")}
                        <textarea class="kern-form-input__input" id="case-message-body" name="body" rows="6" maxlength="10000"
                            aria-describedby=described(&message_flash, "body", "case-message-body")
                            aria-invalid=message_flash.error("body").map(|_| "true")>{message_flash.value("body")}</textarea>
                    </div>
                    <div class=input_class(&message_flash, "file")>
                        <label class="kern-label" for="case-message-file">{t("message-file")}</label>
                        <div class="kern-hint" id="case-message-file-hint">{t("message-file-hint")}</div>
                        {field_error(&message_flash, "file", "case-message-file")}
                        <input class="kern-form-input__input" id="case-message-file" name="file" type="file" accept="application/pdf,image/jpeg,image/png"
                            aria-describedby="case-message-file-hint"/>
                    </div>
                    <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{t("case-message-submit")}</span></button>
                </form>
            })}
        </section>

        <section class="text-section" aria-labelledby="answers-heading">
            <h2 id="answers-heading" class="kern-heading-medium">{t("application-answers-heading")}</h2>
            {answers}
        </section>

        <section class="text-section" aria-labelledby="files-heading">
            <h2 id="files-heading" class="kern-heading-medium">{t("case-files-heading")}</h2>
            {if page.files.is_empty() {
                Either::Left(view! { <p class="kern-body">{t("case-no-files")}</p> })
            } else {
                Either::Right(file_links(&page.files, pages::file))
            }}
        </section>

        <section class="text-section" aria-labelledby="notizen">
            <h2 id="notizen" class="kern-heading-medium">{t("case-notes-heading")}</h2>
            <p class="kern-body">{t("case-notes-text")}</p>
            <ul class="kern-list note-list">{notes}</ul>
            <form method="post" action={action::<AddCaseNote>()} class="application-form" novalidate=true>
                <input type="hidden" name="reference" value=reference.clone()/>
                <div class=input_class(&note_flash, "note")>
                    <label class="kern-label" for="case-note">{t("case-note-label")}</label>
                    {field_error(&note_flash, "note", "case-note")}
                    <textarea class="kern-form-input__input" id="case-note" name="note" rows="3" maxlength="5000"
                        aria-describedby=described(&note_flash, "note", "case-note")
                        aria-invalid=note_flash.error("note").map(|_| "true")>{note_flash.value("note")}</textarea>
                </div>
                <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{t("case-note-submit")}</span></button>
            </form>
        </section>

        <section class="text-section" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading" class="kern-heading-medium">{t("timeline-heading")}</h2>
            {timeline_view(&page.events)}
        </section>
        {shortcuts_view(shortcuts)}
    }
}
