//! Account forms that help while JavaScript runs: an island around a server-rendered form.
//!
//! Without JavaScript the form posts and comes back through a redirect (see `ui::form`).
//! With JavaScript the island
//! - checks a field when it is left, and again while a shown error is being fixed;
//! - checks the whole form on submit with the rules the server runs too
//!   ([`AccountForm::check`]) and shows the error summary without a reload;
//! - sends a form that passes without a reload: the server's own refusals (a wrong
//!   password, a common one, too many attempts) appear in place, keeping everything typed,
//!   and on success the browser follows the `Location` the server names.
//!
//! The markup stays the server's: the island only adds and removes the inline messages,
//! the summary and the `aria` state, in the same shape the server renders them.

use crate::api::AppError;
use crate::domain::account::AccountForm;
use crate::domain::fields::ErrorCode;
use crate::domain::locale::Locale;
use crate::i18n::{lookup, text, text_with};
use crate::ui::components::document_title;
use crate::ui::context::use_page;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Stands for the field's label in the general messages.
const LABEL: &str = "\u{1}";

/// Every text and rule input the island needs, resolved on the server for the page's
/// language, so the browser carries no message tables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveFormSpec {
    pub form: AccountForm,
    /// Control ids are `<prefix>-<field>`.
    pub prefix: String,
    pub site_words: Vec<String>,
    pub account_email: String,
    /// Messages particular to a field (`account-<field>-<code>`).
    pub messages: Vec<(String, ErrorCode, String)>,
    /// General messages by code, with [`LABEL`] where the field's label goes.
    pub templates: Vec<(ErrorCode, String)>,
    pub labels: Vec<(String, String)>,
    pub summary_title: String,
    /// The document title without and with errors.
    pub title: String,
    pub error_title: String,
    /// General failures by `AppError::message_key`.
    pub failures: Vec<(String, String)>,
}

impl LiveFormSpec {
    /// The message for `field` refused with `code`, as `ui::form::field_message` words it.
    fn message(&self, field: &str, code: ErrorCode) -> String {
        if let Some((_, _, m)) = self
            .messages
            .iter()
            .find(|(f, c, _)| f == field && *c == code)
        {
            return m.clone();
        }
        let label = find(&self.labels, field);
        self.templates
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, t)| t.replace(LABEL, &label))
            .unwrap_or_else(|| self.summary_title.clone())
    }
}

fn find(list: &[(String, String)], key: &str) -> String {
    list.iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

/// The general failures a form can meet, by `AppError::message_key`.
pub fn failure_texts(locale: Locale) -> Vec<(String, String)> {
    [
        "error-bad-request",
        "error-forbidden",
        "error-not-found",
        "error-too-large",
        "error-too-many",
        "error-internal",
        "error-network",
    ]
    .map(|k| (k.to_owned(), text(locale, k)))
    .to_vec()
}

/// The text for a failure that is not about a field, with the correlation id of an
/// internal error so support can find it.
pub fn failure_message(failures: &[(String, String)], error: &AppError) -> String {
    let message = find(failures, error.message_key());
    match error {
        AppError::Internal { correlation_id } if !correlation_id.is_empty() => {
            format!("{message} ({correlation_id})")
        }
        _ => message,
    }
}

/// An account form: the error summary and the `<form>` as children, made live in the
/// browser. `title` is the page's own title (as given to `PageTitle`).
#[component]
pub fn LiveForm(
    form: AccountForm,
    #[prop(into)] prefix: String,
    #[prop(into)] title: String,
    children: Children,
) -> impl IntoView {
    let page = use_page();
    let locale = page.locale;
    let fields = form.fields().iter().copied().chain(["form"]);
    let messages = fields
        .clone()
        .flat_map(|field| ErrorCode::ALL.map(|code| (field, code)))
        .filter_map(|(field, code)| {
            lookup(locale, &format!("account-{field}-{}", code.as_str()))
                .map(|m| (field.to_owned(), code, m))
        })
        .collect();
    let templates = ErrorCode::ALL
        .into_iter()
        .filter_map(|code| {
            let key = format!("field-error-{}", code.as_str());
            lookup(locale, &key).map(|_| {
                (
                    code,
                    text_with(locale, &key, &[("label", LABEL.to_owned())]),
                )
            })
        })
        .collect();
    let labels = fields
        .filter_map(|field| {
            lookup(locale, &format!("profile-{field}")).map(|l| (field.to_owned(), l))
        })
        .collect();
    let spec = LiveFormSpec {
        form,
        prefix,
        site_words: vec![
            page.site.name.clone(),
            page.site.short_name.clone(),
            page.site.region_name.clone(),
        ],
        account_email: page
            .account
            .as_ref()
            .map(|a| a.email.clone())
            .unwrap_or_default(),
        messages,
        templates,
        labels,
        summary_title: text(locale, "error-summary-title"),
        title: document_title(&title, &page.site.name, false, locale),
        error_title: document_title(&title, &page.site.name, true, locale),
        failures: failure_texts(locale),
    };
    view! { <LiveFormIsland spec>{children()}</LiveFormIsland> }
}

#[cfg_attr(feature = "islands", island)]
#[cfg_attr(not(feature = "islands"), component)]
pub fn LiveFormIsland(spec: LiveFormSpec, children: Children) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    let hydrated = RwSignal::new(false);
    let spec = StoredValue::new(spec);
    Effect::new(move |_| {
        if let Some(element) = root.get()
            && !hydrated.get_untracked()
        {
            browser::attach(element.into(), spec.get_value());
            hydrated.set(true);
        }
    });
    view! {
        <div class="live-form" node_ref=root data-hydrated=move || hydrated.get().then_some("")>
            {children()}
        </div>
    }
}

