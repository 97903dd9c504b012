//! Early termination and reduction: what the board is still entitled to, and what is settled in
//! the next payment round.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Cents, MoneyError, PaymentDue, PaymentKind, PaymentLine, cents_from_i128, div_round};
use crate::dates::{DateRange, add_days, months_touched};

/// The outcome of settling a stopped or reduced grant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Settlement {
    /// What the board is entitled to in total for the grant after the change.
    pub entitled: Cents,
    /// `entitled − already paid`: positive is still to be paid, negative is to be paid back (set
    /// off in the next payment round).
    pub settlement: Cents,
}

impl Settlement {
    /// The settlement as a payment line in the payment round of `year`.
    pub fn payment_line(&self, year: i32) -> PaymentLine {
        PaymentLine { kind: PaymentKind::Settlement, year, amount: self.settlement, due: PaymentDue::InYear }
    }
}

/// Settles a grant of `granted` over `start..=end` that stops early.
///
/// `stop` is the **last day** support was given (a pupil leaving on 1 March has stop 28/29
/// February). The entitlement is `granted × months used / months of the period`, rounded half
/// away from zero, where months follow the module's month rule: calendar months with at least one
/// day in `start..=stop` against those of `start..=end`. So a month in which support was given is
/// paid in full. A `stop` before `start` means nothing was used (entitled 0); a `stop` on or after
/// `end` changes nothing (entitled = granted).
///
/// Errors when `end < start`, or when the result does not fit in [`Cents`].
pub fn settle(
    granted: Cents,
    start: NaiveDate,
    end: NaiveDate,
    stop: NaiveDate,
    already_paid: Cents,
) -> Result<Settlement, MoneyError> {
    // Stopping after `stop` is a reduction to nothing from the next day on.
    reduce(granted, Cents::ZERO, start, end, add_days(stop, 1), already_paid)
}

/// Settles a grant of `granted` over `start..=end` that is reduced to `new_amount` (the amount the
/// whole period would have cost at the new, lower level, e.g. fewer hours) from `effective_from`.
///
/// Months before the change are paid at the granted level and the rest at the new level:
/// `entitled = (granted × months before + new_amount × months after) / months of the period`,
/// rounded half away from zero. "Months before" are the calendar months with a day in
/// `start..effective_from`, so a change in the middle of a month takes effect from the next
/// month (the month already started is paid at the old level, as with [`settle`]).
/// With `effective_from <= start` the entitlement is simply `new_amount`.
///
/// Errors when `end < start`, when `new_amount` is not within `0..=granted` (an increase is a new
/// decision, not a reduction), or when the result does not fit in [`Cents`].
pub fn settle_reduced(
    granted: Cents,
    new_amount: Cents,
    start: NaiveDate,
    end: NaiveDate,
    effective_from: NaiveDate,
    already_paid: Cents,
) -> Result<Settlement, MoneyError> {
    if new_amount < Cents::ZERO || new_amount > granted {
        return Err(MoneyError::NotAReduction { granted, new_amount });
    }
    reduce(granted, new_amount, start, end, effective_from, already_paid)
}

