//! The executor's workspace: quotes (offertes) and progress reports.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::{ExecutorId, UserId};

vocabulary! {
    /// Where a quote stands.
    QuoteStatus {
        Submitted = "submitted",
        Accepted = "accepted",
        Declined = "declined",
    }
}

/// `POST /api/v1/arrangements/{id}/quotes` (the chosen executor).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateQuoteRequest {
    pub direct_minutes_per_week: u32,
    pub indirect_minutes_per_week: u32,
    pub hourly_rate_cents: i64,
    /// The total the executor asks, in cents.
    pub amount_cents: i64,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    #[serde(default)]
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct QuoteResponse {
    pub id: String,
    pub executor_id: ExecutorId,
    pub direct_minutes_per_week: u32,
    pub indirect_minutes_per_week: u32,
    pub hourly_rate_cents: i64,
    pub amount_cents: i64,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub note: String,
    pub status: QuoteStatus,
    pub created_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
}

/// `POST /api/v1/arrangements/{id}/reports` (the executor, during execution).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateReportRequest {
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub body: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ReportResponse {
    pub id: String,
    pub author_id: UserId,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub body: String,
    pub created_at: DateTime<Utc>,
}
