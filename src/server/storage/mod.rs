//! All SQL lives here, one module per aggregate, identical on SQLite and PostgreSQL.

pub mod catalogue;
pub mod feedback;
pub mod flash;
pub mod regions;
pub mod search;
