//! The form engine: declarative, versioned application forms and the one implementation of
//! their visibility and validation, run in the browser for instant feedback and again on
//! the server, which decides.
//!
//! Modelled on the federal FIM/XDatenfelder concepts: a form (Stammformular) has steps
//! (Feldgruppen) of fields (Datenfelder) with stable ids, types, help texts, rules, labels
//! in every language, conditional visibility and prefill from the Servicekonto; repeating
//! groups hold further persons and the like; cross-field rules relate two fields.
//!
//! Answers are flat `path → text` pairs, as a form posts them: a field's path is its id; an
//! address has the parts `id.street`, `id.house_number`, `id.postcode`, `id.city`; the n-th
//! entry of a repeating group (from 0) has `group.n.field`. A checkbox holds `ja` when
//! ticked. A file field holds the ids of its attachments, separated by commas.

use super::fields::char_len;
use super::locale::Locale;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A text in each language of the portal (German is required; the schema test requires the
/// others too, so a missing translation cannot ship).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Localized {
    pub de: String,
    #[serde(default)]
    pub en: String,
    #[serde(default)]
    pub fr: String,
}

impl Localized {
    pub fn get(&self, locale: Locale) -> &str {
        let text = match locale {
            Locale::De => &self.de,
            Locale::En => &self.en,
            Locale::Fr => &self.fr,
        };
        if text.trim().is_empty() {
            &self.de
        } else {
            text
        }
    }

    /// The languages without a text.
    pub fn missing(&self) -> Vec<Locale> {
        Locale::ALL
            .iter()
            .copied()
            .filter(|l| match l {
                Locale::De => self.de.trim().is_empty(),
                Locale::En => self.en.trim().is_empty(),
                Locale::Fr => self.fr.trim().is_empty(),
            })
            .collect()
    }
}

/// Who may apply.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Access {
    /// Signed in to the Servicekonto.
    #[default]
    Account,
    /// Also with only a confirmed e-mail address.
    Email,
}

/// One version of an application form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormDefinition {
    /// Stable across versions, e.g. `hundesteuer-anmeldung`.
    pub id: String,
    pub version: u32,
    /// The catalogue service (slug) this form applies for.
    pub service: String,
    pub title: Localized,
    #[serde(default)]
    pub access: Access,
    pub steps: Vec<Step>,
    #[serde(default)]
    pub rules: Vec<CrossRule>,
    /// What the applicant confirms before submitting.
    pub declaration: Localized,
    /// What happens after submitting, shown on the confirmation and the receipt.
    pub next_steps: Localized,
}

/// A step of the form (one page), a group of fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: String,
    pub title: Localized,
    #[serde(default)]
    pub intro: Option<Localized>,
    pub fields: Vec<Field>,
}

/// The kinds of field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FieldKind {
    Text,
    LongText,
    /// A whole or decimal number (comma or point).
    Number,
    /// Euro and cent.
    Money,
    /// `YYYY-MM-DD`.
    Date,
    Select,
    Radio,
    Checkbox,
    Email,
    Phone,
    /// With the ISO 13616 check digits.
    Iban,
    /// Street, number, postcode, place.
    Address,
    /// A Gemeinde of the catalogue (official key).
    Gemeinde,
    File,
    /// A repeating group of the `fields` below (further persons, dogs, …).
    Group,
}

/// A named pattern a text must match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Pattern {
    /// Only digits.
    Digits,
    /// A German postcode: five digits.
    Postcode,
    /// A German vehicle registration: `SB-AB 123`, `HOM X 1E`.
    LicencePlate,
}

/// One choice of a select or radio field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub value: String,
    pub label: Localized,
}

/// Shown only when another field of the same level has a value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub field: String,
    /// Any of these values (a ticked checkbox is `ja`).
    pub is: Vec<String>,
}

/// Profile data a field can be prefilled with (the field names of `ProfileForm`).
pub const PREFILL_SOURCES: [&str; 16] = super::profile::FIELDS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: FieldKind,
    pub label: Localized,
    #[serde(default)]
    pub help: Option<Localized>,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub min_length: Option<usize>,
    #[serde(default)]
    pub max_length: Option<usize>,
    /// Numbers and money: the smallest and largest value; dates: `YYYY-MM-DD`, `today` or
    /// `today+N` / `today-N` days.
    #[serde(default)]
    pub min: Option<String>,
    #[serde(default)]
    pub max: Option<String>,
    #[serde(default)]
    pub pattern: Option<Pattern>,
    #[serde(default)]
    pub options: Vec<Choice>,
    #[serde(default)]
    pub visible_if: Option<Condition>,
    /// A field of the profile (`given_names`, `street`, …); addresses take the whole address.
    #[serde(default)]
    pub prefill: Option<String>,
    /// Groups: the fields of one entry, and how many entries.
    #[serde(default)]
    pub fields: Vec<Field>,
    #[serde(default)]
    pub min_items: Option<usize>,
    #[serde(default)]
    pub max_items: Option<usize>,
    /// Files: how many at most (default 1).
    #[serde(default)]
    pub max_files: Option<usize>,
}

