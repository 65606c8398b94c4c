//! The Servicekonto's pages (`/konto/…`). Every form is a plain HTML form posting to its
//! server function, so all of it works without JavaScript.

pub mod access;
pub mod islands;
pub mod manage;
pub mod second_factor;

use leptos::server_fn::ServerFn;

/// The URL a server function answers on, for a form's `action`.
pub fn action<T: ServerFn>() -> &'static str {
    T::PATH
}
