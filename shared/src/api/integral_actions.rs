//! The actions of an integral arrangement: "who does what when", agreed in the broad meeting
//! (DOMAIN.md, "The broad meeting", step 6).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

vocabulary! {
    /// Where an agreed action stands.
    IntegralActionStatus {
        Open = "open",
        Done = "done",
        Cancelled = "cancelled",
    }
}

/// `POST /api/v1/arrangements/{id}/integral-actions` (school or consultant).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateIntegralActionRequest {
    pub description: String,
    /// Who does it; often someone without an account (youth care, JGZ).
    pub owner_name: String,
    pub owner_organisation: Option<String>,
    pub due_on: NaiveDate,
}

/// `PUT /api/v1/arrangements/{id}/integral-actions/{actionId}` with `If-Match`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UpdateIntegralActionRequest {
    pub description: String,
    pub owner_name: String,
    pub owner_organisation: Option<String>,
    pub due_on: NaiveDate,
    pub status: IntegralActionStatus,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct IntegralActionResponse {
    pub id: String,
    pub description: String,
    pub owner_name: String,
    pub owner_organisation: Option<String>,
    pub due_on: NaiveDate,
    pub status: IntegralActionStatus,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}