/// A rule between two fields of the top level (or of one group entry).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrossRule {
    pub kind: CrossKind,
    /// The field that is refused when the rule fails.
    pub field: String,
    pub other: String,
    pub message: Localized,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CrossKind {
    /// A date after the other's.
    After,
    /// A date on or after the other's.
    NotBefore,
    /// The same text (repeat the e-mail address).
    Same,
}

/// Why an answer was refused. Messages: `form-error-<code>` in the locale files, with the
/// field's label and the bound as arguments; cross rules carry their own message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum Problem {
    Required,
    TooShort {
        min: usize,
    },
    TooLong {
        max: usize,
    },
    NotANumber,
    TooSmall {
        min: String,
    },
    TooLarge {
        max: String,
    },
    NotADate,
    TooEarly {
        min: String,
    },
    TooLate {
        max: String,
    },
    InvalidEmail,
    InvalidPhone,
    InvalidIban,
    InvalidPostcode,
    InvalidChoice,
    Pattern,
    TooFewItems {
        min: usize,
    },
    TooManyItems {
        max: usize,
    },
    TooManyFiles {
        max: usize,
    },
    /// A file that is not a PDF, JPEG or PNG (judged by its content, not its name).
    FileType,
    /// A file larger than `max_mb` MiB.
    FileTooLarge {
        max_mb: usize,
    },
    /// One more file than a whole application may hold (`applications.max_files`).
    ApplicationTooManyFiles {
        max: usize,
    },
    /// A file that would take the application's files over `max_mb` MiB in all.
    ApplicationFilesTooLarge {
        max_mb: usize,
    },
    /// The cross rule with this index failed.
    Rule {
        index: usize,
    },
}

impl Problem {
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Required => "required",
            Problem::TooShort { .. } => "too-short",
            Problem::TooLong { .. } => "too-long",
            Problem::NotANumber => "not-a-number",
            Problem::TooSmall { .. } => "too-small",
            Problem::TooLarge { .. } => "too-large",
            Problem::NotADate => "not-a-date",
            Problem::TooEarly { .. } => "too-early",
            Problem::TooLate { .. } => "too-late",
            Problem::InvalidEmail => "invalid-email",
            Problem::InvalidPhone => "invalid-phone",
            Problem::InvalidIban => "invalid-iban",
            Problem::InvalidPostcode => "invalid-postcode",
            Problem::InvalidChoice => "invalid-choice",
            Problem::Pattern => "pattern",
            Problem::TooFewItems { .. } => "too-few-items",
            Problem::TooManyItems { .. } => "too-many-items",
            Problem::TooManyFiles { .. } => "too-many-files",
            Problem::FileType => "file-type",
            Problem::FileTooLarge { .. } => "file-too-large",
            Problem::ApplicationTooManyFiles { .. } => "application-too-many-files",
            Problem::ApplicationFilesTooLarge { .. } => "application-files-too-large",
            Problem::Rule { .. } => "rule",
        }
    }
}

/// A refused answer: the path of the field (`name`, `address.postcode`, `dogs.1.breed`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerError {
    pub path: String,
    pub problem: Problem,
}

/// The answers of one application, by path.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers(pub BTreeMap<String, String>);

impl Answers {
    pub fn get(&self, path: &str) -> &str {
        self.0.get(path).map_or("", |v| v.as_str())
    }

    pub fn set(&mut self, path: impl Into<String>, value: impl Into<String>) {
        self.0.insert(path.into(), value.into());
    }

    /// How many entries a repeating group has: one more than the highest index answered.
    pub fn items(&self, group: &str) -> usize {
        let prefix = format!("{group}.");
        self.0
            .keys()
            .filter_map(|k| k.strip_prefix(&prefix))
            .filter_map(|rest| rest.split('.').next()?.parse::<usize>().ok())
            .map(|i| i + 1)
            .max()
            .unwrap_or(0)
    }
}

/// The id of the control of `path` in a page (`f-anschrift-postcode`), so error summaries
/// can link to it.
pub fn control_id(path: &str) -> String {
    format!("f-{}", path.replace(['.', '_'], "-"))
}

/// The most entries a repeating group may have when its definition says nothing.
pub const GROUP_MAX_DEFAULT: usize = 10;

/// The parts of an address field, in form order.
pub const ADDRESS_PARTS: [&str; 4] = ["street", "house_number", "postcode", "city"];

