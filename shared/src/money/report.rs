//! What a grant pays out, year by year, and the totals of a payment round per school board.
//!
//! One grant: its calendar-year split, the schedule of its partnership's payment scheme, and,
//! after an early stop, the settlement. What is actually paid is the schedule up to the stop
//! plus the settlement line in the **next payment round** (the calendar year after the last day
//! of support), so over all years a grant pays exactly what the board is entitled to.

use chrono::{Datelike, NaiveDate};

use super::{
    Cents, MoneyError, PaymentDue, PaymentKind, PaymentLine, PaymentScheme, Settlement, YearShare,
    payment_schedule, settle, split_by_calendar_year,
};

/// The money of one grant of `amount` over `start..=end`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GrantMoney {
    /// The amount per calendar year, pro rata by month.
    pub per_calendar_year: Vec<YearShare>,
    /// The scheme's payments of the whole grant (empty per agreement or without a scheme).
    pub schedule: Vec<PaymentLine>,
    /// After an early stop: the entitlement against what the schedule paid by then.
    pub settlement: Option<Settlement>,
    /// What is paid: the schedule (after a stop only what was paid by then) and the settlement
    /// line. Empty when the system computes no schedule (per agreement).
    pub paid: Vec<PaymentLine>,
}

/// The money of a grant of `amount` over `start..=end`, paid by `scheme`, stopped after
/// `stopped_on` (the last day support was given) when that is set.
///
/// Errors when `end < start`, the scheme is out of range, or an amount overflows.
pub fn grant_money(
    amount: Cents,
    start: NaiveDate,
    end: NaiveDate,
    scheme: Option<PaymentScheme>,
    stopped_on: Option<NaiveDate>,
) -> Result<GrantMoney, MoneyError> {
    let per_calendar_year = split_by_calendar_year(amount, start, end)?;
    let schedule = match scheme {
        Some(s) => payment_schedule(amount, start, end, s)?,
        None => Vec::new(),
    };
    let computes_payments = !matches!(scheme, None | Some(PaymentScheme::PerAgreement));
    let (settlement, paid) = match stopped_on {
        Some(stop) => {
            let before: Vec<PaymentLine> =
                schedule.iter().copied().filter(|line| paid_by(line, stop)).collect();
            let already = Cents::checked_sum(before.iter().map(|l| l.amount)).ok_or(MoneyError::Overflow)?;
            let settlement = settle(amount, start, end, stop, already)?;
            let mut paid = before;
            if computes_payments {
                paid.push(settlement.payment_line(stop.year() + 1));
            }
            (Some(settlement), paid)
        }
        None => (None, schedule.clone()),
    };
    Ok(GrantMoney { per_calendar_year, schedule, settlement, paid })
}

/// Whether a scheduled payment was made by `stop`: the advance at the grant and the calendar-year
/// payments up to the stop's year; a balance after accountability was not paid yet.
pub fn paid_by(line: &PaymentLine, stop: NaiveDate) -> bool {
    match line.due {
        PaymentDue::AtGrant => true,
        PaymentDue::InYear => line.year <= stop.year(),
        PaymentDue::AfterAccountability => false,
    }
}

/// The totals of one payment round (calendar year), for one school board or all of them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct YearTotals {
    /// The year's part of the grants (calendar-year split), whatever the scheme.
    pub granted: Cents,
    /// Paid without waiting for accountability: advances at the grant and calendar-year shares.
    pub paid_at_grant: Cents,
    /// Balances paid after the school's accountability was accepted.
    pub after_accountability: Cents,
    /// Settlements of early terminations (negative: paid back).
    pub settlements: Cents,
}

impl YearTotals {
    /// Adds what `grant` contributes to the round of `year`.
    pub fn add_grant(&mut self, grant: &GrantMoney, year: i32) -> Result<(), MoneyError> {
        let add = |into: &mut Cents, amount: Cents| -> Result<(), MoneyError> {
            *into = into.checked_add(amount).ok_or(MoneyError::Overflow)?;
            Ok(())
        };
        for share in grant.per_calendar_year.iter().filter(|s| s.year == year) {
            add(&mut self.granted, share.amount)?;
        }
        for line in grant.paid.iter().filter(|l| l.year == year) {
            let into = match line.kind {
                PaymentKind::Advance | PaymentKind::CalendarYear => &mut self.paid_at_grant,
                PaymentKind::Balance => &mut self.after_accountability,
                PaymentKind::Settlement => &mut self.settlements,
            };
            add(into, line.amount)?;
        }
        Ok(())
    }

    /// Adds another set of totals (e.g. a board's to the partnership's).
    pub fn add(&mut self, other: &YearTotals) -> Result<(), MoneyError> {
        let sum = |a: Cents, b: Cents| a.checked_add(b).ok_or(MoneyError::Overflow);
        *self = YearTotals {
            granted: sum(self.granted, other.granted)?,
            paid_at_grant: sum(self.paid_at_grant, other.paid_at_grant)?,
            after_accountability: sum(self.after_accountability, other.after_accountability)?,
            settlements: sum(self.settlements, other.settlements)?,
        };
        Ok(())
    }

