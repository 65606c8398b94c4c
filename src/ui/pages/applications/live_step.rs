//! A step of an application while JavaScript runs: an island around the server-rendered
//! step form.
//!
//! - Conditional fields appear and disappear as soon as the answer they depend on changes
//!   (the server renders them all; hidden ones carry `hidden`).
//! - A field is checked when it is left, and again while its shown error is fixed; "Weiter"
//!   checks the whole step with [`FormDefinition::check`], the function the server runs, and
//!   shows the error summary without a reload. A step that passes is posted as usual.
//! - What is typed is saved in the background every few seconds (`action=autosave`), so a
//!   closed tab or an ended session loses nothing.

use crate::domain::forms::{Answers, FormDefinition, Localized, Problem};
use crate::domain::locale::Locale;
use crate::domain::time::german_date;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Stands for the label and the bound in the message templates.
const LABEL: &str = "\u{1}";
const BOUND: &str = "\u{2}";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LiveStepSpec {
    /// This step alone (as step 0), with its texts in the page's language only.
    pub form: FormDefinition,
    pub service: String,
    pub step: String,
    /// File fields' answers (ids of the uploaded files), which the page does not post.
    pub files: Vec<(String, String)>,
    /// Message templates by problem code.
    pub messages: Vec<(String, String)>,
    /// Labels of the address parts.
    pub parts: Vec<(String, String)>,
    pub summary_title: String,
    pub error_title: String,
    pub autosave: String,
}

fn only(text: &Localized, locale: Locale) -> Localized {
    Localized {
        de: text.get(locale).to_owned(),
        en: String::new(),
        fr: String::new(),
    }
}

impl LiveStepSpec {
    /// The spec of step `index` of `form` for `locale`.
    pub fn new(
        form: &FormDefinition,
        index: usize,
        files: Vec<(String, String)>,
        locale: Locale,
        summary_title: String,
        error_title: String,
        autosave: String,
    ) -> Self {
        use crate::i18n::{text, text_with};
        let mut step = form.steps[index].clone();
        fn trim(fields: &mut [crate::domain::forms::Field], locale: Locale) {
            for f in fields {
                f.label = only(&f.label, locale);
                f.help = None;
                for c in &mut f.options {
                    c.label = Localized::default();
                }
                trim(&mut f.fields, locale);
            }
        }
        trim(&mut step.fields, locale);
        step.title = Localized::default();
        step.intro = None;
        let ids: Vec<&str> = step.fields.iter().map(|f| f.id.as_str()).collect();
        let rules = form
            .rules
            .iter()
            .filter(|r| ids.contains(&r.field.as_str()) && ids.contains(&r.other.as_str()))
            .map(|r| crate::domain::forms::CrossRule {
                message: only(&r.message, locale),
                ..r.clone()
            })
            .collect();
        let trimmed = FormDefinition {
            id: form.id.clone(),
            version: form.version,
            service: form.service.clone(),
            title: Localized::default(),
            access: form.access,
            steps: vec![step.clone()],
            rules,
            declaration: Localized::default(),
            next_steps: Localized::default(),
        };
        let codes = [
            "required",
            "too-short",
            "too-long",
            "not-a-number",
            "too-small",
            "too-large",
            "not-a-date",
            "too-early",
            "too-late",
            "invalid-email",
            "invalid-phone",
            "invalid-iban",
            "invalid-postcode",
            "invalid-choice",
            "pattern",
            "too-few-items",
            "too-many-items",
            "too-many-files",
            "file-type",
            "file-too-large",
            "application-too-many-files",
            "application-files-too-large",
        ];
        let messages = codes
            .iter()
            .map(|code| {
                let args = [
                    ("label", LABEL.to_owned()),
                    ("min", BOUND.to_owned()),
                    ("max", BOUND.to_owned()),
                ];
                (
                    (*code).to_owned(),
                    text_with(locale, &format!("form-error-{code}"), &args),
                )
            })
            .collect();
        let parts = crate::domain::forms::ADDRESS_PARTS
            .iter()
            .map(|p| ((*p).to_owned(), text(locale, &format!("profile-{p}"))))
            .collect();
        LiveStepSpec {
            form: trimmed,
            service: form.service.clone(),
            step: form.steps[index].id.clone(),
            files,
            messages,
            parts,
            summary_title,
            error_title,
            autosave,
        }
    }

