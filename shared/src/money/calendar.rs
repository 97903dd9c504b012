//! Splitting a grant over calendar years (SWV Utrecht reimburses per calendar year).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{Cents, MoneyError, allocate};
use crate::dates::DateRange;

/// The part of a grant that falls in one calendar year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct YearShare {
    /// The calendar year (budget year).
    pub year: i32,
    /// Calendar months of the period in this year (a month counts when the period has a day in it).
    pub months: u32,
    /// This year's part of the amount.
    pub amount: Cents,
}

/// Splits `amount` over the calendar years of the inclusive period `start..=end`, pro rata by
/// month: each year weighs as many calendar months as the period has at least one day in that
/// year ([`crate::dates::months_touched`]). The parts are made with [`allocate`], so they add up
/// to `amount` exactly and a leftover cent goes to the year with the largest remainder (ties to
/// the earlier year).
///
/// 3 months granted from 1 December 2026 (2026-12-01..=2027-02-28) → 2026: 1 month, ⅓;
/// 2027: 2 months, ⅔. One share per calendar year touched, in order. Errors when `end < start`.
pub fn split_by_calendar_year(
    amount: Cents,
    start: NaiveDate,
    end: NaiveDate,
) -> Result<Vec<YearShare>, MoneyError> {
    let period = DateRange::new(start, end)?;
    let months = months_per_year(&period);
    let weights: Vec<u64> = months.iter().map(|&(_, m)| u64::from(m)).collect();
    Ok(months
        .into_iter()
        .zip(allocate(amount, &weights))
        .map(|((year, months), amount)| YearShare { year, months, amount })
        .collect())
}

/// For every calendar year of the period: the number of its months the period touches.
fn months_per_year(period: &DateRange) -> Vec<(i32, u32)> {
    let (first, last) = (period.start.year(), period.end.year());
    (first..=last)
        .map(|year| {
            let from = if year == first { period.start.month() } else { 1 };
            let to = if year == last { period.end.month() } else { 12 };
            (year, to - from + 1)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::DateRangeError;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn three_months_granted_in_december_split_one_third_two_thirds() {
        let shares = split_by_calendar_year(Cents(300_000), d(2026, 12, 1), d(2027, 2, 28)).unwrap();
        assert_eq!(
            shares,
            vec![
                YearShare { year: 2026, months: 1, amount: Cents(100_000) },
                YearShare { year: 2027, months: 2, amount: Cents(200_000) },
            ]
        );
    }

    #[test]
    fn seed_example_loses_no_cent_when_not_divisible_by_three() {
        let shares = split_by_calendar_year(Cents(100_000), d(2026, 12, 1), d(2027, 2, 28)).unwrap();
        // 1000/3 = 333,333… and 666,666…: the larger remainder (2027) gets the extra cent.
        assert_eq!(shares[0].amount, Cents(33_333));
        assert_eq!(shares[1].amount, Cents(66_667));
        assert_eq!(shares[0].amount.0 + shares[1].amount.0, 100_000);
    }

    #[test]
    fn a_school_year_grant_splits_five_to_seven() {
        let shares = split_by_calendar_year(Cents(700_000), d(2026, 8, 1), d(2027, 7, 31)).unwrap();
        let months: Vec<_> = shares.iter().map(|s| (s.year, s.months)).collect();
        assert_eq!(months, vec![(2026, 5), (2027, 7)]);
        assert_eq!(shares[0].amount, Cents(291_667));
        assert_eq!(shares[1].amount, Cents(408_333));
    }

    #[test]
    fn a_started_month_counts_whole() {
        // 1 day in December and all of January: 1 month each.
        let shares = split_by_calendar_year(Cents(1000), d(2026, 12, 31), d(2027, 1, 31)).unwrap();
        assert_eq!(shares.iter().map(|s| s.amount).collect::<Vec<_>>(), vec![Cents(500), Cents(500)]);
    }

    #[test]
    fn a_period_within_one_year_gives_one_share() {
        let shares = split_by_calendar_year(Cents(1234), d(2027, 1, 1), d(2027, 1, 1)).unwrap();
        assert_eq!(shares, vec![YearShare { year: 2027, months: 1, amount: Cents(1234) }]);
    }

    #[test]
    fn a_period_over_three_years_weighs_each_year_by_its_months() {
        let shares = split_by_calendar_year(Cents(1500), d(2026, 11, 15), d(2028, 1, 10)).unwrap();
        let parts: Vec<_> = shares.iter().map(|s| (s.year, s.months, s.amount.0)).collect();
        assert_eq!(parts, vec![(2026, 2, 200), (2027, 12, 1200), (2028, 1, 100)]);
    }

    #[test]
    fn negative_amounts_split_too() {
        let shares = split_by_calendar_year(Cents(-100), d(2026, 12, 1), d(2027, 2, 28)).unwrap();
        assert_eq!(shares.iter().map(|s| s.amount).collect::<Vec<_>>(), vec![Cents(-33), Cents(-67)]);
    }

    #[test]
    fn end_before_start_is_an_error() {
        let err = split_by_calendar_year(Cents(100), d(2027, 1, 1), d(2026, 12, 31)).unwrap_err();
        assert_eq!(
            err,
            MoneyError::Period(DateRangeError::EndBeforeStart { start: d(2027, 1, 1), end: d(2026, 12, 31) })
        );
        assert_eq!(err.code(), "end_before_start");
    }

    #[test]
    fn year_share_serialises_camel_case() {
        let json = serde_json::to_string(&YearShare { year: 2026, months: 1, amount: Cents(5) }).unwrap();
        assert_eq!(json, r#"{"year":2026,"months":1,"amount":5}"#);
    }
}
