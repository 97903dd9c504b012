//! Domain types and pure rules shared by the Arrangeer server (`arrangeer-api`) and the
//! browser app (`arrangeer-web`).
//!
//! This crate must keep building for `wasm32-unknown-unknown`: no diesel, actix, tokio or I/O.
//! utoipa schemas are derived only with the `openapi` feature, which the server turns on.

#[macro_use]
mod vocabulary;

pub mod api;
pub mod dates;
pub mod deadlines;
pub mod email;
pub mod ids;
pub mod kinds;
pub mod money;
pub mod policy;
pub mod role;
pub mod text;
pub mod workflow;

pub use email::Email;
pub use role::Role;
