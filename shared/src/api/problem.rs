//! RFC 9457 problem details: the body of every 4xx/5xx response.

use serde::{Deserialize, Serialize};

/// A problem report (`application/problem+json`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    /// A URI that identifies the kind of problem (`urn:arrangeer:problem:<slug>`).
    #[serde(rename = "type")]
    pub kind: String,
    /// Short, human-readable summary of the kind of problem.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong in this occurrence.
    pub detail: String,
    /// For validation problems: one entry per offending field.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// For a 409 on an action: what the caller may do in the current status.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowed_actions: Vec<String>,
    /// For a 403 `totp-enrollment-required` on login: a short-lived token that may only enroll
    /// and confirm two-factor authentication (`/me/totp`, `/me/totp/confirm`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enrollment_token: Option<String>,
}

/// One invalid field of a request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// JSON path of the field in the request (`email`, `goals[2].targetDate`), or the query key.
    pub field: String,
    /// Stable machine-readable code (`required`, `unknown_field`, `invalid_type`, …).
    pub code: String,
    /// Human-readable explanation.
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: impl Into<String>, message: impl Into<String>) -> Self {
        Self { field: field.into(), code: code.into(), message: message.into() }
    }
}