impl FormDefinition {
    /// Every field of the form, of every step, with its step's index (groups as one field).
    pub fn fields(&self) -> impl Iterator<Item = (usize, &Field)> {
        self.steps
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.fields.iter().map(move |f| (i, f)))
    }

    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields().map(|(_, f)| f).find(|f| f.id == id)
    }

    /// The label of the answer at `path` as messages name it: `Label`, `Label: Part` for a
    /// part of an address (`part` names it), `Group n: Label` inside a repeating group.
    pub fn label_of(&self, path: &str, locale: Locale, part: impl Fn(&str) -> String) -> String {
        let mut pieces = path.split('.');
        let Some(field) = pieces.next().and_then(|top| self.field(top)) else {
            return String::new();
        };
        let label = field.label.get(locale);
        match field.kind {
            FieldKind::Address => format!("{label}: {}", part(pieces.next().unwrap_or_default())),
            FieldKind::Group => {
                let n = pieces.next().and_then(|n| n.parse::<usize>().ok());
                let child = pieces
                    .next()
                    .and_then(|c| field.fields.iter().find(|f| f.id == c));
                match (n, child) {
                    (Some(n), Some(child)) => {
                        format!("{label} {}: {}", n + 1, child.label.get(locale))
                    }
                    _ => label.to_owned(),
                }
            }
            _ => label.to_owned(),
        }
    }

    pub fn step_index(&self, id: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.id == id)
    }

    /// Checks the answers of one step (`Some(i)`) or of the whole form (`None`), as of
    /// `today` (`YYYY-MM-DD`). Hidden fields are not checked.
    pub fn check(&self, answers: &Answers, step: Option<usize>, today: &str) -> Vec<AnswerError> {
        // Only what a submission keeps is judged: answers to hidden or unknown fields
        // decide nothing, not even whether an entry of a group exists.
        let kept = self.visible_answers(answers);
        let answers = &kept;
        let mut errors = Vec::new();
        for (index, s) in self.steps.iter().enumerate() {
            if step.is_some_and(|wanted| wanted != index) {
                continue;
            }
            check_fields(&s.fields, "", answers, today, &mut errors);
        }
        for (index, rule) in self.rules.iter().enumerate() {
            let in_step = |id: &str| {
                step.is_none_or(|wanted| self.steps[wanted].fields.iter().any(|f| f.id == id))
            };
            if !in_step(&rule.field) || errors.iter().any(|e| e.path == rule.field) {
                continue;
            }
            let (Some(field), Some(_)) = (self.field(&rule.field), self.field(&rule.other)) else {
                continue;
            };
            if !is_visible(field, "", answers) {
                continue;
            }
            let (value, other) = (answers.get(&rule.field), answers.get(&rule.other));
            if value.trim().is_empty() || other.trim().is_empty() {
                continue;
            }
            let holds = match rule.kind {
                CrossKind::After => value.trim() > other.trim(),
                CrossKind::NotBefore => value.trim() >= other.trim(),
                CrossKind::Same => value.trim() == other.trim(),
            };
            if !holds {
                errors.push(AnswerError {
                    path: rule.field.clone(),
                    problem: Problem::Rule { index },
                });
            }
        }
        errors
    }

    /// The answers without what is hidden or unknown: what a submission keeps.
    pub fn visible_answers(&self, answers: &Answers) -> Answers {
        let mut kept = Answers::default();
        for (_, field) in self.fields() {
            keep_visible(field, "", answers, &mut kept);
        }
        kept
    }
}

/// Whether `field` (at `prefix`, e.g. `dogs.0.`) is shown for these answers.
pub fn is_visible(field: &Field, prefix: &str, answers: &Answers) -> bool {
    match &field.visible_if {
        None => true,
        Some(condition) => {
            let value = answers.get(&format!("{prefix}{}", condition.field));
            condition.is.iter().any(|v| v == value.trim())
        }
    }
}

fn keep_visible(field: &Field, prefix: &str, answers: &Answers, kept: &mut Answers) {
    if !is_visible(field, prefix, answers) {
        return;
    }
    let path = format!("{prefix}{}", field.id);
    match field.kind {
        // Every entry, also beyond the maximum: a submission with too many is refused,
        // not quietly cut short.
        FieldKind::Group => {
            for item in 0..answers.items(&path) {
                for child in &field.fields {
                    keep_visible(child, &format!("{path}.{item}."), answers, kept);
                }
            }
        }
        FieldKind::Address => {
            for part in ADDRESS_PARTS {
                keep(&format!("{path}.{part}"), answers, kept);
            }
        }
        _ => keep(&path, answers, kept),
    }
}

fn keep(path: &str, answers: &Answers, kept: &mut Answers) {
    if let Some(value) = answers.0.get(path) {
        kept.set(path, value.clone());
    }
}

fn check_fields(
    fields: &[Field],
    prefix: &str,
    answers: &Answers,
    today: &str,
    errors: &mut Vec<AnswerError>,
) {
    for field in fields {
        if !is_visible(field, prefix, answers) {
            continue;
        }
        let path = format!("{prefix}{}", field.id);
        match field.kind {
            FieldKind::Group => {
                let count = answers.items(&path);
                let max = field.max_items.unwrap_or(GROUP_MAX_DEFAULT);
                let min = field.min_items.unwrap_or(0);
                if count < min {
                    errors.push(AnswerError {
                        path: path.clone(),
                        problem: Problem::TooFewItems { min },
                    });
                }
                if count > max {
                    errors.push(AnswerError {
                        path: path.clone(),
                        problem: Problem::TooManyItems { max },
                    });
                }
                for item in 0..count.min(max) {
                    check_fields(
                        &field.fields,
                        &format!("{path}.{item}."),
                        answers,
                        today,
                        errors,
                    );
                }
            }
            FieldKind::Address => {
                for part in ADDRESS_PARTS {
                    let key = format!("{path}.{part}");
                    let value = answers.get(&key).trim();
                    let problem = if value.is_empty() {
                        // House numbers are missing in some places (Hofgut, Postfach).
                        (field.required && part != "house_number").then_some(Problem::Required)
                    } else if char_len(value) > 100 {
                        Some(Problem::TooLong { max: 100 })
                    } else if part == "postcode" && !is_postcode(value) {
                        Some(Problem::InvalidPostcode)
                    } else {
                        None
                    };
                    if let Some(problem) = problem {
                        errors.push(AnswerError { path: key, problem });
                    }
                }
            }
            _ => {
                if let Some(problem) = check_value(field, answers.get(&path), today) {
                    errors.push(AnswerError { path, problem });
                }
            }
        }
    }
}

