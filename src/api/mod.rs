//! Server functions, grouped by area. Each is a public HTTP endpoint under `/api/`: it
//! authorizes itself, parses into domain types, calls the storage layer and maps errors.
//! Server-only code lives inside the function bodies, so this module compiles to WASM as
//! the client stubs.

pub mod account;
pub mod admin;
pub mod applications;
pub mod backoffice;
pub mod catalogue;
pub mod email_access;
pub mod error;
pub mod feedback;
pub mod mailbox;
pub mod passkeys;
pub mod second_factor;
pub mod uploads;

pub use error::AppError;
