//! The feedback form: an island. Without JavaScript it is a plain form that posts to the
//! server function and comes back through a redirect; with JavaScript it validates while
//! typing (the same Rust rules as the server) and sends without reloading.

use crate::api::AppError;
use crate::api::feedback::{FeedbackDraft, submit_feedback};
use crate::domain::feedback::FeedbackField;
use crate::domain::fields::ErrorCode;
use crate::domain::locale::Locale;
use crate::i18n::text;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Every string the island shows, resolved on the server for the page's language, so the
/// browser carries no message tables.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackText {
    pub labels: Vec<(FeedbackField, String)>,
    pub hints: Vec<(FeedbackField, String)>,
    pub messages: Vec<(FeedbackField, ErrorCode, String)>,
    pub optional: String,
    pub submit: String,
    pub sending: String,
    pub summary_title: String,
    pub success_title: String,
    pub success_body: String,
    /// Title of the document without and with errors.
    pub title: String,
    pub error_title: String,
    /// General failures by `AppError::message_key`.
    pub failures: Vec<(String, String)>,
}

impl FeedbackText {
    pub fn new(locale: Locale, title: String, error_title: String) -> Self {
        let key = |field: FeedbackField, part: &str| format!("feedback-{}-{part}", field.as_str());
        let codes = [
            ErrorCode::Required,
            ErrorCode::TooLong,
            ErrorCode::InvalidEmail,
        ];
        FeedbackText {
            labels: FeedbackField::ALL
                .map(|f| (f, text(locale, &key(f, "label"))))
                .to_vec(),
            hints: FeedbackField::ALL
                .map(|f| (f, text(locale, &key(f, "hint"))))
                .to_vec(),
            messages: FeedbackField::ALL
                .into_iter()
                .flat_map(|f| codes.map(|c| (f, c)))
                .filter(|(f, c)| applies(*f, *c))
                .map(|(f, c)| (f, c, text(locale, &key(f, c.as_str()))))
                .collect(),
            optional: text(locale, "form-optional"),
            submit: text(locale, "feedback-submit"),
            sending: text(locale, "feedback-sending"),
            summary_title: text(locale, "error-summary-title"),
            success_title: text(locale, "feedback-success-title"),
            success_body: text(locale, "feedback-success-body"),
            title,
            error_title,
            failures: crate::ui::live_form::failure_texts(locale),
        }
    }

    fn label(&self, field: FeedbackField) -> String {
        lookup(&self.labels, field)
    }

    fn hint(&self, field: FeedbackField) -> String {
        lookup(&self.hints, field)
    }

    fn message(&self, field: FeedbackField, code: ErrorCode) -> String {
        self.messages
            .iter()
            .find(|(f, c, _)| *f == field && *c == code)
            .map(|(_, _, m)| m.clone())
            .unwrap_or_default()
    }

    fn failure(&self, error: &AppError) -> String {
        crate::ui::live_form::failure_message(&self.failures, error)
    }
}

/// Which error codes a field can have at all (so the locale files need no unused texts).
fn applies(field: FeedbackField, code: ErrorCode) -> bool {
    match field {
        FeedbackField::Name | FeedbackField::Page => code == ErrorCode::TooLong,
        FeedbackField::Email => matches!(code, ErrorCode::InvalidEmail | ErrorCode::TooLong),
        FeedbackField::Message => matches!(code, ErrorCode::Required | ErrorCode::TooLong),
    }
}

fn lookup(list: &[(FeedbackField, String)], field: FeedbackField) -> String {
    list.iter()
        .find(|(f, _)| *f == field)
        .map(|(_, s)| s.clone())
        .unwrap_or_default()
}

fn control_id(field: FeedbackField) -> String {
    format!("feedback-{}", field.as_str())
}

type Errors = Vec<(FeedbackField, ErrorCode)>;

