//! Payment schedules: when the board receives which part of a grant.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{Cents, MoneyError, div_round, split_by_calendar_year};
use crate::dates::{DateRange, SchoolYear};

/// How a partnership pays out a grant. Part of the partnership's rule set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "scheme", rename_all = "snake_case")]
pub enum PaymentScheme {
    /// One payment per calendar year, pro rata by month (SWV Utrecht PO).
    PerCalendarYear,
    /// A share paid at the grant, the rest after the school accounted for the arrangement at the
    /// end of the school year (de Liemers: 75% / 25%).
    AdvanceAndSettlement {
        /// Percentage of the grant paid at the grant, 0 to 100.
        #[serde(rename = "advancePercent")]
        advance_percent: u8,
    },
    /// As laid down in the agreement with the executor (Utrecht PO, clusters): the system
    /// computes no schedule.
    PerAgreement,
}

impl PaymentScheme {
    /// SWV de Liemers: 75% at the grant, 25% after accountability at the end of the school year.
    pub const DE_LIEMERS: PaymentScheme = PaymentScheme::AdvanceAndSettlement { advance_percent: 75 };
}

/// What a payment line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PaymentKind {
    /// The advance paid at the grant.
    Advance,
    /// The rest of the grant after the advance.
    Balance,
    /// A calendar year's share of the grant.
    CalendarYear,
    /// A correction after early termination or reduction (negative: to be paid back).
    Settlement,
}

/// When a payment line falls due.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PaymentDue {
    /// Right after the grant decision.
    AtGrant,
    /// Once the school's accountability at the end of the school year has been accepted.
    AfterAccountability,
    /// In the payment round of the line's year.
    InYear,
}

/// One payment of a schedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct PaymentLine {
    pub kind: PaymentKind,
    /// The calendar (budget) year the payment belongs to.
    pub year: i32,
    pub amount: Cents,
    pub due: PaymentDue,
}

