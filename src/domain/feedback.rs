//! The accessibility feedback form (Rückmeldung zur Barrierefreiheit, BITV 2.0 § 7).
//!
//! `FeedbackForm` is what a person typed, `Feedback` is what survived [`FeedbackForm::parse`].

use super::fields::{ErrorCode, FieldErrors, char_len};
use serde::{Deserialize, Serialize};

pub const NAME_MAX: usize = 200;
pub const EMAIL_MAX: usize = 254;
pub const PAGE_MAX: usize = 500;
pub const MESSAGE_MAX: usize = 5000;

/// The fields in the order the form shows them (and the error summary lists them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FeedbackField {
    Name,
    Email,
    Page,
    Message,
}

impl FeedbackField {
    pub const ALL: [FeedbackField; 4] = [Self::Name, Self::Email, Self::Page, Self::Message];

    /// The form control's `name` and the stem of its `id` and message ids.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Email => "email",
            Self::Page => "page",
            Self::Message => "message",
        }
    }
}

/// The raw input, exactly as typed. Missing fields count as empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub page: String,
    #[serde(default)]
    pub message: String,
}

/// Validated feedback, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feedback {
    pub name: Option<String>,
    pub email: Option<EmailAddress>,
    pub page: Option<String>,
    pub message: String,
}

impl FeedbackForm {
    pub fn value(&self, field: FeedbackField) -> &str {
        match field {
            FeedbackField::Name => &self.name,
            FeedbackField::Email => &self.email,
            FeedbackField::Page => &self.page,
            FeedbackField::Message => &self.message,
        }
    }

    pub fn set(&mut self, field: FeedbackField, value: String) {
        match field {
            FeedbackField::Name => self.name = value,
            FeedbackField::Email => self.email = value,
            FeedbackField::Page => self.page = value,
            FeedbackField::Message => self.message = value,
        }
    }

    /// Checks one field alone: what the browser shows while someone types.
    pub fn check(&self, field: FeedbackField) -> Option<ErrorCode> {
        let value = self.value(field).trim();
        match field {
            FeedbackField::Name => (char_len(value) > NAME_MAX).then_some(ErrorCode::TooLong),
            FeedbackField::Email => {
                if value.is_empty() {
                    None
                } else {
                    EmailAddress::parse(value).err()
                }
            }
            FeedbackField::Page => (char_len(value) > PAGE_MAX).then_some(ErrorCode::TooLong),
            FeedbackField::Message => {
                if value.is_empty() {
                    Some(ErrorCode::Required)
                } else if char_len(value) > MESSAGE_MAX {
                    Some(ErrorCode::TooLong)
                } else {
                    None
                }
            }
        }
    }