/// The island's work in the page (runs only in the browser).
mod browser {
    use super::{LiveFormSpec, failure_message};
    use crate::api::AppError;
    use crate::domain::account::FormContext;
    use crate::domain::fields::ErrorCode;
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, Event, FormData, HtmlFormElement};

    struct Live {
        root: Element,
        form: HtmlFormElement,
        spec: LiveFormSpec,
        /// Fields whose error is on the page.
        shown: RefCell<Vec<String>>,
        pending: Cell<bool>,
    }

    pub fn attach(root: Element, spec: LiveFormSpec) {
        let Some(form) = super::dom::form_in(&root) else {
            return;
        };
        let shown = spec
            .form
            .fields()
            .iter()
            .filter(|f| by_id(&format!("{}-{f}-error", spec.prefix)).is_some())
            .map(|f| (*f).to_owned())
            .collect();
        let live = Rc::new(Live {
            root,
            form,
            spec,
            shown: RefCell::new(shown),
            pending: Cell::new(false),
        });
        // While someone types, an error they saw disappears as soon as it is fixed.
        for event in ["input", "change"] {
            let this = live.clone();
            listen(&live.form, event, move |ev: Event| {
                if let Some(field) = this.field_of(&ev)
                    && this.shown.borrow().contains(&field)
                {
                    this.recheck(&field);
                }
            });
        }
        // Leaving a field checks it, unless it was left empty before any error, or focus
        // goes to the submit button: an error appearing there would move the button away
        // under the pointer, and the submit checks anyway.
        let this = live.clone();
        listen(&live.form, "focusout", move |ev: Event| {
            let Some(focus) = ev.dyn_ref::<web_sys::FocusEvent>() else {
                return;
            };
            if crate::ui::pages::feedback_form::goes_to_submit(focus) {
                return;
            }
            if let Some(field) = this.field_of(&ev) {
                let empty = this.value(&field).trim().is_empty();
                if !empty || this.shown.borrow().contains(&field) {
                    this.recheck(&field);
                }
            }
        });
        let this = live.clone();
        listen(&live.form, "submit", move |ev: Event| {
            ev.prevent_default();
            if this.pending.get() {
                return;
            }
            let errors = this.check();
            if errors.is_empty() {
                this.pending.set(true);
                this.set_busy(true);
                let this = this.clone();
                leptos::task::spawn_local(async move { this.send().await });
            } else {
                this.show_all(&errors, None);
            }
        });
    }

    use super::dom::{by_id, listen, today};

    impl Live {
        /// The field an event happened in, by the control's id.
        fn field_of(&self, ev: &Event) -> Option<String> {
            let id = ev.target()?.dyn_into::<Element>().ok()?.id();
            let field = id.strip_prefix(&format!("{}-", self.spec.prefix))?;
            self.spec
                .form
                .fields()
                .contains(&field)
                .then(|| field.to_owned())
        }

        fn data(&self) -> Option<FormData> {
            FormData::new_with_form(&self.form).ok()
        }

        fn value(&self, field: &str) -> String {
            self.data()
                .and_then(|d| d.get(&self.spec.form.control_name(field)).as_string())
                .unwrap_or_default()
        }

        fn check(&self) -> Vec<(String, ErrorCode)> {
            let data = self.data();
            let words: Vec<&str> = self.spec.site_words.iter().map(String::as_str).collect();
            let today = today();
            let cx = FormContext {
                site_words: &words,
                account_email: &self.spec.account_email,
                today: &today,
            };
            let form = self.spec.form;
            let value = |field: &str| {
                data.as_ref()
                    .and_then(|d| d.get(&form.control_name(field)).as_string())
                    .unwrap_or_default()
            };
            form.check(value, &cx)
                .errors
                .into_iter()
                .map(|(f, c)| (f.to_owned(), c))
                .collect()
        }

        fn recheck(&self, field: &str) {
            let now = self
                .check()
                .into_iter()
                .find(|(f, _)| f == field)
                .map(|(_, c)| c);
            self.show_field(field, now);
        }

        /// Puts the field's message beside it (or takes it away), as the server renders it.
        fn show_field(&self, field: &str, code: Option<ErrorCode>) {
            self.shown.borrow_mut().retain(|f| f != field);
            let message = code.map(|code| self.spec.message(field, code));
            if super::dom::mark(&format!("{}-{field}", self.spec.prefix), message.as_deref()) {
                self.shown.borrow_mut().push(field.to_owned());
            }
        }

        /// Every field's state and the summary, focused, in place of any earlier one.
        fn show_all(&self, errors: &[(String, ErrorCode)], failure: Option<String>) {
            for field in self.spec.form.fields() {
                let code = errors.iter().find(|(f, _)| f == field).map(|(_, c)| *c);
                self.show_field(field, code);
            }
            let items = errors
                .iter()
                .map(|(field, code)| {
                    let href = self
                        .spec
                        .form
                        .fields()
                        .contains(&field.as_str())
                        .then(|| format!("#{}-{field}", self.spec.prefix));
                    (href, self.spec.message(field, *code))
                })
                .collect();
            super::dom::summary(
                &self.root,
                items,
                failure,
                &self.spec.summary_title,
                &self.spec.error_title,
            );
        }

        fn set_busy(&self, busy: bool) {
            let buttons = self.form.query_selector_all("[type=submit]");
            let Ok(buttons) = buttons else {
                return;
            };
            for i in 0..buttons.length() {
                if let Some(button) = buttons.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    let _ = if busy {
                        button.set_attribute("aria-disabled", "true")
                    } else {
                        button.remove_attribute("aria-disabled")
                    };
                }
            }
        }

        /// Posts the form as the server function expects it and shows what comes back.
        async fn send(&self) {
            let outcome = self.post().await;
            match outcome {
                Ok(Some(next)) => {
                    // Leaving the page: stay busy so a second click does nothing.
                    if leptos::prelude::window().location().assign(&next).is_ok() {
                        return;
                    }
                }
                Ok(None) => {
                    let _ = leptos::prelude::window().location().reload();
                    return;
                }
                Err(AppError::Validation { fields }) => {
                    let errors: Vec<(String, ErrorCode)> =
                        fields.into_iter().map(|e| (e.field, e.code)).collect();
                    self.show_all(&errors, None);
                }
                Err(other) => {
                    let message = failure_message(&self.spec.failures, &other);
                    self.show_all(&[], Some(message));
                }
            }
            self.pending.set(false);
            self.set_busy(false);
        }

        /// `Ok(Some(path))` where the server sends the browser next.
        async fn post(&self) -> Result<Option<String>, AppError> {
            use wasm_bindgen_futures::JsFuture;
            use web_sys::UrlSearchParams;
            let network = |_| AppError::Network;
            let data = self.data().ok_or(AppError::Network)?;
            let body = UrlSearchParams::new_with_str_sequence_sequence(&data).map_err(network)?;
            let response = super::dom::post_form(&self.form.action(), &body.to_string().into())
                .await
                .map_err(network)?;
            if let Ok(Some(next)) = response.headers().get("location") {
                return Ok(Some(next));
            }
            if response.ok() {
                return Ok(None);
            }
            let text = JsFuture::from(response.text().map_err(network)?)
                .await
                .map_err(network)?
                .as_string()
                .unwrap_or_default();
            Err(serde_json::from_str(&text).unwrap_or(AppError::Internal {
                correlation_id: String::new(),
            }))
        }
    }
}

