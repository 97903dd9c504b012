//! A reduction without termination: fewer hours, or a reduced amount, from a date (DOMAIN.md,
//! side routes: "fewer hours needed"). Payments go on at the new level; what was paid too much
//! is settled in the next payment round (`GET /arrangements/{id}/costs`, `settlement`).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::UserId;

/// `POST /api/v1/arrangements/{id}/reductions` (school staff): either the new hours per week
/// (the amount follows from the rate and the weeks) or the new amount.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateReductionRequest {
    /// The first day at the new level.
    pub effective_from: NaiveDate,
    /// New direct minutes per week (with `indirectMinutesPerWeek`), instead of `newAmountCents`.
    pub direct_minutes_per_week: Option<u32>,
    pub indirect_minutes_per_week: Option<u32>,
    /// What the whole period costs at the new level, instead of the hours.
    pub new_amount_cents: Option<i64>,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ReductionResponse {
    pub id: String,
    pub effective_from: NaiveDate,
    pub new_amount_cents: i64,
    pub direct_minutes_per_week: Option<u32>,
    pub indirect_minutes_per_week: Option<u32>,
    pub reason: String,
    pub created_by: UserId,
    pub created_at: DateTime<Utc>,
}
