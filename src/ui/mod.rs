//! Components, layouts and pages. Pages render on the server; the few interactive parts
//! are islands (see `pages::feedback_form`).

pub mod components;
pub mod context;
pub mod form;
pub mod layout;
pub mod live_form;
pub mod pages;
