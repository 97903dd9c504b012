//! Use cases. Each one: authorize → load → apply rules → write in one transaction → record.
//! Services know nothing of HTTP: they return [`ServiceError`], which `crate::error` maps to a
//! status code and a problem+json body.

pub mod arrangement_actions;
pub mod arrangements;
pub mod attachments;
pub mod auth;
pub mod calendar;
pub mod consultations;
pub mod costs;
pub mod deadlines;
pub mod demo;
pub mod evaluations;
pub mod findings;
pub mod integral_actions;
pub mod logbook;
pub mod payments;
pub mod policy;
pub mod pupils;
pub mod quotes;
pub mod reductions;
pub mod schools;
pub mod sessions;
pub mod users;

pub mod audit;
pub mod exports;
pub mod invitations;
pub mod opp_consents;
pub mod opps;
pub mod preferences;
pub mod short_term_joiners;
pub mod statistics;

pub mod decision_letters;
pub mod mailer;
pub mod notifications;
pub mod school_imports;
pub mod totp;

use arrangeer_shared::api::problem::FieldError;

use crate::auth::jwt::TokenError;
use crate::auth::password::HashError;
use crate::db::DbError;

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// Wrong e-mail address or password; deliberately the same for unknown accounts.
    #[error("invalid e-mail address or password")]
    InvalidCredentials,
    /// The account behind a valid token is gone or deactivated.
    #[error("the account is no longer active")]
    AccountInactive,
    /// The object does not exist, or the caller may not know that it does.
    #[error("{0} not found")]
    NotFound(&'static str),
    /// Well-formed input that breaks a rule, one entry per field.
    #[error("the request breaks {} rule(s)", .0.len())]
    Unprocessable(Vec<FieldError>),
    /// Malformed input found after parsing (e.g. a bad cursor).
    #[error("invalid request")]
    BadRequest(Vec<FieldError>),
    /// The role may never do this, whatever the object (403).
    #[error("the role may not {0}")]
    Forbidden(String),
    /// Not possible in the object's current state (409), with what is possible instead.
    #[error("conflict: {detail}")]
    Conflict { detail: String, allowed_actions: Vec<String> },
    /// An update without `If-Match` (428).
    #[error("If-Match is required")]
    PreconditionRequired,
    /// An update with a stale `If-Match` (412).
    #[error("the object was changed by someone else (now version {current})")]
    PreconditionFailed { current: i32 },
    /// A one-time link that was used or has expired (410), with the problem type's slug.
    #[error("gone: {detail}")]
    Gone { slug: &'static str, detail: String },
    /// A refresh token that is unknown, expired, revoked or of a deactivated account.
    #[error("the refresh token is invalid, expired or revoked")]
    InvalidRefreshToken,
    /// Too many login attempts (429); `field` names the input the limit is about, if any.
    #[error("too many login attempts; retry after {retry_after_seconds} s")]
    TooManyAttempts { retry_after_seconds: u64, field: Option<&'static str> },
    /// The account has two-factor authentication and the login carried no code (401).
    #[error("a two-factor code is required")]
    TotpRequired,
    /// The two-factor code is wrong, too old, or was used before (401).
    #[error("the two-factor code is invalid or was already used")]
    TotpInvalid,
    /// Staff must set up two-factor authentication before they get a session (403); the
    /// token may only enroll.
    #[error("two-factor authentication must be set up first")]
    TotpEnrollmentRequired { enrollment_token: String },
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Token(#[from] TokenError),
    #[error(transparent)]
    Hash(#[from] HashError),
    /// A document the server writes (the decision letter) could not be produced (500).
    #[error("the document could not be produced: {0}")]
    Document(String),
}

impl From<diesel::result::Error> for ServiceError {
    fn from(e: diesel::result::Error) -> Self {
        ServiceError::Db(DbError::Query(e))
    }
}

/// Keyset pagination over `(name, id)`: the cursor is opaque to clients.
pub mod cursor {
    use arrangeer_shared::api::page::{DEFAULT_LIMIT, MAX_LIMIT, Page};
    use arrangeer_shared::api::problem::FieldError;
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;

    use super::ServiceError;

    const SEP: char = '\u{1f}';

    /// The `(name, id)` position a cursor encodes.
    pub struct Position {
        pub name: String,
        pub id: String,
    }

    pub fn encode(name: &str, id: &str) -> String {
        URL_SAFE_NO_PAD.encode(format!("{name}{SEP}{id}"))
    }

    pub fn decode(cursor: &str) -> Result<Position, ServiceError> {
        let invalid = || {
            ServiceError::BadRequest(vec![FieldError::new(
                "cursor",
                "invalid_cursor",
                "the cursor is not one this API handed out",
            )])
        };
        let bytes = URL_SAFE_NO_PAD.decode(cursor).map_err(|_| invalid())?;
        let text = String::from_utf8(bytes).map_err(|_| invalid())?;
        let (name, id) = text.split_once(SEP).ok_or_else(invalid)?;
        // a forged cursor must not reach the database with bytes PostgreSQL refuses (NUL)
        if text.chars().any(|c| c.is_control() && c != SEP) {
            return Err(invalid());
        }
        Ok(Position { name: name.to_owned(), id: id.to_owned() })
    }

    /// Turns `limit + 1` loaded rows into a page: the extra row only says that more follow.
    pub fn page<R, T, E>(
        mut rows: Vec<R>,
        limit: i64,
        key: impl Fn(&R) -> (String, String),
        to_item: impl FnMut(R) -> Result<T, E>,
    ) -> Result<Page<T>, E> {
        let more = rows.len() as i64 > limit;
        rows.truncate(usize::try_from(limit).unwrap_or(0));
        let next_cursor = if more {
            rows.last().map(|row| {
                let (name, id) = key(row);
                encode(&name, &id)
            })
        } else {
            None
        };
        let items = rows.into_iter().map(to_item).collect::<Result<_, _>>()?;
        Ok(Page { items, next_cursor })
    }

    /// The page size a request asks for, within the API's bounds.
    pub fn limit(requested: Option<u32>) -> Result<i64, ServiceError> {
        match requested.unwrap_or(DEFAULT_LIMIT) {
            n @ 1..=MAX_LIMIT => Ok(i64::from(n)),
            _ => Err(ServiceError::BadRequest(vec![FieldError::new(
                "limit",
                "out_of_range",
                format!("limit must be between 1 and {MAX_LIMIT}"),
            )])),
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn cursor_round_trips_and_rejects_garbage() {
            let c = encode("Basisschool De Regenboog", "abc-123");
            let p = decode(&c).map_err(|_| ()).expect("decode");
            assert_eq!((p.name.as_str(), p.id.as_str()), ("Basisschool De Regenboog", "abc-123"));
            let forged = URL_SAFE_NO_PAD.encode("a\0b\u{1f}id");
            for bad in ["!!", "a", "AA", "", forged.as_str()] {
                assert!(decode(bad).is_err(), "{bad:?}");
            }
        }

        #[test]
        fn limit_defaults_and_bounds() {
            assert_eq!(limit(None).map_err(|_| ()), Ok(50));
            assert_eq!(limit(Some(200)).map_err(|_| ()), Ok(200));
            assert!(limit(Some(0)).is_err());
            assert!(limit(Some(201)).is_err());
        }
    }
}
