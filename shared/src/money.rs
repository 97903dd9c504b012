//! Money and time as the SWV's finance works with them: euro **cents** and **minutes** as integers
//! (never floats), the expected cost of an arrangement, exact splits (not one cent lost or created),
//! the split of a grant over calendar years, payment schedules, and the settlement of an early
//! termination or reduction.
//!
//! # Rules chosen here (shared by server and SPA)
//!
//! - **Month.** A grant is counted in calendar months: a month counts when the period has at least
//!   one day in it ([`crate::dates::months_touched`]). 2026-12-01..=2027-02-28 is 3 months, 1 in
//!   2026 and 2 in 2027, which is the Utrecht example "3 months granted in December → 1 month this
//!   year, 2 next year". A started month counts as a whole one, both for the split and for the
//!   months used before an early stop.
//! - **Rounding.** Where one amount is computed (expected cost, an advance, an entitlement) it is
//!   rounded half away from zero to whole cents, in `i128` so nothing overflows on the way.
//! - **Splitting.** Where an amount is divided into parts it goes through [`allocate`]
//!   (largest remainder), so the parts always add up to the amount exactly.

mod calendar;
mod cents;
mod hours;
mod payments;
#[cfg(test)]
mod proptests;
mod report;
mod settlement;

pub use calendar::{YearShare, split_by_calendar_year};
pub use cents::{AmountError, Cents};
pub use hours::{HoursError, Minutes};
pub use payments::{PaymentDue, PaymentKind, PaymentLine, PaymentScheme, payment_schedule};
pub use report::{GrantMoney, YearTotals, grant_money, paid_by};
pub use settlement::{Settlement, settle, settle_reduced};

use crate::dates::DateRangeError;

/// Why a money computation was refused. Parsing errors have their own types
/// ([`AmountError`], [`HoursError`]).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum MoneyError {
    /// The period is invalid (end before start).
    #[error(transparent)]
    Period(#[from] DateRangeError),
    /// An advance can be at most 100% of the grant.
    #[error("advance percentage {0} is above 100")]
    AdvancePercentOutOfRange(u8),
    /// A reduction must lie between zero and the granted amount; an increase is a new decision.
    #[error("the new amount {new_amount} is not between € 0,00 and the granted amount {granted}")]
    NotAReduction { granted: Cents, new_amount: Cents },
    /// The result does not fit in a [`Cents`] (beyond ±92 quadrillion euros).
    #[error("amount is too large")]
    Overflow,
}

impl MoneyError {
    /// Stable machine code for the `errors[].code` of a problem response.
    pub fn code(&self) -> &'static str {
        match self {
            MoneyError::Period(e) => e.code(),
            MoneyError::AdvancePercentOutOfRange(_) | MoneyError::Overflow => "out_of_range",
            MoneyError::NotAReduction { .. } => "not_a_reduction",
        }
    }
}

/// `n / d` rounded half away from zero (`d > 0`): 2.5 → 3, -2.5 → -3.
fn div_round(n: i128, d: i128) -> i128 {
    debug_assert!(d > 0);
    // Via u128 so that even i128::MIN (a saturated product) has an absolute value.
    let d = d.unsigned_abs();
    let q = ((n.unsigned_abs() + d / 2) / d) as i128;
    if n < 0 { -q } else { q }
}

/// Converts an exact `i128` result into cents, or [`MoneyError::Overflow`].
fn cents_from_i128(v: i128) -> Result<Cents, MoneyError> {
    i64::try_from(v).map(Cents).map_err(|_| MoneyError::Overflow)
}

/// The expected cost of an arrangement: `(direct + indirect minutes per week) × hourly rate ×
/// weeks / 60`, rounded half away from zero to whole cents. Computed in `i128`; a result beyond
/// the range of [`Cents`] saturates at `Cents::MAX`/`Cents::MIN` (such amounts are far above any
/// cap, so a policy check rejects them anyway).
pub fn expected_cost(
    direct_per_week: Minutes,
    indirect_per_week: Minutes,
    hourly_rate: Cents,
    weeks: u32,
) -> Cents {
    let minutes = i128::from(direct_per_week.0) + i128::from(indirect_per_week.0);
    let total = (minutes * i128::from(hourly_rate.0)).saturating_mul(i128::from(weeks));
    let rounded = div_round(total, 60);
    Cents(rounded.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64)
}