/// The page work both live forms share: listening to a form, messages beside controls in the
/// shape the server renders them, and the error summary. Runs only in the browser.
pub(crate) mod dom {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    use web_sys::{Element, Event, HtmlElement, HtmlFormElement};

    pub fn listen(target: &HtmlFormElement, event: &str, handler: impl FnMut(Event) + 'static) {
        let closure = Closure::<dyn FnMut(Event)>::new(handler);
        let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
        // The form lives as long as the page.
        closure.forget();
    }

    /// Posts a urlencoded `body` to `url` as the server functions' script callers do
    /// (asking for data, not a redirect).
    pub async fn post_form(
        url: &str,
        body: &wasm_bindgen::JsValue,
    ) -> Result<web_sys::Response, wasm_bindgen::JsValue> {
        use web_sys::{Headers, Request, RequestInit};
        let headers = Headers::new()?;
        headers.set("Accept", "application/json")?;
        headers.set("Content-Type", "application/x-www-form-urlencoded")?;
        let init = RequestInit::new();
        init.set_method("POST");
        init.set_headers(&headers);
        init.set_body(body);
        let request = Request::new_with_str_and_init(url, &init)?;
        wasm_bindgen_futures::JsFuture::from(leptos::prelude::window().fetch_with_request(&request))
            .await?
            .dyn_into()
    }