/// Checks one value of a simple field.
pub fn check_value(field: &Field, value: &str, today: &str) -> Option<Problem> {
    let value = value.trim();
    if value.is_empty() {
        return field.required.then_some(Problem::Required);
    }
    let length = char_len(value);
    let max_length = field.max_length.unwrap_or(match field.kind {
        FieldKind::LongText => 4000,
        _ => 200,
    });
    if length > max_length {
        return Some(Problem::TooLong { max: max_length });
    }
    if let Some(min) = field.min_length
        && length < min
    {
        return Some(Problem::TooShort { min });
    }
    match field.kind {
        FieldKind::Number | FieldKind::Money => {
            let Some(number) = parse_number(value, field.kind == FieldKind::Money) else {
                return Some(Problem::NotANumber);
            };
            if let Some(min) = field.min.as_deref().and_then(|m| parse_number(m, false))
                && number < min
            {
                return Some(Problem::TooSmall {
                    min: field.min.clone().unwrap_or_default(),
                });
            }
            if let Some(max) = field.max.as_deref().and_then(|m| parse_number(m, false))
                && number > max
            {
                return Some(Problem::TooLarge {
                    max: field.max.clone().unwrap_or_default(),
                });
            }
        }
        FieldKind::Date => {
            if !super::profile::is_date(value) {
                return Some(Problem::NotADate);
            }
            if let Some(min) = field.min.as_deref().and_then(|m| resolve_date(m, today))
                && value < min.as_str()
            {
                return Some(Problem::TooEarly { min });
            }
            if let Some(max) = field.max.as_deref().and_then(|m| resolve_date(m, today))
                && value > max.as_str()
            {
                return Some(Problem::TooLate { max });
            }
        }
        FieldKind::Select | FieldKind::Radio => {
            if !field.options.iter().any(|c| c.value == value) {
                return Some(Problem::InvalidChoice);
            }
        }
        FieldKind::Checkbox => {
            if value != "ja" {
                return Some(Problem::InvalidChoice);
            }
        }
        FieldKind::Email => {
            if super::feedback::EmailAddress::parse(value).is_err() {
                return Some(Problem::InvalidEmail);
            }
        }
        FieldKind::Phone => {
            let digits = value.chars().filter(char::is_ascii_digit).count();
            let plausible = value
                .chars()
                .all(|c| c.is_ascii_digit() || " +-/()".contains(c))
                && (5..=20).contains(&digits)
                && !value.chars().skip(1).any(|c| c == '+');
            if !plausible {
                return Some(Problem::InvalidPhone);
            }
        }
        FieldKind::Iban => {
            if !is_iban(value) {
                return Some(Problem::InvalidIban);
            }
        }
        FieldKind::Gemeinde => {
            if !(value.len() == 8 && value.bytes().all(|b| b.is_ascii_digit())) {
                return Some(Problem::InvalidChoice);
            }
        }
        FieldKind::File => {
            let max = field.max_files.unwrap_or(1);
            let count = value.split(',').filter(|id| !id.trim().is_empty()).count();
            if count > max {
                return Some(Problem::TooManyFiles { max });
            }
        }
        FieldKind::Text | FieldKind::LongText => {}
        FieldKind::Address | FieldKind::Group => {}
    }
    if let Some(pattern) = field.pattern
        && !matches_pattern(pattern, value)
    {
        return Some(Problem::Pattern);
    }
    None
}

fn is_postcode(value: &str) -> bool {
    value.len() == 5 && value.bytes().all(|b| b.is_ascii_digit())
}

/// A number as people write it: `12`, `12,50`, `1.234,56`, `12.5`. Money has at most two
/// decimals.
pub fn parse_number(value: &str, money: bool) -> Option<f64> {
    let value = value.trim().trim_end_matches('€').trim();
    let normalized = if value.contains(',') {
        value.replace('.', "").replace(',', ".")
    } else {
        value.to_owned()
    };
    let (whole, decimals) = normalized.split_once('.').unwrap_or((&normalized, ""));
    let whole = whole.strip_prefix('-').unwrap_or(whole);
    let digits_ok = !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && decimals.bytes().all(|b| b.is_ascii_digit())
        && whole.len() <= 12
        && decimals.len() <= if money { 2 } else { 6 };
    if !digits_ok {
        return None;
    }
    normalized.parse().ok()
}