/// Divides `total` over parts in proportion to `weights` so that the parts add up to `total`
/// exactly (largest-remainder method, also known as Hamilton's method).
///
/// Every part first gets its proportional share rounded towards zero; the cents left over go one
/// each to the parts with the largest remainders, **ties to the earlier part**. So each part is
/// within one cent of its exact share, and a part with weight 0 gets nothing.
///
/// - A negative total is split like its absolute value, with every part negated (parts ≤ 0).
/// - **All weights zero:** there is no basis for a proportion, so the total is split in equal
///   parts (as if every weight were 1), again with the leftover cents to the earlier parts.
/// - **No weights:** returns an empty vector (there is no part to hold the amount); callers must
///   pass at least one weight when the total is not zero.
pub fn allocate(total: Cents, weights: &[u64]) -> Vec<Cents> {
    if weights.is_empty() {
        return Vec::new();
    }
    let equal;
    let weights = if weights.iter().all(|&w| w == 0) {
        equal = vec![1u64; weights.len()];
        &equal[..]
    } else {
        weights
    };
    // |total| < 2^64 and w < 2^64, so |total| × w < 2^128; the weight sum of a slice fits too.
    let magnitude = u128::from(total.0.unsigned_abs());
    let weight_sum: u128 = weights.iter().map(|&w| u128::from(w)).sum();
    let mut parts: Vec<u128> = Vec::with_capacity(weights.len());
    let mut remainders: Vec<(u128, usize)> = Vec::with_capacity(weights.len());
    for (i, &w) in weights.iter().enumerate() {
        let product = magnitude * u128::from(w);
        parts.push(product / weight_sum);
        remainders.push((product % weight_sum, i));
    }
    let handed_out: u128 = parts.iter().sum();
    // Fewer leftover cents than parts: each part's quota was rounded down by less than one.
    let leftover = usize::try_from(magnitude - handed_out).unwrap_or(usize::MAX);
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(_, i) in remainders.iter().take(leftover) {
        parts[i] += 1;
    }
    parts
        .into_iter()
        .map(|p| {
            // Every part is at most |total|, which fits in i64 after the sign is applied.
            let p = p as i128;
            Cents((if total.0 < 0 { -p } else { p }) as i64)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expected_cost_multiplies_hours_rate_and_weeks() {
        // 2 h direct + 30 min indirect a week at € 60,00 for 40 weeks = 100 h × € 60 = € 6.000.
        let cost = expected_cost(Minutes(120), Minutes(30), Cents(6000), 40);
        assert_eq!(cost, Cents(600_000));
        assert_eq!(expected_cost(Minutes(0), Minutes(0), Cents(6000), 40), Cents::ZERO);
        assert_eq!(expected_cost(Minutes(90), Minutes(0), Cents(6000), 0), Cents::ZERO);
    }

    #[test]
    fn expected_cost_rounds_half_away_from_zero_to_whole_cents() {
        // 1 minute at € 0,30 an hour = 0.5 cent → 1 cent.
        assert_eq!(expected_cost(Minutes(1), Minutes(0), Cents(30), 1), Cents(1));
        // 1 minute at € 0,29 an hour = 0.4833 cent → 0 cents.
        assert_eq!(expected_cost(Minutes(1), Minutes(0), Cents(29), 1), Cents(0));
        // 1 minute at € 1,00 for 3 weeks = 5 cents exactly.
        assert_eq!(expected_cost(Minutes(1), Minutes(0), Cents(100), 3), Cents(5));
        assert_eq!(expected_cost(Minutes(1), Minutes(0), Cents(-30), 1), Cents(-1));
    }

    #[test]
    fn expected_cost_saturates_instead_of_overflowing() {
        let max = expected_cost(Minutes(u32::MAX), Minutes(u32::MAX), Cents::MAX, u32::MAX);
        assert_eq!(max, Cents::MAX);
        let min = expected_cost(Minutes(u32::MAX), Minutes(u32::MAX), Cents::MIN, u32::MAX);
        assert_eq!(min, Cents::MIN);
    }

    #[test]
    fn allocate_splits_exactly_with_largest_remainder() {
        assert_eq!(allocate(Cents(100), &[1, 1, 1]), vec![Cents(34), Cents(33), Cents(33)]);
        assert_eq!(allocate(Cents(100), &[1, 2]), vec![Cents(33), Cents(67)]);
        assert_eq!(allocate(Cents(1000), &[3, 1]), vec![Cents(750), Cents(250)]);
        // Remainders 0.5/0.3/0.2 of a cent-less split: the largest remainder wins, not the first.
        assert_eq!(allocate(Cents(1), &[2, 5, 3]), vec![Cents(0), Cents(1), Cents(0)]);
    }

    #[test]
    fn allocate_gives_ties_to_the_earlier_part_and_nothing_to_zero_weights() {
        assert_eq!(allocate(Cents(2), &[1, 1, 1, 1]), vec![Cents(1), Cents(1), Cents(0), Cents(0)]);
        assert_eq!(allocate(Cents(101), &[0, 1, 0, 1]), vec![Cents(0), Cents(51), Cents(0), Cents(50)]);
    }

    #[test]
    fn allocate_handles_negative_totals_symmetrically() {
        assert_eq!(allocate(Cents(-100), &[1, 1, 1]), vec![Cents(-34), Cents(-33), Cents(-33)]);
        let parts = allocate(Cents::MIN, &[1, 1]);
        assert_eq!(parts, vec![Cents(i64::MIN / 2), Cents(i64::MIN / 2)]);
        assert_eq!(allocate(Cents::MAX, &[u64::MAX, u64::MAX]).len(), 2);
    }

    #[test]
    fn allocate_with_all_zero_weights_splits_equally() {
        assert_eq!(allocate(Cents(10), &[0, 0, 0]), vec![Cents(4), Cents(3), Cents(3)]);
    }

    #[test]
    fn allocate_without_weights_returns_no_parts() {
        assert!(allocate(Cents(10), &[]).is_empty());
    }

    #[test]
    fn div_round_is_half_away_from_zero() {
        assert_eq!(div_round(5, 2), 3);
        assert_eq!(div_round(-5, 2), -3);
        assert_eq!(div_round(4, 3), 1);
        assert_eq!(div_round(-4, 3), -1);
        assert_eq!(div_round(0, 7), 0);
        assert_eq!(div_round(i128::MIN, 60), -((((1u128 << 127) + 30) / 60) as i128));
    }

    #[test]
    fn money_error_codes_are_stable() {
        let period = MoneyError::from(DateRangeError::InvalidEnd);
        assert_eq!(period.code(), "invalid_date");
        assert_eq!(MoneyError::AdvancePercentOutOfRange(120).code(), "out_of_range");
        assert_eq!(MoneyError::Overflow.code(), "out_of_range");
        let err = MoneyError::NotAReduction { granted: Cents(100), new_amount: Cents(200) };
        assert_eq!(err.code(), "not_a_reduction");
    }
}