    /// The form inside an island's root.
    pub fn form_in(root: &Element) -> Option<HtmlFormElement> {
        root.query_selector("form")
            .ok()
            .flatten()
            .and_then(|f| f.dyn_into::<HtmlFormElement>().ok())
    }

    pub fn by_id(id: &str) -> Option<Element> {
        leptos::prelude::document().get_element_by_id(id)
    }

    pub fn element(tag: &str, class: &str) -> Element {
        let element = leptos::prelude::document()
            .create_element(tag)
            .expect("creating an element");
        if !class.is_empty() {
            element.set_class_name(class);
        }
        element
    }

    /// Today in the browser's calendar, `YYYY-MM-DD`.
    pub fn today() -> String {
        let now = js_sys::Date::new_0();
        format!(
            "{:04}-{:02}-{:02}",
            now.get_full_year(),
            now.get_month() + 1,
            now.get_date()
        )
    }

    /// Puts `message` beside the control `id` (or takes the message away): inside its
    /// wrapper (a radio group's fieldset, a checkbox's or an input's box), before the part
    /// that holds the control, with the wrapper's error class, `aria-invalid` and
    /// `aria-describedby`. True when a message is shown.
    pub fn mark(id: &str, message: Option<&str>) -> bool {
        let error_id = format!("{id}-error");
        let Some(control) = by_id(id) else {
            return false;
        };
        if let Some(old) = by_id(&error_id) {
            old.remove();
        }
        let radio = control.get_attribute("type").as_deref() == Some("radio");
        let wrapper = if radio {
            control.closest(".kern-fieldset")
        } else {
            control.closest(".kern-form-input, .kern-form-check")
        }
        .ok()
        .flatten();
        let error_class = wrapper.as_ref().map(|w| {
            if radio {
                "kern-fieldset--error"
            } else if w.class_list().contains("kern-form-check") {
                "kern-form-check--error"
            } else {
                "kern-form-input--error"
            }
        });
        // A radio group is described on its fieldset.
        let described_on = if radio {
            wrapper.clone()
        } else {
            Some(control.clone())
        };
        let mut described: Vec<String> = described_on
            .as_ref()
            .and_then(|e| e.get_attribute("aria-describedby"))
            .unwrap_or_default()
            .split_whitespace()
            .filter(|t| *t != error_id)
            .map(str::to_owned)
            .collect();
        let shown = match (message, &wrapper) {
            (Some(text), Some(wrapper)) => {
                let note = element("p", "kern-error");
                note.set_id(&error_id);
                let icon = element("span", "kern-icon kern-icon--danger kern-icon--small");
                let _ = icon.set_attribute("aria-hidden", "true");
                let body = element("span", "kern-body");
                body.set_text_content(Some(text));
                let _ = note.append_child(&icon);
                let _ = note.append_child(&body);
                let mut anchor: web_sys::Node = control.clone().into();
                while let Some(parent) = anchor.parent_node() {
                    if parent.is_same_node(Some(wrapper)) {
                        break;
                    }
                    anchor = parent;
                }
                let _ = wrapper.insert_before(&note, Some(&anchor));
                let _ = wrapper.class_list().add_1(error_class.unwrap_or_default());
                if !radio {
                    let _ = control.set_attribute("aria-invalid", "true");
                }
                described.push(error_id);
                true
            }
            _ => {
                if let Some(wrapper) = &wrapper {
                    let _ = wrapper
                        .class_list()
                        .remove_1(error_class.unwrap_or_default());
                }
                let _ = control.remove_attribute("aria-invalid");
                false
            }
        };
        if let Some(target) = described_on {
            if described.is_empty() {
                let _ = target.remove_attribute("aria-describedby");
            } else {
                let _ = target.set_attribute("aria-describedby", &described.join(" "));
            }
        }
        shown
    }