#[cfg_attr(feature = "islands", island)]
#[cfg_attr(not(feature = "islands"), component)]
pub fn FeedbackFormIsland(text: FeedbackText, draft: FeedbackDraft) -> impl IntoView {
    let text = StoredValue::new(text);
    let has_server_errors = !draft.errors.is_empty();
    let form = RwSignal::new(draft.form);
    let errors = RwSignal::new(draft.errors);
    let failure = RwSignal::new(None::<String>);
    // The summary appears with a submit; before that, errors show only beside their fields.
    let submitted = RwSignal::new(has_server_errors);
    let pending = RwSignal::new(false);
    let sent = RwSignal::new(false);
    let hydrated = RwSignal::new(false);
    let summary_ref = NodeRef::<leptos::html::Div>::new();
    let success_ref = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| hydrated.set(true));

    let set_title = move |with_errors: bool| {
        let title = text.with_value(|t| {
            if with_errors {
                t.error_title.clone()
            } else {
                t.title.clone()
            }
        });
        document().set_title(&title);
    };
    let focus_later = move |target: NodeRef<leptos::html::Div>| {
        request_animation_frame(move || {
            if let Some(el) = target.get_untracked() {
                let _ = el.focus();
            }
        });
    };
    // While someone types, an error they already saw disappears as soon as it is fixed.
    let on_input = move |field: FeedbackField, value: String| {
        form.update(|f| f.set(field, value));
        if errors.with_untracked(|e| e.iter().any(|(f, _)| *f == field)) {
            let now = form.with_untracked(|f| f.check(field));
            errors.update(|e| replace_error(e, field, now));
        }
    };
    // Leaving a field checks it, unless focus goes to the submit button: an error appearing
    // there would move the button away under the pointer, and the submit checks anyway.
    let on_blur = move |field: FeedbackField, ev: leptos::ev::FocusEvent| {
        if goes_to_submit(&ev) {
            return;
        }
        let now = form.with_untracked(|f| f.check(field));
        errors.update(|e| replace_error(e, field, now));
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        failure.set(None);
        submitted.set(true);
        let current = form.get_untracked();
        if let Err(found) = current.parse() {
            errors.set(found.errors);
            set_title(true);
            focus_later(summary_ref);
            return;
        }
        pending.set(true);
        leptos::task::spawn_local(async move {
            let result = submit_feedback(current).await;
            pending.set(false);
            match result {
                Ok(()) => {
                    errors.set(Vec::new());
                    sent.set(true);
                    set_title(false);
                    focus_later(success_ref);
                }
                Err(AppError::Validation { fields }) => {
                    errors.set(
                        fields
                            .iter()
                            .filter_map(|fe| field_by_name(&fe.field).map(|f| (f, fe.code)))
                            .collect(),
                    );
                    set_title(true);
                    focus_later(summary_ref);
                }
                Err(other) => {
                    failure.set(Some(text.with_value(|t| t.failure(&other))));
                    focus_later(summary_ref);
                }
            }
        });
    };

    let field_view = move |field: FeedbackField| {
        let id = control_id(field);
        let hint_id = format!("{id}-hint");
        let error_id = format!("{id}-error");
        let error = move || errors.with(|e| e.iter().find(|(f, _)| *f == field).map(|(_, c)| *c));
        let described_by = {
            let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
            move || match error() {
                Some(_) => format!("{hint_id} {error_id}"),
                None => hint_id.clone(),
            }
        };
        let optional = (field != FeedbackField::Message).then(|| {
            view! { <span class="kern-label__optional">{format!(" – {}", text.with_value(|t| t.optional.clone()))}</span> }
        });
        let value = move || form.with(|f| f.value(field).to_owned());
        let input_class = move || {
            if error().is_some() {
                "kern-form-input__input kern-form-input__input--error"
            } else {
                "kern-form-input__input"
            }
        };
        let name = format!("form[{}]", field.as_str());
        // The value as rendered on the server; the property follows what is typed.
        let initial = form.with_untracked(|f| f.value(field).to_owned());
        let input_type = if field == FeedbackField::Email {
            "email"
        } else {
            "text"
        };
        let autocomplete = match field {
            FeedbackField::Name => "name",
            FeedbackField::Email => "email",
            _ => "off",
        };
        let spellcheck = if field == FeedbackField::Email {
            "false"
        } else {
            "true"
        };
        let control = match field {
            FeedbackField::Message => view! {
                <textarea
                    class=input_class
                    id=id.clone()
                    name=name
                    rows="8"
                    aria-describedby=described_by
                    aria-invalid=move || error().is_some().then_some("true")
                    aria-required="true"
                    prop:value=value
                    on:input=move |ev| on_input(field, event_target_value(&ev))
                    on:blur=move |ev| on_blur(field, ev)
                >
                    {initial}
                </textarea>
            }
            .into_any(),
            _ => view! {
                <input
                    class=input_class
                    id=id.clone()
                    name=name
                    type=input_type
                    autocomplete=autocomplete
                    spellcheck=spellcheck
                    aria-describedby=described_by
                    aria-invalid=move || error().is_some().then_some("true")
                    prop:value=value
                    value=initial
                    on:input=move |ev| on_input(field, event_target_value(&ev))
                    on:blur=move |ev| on_blur(field, ev)
                />
            }
            .into_any(),
        };
        view! {
            <div class=move || if error().is_some() { "kern-form-input kern-form-input--error" } else { "kern-form-input" }>
                <label class="kern-label" for=id.clone()>
                    {text.with_value(|t| t.label(field))}
                    {optional}
                </label>
                <div class="kern-hint" id=hint_id.clone()>{text.with_value(|t| t.hint(field))}</div>
                {control}
                {move || {
                    error().map(|code| {
                        view! {
                            <p class="kern-error" id=error_id.clone()>
                                <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
                                <span class="kern-body">{text.with_value(|t| t.message(field, code))}</span>
                            </p>
                        }
                    })
                }}
            </div>
        }
        .into_any()
    };

    let summary = move || {
        let list = if submitted.get() {
            errors.get()
        } else {
            Vec::new()
        };
        let failed = failure.get();
        (!list.is_empty() || failed.is_some()).then(|| {
            let title = text.with_value(|t| t.summary_title.clone());
            view! {
                <div
                    class="kern-alert kern-alert--danger"
                    role="alert"
                    tabindex="-1"
                    id="feedback-errors"
                    node_ref=summary_ref
                    autofocus=has_server_errors
                >
                    <div class="kern-alert__header">
                        <span class="kern-icon kern-icon--danger" aria-hidden="true"></span>
                        <h3 class="kern-title">{title}</h3>
                    </div>
                    <div class="kern-alert__body">
                        {failed.map(|m| view! { <p class="kern-body">{m}</p> })}
                        <ul class="kern-list">
                            {list
                                .into_iter()
                                .map(|(field, code)| {
                                    view! {
                                        <li>
                                            <a class="kern-link" href=format!("#{}", control_id(field))>
                                                {text.with_value(|t| t.message(field, code))}
                                            </a>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </div>
                </div>
            }
            .into_any()
        })
    };

    let form_view = move || {
        view! {
        <form
            class="feedback-form"
            method="post"
            action="/api/feedback/submit"
            novalidate
            data-hydrated=move || hydrated.get().then_some("true")
            on:submit=on_submit
        >
            {summary}
            {FeedbackField::ALL.into_iter().map(field_view).collect_view()}
            <button type="submit" class="kern-btn kern-btn--primary" aria-disabled=move || pending.get().then_some("true")>
                <span class="kern-label">
                    {move || text.with_value(|t| if pending.get() { t.sending.clone() } else { t.submit.clone() })}
                </span>
            </button>
        </form>
        }
        .into_any()
    };

    view! {
        <Show
            when=move || !sent.get()
            fallback=move || {
                view! {
                    <div class="kern-alert kern-alert--success" role="status" tabindex="-1" node_ref=success_ref>
                        <div class="kern-alert__header">
                            <span class="kern-icon kern-icon--success" aria-hidden="true"></span>
                            <h3 class="kern-title">{text.with_value(|t| t.success_title.clone())}</h3>
                        </div>
                        <div class="kern-alert__body">
                            <p class="kern-body">{text.with_value(|t| t.success_body.clone())}</p>
                        </div>
                    </div>
                }
            }
        >
            {form_view()}
        </Show>
    }
    .into_any()
}

pub(crate) fn goes_to_submit(ev: &leptos::ev::FocusEvent) -> bool {
    use wasm_bindgen::JsCast;
    ev.related_target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| el.get_attribute("type").as_deref() == Some("submit"))
}

fn replace_error(errors: &mut Errors, field: FeedbackField, now: Option<ErrorCode>) {
    errors.retain(|(f, _)| *f != field);
    if let Some(code) = now {
        errors.push((field, code));
        errors.sort_by_key(|(f, _)| FeedbackField::ALL.iter().position(|x| x == f));
    }
}

fn field_by_name(name: &str) -> Option<FeedbackField> {
    FeedbackField::ALL.into_iter().find(|f| f.as_str() == name)
}
