//! Domain types shared by the browser and the server.
//!
//! Everything here compiles to WASM: parsing, validation and the form models. The browser
//! uses it for instant feedback, the server runs the very same code again and is the authority.

pub mod account;
pub mod applications;
pub mod backoffice;
pub mod catalogue;
pub mod feedback;
pub mod fields;
pub mod forms;
pub mod locale;
pub mod profile;
pub mod region;
pub mod search;
pub mod site;
pub mod time;
pub mod url;
