//! Payments per school board per calendar year (`GET /api/v1/payments?year=`).

use serde::{Deserialize, Serialize};

use crate::ids::SchoolBoardId;
use crate::money::YearTotals;

/// The payment round of one calendar year: one line per school board of the partnership (boards
/// without arrangements included, with zeros) and the partnership's total. Euro cents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct PaymentsResponse {
    pub year: i32,
    /// By board number.
    pub boards: Vec<BoardPayments>,
    /// All boards together.
    pub total: PaymentAmounts,
}

/// One school board's line of a payment round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct BoardPayments {
    pub school_board_id: SchoolBoardId,
    pub board_number: String,
    pub name: String,
    /// Granted arrangements of the board's schools that count in this year.
    pub arrangements: u32,
    #[serde(flatten)]
    pub amounts: PaymentAmounts,
}

/// The amounts of a payment round, in euro cents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct PaymentAmounts {
    /// This year's part of the grants, pro rata by month, whatever the payment scheme (grants
    /// paid per agreement with the executor count here but are not paid by this round).
    pub granted_cents: i64,
    /// Paid without waiting for accountability: advances at the grant (de Liemers: 75%) and
    /// calendar-year shares (Utrecht).
    pub paid_at_grant_cents: i64,
    /// Balances paid after the school's accountability was accepted (de Liemers: 25%).
    pub after_accountability_cents: i64,
    /// Settlements of early terminations, in the round after the last day of support
    /// (negative: paid back).
    pub settlement_cents: i64,
    /// `paidAtGrant + afterAccountability + settlement`.
    pub total_cents: i64,
}

impl PaymentAmounts {
    /// The amounts of `totals`; `None` when the total does not fit.
    pub fn of(totals: &YearTotals) -> Option<Self> {
        Some(PaymentAmounts {
            granted_cents: totals.granted.0,
            paid_at_grant_cents: totals.paid_at_grant.0,
            after_accountability_cents: totals.after_accountability.0,
            settlement_cents: totals.settlements.0,
            total_cents: totals.total().ok()?.0,
        })
    }
}
