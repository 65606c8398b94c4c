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
}

impl ErrorCode {
    /// The message id in the locale files, per field: `feedback-message-required`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Required => "required",
            ErrorCode::TooLong => "too-long",
            ErrorCode::InvalidEmail => "invalid-email",
            ErrorCode::InvalidPage => "invalid-page",
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
