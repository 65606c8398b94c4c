//! One module per page (or small family of pages).

pub mod accessibility;
pub mod account;
pub mod admin;
pub mod applications;
pub mod backoffice;
pub mod easy_language;
pub mod error;
pub mod feedback_form;
pub mod home;
pub mod legal;
pub mod listing;
pub mod mailbox;
pub mod place;
pub mod search;
pub mod search_box;
pub mod service;
pub mod sign_language;
