//! Feedback on the portal's accessibility (BITV 2.0 § 7 Abs. 1 Nr. 2).

use crate::api::AppError;
use crate::domain::feedback::{FeedbackField, FeedbackForm};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What a no-JavaScript submission leaves behind when it is refused: the typed values and
/// the errors, shown again by the next page view (post/redirect/get).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackDraft {
    pub form: FeedbackForm,
    pub errors: Vec<(FeedbackField, crate::domain::fields::ErrorCode)>,
}

pub const FEEDBACK_FLASH: &str = "feedback";
pub const FEEDBACK_PAGE: &str = "/barrierefreiheit";
pub const FEEDBACK_THANKS_PAGE: &str = "/barrierefreiheit/danke";

/// Stores a feedback message. Anyone may send one; the body limit, the origin check and
/// the validation are the guards.
#[server(endpoint = "feedback/submit")]
pub async fn submit_feedback(form: FeedbackForm) -> Result<(), AppError> {
    use crate::server::{flash, request, storage};

    let state = request::state().map_err(request::fail)?;
    let from_plain_form = request::wants_html();
    match form.parse() {
        Ok(feedback) => {
            storage::feedback::insert(&state.db, &feedback, state.clock.now())
                .await
                .map_err(|e| request::fail(request::internal("storing feedback", e)))?;
            if from_plain_form {
                flash::clear(&state, FEEDBACK_FLASH).await;
                request::see_other(FEEDBACK_THANKS_PAGE);
            }
            Ok(())
        }
        Err(errors) => {
            if from_plain_form {
                let draft = FeedbackDraft {
                    form,
                    errors: errors.errors.clone(),
                };
                flash::store(&state, FEEDBACK_FLASH, &draft)
                    .await
                    .map_err(request::fail)?;
                request::see_other(&format!("{FEEDBACK_PAGE}#feedback-errors"));
            }
            Err(AppError::validation(errors, FeedbackField::as_str))
        }
    }
}
