//! The money of one arrangement: expected cost, its calendar-year split and payments.

use serde::{Deserialize, Serialize};

use crate::money::{PaymentLine, PaymentScheme, Settlement, YearShare};

/// `GET /api/v1/arrangements/{id}/costs`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct CostsResponse {
    /// Direct + indirect hours × rate × weeks; `null` while any of them is missing.
    pub expected_cost_cents: Option<i64>,
    /// The expected cost per calendar year, pro rata by month (empty without a period).
    pub per_calendar_year: Vec<YearShare>,
    /// How the partnership pays out, from the policy that governs the arrangement.
    pub payment_scheme: Option<PaymentScheme>,
    /// The payments that scheme makes of the expected cost (empty per agreement).
    pub payments: Vec<PaymentLine>,
    /// After an early termination: what the board is entitled to (months used, a started month
    /// counts whole) against what was paid by then; a negative `settlement` is paid back in the
    /// next payment round. After a reduction without termination (the last one reported): the
    /// months before it at the granted level, the rest at the reduced level.
    pub settlement: Option<Settlement>,
}
