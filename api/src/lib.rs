//! The Arrangeer API server: an actix-web app over diesel (SQLite or PostgreSQL) that also
//! serves the web app. See README.md for the architecture.
//!
//! Control flows `routes → services → db`; `auth` holds the token extractor, role guards and
//! scope checks; `error` is the only place that knows HTTP status codes.

pub mod auth;
pub mod config;
pub mod db;
pub mod documents;
pub mod error;
pub mod openapi;
pub mod routes;
pub mod services;
pub mod startup;
pub mod telemetry;