    /// The message of a problem at `path`, as the server words it.
    fn message(&self, path: &str, problem: &Problem) -> String {
        let label = self.label(path);
        let bound = match problem {
            Problem::TooShort { min } | Problem::TooFewItems { min } => min.to_string(),
            Problem::TooLong { max }
            | Problem::TooManyItems { max }
            | Problem::TooManyFiles { max }
            | Problem::ApplicationTooManyFiles { max } => max.to_string(),
            Problem::FileTooLarge { max_mb } | Problem::ApplicationFilesTooLarge { max_mb } => {
                max_mb.to_string()
            }
            Problem::TooSmall { min } => min.clone(),
            Problem::TooLarge { max } => max.clone(),
            Problem::TooEarly { min } => german_date(min),
            Problem::TooLate { max } => german_date(max),
            Problem::Rule { index } => {
                return self
                    .form
                    .rules
                    .get(*index)
                    .map(|r| r.message.de.clone())
                    .unwrap_or_default();
            }
            _ => String::new(),
        };
        self.messages
            .iter()
            .find(|(code, _)| code == problem.code())
            .map(|(_, t)| t.replace(LABEL, &label).replace(BOUND, &bound))
            .unwrap_or_else(|| self.summary_title.clone())
    }

    /// The label as the server words it (the texts here are in the page's language, kept
    /// under `de`).
    fn label(&self, path: &str) -> String {
        self.form.label_of(path, Locale::De, |part| {
            self.parts
                .iter()
                .find(|(p, _)| p == part)
                .map(|(_, l)| l.clone())
                .unwrap_or_default()
        })
    }
}

#[cfg_attr(feature = "islands", island)]
#[cfg_attr(not(feature = "islands"), component)]
pub fn LiveStep(spec: LiveStepSpec, children: Children) -> impl IntoView {
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
        <div class="live-step" node_ref=root data-hydrated=move || hydrated.get().then_some("")>
            {children()}
        </div>
    }
}

