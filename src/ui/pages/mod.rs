//! One module per page (or small family of pages).

pub mod accessibility;
pub mod account;
pub mod applications;
pub mod easy_language;
pub mod error;
pub mod feedback_form;
pub mod home;
pub mod legal;
pub mod listing;
pub mod place;
pub mod search;
pub mod search_box;
pub mod service;
pub mod sign_language;
