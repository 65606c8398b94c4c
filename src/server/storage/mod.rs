//! All SQL lives here, one module per aggregate, identical on SQLite and PostgreSQL.

pub mod accounts;
pub mod applications;
pub mod attachments;
pub mod audit;
pub mod cases;
pub mod catalogue;
pub mod delivery;
pub mod feedback;
pub mod flash;
pub mod forms;
pub mod mail;
pub mod members;
pub mod messages;
pub mod passkeys;
pub mod profiles;
pub mod regions;
pub mod search;
pub mod second_factor;
pub mod sessions;
pub mod statistics;
pub mod throttle;