/// `YYYY-MM-DD`, `today`, `today+N`, `today-N` → a date.
pub fn resolve_date(bound: &str, today: &str) -> Option<String> {
    let bound = bound.trim();
    if super::profile::is_date(bound) {
        return Some(bound.to_owned());
    }
    let rest = bound.strip_prefix("today")?;
    let days: i64 = if rest.is_empty() {
        0
    } else {
        rest.parse().ok()?
    };
    let (y, m, d) = parse_date(today)?;
    let day = super::time::days_from_civil(y, m, d) + days;
    let (y, m, d) = super::time::civil_from_days(day);
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

fn parse_date(value: &str) -> Option<(i64, u32, u32)> {
    let mut parts = value.split('-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    Some((y, m, d))
}

/// An IBAN with valid check digits (ISO 13616, mod 97); spaces allowed. German IBANs must
/// have 22 characters.
pub fn is_iban(value: &str) -> bool {
    let compact: String = value
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    if !(15..=34).contains(&compact.len())
        || !compact.chars().all(|c| c.is_ascii_alphanumeric())
        || !compact[..2].chars().all(|c| c.is_ascii_alphabetic())
        || !compact[2..4].chars().all(|c| c.is_ascii_digit())
    {
        return false;
    }
    if compact.starts_with("DE") && compact.len() != 22 {
        return false;
    }
    let rearranged = format!("{}{}", &compact[4..], &compact[..4]);
    let mut remainder: u32 = 0;
    for c in rearranged.chars() {
        let n = match c.to_digit(36) {
            Some(n) => n,
            None => return false,
        };
        for digit in n.to_string().chars() {
            remainder = (remainder * 10 + digit.to_digit(10).unwrap_or(0)) % 97;
        }
    }
    remainder == 1
}

fn matches_pattern(pattern: Pattern, value: &str) -> bool {
    match pattern {
        Pattern::Digits => value.bytes().all(|b| b.is_ascii_digit()),
        Pattern::Postcode => is_postcode(value),
        Pattern::LicencePlate => {
            // District (1–3 letters), a separator, 1–2 letters, 1–4 digits, optional E/H.
            let upper = value.to_uppercase();
            let parts: Vec<&str> = upper
                .split(|c: char| c == '-' || c.is_whitespace())
                .filter(|p| !p.is_empty())
                .collect();
            let letters = |s: &str, n: std::ops::RangeInclusive<usize>| {
                n.contains(&s.chars().count()) && s.chars().all(|c| c.is_alphabetic())
            };
            match parts.as_slice() {
                [district, letters_part, number] => {
                    let number = number.trim_end_matches(['E', 'H']);
                    letters(district, 1..=3)
                        && letters(letters_part, 1..=2)
                        && (1..=4).contains(&number.len())
                        && number.bytes().all(|b| b.is_ascii_digit())
                }
                _ => false,
            }
        }
    }
}

impl FormDefinition {
    /// Everything wrong with a definition that its types cannot say: duplicate or malformed
    /// ids, dangling references (visibility, rules, prefill), options where none belong or
    /// missing where needed, bounds that do not parse, and missing translations.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut say =
            |text: String| problems.push(format!("{} v{}: {text}", self.id, self.version));
        if !is_id(&self.id) {
            say(format!("form id {:?} is not [a-z0-9_-]+", self.id));
        }
        if self.version == 0 {
            say("versions start at 1".into());
        }
        if self.steps.is_empty() {
            say("a form needs at least one step".into());
        }
        let mut texts: Vec<(String, &Localized)> = vec![
            ("title".into(), &self.title),
            ("declaration".into(), &self.declaration),
            ("next_steps".into(), &self.next_steps),
        ];
        let mut step_ids = Vec::new();
        let mut field_ids: Vec<&str> = Vec::new();
        for step in &self.steps {
            // `pruefen` is the address of the check page.
            if !is_id(&step.id) || step.id == "pruefen" || step_ids.contains(&step.id.as_str()) {
                say(format!("step id {:?} is malformed or repeated", step.id));
            }
            step_ids.push(&step.id);
            texts.push((format!("step {}", step.id), &step.title));
            if let Some(intro) = &step.intro {
                texts.push((format!("step {} intro", step.id), intro));
            }
            if step.fields.is_empty() {
                say(format!("step {} has no fields", step.id));
            }
            lint_fields(&step.fields, false, &mut field_ids, &mut texts, &mut say);
        }
        for rule in &self.rules {
            texts.push((format!("rule on {}", rule.field), &rule.message));
            for id in [&rule.field, &rule.other] {
                match self.field(id) {
                    None => say(format!("a rule names the unknown field {id:?}")),
                    Some(f)
                        if matches!(rule.kind, CrossKind::After | CrossKind::NotBefore)
                            && f.kind != FieldKind::Date =>
                    {
                        say(format!("rule {:?} needs dates, {id} is not one", rule.kind));
                    }
                    Some(_) => {}
                }
            }
        }
        for (what, text) in texts {
            let missing = text.missing();
            if !missing.is_empty() {
                let languages: Vec<&str> = missing.iter().map(|l| l.as_str()).collect();
                say(format!("{what}: no text in {}", languages.join(", ")));
            }
        }
        problems
    }
}

fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

fn lint_fields<'a>(
    fields: &'a [Field],
    in_group: bool,
    ids: &mut Vec<&'a str>,
    texts: &mut Vec<(String, &'a Localized)>,
    say: &mut impl FnMut(String),
) {
    let level: Vec<&Field> = fields.iter().collect();
    for (position, field) in fields.iter().enumerate() {
        let id = field.id.as_str();
        // Ids are unique in the whole form (group fields within their group).
        if !is_id(id) || id.contains('.') || ids.contains(&id) {
            say(format!("field id {id:?} is malformed or repeated"));
        }
        ids.push(id);
        texts.push((format!("field {id}"), &field.label));
        if let Some(help) = &field.help {
            texts.push((format!("field {id} help"), help));
        }
        for choice in &field.options {
            texts.push((format!("field {id} option {}", choice.value), &choice.label));
        }
        let choices = matches!(field.kind, FieldKind::Select | FieldKind::Radio);
        if choices && field.options.is_empty() {
            say(format!("{id}: a choice field needs options"));
        }
        if !choices && !field.options.is_empty() {
            say(format!("{id}: only select and radio fields have options"));
        }
        match field.kind {
            FieldKind::Group if in_group => say(format!("{id}: groups do not nest")),
            FieldKind::Group if field.fields.is_empty() => say(format!("{id}: an empty group")),
            FieldKind::Group => {
                let mut inner = Vec::new();
                lint_fields(&field.fields, true, &mut inner, texts, say);
            }
            FieldKind::File if in_group => say(format!("{id}: files belong to the top level")),
            _ if !field.fields.is_empty() => say(format!("{id}: only groups have fields")),
            _ => {}
        }
        for bound in [&field.min, &field.max].into_iter().flatten() {
            let parses = match field.kind {
                FieldKind::Number | FieldKind::Money => parse_number(bound, false).is_some(),
                FieldKind::Date => resolve_date(bound, "2026-01-01").is_some(),
                _ => false,
            };
            if !parses {
                say(format!(
                    "{id}: the bound {bound:?} does not fit a {:?} field",
                    field.kind
                ));
            }
        }
        if let Some(source) = &field.prefill {
            let fits = if field.kind == FieldKind::Address {
                source == "address"
            } else {
                PREFILL_SOURCES.contains(&source.as_str())
            };
            if !fits {
                say(format!("{id}: unknown prefill source {source:?}"));
            }
        }
        if let Some(condition) = &field.visible_if {
            // The field it depends on comes earlier at the same level.
            match level[..position].iter().find(|f| f.id == condition.field) {
                None => say(format!(
                    "{id}: visible_if names {:?}, not an earlier field of its level",
                    condition.field
                )),
                Some(other) => {
                    let allowed: Vec<&str> = match other.kind {
                        FieldKind::Checkbox => vec!["ja"],
                        FieldKind::Select | FieldKind::Radio => {
                            other.options.iter().map(|c| c.value.as_str()).collect()
                        }
                        _ => Vec::new(),
                    };
                    if allowed.is_empty()
                        || condition.is.iter().any(|v| !allowed.contains(&v.as_str()))
                    {
                        say(format!(
                            "{id}: visible_if values {:?} are not choices of {}",
                            condition.is, other.id
                        ));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(de: &str) -> Localized {
        Localized {
            de: de.into(),
            en: de.into(),
            fr: de.into(),
        }
    }

    fn field(id: &str, kind: FieldKind) -> Field {
        Field {
            id: id.into(),
            kind,
            label: text(id),
            help: None,
            required: false,
            min_length: None,
            max_length: None,
            min: None,
            max: None,
            pattern: None,
            options: Vec::new(),
            visible_if: None,
            prefill: None,
            fields: Vec::new(),
            min_items: None,
            max_items: None,
            max_files: None,
        }
    }

    /// A small form with every kind of rule.
    fn form() -> FormDefinition {
        let kind = Field {
            required: true,
            options: vec![
                Choice {
                    value: "hund".into(),
                    label: text("Hund"),
                },
                Choice {
                    value: "katze".into(),
                    label: text("Katze"),
                },
            ],
            ..field("tier", FieldKind::Radio)
        };
        let breed = Field {
            required: true,
            visible_if: Some(Condition {
                field: "tier".into(),
                is: vec!["hund".into()],
            }),
            ..field("rasse", FieldKind::Text)
        };
        let start = Field {
            required: true,
            min: Some("today-30".into()),
            ..field("beginn", FieldKind::Date)
        };
        let end = field("ende", FieldKind::Date);
        let persons = Field {
            max_items: Some(2),
            fields: vec![Field {
                required: true,
                ..field("name", FieldKind::Text)
            }],
            ..field("personen", FieldKind::Group)
        };
        FormDefinition {
            id: "test".into(),
            version: 1,
            service: "test".into(),
            title: text("Test"),
            access: Access::Account,
            steps: vec![
                Step {
                    id: "tier".into(),
                    title: text("Tier"),
                    intro: None,
                    fields: vec![kind, breed],
                },
                Step {
                    id: "zeit".into(),
                    title: text("Zeit"),
                    intro: None,
                    fields: vec![
                        start,
                        end,
                        persons,
                        Field {
                            required: true,
                            ..field("iban", FieldKind::Iban)
                        },
                    ],
                },
            ],
            rules: vec![CrossRule {
                kind: CrossKind::After,
                field: "ende".into(),
                other: "beginn".into(),
                message: text("Das Ende liegt nach dem Beginn."),
            }],
            declaration: text("Ich versichere …"),
            next_steps: text("Wir melden uns."),
        }
    }

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        let mut a = Answers::default();
        for (k, v) in pairs {
            a.set(*k, *v);
        }
        a
    }

    fn problems_of(errors: &[AnswerError]) -> Vec<(&str, &str)> {
        errors
            .iter()
            .map(|e| (e.path.as_str(), e.problem.code()))
            .collect()
    }

    #[test]
    fn a_hidden_field_is_neither_checked_nor_kept() {
        let form = form();
        let cat = answers(&[("tier", "katze"), ("rasse", "Perser")]);
        assert!(form.check(&cat, Some(0), "2026-11-29").is_empty());
        assert_eq!(
            form.visible_answers(&cat).get("rasse"),
            "",
            "hidden, so dropped"
        );
        let dog = answers(&[("tier", "hund")]);
        assert_eq!(
            problems_of(&form.check(&dog, Some(0), "2026-11-29")),
            [("rasse", "required")]
        );
    }

    #[test]
    fn the_end_comes_after_the_start_and_dates_have_bounds() {
        let form = form();
        let today = "2026-11-29";
        let base = [("iban", "DE89 3704 0044 0532 0130 00")];
        let mut a = answers(&base);
        a.set("beginn", "2026-11-20");
        a.set("ende", "2026-11-19");
        assert_eq!(
            problems_of(&form.check(&a, Some(1), today)),
            [("ende", "rule")]
        );
        a.set("ende", "2026-11-21");
        assert!(form.check(&a, Some(1), today).is_empty());
        a.set("beginn", "2026-10-01");
        assert_eq!(
            form.check(&a, Some(1), today)[0].problem,
            Problem::TooEarly {
                min: "2026-10-30".into()
            }
        );
        a.set("beginn", "2026-02-30");
        assert_eq!(
            problems_of(&form.check(&a, Some(1), today)),
            [("beginn", "not-a-date")]
        );
    }

    #[test]
    fn repeating_groups_check_each_entry_and_their_count() {
        let form = form();
        let mut a = answers(&[
            ("tier", "katze"),
            ("iban", "DE89370400440532013000"),
            ("beginn", "2026-11-29"),
        ]);
        a.set("personen.0.name", "Kim");
        a.set("personen.1.name", "");
        a.set("personen.2.name", "Jo");
        assert_eq!(a.items("personen"), 3);
        assert_eq!(
            problems_of(&form.check(&a, None, "2026-11-29")),
            [
                ("personen", "too-many-items"),
                ("personen.1.name", "required")
            ]
        );
        a.0.remove("personen.2.name");
        assert_eq!(
            problems_of(&form.check(&a, None, "2026-11-29")),
            [("personen.1.name", "required")]
        );
    }

    #[test]
    fn ibans_need_their_check_digits() {
        assert!(is_iban("DE89 3704 0044 0532 0130 00"));
        assert!(is_iban("de89370400440532013000"));
        assert!(!is_iban("DE88 3704 0044 0532 0130 00"), "one digit off");
        assert!(
            !is_iban("DE89 3704 0044 0532 0130 0"),
            "too short for Germany"
        );
        assert!(is_iban("FR14 2004 1010 0505 0001 3M02 606"));
        assert!(!is_iban("kein iban"));
    }

    #[test]
    fn numbers_as_people_write_them() {
        assert_eq!(parse_number("12", true), Some(12.0));
        assert_eq!(parse_number("1.234,56", true), Some(1234.56));
        assert_eq!(parse_number("12,5 €", true), Some(12.5));
        assert_eq!(parse_number("12,555", true), None, "money has cents");
        assert_eq!(parse_number("zwölf", false), None);
        assert_eq!(parse_number("1e9", false), None);
    }

    #[test]
    fn licence_plates_and_other_patterns() {
        assert!(matches_pattern(Pattern::LicencePlate, "SB-AB 123"));
        assert!(matches_pattern(Pattern::LicencePlate, "hom x 1e"));
        assert!(!matches_pattern(Pattern::LicencePlate, "SB 12345"));
        assert!(matches_pattern(Pattern::Postcode, "66111"));
        assert!(!matches_pattern(Pattern::Digits, "12a"));
    }

    #[test]
    fn the_linter_finds_dangling_references_and_missing_translations() {
        assert_eq!(form().problems(), Vec::<String>::new());
        let mut broken = form();
        broken.rules[0].other = "anfang".into();
        broken.steps[0].fields[1].visible_if = Some(Condition {
            field: "tier".into(),
            is: vec!["pferd".into()],
        });
        broken.steps[1].fields[0].label.fr = String::new();
        broken.steps[1].fields[1].prefill = Some("schuhgroesse".into());
        let problems = broken.problems().join("\n");
        assert!(problems.contains("unknown field \"anfang\""), "{problems}");
        assert!(problems.contains("not choices of tier"), "{problems}");
        assert!(
            problems.contains("field beginn: no text in fr"),
            "{problems}"
        );
        assert!(problems.contains("unknown prefill source"), "{problems}");
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn any_answers() -> impl Strategy<Value = Answers> {
            let keys = prop::sample::select(vec![
                "tier",
                "rasse",
                "beginn",
                "ende",
                "iban",
                "personen.0.name",
                "personen.7.name",
                "personen.x.name",
                "unbekannt",
            ]);
            prop::collection::btree_map(keys.prop_map(str::to_owned), "\\PC{0,40}", 0..9)
                .prop_map(Answers)
        }

        /// What must hold for any answers: no panic; checking what a submission keeps
        /// finds the same problems (hidden answers never decide anything); problems name
        /// visible fields only; steps one by one find what the whole form finds.
        fn agrees(form: &FormDefinition, a: &Answers) -> Result<(), TestCaseError> {
            let errors = form.check(a, None, "2026-11-29");
            let kept = form.visible_answers(a);
            prop_assert_eq!(&form.check(&kept, None, "2026-11-29"), &errors);
            for error in &errors {
                let top = error.path.split('.').next().unwrap_or_default();
                let field = form.field(top).expect("a known field");
                prop_assert!(is_visible(field, "", a));
            }
            let mut by_step: Vec<AnswerError> = (0..form.steps.len())
                .flat_map(|i| form.check(a, Some(i), "2026-11-29"))
                .collect();
            let mut all = errors.clone();
            by_step.sort_by(|x, y| x.path.cmp(&y.path));
            all.sort_by(|x, y| x.path.cmp(&y.path));
            prop_assert_eq!(by_step, all);
            Ok(())
        }

        proptest! {
            #[test]
            fn random_answers_never_panic_and_errors_name_visible_fields(a in any_answers()) {
                agrees(&form(), &a)?;
            }
        }

        /// The six forms the portal ships with.
        #[cfg(feature = "ssr")]
        fn shipped_forms() -> Vec<FormDefinition> {
            [
                include_str!("../../seed/demo/forms/bewohnerparkausweis.toml"),
                include_str!("../../seed/demo/forms/briefwahl.toml"),
                include_str!("../../seed/demo/forms/gewerbeanmeldung.toml"),
                include_str!("../../seed/demo/forms/hundesteuer-anmeldung.toml"),
                include_str!("../../seed/demo/forms/meldebescheinigung.toml"),
                include_str!("../../seed/demo/forms/sperrmuell-anmeldung.toml"),
            ]
            .iter()
            .map(|text| toml::from_str(text).expect("a form definition"))
            .collect()
        }

        /// Every answer path of `fields` under `prefix`: address parts, group entries at
        /// a few positions (also past the end and not a number), and one unknown name.
        #[cfg(feature = "ssr")]
        fn paths(fields: &[Field], prefix: &str, out: &mut Vec<(String, Vec<String>)>) {
            for field in fields {
                let path = format!("{prefix}{}", field.id);
                let choices: Vec<String> = field.options.iter().map(|c| c.value.clone()).collect();
                match field.kind {
                    FieldKind::Address => {
                        for part in ADDRESS_PARTS {
                            out.push((format!("{path}.{part}"), Vec::new()));
                        }
                    }
                    FieldKind::Group => {
                        for entry in ["0", "1", "4", "x"] {
                            paths(&field.fields, &format!("{path}.{entry}."), out);
                        }
                    }
                    _ => out.push((path, choices)),
                }
            }
            out.push((format!("{prefix}unbekannt"), Vec::new()));
        }

        /// Answers to one of the shipped forms: its own paths with its choices, values of
        /// every kind (dates, numbers, IBANs, postcodes, ticks) and anything at all.
        #[cfg(feature = "ssr")]
        fn answers_to(form: &FormDefinition) -> BoxedStrategy<Answers> {
            let mut all = Vec::new();
            for step in &form.steps {
                paths(&step.fields, "", &mut all);
            }
            let typical: Vec<String> = [
                "",
                "ja",
                "2026-12-24",
                "1980-02-29",
                "2026-02-30",
                "12",
                "-3",
                "1,5",
                "99999999",
                "DE89370400440532013000",
                "DE00370400440532013000",
                "66111",
                "10001",
                "+49 681 12345",
                "kim@example.de",
                "SB-AB 123",
            ]
            .iter()
            .map(|v| (*v).to_owned())
            .collect();
            let entry = prop::sample::select(all).prop_flat_map(move |(path, choices)| {
                let mut values = typical.clone();
                values.extend(choices);
                let value = prop_oneof![
                    3 => prop::sample::select(values),
                    1 => "\\PC{0,60}",
                ];
                (Just(path), value)
            });
            prop::collection::vec(entry, 0..40)
                .prop_map(|pairs| Answers(pairs.into_iter().collect()))
                .boxed()
        }

        #[cfg(feature = "ssr")]
        #[test]
        fn random_answers_to_the_shipped_forms_never_panic_and_agree() {
            use proptest::test_runner::{Config, TestRunner};
            let forms = shipped_forms();
            assert_eq!(forms.len(), 6);
            for form in forms {
                let mut runner = TestRunner::new(Config::with_cases(200));
                let result = runner.run(&answers_to(&form), |a| agrees(&form, &a));
                assert!(result.is_ok(), "{}: {result:?}", form.id);
            }
        }
    }
}
