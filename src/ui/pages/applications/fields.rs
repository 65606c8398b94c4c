//! Form fields of an application, rendered on the server from the form definition, and the
//! answers shown back (check page, confirmation). Control names are `a[<path>]`, ids
//! `f-<path with dashes>`, so error summaries can link to them.

use crate::api::catalogue::Places;
use crate::domain::forms::{
    ADDRESS_PARTS, AnswerError, Answers, Field, FieldKind, FormDefinition, Problem, is_visible,
};
use crate::domain::locale::Locale;
use crate::i18n::{text, text_with};
use leptos::prelude::*;

pub use crate::domain::forms::control_id;

/// The message of a refused answer.
pub fn problem_message(form: &FormDefinition, error: &AnswerError, locale: Locale) -> String {
    let label = label_of(form, &error.path, locale);
    let args = |extra: Vec<(&'static str, String)>| {
        let mut all = vec![("label", label.clone())];
        all.extend(extra);
        all
    };
    let key = format!("form-error-{}", error.problem.code());
    match &error.problem {
        Problem::Rule { index } => form
            .rules
            .get(*index)
            .map(|r| r.message.get(locale).to_owned())
            .unwrap_or_default(),
        Problem::TooShort { min } | Problem::TooFewItems { min } => {
            text_with(locale, &key, &args(vec![("min", min.to_string())]))
        }
        Problem::TooLong { max }
        | Problem::TooManyItems { max }
        | Problem::TooManyFiles { max }
        | Problem::ApplicationTooManyFiles { max } => {
            text_with(locale, &key, &args(vec![("max", max.to_string())]))
        }
        Problem::FileTooLarge { max_mb } | Problem::ApplicationFilesTooLarge { max_mb } => {
            text_with(locale, &key, &args(vec![("max", max_mb.to_string())]))
        }
        Problem::TooSmall { min } => text_with(locale, &key, &args(vec![("min", min.clone())])),
        Problem::TooLarge { max } => text_with(locale, &key, &args(vec![("max", max.clone())])),
        Problem::TooEarly { min } => {
            text_with(locale, &key, &args(vec![("min", german_date(min))]))
        }
        Problem::TooLate { max } => text_with(locale, &key, &args(vec![("max", german_date(max))])),
        _ => text_with(locale, &key, &args(Vec::new())),
    }
}

/// The label of the field at `path`, address parts named from the locale files.
fn label_of(form: &FormDefinition, path: &str, locale: Locale) -> String {
    form.label_of(path, locale, |part| {
        text(locale, &format!("profile-{part}"))
    })
}

pub use crate::domain::time::german_date;

/// Everything a field needs to render.
#[derive(Clone)]
pub struct FieldContext {
    pub locale: Locale,
    pub answers: Answers,
    pub errors: Vec<AnswerError>,
    pub form: FormDefinition,
    pub places: Places,
    pub prefilled: std::collections::BTreeMap<String, String>,
    pub files: Vec<crate::api::applications::FileView>,
    pub max_file_mb: usize,
}

impl FieldContext {
    fn error(&self, path: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|e| e.path == path)
            .map(|e| problem_message(&self.form, e, self.locale))
    }
}

/// One field at `prefix` (`""`, or `hunde.0.` inside a group), hidden ones left out (their
/// condition is checked again when the step is saved).
pub fn field_view(field: &Field, prefix: &str, cx: &FieldContext) -> AnyView {
    let visible = is_visible(field, prefix, &cx.answers);
    let path = format!("{prefix}{}", field.id);
    let inner = match field.kind {
        FieldKind::Group => group_view(field, &path, cx),
        FieldKind::Address => address_view(field, &path, cx),
        FieldKind::Radio => radio_view(field, &path, cx),
        FieldKind::Checkbox => checkbox_view(field, &path, cx),
        FieldKind::File => file_view(field, &path, cx),
        _ => input_view(field, &path, cx),
    };
    // Fields shown only for some answers are always in the page, hidden until then, so the
    // page's script can show them at once; without it, they appear after the step is saved.
    view! { <div class="form-field" data-path=path hidden=!visible>{inner}</div> }.into_any()
}

fn optional(field: &Field, locale: Locale) -> Option<String> {
    (!field.required).then(|| format!(" ({})", text(locale, "form-optional").to_lowercase()))
}