    /// The error summary at the top of `root`, in place of any earlier one, focused; the
    /// document title says there are errors. Items link to their field when they have one.
    pub fn summary(
        root: &Element,
        items: Vec<(Option<String>, String)>,
        failure: Option<String>,
        heading: &str,
        error_title: &str,
    ) {
        while let Some(old) = by_id("fehler") {
            old.remove();
        }
        let summary = element("div", "kern-alert kern-alert--danger");
        summary.set_id("fehler");
        let _ = summary.set_attribute("role", "alert");
        let _ = summary.set_attribute("tabindex", "-1");
        let header = element("div", "kern-alert__header");
        let icon = element("span", "kern-icon kern-icon--danger");
        let _ = icon.set_attribute("aria-hidden", "true");
        let title = element("h2", "kern-title");
        title.set_text_content(Some(heading));
        let _ = header.append_child(&icon);
        let _ = header.append_child(&title);
        let body = element("div", "kern-alert__body");
        if let Some(failure) = failure {
            let text = element("p", "kern-body");
            text.set_text_content(Some(&failure));
            let _ = body.append_child(&text);
        }
        let list = element("ul", "kern-list");
        for (href, message) in items {
            let item = element("li", "");
            let entry = match href {
                Some(href) => {
                    let link = element("a", "kern-link");
                    let _ = link.set_attribute("href", &href);
                    link
                }
                None => element("span", "kern-body"),
            };
            entry.set_text_content(Some(&message));
            let _ = item.append_child(&entry);
            let _ = list.append_child(&item);
        }
        if list.child_element_count() > 0 {
            let _ = body.append_child(&list);
        }
        let _ = summary.append_child(&header);
        let _ = summary.append_child(&body);
        let _ = root.insert_before(&summary, root.first_child().as_ref());
        leptos::prelude::document().set_title(error_title);
        if let Some(summary) = summary.dyn_ref::<HtmlElement>() {
            let _ = summary.focus();
        }
    }
}