/// The island's work in the page (runs only in the browser).
mod browser {
    use super::{Answers, LiveStepSpec};
    use crate::domain::forms::{AnswerError, control_id, is_visible};
    use crate::ui::live_form::dom::{listen, mark, summary, today};
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, Event, FormData, HtmlFormElement};

    struct Live {
        root: Element,
        form: HtmlFormElement,
        spec: LiveStepSpec,
        /// Paths whose message is on the page.
        shown: RefCell<Vec<String>>,
        /// Something was typed since the last save.
        dirty: Cell<bool>,
    }

    pub fn attach(root: Element, spec: LiveStepSpec) {
        let Some(form) = crate::ui::live_form::dom::form_in(&root) else {
            return;
        };
        let live = Rc::new(Live {
            root,
            form,
            spec,
            shown: RefCell::new(Vec::new()),
            dirty: Cell::new(false),
        });
        // Messages the server rendered count as shown.
        if let Ok(list) = live.root.query_selector_all(".kern-error[id$='-error']") {
            for i in 0..list.length() {
                if let Some(id) = list
                    .item(i)
                    .and_then(|n| n.dyn_into::<Element>().ok())
                    .map(|e| e.id())
                {
                    live.shown
                        .borrow_mut()
                        .push(id.trim_end_matches("-error").to_owned());
                }
            }
        }
        for event in ["input", "change"] {
            let this = live.clone();
            listen(&live.form, event, move |ev: Event| {
                this.dirty.set(true);
                this.update_visibility();
                if let Some(path) = path_of(&ev)
                    && this.shown.borrow().contains(&control_id(&path))
                {
                    this.recheck(&path);
                }
            });
        }
        let this = live.clone();
        listen(&live.form, "focusout", move |ev: Event| {
            let Some(focus) = ev.dyn_ref::<web_sys::FocusEvent>() else {
                return;
            };
            if crate::ui::pages::feedback_form::goes_to_submit(focus) {
                return;
            }
            if let Some(path) = path_of(&ev) {
                let answers = this.answers();
                let empty = answers.get(&path).trim().is_empty();
                if !empty || this.shown.borrow().contains(&control_id(&path)) {
                    this.recheck(&path);
                }
            }
        });
        let this = live.clone();
        listen(&live.form, "submit", move |ev: Event| {
            // Only "continue" checks; adding an entry, uploading or saving for later do not.
            let submitter = ev
                .dyn_ref::<web_sys::SubmitEvent>()
                .and_then(|e| e.submitter())
                .and_then(|b| b.get_attribute("value"));
            if submitter.as_deref().is_some_and(|v| v != "weiter") {
                return;
            }
            let errors = this.check();
            if !errors.is_empty() {
                ev.prevent_default();
                this.show_all(&errors);
            }
        });
        // Saved in the background while typing.
        let this = live.clone();
        let tick = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
            if this.dirty.replace(false) {
                let this = this.clone();
                leptos::task::spawn_local(async move {
                    if !this.autosave().await {
                        this.dirty.set(true);
                    }
                });
            }
        });
        let _ = leptos::prelude::window().set_interval_with_callback_and_timeout_and_arguments_0(
            tick.as_ref().unchecked_ref(),
            5_000,
        );
        tick.forget();
        live.update_visibility();
    }

    /// The answer path of the control an event happened in (`a[path]` or `file[path]`).
    fn path_of(ev: &Event) -> Option<String> {
        let name = ev
            .target()?
            .dyn_into::<Element>()
            .ok()?
            .get_attribute("name")?;
        name.strip_prefix("a[")
            .or_else(|| name.strip_prefix("file["))
            .and_then(|n| n.strip_suffix(']'))
            .map(str::to_owned)
    }

    impl Live {
        fn answers(&self) -> Answers {
            let mut answers = Answers::default();
            for (path, ids) in &self.spec.files {
                answers.set(path.clone(), ids.clone());
            }
            let Ok(data) = FormData::new_with_form(&self.form) else {
                return answers;
            };
            let Ok(Some(entries)) = js_sys::try_iter(&data) else {
                return answers;
            };
            for entry in entries.flatten() {
                let pair = js_sys::Array::from(&entry);
                let name = pair.get(0).as_string().unwrap_or_default();
                let value = pair.get(1);
                if let Some(path) = name.strip_prefix("a[").and_then(|n| n.strip_suffix(']')) {
                    answers.set(path.to_owned(), value.as_string().unwrap_or_default());
                } else if let Some(path) =
                    name.strip_prefix("file[").and_then(|n| n.strip_suffix(']'))
                    && value
                        .dyn_ref::<web_sys::File>()
                        .is_some_and(|f| f.size() > 0.0)
                {
                    // A chosen file counts; its type and size are the server's to judge.
                    let mut ids = answers.get(path).to_owned();
                    if !ids.is_empty() {
                        ids.push(',');
                    }
                    ids.push_str("neu");
                    answers.set(path.to_owned(), ids);
                }
            }
            answers
        }

        fn check(&self) -> Vec<AnswerError> {
            self.spec.form.check(&self.answers(), Some(0), &today())
        }

        fn recheck(&self, path: &str) {
            let problem = self.check().into_iter().find(|e| e.path == path);
            self.show(
                path,
                problem.map(|p| self.spec.message(&p.path, &p.problem)),
            );
        }

        fn show(&self, path: &str, message: Option<String>) {
            let id = control_id(path);
            self.shown.borrow_mut().retain(|s| *s != id);
            if mark(&id, message.as_deref()) {
                self.shown.borrow_mut().push(id);
            }
        }

        fn show_all(&self, errors: &[AnswerError]) {
            let previous: Vec<String> = self.shown.borrow().clone();
            for id in previous {
                if !errors.iter().any(|e| control_id(&e.path) == id) {
                    mark(&id, None);
                }
            }
            self.shown.borrow_mut().clear();
            let mut items = Vec::new();
            for error in errors {
                let message = self.spec.message(&error.path, &error.problem);
                self.show(&error.path, Some(message.clone()));
                items.push((Some(format!("#{}", control_id(&error.path))), message));
            }
            summary(
                &self.root,
                items,
                None,
                &self.spec.summary_title,
                &self.spec.error_title,
            );
        }

        /// Shows and hides the conditional fields for the current answers.
        fn update_visibility(&self) {
            let answers = self.answers();
            let Ok(wrappers) = self.root.query_selector_all("[data-path]") else {
                return;
            };
            for i in 0..wrappers.length() {
                let Some(wrapper) = wrappers.item(i).and_then(|n| n.dyn_into::<Element>().ok())
                else {
                    continue;
                };
                let path = wrapper.get_attribute("data-path").unwrap_or_default();
                let (prefix, id) = match path.rsplit_once('.') {
                    Some((prefix, id)) => (format!("{prefix}."), id.to_owned()),
                    None => (String::new(), path.clone()),
                };
                let field = if prefix.is_empty() {
                    self.spec.form.field(&id)
                } else {
                    let top = prefix.split('.').next().unwrap_or_default();
                    self.spec
                        .form
                        .field(top)
                        .and_then(|g| g.fields.iter().find(|f| f.id == id))
                };
                if let Some(field) = field {
                    let visible = is_visible(field, &prefix, &answers);
                    let _ = wrapper.toggle_attribute_with_force("hidden", !visible);
                }
            }
        }

        /// Posts the typed answers (no files) as `autosave`; true when the server kept them.
        async fn autosave(&self) -> bool {
            use web_sys::UrlSearchParams;
            let Ok(params) = UrlSearchParams::new() else {
                return false;
            };
            params.append("service", &self.spec.service);
            params.append("step", &self.spec.step);
            params.append("action", "autosave");
            let answers = self.answers();
            for (path, value) in &answers.0 {
                if self.spec.files.iter().any(|(p, _)| p == path) || value == "neu" {
                    continue;
                }
                params.append(&format!("a[{path}]"), value);
            }
            crate::ui::live_form::dom::post_form(&self.spec.autosave, &params.to_string().into())
                .await
                .is_ok_and(|r| r.ok())
        }
    }
}
