//! Who is calling and what they may see.
//!
//! - [`jwt`]: issuing and verifying access tokens.
//! - [`password`]: Argon2id hashing.
//! - [`refresh`]: refresh tokens (random, stored hashed); [`limits`]: login rate limits.
//! - [`user`]: the one extractor that turns a bearer token into an [`AuthUser`], and the typed
//!   role guards a handler's signature uses to say who may call it.
//! - [`scope`]: which objects a caller may see; called by services before every read or write.

pub mod jwt;
pub mod limits;
pub mod password;
pub mod refresh;
pub mod scope;
pub mod totp;
pub mod user;

pub use jwt::JwtKeys;
pub use user::{AuthUser, Authorized, Checked, Unchecked};