/// The payments for a grant of `amount` over `start..=end`. The lines add up to `amount` exactly.
///
/// - [`PaymentScheme::PerCalendarYear`]: one `calendar_year` line (`in_year`) per calendar year,
///   from [`split_by_calendar_year`].
/// - [`PaymentScheme::AdvanceAndSettlement`]: an `advance` line (`at_grant`, in the year the period
///   starts) of `amount × percent / 100` rounded half away from zero, and a `balance` line
///   (`after_accountability`) for the rest, in the year the school year of `end` ends (31 July).
///   Both lines are always present, even when one is zero, because the accountability is still
///   due at 100%.
///
/// Errors when `end < start` or the percentage is above 100.
pub fn payment_schedule(
    amount: Cents,
    start: NaiveDate,
    end: NaiveDate,
    scheme: PaymentScheme,
) -> Result<Vec<PaymentLine>, MoneyError> {
    let period = DateRange::new(start, end)?;
    match scheme {
        PaymentScheme::PerAgreement => Ok(Vec::new()),
        PaymentScheme::PerCalendarYear => Ok(split_by_calendar_year(amount, start, end)?
            .into_iter()
            .map(|share| PaymentLine {
                kind: PaymentKind::CalendarYear,
                year: share.year,
                amount: share.amount,
                due: PaymentDue::InYear,
            })
            .collect()),
        PaymentScheme::AdvanceAndSettlement { advance_percent } => {
            if advance_percent > 100 {
                return Err(MoneyError::AdvancePercentOutOfRange(advance_percent));
            }
            // |advance| ≤ |amount|, so both fit in i64.
            let advance = div_round(i128::from(amount.0) * i128::from(advance_percent), 100) as i64;
            let balance = (i128::from(amount.0) - i128::from(advance)) as i64;
            Ok(vec![
                PaymentLine {
                    kind: PaymentKind::Advance,
                    year: period.start.year(),
                    amount: Cents(advance),
                    due: PaymentDue::AtGrant,
                },
                PaymentLine {
                    kind: PaymentKind::Balance,
                    year: SchoolYear::of(period.end).last_day().year(),
                    amount: Cents(balance),
                    due: PaymentDue::AfterAccountability,
                },
            ])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn de_liemers_pays_75_percent_at_grant_and_25_after_accountability() {
        let lines =
            payment_schedule(Cents(400_000), d(2026, 8, 1), d(2027, 7, 31), PaymentScheme::DE_LIEMERS)
                .unwrap();
        assert_eq!(
            lines,
            vec![
                PaymentLine {
                    kind: PaymentKind::Advance,
                    year: 2026,
                    amount: Cents(300_000),
                    due: PaymentDue::AtGrant
                },
                PaymentLine {
                    kind: PaymentKind::Balance,
                    year: 2027,
                    amount: Cents(100_000),
                    due: PaymentDue::AfterAccountability
                },
            ]
        );
    }

    #[test]
    fn advance_rounds_half_away_from_zero_and_balance_takes_the_rest() {
        // 75% of 2 cents = 1.5 → 2; balance 0.
        let lines =
            payment_schedule(Cents(2), d(2027, 1, 1), d(2027, 7, 31), PaymentScheme::DE_LIEMERS).unwrap();
        assert_eq!((lines[0].amount, lines[1].amount), (Cents(2), Cents(0)));
        // 75% of € 1.234,57 = 925,9275 → 925,93; balance 308,64.
        let lines =
            payment_schedule(Cents(123_457), d(2027, 1, 1), d(2027, 7, 31), PaymentScheme::DE_LIEMERS)
                .unwrap();
        assert_eq!((lines[0].amount, lines[1].amount), (Cents(92_593), Cents(30_864)));
        assert_eq!((lines[0].year, lines[1].year), (2027, 2027));
    }

    #[test]
    fn balance_falls_in_the_year_the_school_year_of_the_end_closes() {
        // A period ending in December still closes with the school year on 31 July next year.
        let lines =
            payment_schedule(Cents(1000), d(2026, 8, 1), d(2026, 12, 31), PaymentScheme::DE_LIEMERS).unwrap();
        assert_eq!(lines[1].year, 2027);
    }

    #[test]
    fn zero_and_full_advance_keep_both_lines() {
        let none = PaymentScheme::AdvanceAndSettlement { advance_percent: 0 };
        let lines = payment_schedule(Cents(1000), d(2026, 8, 1), d(2027, 7, 31), none).unwrap();
        assert_eq!((lines[0].amount, lines[1].amount), (Cents(0), Cents(1000)));
        let all = PaymentScheme::AdvanceAndSettlement { advance_percent: 100 };
        let lines = payment_schedule(Cents(1000), d(2026, 8, 1), d(2027, 7, 31), all).unwrap();
        assert_eq!((lines[0].amount, lines[1].amount), (Cents(1000), Cents(0)));
    }

    #[test]
    fn advance_above_100_percent_is_rejected() {
        let scheme = PaymentScheme::AdvanceAndSettlement { advance_percent: 101 };
        let err = payment_schedule(Cents(1000), d(2026, 8, 1), d(2027, 7, 31), scheme).unwrap_err();
        assert_eq!(err, MoneyError::AdvancePercentOutOfRange(101));
    }

    #[test]
    fn per_calendar_year_follows_the_split() {
        let lines =
            payment_schedule(Cents(300_000), d(2026, 12, 1), d(2027, 2, 28), PaymentScheme::PerCalendarYear)
                .unwrap();
        let summary: Vec<_> = lines.iter().map(|l| (l.kind, l.year, l.amount, l.due)).collect();
        assert_eq!(
            summary,
            vec![
                (PaymentKind::CalendarYear, 2026, Cents(100_000), PaymentDue::InYear),
                (PaymentKind::CalendarYear, 2027, Cents(200_000), PaymentDue::InYear),
            ]
        );
    }

    #[test]
    fn schedule_rejects_end_before_start() {
        for scheme in [PaymentScheme::PerCalendarYear, PaymentScheme::DE_LIEMERS] {
            let err = payment_schedule(Cents(1), d(2027, 1, 2), d(2027, 1, 1), scheme).unwrap_err();
            assert_eq!(err.code(), "end_before_start");
        }
    }

    #[test]
    fn wire_format_uses_snake_case_values_and_camel_case_fields() {
        let scheme = serde_json::to_string(&PaymentScheme::DE_LIEMERS).unwrap();
        assert_eq!(scheme, r#"{"scheme":"advance_and_settlement","advancePercent":75}"#);
        let per_year = serde_json::to_string(&PaymentScheme::PerCalendarYear).unwrap();
        assert_eq!(per_year, r#"{"scheme":"per_calendar_year"}"#);
        assert_eq!(serde_json::from_str::<PaymentScheme>(&scheme).unwrap(), PaymentScheme::DE_LIEMERS);
        let line = PaymentLine {
            kind: PaymentKind::CalendarYear,
            year: 2027,
            amount: Cents(5),
            due: PaymentDue::AfterAccountability,
        };
        assert_eq!(
            serde_json::to_string(&line).unwrap(),
            r#"{"kind":"calendar_year","year":2027,"amount":5,"due":"after_accountability"}"#
        );
    }
}
