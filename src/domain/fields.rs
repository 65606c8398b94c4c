//! Field-level validation results, shared by every form.

use serde::{Deserialize, Serialize};

/// Why a field was refused. Each code has a localized message (`error-<code>` in the
/// locale files), so the server never sends prose and the browser never guesses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorCode {
    Required,
    TooLong,
    InvalidEmail,
    InvalidPage,
    TooShort,
    /// On the list of common passwords.
    CommonPassword,
    /// Made of the portal's or the person's own words.
    ContextPassword,
    /// The current password (re-authentication) does not match.
    WrongPassword,
    /// A one-time code or link that is wrong, used or expired.
    InvalidCode,
    InvalidDate,
    InvalidPostcode,
    InvalidPhone,
    /// Not one of the offered options.
    InvalidChoice,
    /// Must repeat another field and does not.
    Mismatch,
    /// The new value equals the old one.
    Unchanged,
    /// Too many attempts; try again later.
    TooMany,
    /// The e-mail address of the account is not confirmed yet.
    Unconfirmed,
    /// A file that is not a PDF, JPEG or PNG by its content.
    FileType,
    FileTooLarge,
    TooManyFiles,
    /// Someone changed the case meanwhile; the step is not possible from its status now.
    Conflict,
    /// No confirmed account with a password has this address.
    UnknownAccount,
    /// Not an `https://` address (plain `http://` only on this machine).
    InvalidUrl,
    /// Parts of the form are missing.
    Incomplete,
    /// No authority is on record as responsible for this service in this place.
    NoAuthority,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 25] = [
        ErrorCode::Required,
        ErrorCode::TooLong,
        ErrorCode::InvalidEmail,
        ErrorCode::InvalidPage,
        ErrorCode::TooShort,
        ErrorCode::CommonPassword,
        ErrorCode::ContextPassword,
        ErrorCode::WrongPassword,
        ErrorCode::InvalidCode,
        ErrorCode::InvalidDate,
        ErrorCode::InvalidPostcode,
        ErrorCode::InvalidPhone,
        ErrorCode::InvalidChoice,
        ErrorCode::Mismatch,
        ErrorCode::Unchanged,
        ErrorCode::TooMany,
        ErrorCode::Unconfirmed,
        ErrorCode::FileType,
        ErrorCode::FileTooLarge,
        ErrorCode::TooManyFiles,
        ErrorCode::Conflict,
        ErrorCode::UnknownAccount,
        ErrorCode::InvalidUrl,
        ErrorCode::Incomplete,
        ErrorCode::NoAuthority,
    ];

    /// The message id in the locale files, per field: `feedback-message-required`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Required => "required",
            ErrorCode::TooLong => "too-long",
            ErrorCode::InvalidEmail => "invalid-email",
            ErrorCode::InvalidPage => "invalid-page",
            ErrorCode::TooShort => "too-short",
            ErrorCode::CommonPassword => "common-password",
            ErrorCode::ContextPassword => "context-password",
            ErrorCode::WrongPassword => "wrong-password",
            ErrorCode::InvalidCode => "invalid-code",
            ErrorCode::InvalidDate => "invalid-date",
            ErrorCode::InvalidPostcode => "invalid-postcode",
            ErrorCode::InvalidPhone => "invalid-phone",
            ErrorCode::InvalidChoice => "invalid-choice",
            ErrorCode::Mismatch => "mismatch",
            ErrorCode::Unchanged => "unchanged",
            ErrorCode::TooMany => "too-many",
            ErrorCode::Unconfirmed => "unconfirmed",
            ErrorCode::FileType => "file-type",
            ErrorCode::FileTooLarge => "file-too-large",
            ErrorCode::TooManyFiles => "too-many-files",
            ErrorCode::Conflict => "conflict",
            ErrorCode::UnknownAccount => "unknown-account",
            ErrorCode::InvalidUrl => "invalid-url",
            ErrorCode::Incomplete => "incomplete",
            ErrorCode::NoAuthority => "no-authority",
        }
    }
}

/// The refused fields of one form, in the order the form shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrors<F> {
    pub errors: Vec<(F, ErrorCode)>,
}

impl<F: PartialEq + Copy> FieldErrors<F> {
    pub fn new() -> Self {
        Self { errors: Vec::new() }
    }

    pub fn push(&mut self, field: F, code: ErrorCode) {
        self.errors.push((field, code));
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    pub fn get(&self, field: F) -> Option<ErrorCode> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, code)| *code)
    }
}

impl<F: PartialEq + Copy> Default for FieldErrors<F> {
    fn default() -> Self {
        Self::new()
    }
}

/// Counts characters as a person does (Unicode scalar values), not bytes.
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}