    /// What the round pays: at grant + after accountability + settlements.
    pub fn total(&self) -> Result<Cents, MoneyError> {
        Cents::checked_sum([self.paid_at_grant, self.after_accountability, self.settlements])
            .ok_or(MoneyError::Overflow)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::dates::add_days;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    fn round(grant: &GrantMoney, year: i32) -> YearTotals {
        let mut totals = YearTotals::default();
        totals.add_grant(grant, year).expect("no overflow");
        totals
    }

    #[test]
    fn utrecht_grant_over_new_year_is_paid_in_two_rounds() {
        // 3 months from December: 1 month this year, 2 next
        let grant = grant_money(
            Cents(3_000_00),
            d(2026, 12, 1),
            d(2027, 2, 28),
            Some(PaymentScheme::PerCalendarYear),
            None,
        )
        .expect("valid");
        assert_eq!(round(&grant, 2026).granted, Cents(1_000_00));
        assert_eq!(round(&grant, 2026).paid_at_grant, Cents(1_000_00));
        assert_eq!(round(&grant, 2027).total(), Ok(Cents(2_000_00)));
        assert_eq!(round(&grant, 2028), YearTotals::default());
    }

    #[test]
    fn liemers_pays_75_percent_at_grant_and_25_after_accountability() {
        let grant = grant_money(
            Cents(4_000_00),
            d(2026, 8, 24),
            d(2027, 7, 16),
            Some(PaymentScheme::DE_LIEMERS),
            None,
        )
        .expect("valid");
        assert_eq!(round(&grant, 2026).paid_at_grant, Cents(3_000_00));
        assert_eq!(round(&grant, 2027).after_accountability, Cents(1_000_00));
        assert_eq!(round(&grant, 2026).total(), Ok(Cents(3_000_00)));
    }

    #[test]
    fn an_early_stop_is_settled_in_the_next_round_and_the_balance_is_not_paid() {
        // Liemers, 10 months granted (Sep–Jun), stopped after 2 months: entitled 2/10
        let grant = grant_money(
            Cents(5_000_00),
            d(2026, 9, 1),
            d(2027, 6, 30),
            Some(PaymentScheme::DE_LIEMERS),
            Some(d(2026, 10, 31)),
        )
        .expect("valid");
        let settlement = grant.settlement.expect("settled");
        assert_eq!(settlement.entitled, Cents(1_000_00));
        assert_eq!(settlement.settlement, Cents(1_000_00 - 3_750_00));
        assert_eq!(round(&grant, 2026).paid_at_grant, Cents(3_750_00));
        assert_eq!(round(&grant, 2027).settlements, Cents(-2_750_00));
        assert_eq!(round(&grant, 2027).after_accountability, Cents::ZERO);
    }

    #[test]
    fn per_agreement_counts_the_grant_but_pays_nothing_here() {
        let grant = grant_money(
            Cents(1_200_00),
            d(2027, 1, 4),
            d(2027, 7, 16),
            Some(PaymentScheme::PerAgreement),
            Some(d(2027, 3, 1)),
        )
        .expect("valid");
        assert_eq!(round(&grant, 2027).granted, Cents(1_200_00));
        assert!(grant.paid.is_empty());
        assert_eq!(round(&grant, 2028).total(), Ok(Cents::ZERO));
    }

    fn scheme() -> impl Strategy<Value = PaymentScheme> {
        prop_oneof![
            Just(PaymentScheme::PerCalendarYear),
            (0u8..=100).prop_map(|advance_percent| PaymentScheme::AdvanceAndSettlement { advance_percent }),
        ]
    }

    proptest! {
        #[test]
        fn the_rounds_of_all_years_pay_exactly_what_the_board_is_entitled_to(
            amount in 0i64..100_000_000_00,
            start_day in 0i64..20_000,
            length in 0i64..1_500,
            stop_after in proptest::option::of(-30i64..1_600),
            scheme in scheme(),
        ) {
            let start = add_days(d(2000, 1, 1), start_day);
            let end = add_days(start, length);
            let stop = stop_after.map(|n| add_days(start, n));
            let grant = grant_money(Cents(amount), start, end, Some(scheme), stop).expect("valid");
            let mut all = YearTotals::default();
            let last = end.year().max(stop.map_or(end.year(), |s| s.year())) + 1;
            for year in start.year() - 1..=last {
                all.add(&round(&grant, year)).expect("no overflow");
            }
            let entitled = grant.settlement.map_or(Cents(amount), |s| s.entitled);
            prop_assert_eq!(all.total(), Ok(entitled));
            prop_assert_eq!(all.granted, Cents(amount));
        }
    }
}