/// The common computation of [`settle`] and [`settle_reduced`], without the reduction check.
fn reduce(
    granted: Cents,
    new_amount: Cents,
    start: NaiveDate,
    end: NaiveDate,
    effective_from: NaiveDate,
    already_paid: Cents,
) -> Result<Settlement, MoneyError> {
    let period = DateRange::new(start, end)?;
    let total = i128::from(period.months()); // at least 1
    let before = if effective_from <= start {
        0
    } else {
        i128::from(months_touched(start, add_days(effective_from, -1).min(end)))
    };
    let after = total - before;
    let weighted = i128::from(granted.0) * before + i128::from(new_amount.0) * after;
    let entitled = cents_from_i128(div_round(weighted, total))?;
    let settlement = cents_from_i128(i128::from(entitled.0) - i128::from(already_paid.0))?;
    Ok(Settlement { entitled, settlement })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn stopping_after_the_first_month_of_three_pays_back_two_thirds_of_what_was_paid() {
        // € 3.000 for Dec–Feb, all paid up front; pupil leaves school on 1 January.
        let s =
            settle(Cents(300_000), d(2026, 12, 1), d(2027, 2, 28), d(2026, 12, 31), Cents(300_000)).unwrap();
        assert_eq!(s, Settlement { entitled: Cents(100_000), settlement: Cents(-200_000) });
    }

    #[test]
    fn a_started_month_is_paid_in_full() {
        let s =
            settle(Cents(300_000), d(2026, 12, 1), d(2027, 2, 28), d(2027, 1, 10), Cents(100_000)).unwrap();
        assert_eq!(s, Settlement { entitled: Cents(200_000), settlement: Cents(100_000) });
    }

    #[test]
    fn de_liemers_advance_is_partly_paid_back_after_early_stop() {
        // € 4.000 for 2026/2027, 75% advance paid; stop at the end of January: 6 of 12 months.
        let s =
            settle(Cents(400_000), d(2026, 8, 1), d(2027, 7, 31), d(2027, 1, 31), Cents(300_000)).unwrap();
        assert_eq!(s, Settlement { entitled: Cents(200_000), settlement: Cents(-100_000) });
        let line = s.payment_line(2027);
        assert_eq!(line.kind, PaymentKind::Settlement);
        assert_eq!((line.year, line.amount, line.due), (2027, Cents(-100_000), PaymentDue::InYear));
    }

    #[test]
    fn stop_before_start_or_after_end() {
        let before = settle(Cents(1000), d(2026, 9, 1), d(2027, 6, 30), d(2026, 8, 31), Cents(250)).unwrap();
        assert_eq!(before, Settlement { entitled: Cents(0), settlement: Cents(-250) });
        let after = settle(Cents(1000), d(2026, 9, 1), d(2027, 6, 30), d(2027, 7, 15), Cents(250)).unwrap();
        assert_eq!(after, Settlement { entitled: Cents(1000), settlement: Cents(750) });
    }

    #[test]
    fn entitlement_rounds_half_away_from_zero() {
        // 1 of 3 months of 1000 cents = 333,33 → 333; 2 of 3 = 666,67 → 667.
        let one = settle(Cents(1000), d(2026, 12, 1), d(2027, 2, 28), d(2026, 12, 1), Cents(0)).unwrap();
        assert_eq!(one.entitled, Cents(333));
        let two = settle(Cents(1000), d(2026, 12, 1), d(2027, 2, 28), d(2027, 1, 1), Cents(0)).unwrap();
        assert_eq!(two.entitled, Cents(667));
    }

    #[test]
    fn reduction_from_a_month_start_pays_the_rest_at_the_new_level() {
        // € 1.200 over 12 months, reduced to € 600 (half the hours) from 1 February: 6 × 100 + 6 × 50.
        let s = settle_reduced(
            Cents(120_000),
            Cents(60_000),
            d(2026, 8, 1),
            d(2027, 7, 31),
            d(2027, 2, 1),
            Cents(90_000),
        )
        .unwrap();
        assert_eq!(s, Settlement { entitled: Cents(90_000), settlement: Cents(0) });
    }

    #[test]
    fn reduction_in_the_middle_of_a_month_starts_next_month() {
        let mid =
            settle_reduced(Cents(1200), Cents(0), d(2026, 8, 1), d(2027, 7, 31), d(2027, 2, 15), Cents(0));
        assert_eq!(mid.unwrap().entitled, Cents(700));
    }

    #[test]
    fn reduction_from_the_start_is_the_new_amount_and_after_the_end_changes_nothing() {
        let from_start =
            settle_reduced(Cents(1000), Cents(400), d(2026, 8, 1), d(2027, 7, 31), d(2026, 8, 1), Cents(750))
                .unwrap();
        assert_eq!(from_start, Settlement { entitled: Cents(400), settlement: Cents(-350) });
        let too_late =
            settle_reduced(Cents(1000), Cents(400), d(2026, 8, 1), d(2027, 7, 31), d(2027, 8, 1), Cents(750))
                .unwrap();
        assert_eq!(too_late.entitled, Cents(1000));
    }

    #[test]
    fn an_increase_or_negative_amount_is_not_a_reduction() {
        for new_amount in [Cents(1001), Cents(-1)] {
            let err = settle_reduced(
                Cents(1000),
                new_amount,
                d(2026, 8, 1),
                d(2027, 7, 31),
                d(2027, 1, 1),
                Cents(0),
            )
            .unwrap_err();
            assert_eq!(err, MoneyError::NotAReduction { granted: Cents(1000), new_amount });
        }
    }

    #[test]
    fn settling_rejects_end_before_start_and_overflow() {
        let err = settle(Cents(1), d(2027, 1, 2), d(2027, 1, 1), d(2027, 1, 1), Cents(0)).unwrap_err();
        assert_eq!(err.code(), "end_before_start");
        let err = settle(Cents::MAX, d(2027, 1, 1), d(2027, 1, 31), d(2027, 1, 31), Cents::MIN).unwrap_err();
        assert_eq!(err, MoneyError::Overflow);
    }

    #[test]
    fn settlement_serialises_camel_case() {
        let json = serde_json::to_string(&Settlement { entitled: Cents(10), settlement: Cents(-5) }).unwrap();
        assert_eq!(json, r#"{"entitled":10,"settlement":-5}"#);
    }
}
