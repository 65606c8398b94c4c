//! The one error type of every server function.
//!
//! It crosses the wire as JSON, so it carries codes, never internals: a database or IO
//! failure is logged on the server with a correlation id and only that id reaches the user.

use crate::domain::fields::ErrorCode;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum AppError {
    /// Some fields were refused; `field` is the form control's name.
    #[error("invalid input")]
    Validation { fields: Vec<FieldError> },
    /// Answers of an application form were refused (paths and problems of the form engine).
    #[error("answers refused")]
    Answers {
        problems: Vec<crate::domain::forms::AnswerError>,
    },
    /// The request could not be understood (malformed or missing arguments).
    #[error("bad request")]
    BadRequest,
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    /// Not possible from the current state (someone moved the case meanwhile).
    #[error("conflict")]
    Conflict,
    #[error("payload too large")]
    PayloadTooLarge,
    #[error("too many requests")]
    TooManyRequests,
    /// The server could not finish; details are in its log under `correlation_id`.
    #[error("internal error {correlation_id}")]
    Internal { correlation_id: String },
    /// The browser could not reach the server or read its answer.
    #[error("network error")]
    Network,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub code: ErrorCode,
}

impl AppError {
    pub fn validation<F: Copy + PartialEq>(
        errors: crate::domain::fields::FieldErrors<F>,
        name: impl Fn(F) -> &'static str,
    ) -> Self {
        AppError::Validation {
            fields: errors
                .errors
                .into_iter()
                .map(|(field, code)| FieldError {
                    field: name(field).to_owned(),
                    code,
                })
                .collect(),
        }
    }

    /// The HTTP status this error is answered with.
    pub fn status(&self) -> u16 {
        match self {
            AppError::Validation { .. } | AppError::Answers { .. } => 422,
            AppError::BadRequest => 400,
            AppError::Forbidden => 403,
            AppError::NotFound => 404,
            AppError::Conflict => 409,
            AppError::PayloadTooLarge => 413,
            AppError::TooManyRequests => 429,
            AppError::Internal { .. } => 500,
            AppError::Network => 503,
        }
    }

    /// The message id of the general explanation shown to people.
    pub fn message_key(&self) -> &'static str {
        match self {
            AppError::Validation { .. } | AppError::Answers { .. } => "error-summary-title",
            AppError::BadRequest => "error-bad-request",
            AppError::Forbidden => "error-forbidden",
            AppError::NotFound => "error-not-found",
            AppError::Conflict => "error-conflict",
            AppError::PayloadTooLarge => "error-too-large",
            AppError::TooManyRequests => "error-too-many",
            AppError::Internal { .. } => "error-internal",
            AppError::Network => "error-network",
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => AppError::BadRequest,
            ServerFnErrorErr::Request(_)
            | ServerFnErrorErr::Response(_)
            | ServerFnErrorErr::Deserialization(_) => AppError::Network,
            // Never echo the framework's text: it can name internals.
            _ => AppError::Internal {
                correlation_id: String::new(),
            },
        }
    }
}