fn error_view(id: &str, message: Option<String>) -> Option<AnyView> {
    message.map(|m| {
        view! {
            <p class="kern-error" id=format!("{id}-error")>
                <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
                <span class="kern-body">{m}</span>
            </p>
        }
        .into_any()
    })
}

fn described_by(id: &str, hint: bool, error: bool, prefilled: bool) -> Option<String> {
    let ids: Vec<String> = [
        hint.then(|| format!("{id}-hint")),
        prefilled.then(|| format!("{id}-prefilled")),
        error.then(|| format!("{id}-error")),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

fn prefill_note(id: &str, path: &str, cx: &FieldContext) -> Option<AnyView> {
    // Shown while the answer is still the one taken from the profile.
    cx.prefilled.get(path).map(|_| {
        view! {
            <div class="kern-hint prefill-note" id=format!("{id}-prefilled")>
                {text(cx.locale, "application-prefilled")}
            </div>
        }
        .into_any()
    })
}

fn input_view(field: &Field, path: &str, cx: &FieldContext) -> AnyView {
    let id = control_id(path);
    let locale = cx.locale;
    let error = cx.error(path);
    let value = cx.answers.get(path).to_owned();
    let hint = field.help.as_ref().map(|h| h.get(locale).to_owned());
    let has_prefill = cx.prefilled.contains_key(path);
    let described = described_by(&id, hint.is_some(), error.is_some(), has_prefill);
    let class = if error.is_some() {
        "kern-form-input kern-form-input--error"
    } else {
        "kern-form-input"
    };
    let name = format!("a[{path}]");
    let (input_type, mode, autocomplete) = match field.kind {
        FieldKind::Date => ("date", None, "off"),
        FieldKind::Email => ("email", None, "email"),
        FieldKind::Phone => ("tel", None, "tel"),
        FieldKind::Number | FieldKind::Money => ("text", Some("decimal"), "off"),
        FieldKind::Iban => ("text", None, "off"),
        _ => ("text", None, "off"),
    };
    let autocomplete = match field.prefill.as_deref() {
        Some("given_names") => "given-name",
        Some("family_name") => "family-name",
        Some("birth_date") => "bday",
        Some("phone") => "tel",
        _ => autocomplete,
    };
    let label = view! {
        <label class="kern-label" for=id.clone()>{field.label.get(locale).to_owned()}{optional(field, locale)}</label>
    };
    let hint_view =
        hint.map(|h| view! { <div class="kern-hint" id=format!("{id}-hint")>{h}</div> });
    let control = match field.kind {
        FieldKind::LongText => view! {
            <textarea class="kern-form-input__input" id=id.clone() name=name rows="5"
                aria-describedby=described aria-invalid=error.is_some().then_some("true")>{value}</textarea>
        }
        .into_any(),
        FieldKind::Select | FieldKind::Gemeinde => {
            let options = if field.kind == FieldKind::Select {
                field
                    .options
                    .iter()
                    .map(|c| (c.value.clone(), c.label.get(locale).to_owned()))
                    .collect::<Vec<_>>()
            } else {
                cx.places
                    .kreise
                    .iter()
                    .flat_map(|(_, list)| list.iter().map(|g| (g.ags.to_string(), g.name.clone())))
                    .collect()
            };
            let options = std::iter::once((String::new(), text(locale, "profile-choose")))
                .chain(options)
                .map(|(v, l)| {
                    let selected = v == value;
                    view! { <option value=v selected=selected>{l}</option> }
                })
                .collect_view();
            view! {
                <div class="kern-form-input__select-wrapper">
                    <select class="kern-form-input__select" id=id.clone() name=name
                        aria-describedby=described aria-invalid=error.is_some().then_some("true")>
                        {options}
                    </select>
                </div>
            }
            .into_any()
        }
        _ => view! {
            <input class="kern-form-input__input" id=id.clone() name=name type=input_type
                inputmode=mode autocomplete=autocomplete value=value
                aria-describedby=described aria-invalid=error.is_some().then_some("true")/>
        }
        .into_any(),
    };
    view! {
        <div class=class>
            {label}
            {hint_view}
            {prefill_note(&id, path, cx)}
            {error_view(&id, error)}
            {control}
        </div>
    }
    .into_any()
}

fn radio_view(field: &Field, path: &str, cx: &FieldContext) -> AnyView {
    let id = control_id(path);
    let locale = cx.locale;
    let error = cx.error(path);
    let value = cx.answers.get(path).to_owned();
    let hint = field.help.as_ref().map(|h| h.get(locale).to_owned());
    let described = described_by(&id, hint.is_some(), error.is_some(), false);
    let options = field
        .options
        .iter()
        .enumerate()
        .map(|(i, c)| {
            // The first radio carries the field's id, so summary links reach the group.
            let option_id = if i == 0 {
                id.clone()
            } else {
                format!("{id}-{i}")
            };
            let checked = c.value == value;
            view! {
                <div class="kern-form-check">
                    <input class="kern-form-check__input" type="radio" id=option_id.clone()
                        name=format!("a[{path}]") value=c.value.clone() checked=checked/>
                    <label class="kern-label" for=option_id>{c.label.get(locale).to_owned()}</label>
                </div>
            }
        })
        .collect_view();
    let class = if error.is_some() {
        "kern-fieldset kern-fieldset--error"
    } else {
        "kern-fieldset"
    };
    view! {
        <fieldset class=class aria-describedby=described>
            <legend class="kern-label">{field.label.get(locale).to_owned()}{optional(field, locale)}</legend>
            {hint.map(|h| view! { <div class="kern-hint" id=format!("{id}-hint")>{h}</div> })}
            {error_view(&id, error)}
            <div class="kern-fieldset__body">{options}</div>
        </fieldset>
    }
    .into_any()
}

fn checkbox_view(field: &Field, path: &str, cx: &FieldContext) -> AnyView {
    let id = control_id(path);
    let locale = cx.locale;
    let error = cx.error(path);
    let hint = field.help.as_ref().map(|h| h.get(locale).to_owned());
    let described = described_by(&id, hint.is_some(), error.is_some(), false);
    let checked = cx.answers.get(path) == "ja";
    let class = if error.is_some() {
        "kern-form-check kern-form-check--error"
    } else {
        "kern-form-check"
    };
    view! {
        <div class=class>
            {error_view(&id, error)}
            <input class="kern-form-check__input" type="checkbox" id=id.clone() name=format!("a[{path}]")
                value="ja" checked=checked aria-describedby=described/>
            <label class="kern-label" for=id.clone()>{field.label.get(locale).to_owned()}</label>
            {hint.map(|h| view! { <div class="kern-hint" id=format!("{id}-hint")>{h}</div> })}
        </div>
    }
    .into_any()
}

/// A file field: the files uploaded so far, each with a remove button, and a file input
/// while more may be added. The step form is `multipart/form-data` when it has one.
fn file_view(field: &Field, path: &str, cx: &FieldContext) -> AnyView {
    let id = control_id(path);
    let locale = cx.locale;
    let error = cx.error(path);
    let max = field.max_files.unwrap_or(1);
    let files: Vec<_> = cx
        .files
        .iter()
        .filter(|f| f.field_path == path)
        .cloned()
        .collect();
    let hint = {
        let rules = text_with(
            locale,
            "application-file-hint",
            &[("max", cx.max_file_mb.to_string())],
        );
        match &field.help {
            Some(help) => format!("{} {rules}", help.get(locale)),
            None => rules,
        }
    };
    let described = described_by(&id, true, error.is_some(), false);
    let invalid = error.is_some().then_some("true");
    let class = if error.is_some() {
        "kern-form-input kern-form-input--error"
    } else {
        "kern-form-input"
    };
    let list = (!files.is_empty()).then(|| {
        let items = files
            .iter()
            .map(|f| {
                let size = format_size(f.size_bytes);
                view! {
                    <li class="file-list__item">
                        <span><a class="kern-link" href=format!("/antraege/anlagen/{}", f.public_id)>{f.file_name.clone()}</a>" ("{size}")"</span>
                        <button type="submit" class="kern-btn kern-btn--tertiary" name="action" value=format!("datei-weg:{}", f.public_id)>
                            <span class="kern-label">{text_with(locale, "application-file-remove", &[("file", f.file_name.clone())])}</span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="file-list" aria-label=text_with(locale, "application-files-of", &[("label", field.label.get(locale).to_owned())])>{items}</ul> }
    });
    // A single-file field takes a new file in place of the old one.
    let can_add = files.len() < max || max == 1;
    view! {
        <div class=class>
            <label class="kern-label" for=id.clone()>{field.label.get(locale).to_owned()}{optional(field, locale)}</label>
            <div class="kern-hint" id=format!("{id}-hint")>{hint}</div>
            {error_view(&id, error)}
            {list}
            {can_add.then(|| view! {
                <input class="kern-form-input__input file-input" id=id.clone() name=format!("file[{path}]") type="file"
                    accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
                    aria-describedby=described.clone() aria-invalid=invalid/>
                <button type="submit" class="kern-btn kern-btn--secondary" name="action" value="hochladen">
                    <span class="kern-label">{text(locale, "application-file-upload")}</span>
                </button>
            })}
        </div>
    }
    .into_any()
}

/// `2.4 MB`, `310 KB`.
pub fn format_size(bytes: i64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0)).replace('.', ",")
    } else {
        format!("{} KB", (bytes + 1023) / 1024)
    }
}

fn address_view(field: &Field, path: &str, cx: &FieldContext) -> AnyView {
    let locale = cx.locale;
    let parts = ADDRESS_PARTS
        .iter()
        .map(|part| {
            let part_path = format!("{path}.{part}");
            let id = control_id(&part_path);
            let error = cx.error(&part_path);
            let has_prefill = cx.prefilled.contains_key(&part_path);
            let described = described_by(&id, false, error.is_some(), has_prefill);
            let autocomplete = match *part {
                "street" => "address-line1",
                "postcode" => "postal-code",
                "city" => "address-level2",
                _ => "off",
            };
            let class = if error.is_some() {
                "kern-form-input kern-form-input--error"
            } else {
                "kern-form-input"
            };
            let optional = (!field.required || *part == "house_number").then(|| {
                format!(" ({})", text(locale, "form-optional").to_lowercase())
            });
            view! {
                <div class=class>
                    <label class="kern-label" for=id.clone()>{text(locale, &format!("profile-{part}"))}{optional}</label>
                    {prefill_note(&id, &part_path, cx)}
                    {error_view(&id, error)}
                    <input class="kern-form-input__input" id=id.clone() name=format!("a[{part_path}]")
                        type="text" autocomplete=autocomplete value=cx.answers.get(&part_path).to_owned()
                        aria-describedby=described/>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="kern-fieldset" id=control_id(path)>
            <legend class="kern-label">{field.label.get(locale).to_owned()}</legend>
            <div class="kern-fieldset__body">{parts}</div>
        </fieldset>
    }
    .into_any()
}

fn group_view(field: &Field, path: &str, cx: &FieldContext) -> AnyView {
    let locale = cx.locale;
    let count = cx
        .answers
        .items(path)
        .max(field.min_items.unwrap_or(0))
        .max(1);
    let max = field
        .max_items
        .unwrap_or(crate::domain::forms::GROUP_MAX_DEFAULT);
    let error = cx.error(path);
    let entries = (0..count)
        .map(|n| {
            let prefix = format!("{path}.{n}.");
            let fields = field
                .fields
                .iter()
                .map(|child| field_view(child, &prefix, cx))
                .collect_view();
            let heading = format!("{} {}", field.label.get(locale), n + 1);
            let removable = count > field.min_items.unwrap_or(0).max(1);
            view! {
                <fieldset class="kern-fieldset group-entry" id=format!("{}-{n}", field.id)>
                    <legend class="kern-label kern-label--large">{heading.clone()}</legend>
                    <div class="kern-fieldset__body">{fields}</div>
                    {removable.then(|| view! {
                        <button type="submit" class="kern-btn kern-btn--tertiary" name="action"
                            value=format!("weg:{path}.{n}")>
                            <span class="kern-label">{text_with(locale, "application-remove-entry", &[("entry", heading.clone())])}</span>
                        </button>
                    })}
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <section class="group" id=control_id(path) aria-label=field.label.get(locale).to_owned()>
            {error_view(&control_id(path), error)}
            {entries}
            {(count < max).then(|| view! {
                <button type="submit" class="kern-btn kern-btn--secondary" name="action" value=format!("neu:{path}")>
                    <span class="kern-label">{text_with(locale, "application-add-entry", &[("group", field.label.get(locale).to_owned())])}</span>
                </button>
            })}
        </section>
    }
    .into_any()
}

/// An answer as people read it: option labels, `Ja`, dates as `29.11.2026`, addresses on
/// one line, Gemeinden by name.
pub fn answer_text(field: &Field, path: &str, cx: &FieldContext) -> String {
    let locale = cx.locale;
    let value = cx.answers.get(path).trim();
    match field.kind {
        FieldKind::Address => {
            let get = |part: &str| cx.answers.get(&format!("{path}.{part}")).trim().to_owned();
            let street = format!("{} {}", get("street"), get("house_number"));
            let city = format!("{} {}", get("postcode"), get("city"));
            [street.trim(), city.trim()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        }
        _ if value.is_empty() => String::new(),
        FieldKind::Select | FieldKind::Radio => field
            .options
            .iter()
            .find(|c| c.value == value)
            .map_or_else(|| value.to_owned(), |c| c.label.get(locale).to_owned()),
        FieldKind::Checkbox => text(locale, "application-yes"),
        FieldKind::File => cx
            .files
            .iter()
            .filter(|f| f.field_path == path)
            .map(|f| format!("{} ({})", f.file_name, format_size(f.size_bytes)))
            .collect::<Vec<_>>()
            .join("; "),
        FieldKind::Date => german_date(value),
        FieldKind::Money => format!("{value} €"),
        FieldKind::Gemeinde => cx
            .places
            .kreise
            .iter()
            .flat_map(|(_, list)| list.iter())
            .find(|g| g.ags.as_str() == value)
            .map_or_else(|| value.to_owned(), |g| g.name.clone()),
        _ => value.to_owned(),
    }
}

/// The answers of one step as `(label, answer, field id)` rows, hidden fields left out and
/// every entry of a group on its own rows.
pub fn summary_rows(step: usize, cx: &FieldContext) -> Vec<(String, String, String)> {
    let locale = cx.locale;
    cx.form.steps[step]
        .fields
        .iter()
        .filter(|f| is_visible(f, "", &cx.answers))
        .flat_map(|field| {
            if field.kind == FieldKind::Group {
                (0..cx.answers.items(&field.id))
                    .flat_map(|n| {
                        let prefix = format!("{}.{n}.", field.id);
                        field
                            .fields
                            .iter()
                            .filter(|c| is_visible(c, &prefix, &cx.answers))
                            .map(|c| {
                                let label = format!(
                                    "{} {}: {}",
                                    field.label.get(locale),
                                    n + 1,
                                    c.label.get(locale)
                                );
                                (
                                    label,
                                    answer_text(c, &format!("{prefix}{}", c.id), cx),
                                    field.id.clone(),
                                )
                            })
                            .collect::<Vec<_>>()
                    })
                    .collect::<Vec<_>>()
            } else {
                vec![(
                    field.label.get(locale).to_owned(),
                    answer_text(field, &field.id, cx),
                    field.id.clone(),
                )]
            }
        })
        .map(|(label, answer, id)| {
            let answer = if answer.is_empty() {
                text(locale, "application-no-answer")
            } else {
                answer
            };
            (label, answer, id)
        })
        .collect()
}

/// The answers of one step as a summary list; `change` links back to the step.
pub fn step_summary(step: usize, cx: &FieldContext, change: Option<String>) -> AnyView {
    let locale = cx.locale;
    let rows = summary_rows(step, cx)
        .into_iter()
        .map(|(label, answer, id)| {
            let link = change.as_ref().map(|base| {
                let href = format!("{base}#{}", control_id(&id));
                view! {
                    <dd class="summary-list__actions">
                        <a class="kern-link" href=href>{text(locale, "application-change")}<span class="kern-sr-only">{format!(" – {label}")}</span></a>
                    </dd>
                }
            });
            view! {
                <div class="summary-list__row">
                    <dt class="summary-list__key">{label}</dt>
                    <dd class="summary-list__value">{answer}</dd>
                    {link}
                </div>
            }
        })
        .collect_view();
    view! { <dl class="summary-list">{rows}</dl> }.into_any()
}