    /// Parses the whole form: either valid feedback or every refused field.
    pub fn parse(&self) -> Result<Feedback, FieldErrors<FeedbackField>> {
        let mut errors = FieldErrors::new();
        for field in FeedbackField::ALL {
            if let Some(code) = self.check(field) {
                errors.push(field, code);
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let optional = |s: &str| {
            let s = s.trim();
            (!s.is_empty()).then(|| s.to_owned())
        };
        Ok(Feedback {
            name: optional(&self.name),
            email: optional(&self.email).map(EmailAddress),
            page: optional(&self.page),
            message: self.message.trim().to_owned(),
        })
    }
}

/// An e-mail address that is plausible enough to answer: one `@`, a local part of at most
/// 64 characters, a domain with at least one dot made of letters, digits and hyphens.
/// Deliverability is proven only by sending, so this stays deliberately permissive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailAddress(String);

impl EmailAddress {
    pub fn parse(input: &str) -> Result<Self, ErrorCode> {
        let s = input.trim();
        if char_len(s) > EMAIL_MAX {
            return Err(ErrorCode::TooLong);
        }
        let (local, domain) = s.split_once('@').ok_or(ErrorCode::InvalidEmail)?;
        let local_ok = !local.is_empty()
            && char_len(local) <= 64
            && !local
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || c == '@');
        let label_ok = |label: &str| {
            !label.is_empty()
                && char_len(label) <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        };
        let domain_ok = domain.contains('.') && domain.split('.').all(label_ok);
        if local_ok && domain_ok {
            Ok(Self(s.to_owned()))
        } else {
            Err(ErrorCode::InvalidEmail)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(name: &str, email: &str, page: &str, message: &str) -> FeedbackForm {
        FeedbackForm {
            name: name.into(),
            email: email.into(),
            page: page.into(),
            message: message.into(),
        }
    }

    #[test]
    fn a_message_alone_is_enough() {
        let feedback = form("", "", "", "  Der Kontrast ist zu schwach.  ")
            .parse()
            .unwrap();
        assert_eq!(feedback.message, "Der Kontrast ist zu schwach.");
        assert_eq!(feedback.name, None);
        assert_eq!(feedback.email, None);
        assert_eq!(feedback.page, None);
    }

    #[test]
    fn every_field_is_kept_trimmed() {
        let feedback = form(" Kim Muster ", " kim@example.de ", " /suche ", "Text")
            .parse()
            .unwrap();
        assert_eq!(feedback.name.as_deref(), Some("Kim Muster"));
        assert_eq!(feedback.email.unwrap().as_str(), "kim@example.de");
        assert_eq!(feedback.page.as_deref(), Some("/suche"));
    }

    #[test]
    fn a_blank_message_is_required() {
        let errors = form("", "", "", " \n\t ").parse().unwrap_err();
        assert_eq!(
            errors.errors,
            vec![(FeedbackField::Message, ErrorCode::Required)]
        );
    }

    #[test]
    fn lengths_are_counted_in_characters_not_bytes() {
        // 5000 umlauts are 10000 bytes but exactly the limit.
        assert!(form("", "", "", &"ä".repeat(MESSAGE_MAX)).parse().is_ok());
        let errors = form("", "", "", &"ä".repeat(MESSAGE_MAX + 1))
            .parse()
            .unwrap_err();
        assert_eq!(errors.get(FeedbackField::Message), Some(ErrorCode::TooLong));
    }

    #[test]
    fn name_and_page_are_bounded() {
        let errors = form(
            &"n".repeat(NAME_MAX + 1),
            "",
            &"p".repeat(PAGE_MAX + 1),
            "x",
        )
        .parse()
        .unwrap_err();
        assert_eq!(errors.get(FeedbackField::Name), Some(ErrorCode::TooLong));
        assert_eq!(errors.get(FeedbackField::Page), Some(ErrorCode::TooLong));
        assert_eq!(errors.get(FeedbackField::Message), None);
    }

    #[test]
    fn all_errors_are_reported_in_form_order() {
        let errors = form(&"n".repeat(NAME_MAX + 1), "nope", "", "")
            .parse()
            .unwrap_err();
        let fields: Vec<_> = errors.errors.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            vec![
                FeedbackField::Name,
                FeedbackField::Email,
                FeedbackField::Message
            ]
        );
    }

    #[test]
    fn plausible_addresses_pass() {
        for ok in [
            "a@b.de",
            "kim.muster+portal@saarland.de",
            "jürgen@müller-bau.de",
            "x@sub.domain.example",
        ] {
            assert!(EmailAddress::parse(ok).is_ok(), "{ok} should pass");
        }
    }

    #[test]
    fn implausible_addresses_are_refused() {
        for bad in [
            "plain",
            "@saarland.de",
            "kim@",
            "kim@localhost",
            "kim@@saarland.de",
            "kim muster@saarland.de",
            "kim@-saarland.de",
            "kim@saarland..de",
            "kim@saar_land.de",
        ] {
            assert_eq!(
                EmailAddress::parse(bad),
                Err(ErrorCode::InvalidEmail),
                "{bad}"
            );
        }
        let long = format!("{}@example.de", "a".repeat(EMAIL_MAX));
        assert_eq!(EmailAddress::parse(&long), Err(ErrorCode::TooLong));
    }

    #[test]
    fn checking_one_field_agrees_with_parsing_the_form() {
        let f = form("", "kaputt", "", "");
        let errors = f.parse().unwrap_err();
        for field in FeedbackField::ALL {
            assert_eq!(f.check(field), errors.get(field), "{field:?}");
        }
    }
}
