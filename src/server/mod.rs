//! Server-only code: settings, state, storage, HTTP, background jobs.

pub mod account_routes;
pub mod api_v1;
pub mod assets;
pub mod auth;
pub mod cli;
pub mod clock;
pub mod config;
pub mod cookies;
pub mod db;
pub mod flash;
pub mod http;
pub mod jobs;
pub mod mail;
pub mod objects;
pub mod pwa;
pub mod receipt;
pub mod request;
pub mod security;
pub mod seed;
pub mod serve;
pub mod state;
pub mod storage;
pub mod telemetry;
