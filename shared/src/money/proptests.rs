//! Property tests: no cent is ever lost or created, and parsing round-trips formatting.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::dates::{add_days, months_touched};

fn sum(parts: impl IntoIterator<Item = Cents>) -> i128 {
    parts.into_iter().map(|c| i128::from(c.0)).sum()
}

/// Any day from 2000 to about 2080.
fn date() -> impl Strategy<Value = NaiveDate> {
    (0i64..30_000).prop_map(|n| add_days(NaiveDate::from_ymd_opt(2000, 1, 1).expect("valid"), n))
}

/// A period of up to about six years.
fn period() -> impl Strategy<Value = (NaiveDate, NaiveDate)> {
    (date(), 0i64..2200).prop_map(|(start, len)| (start, add_days(start, len)))
}

fn scheme() -> impl Strategy<Value = PaymentScheme> {
    prop_oneof![
        Just(PaymentScheme::PerCalendarYear),
        (0u8..=100).prop_map(|advance_percent| PaymentScheme::AdvanceAndSettlement { advance_percent }),
    ]
}

proptest! {
    #[test]
    fn allocate_parts_sum_to_the_total(total in any::<i64>(), weights in prop::collection::vec(any::<u64>(), 1..20)) {
        let parts = allocate(Cents(total), &weights);
        prop_assert_eq!(parts.len(), weights.len());
        prop_assert_eq!(sum(parts.iter().copied()), i128::from(total));
    }

    #[test]
    fn allocate_parts_are_within_a_cent_of_their_share_and_never_of_the_wrong_sign(
        total in -1_000_000_000i64..1_000_000_000,
        weights in prop::collection::vec(0u64..1_000, 1..20),
    ) {
        let parts = allocate(Cents(total), &weights);
        let weight_sum: u64 = weights.iter().sum();
        for (part, &w) in parts.iter().zip(&weights) {
            if total >= 0 { prop_assert!(part.0 >= 0) } else { prop_assert!(part.0 <= 0) }
            if weight_sum > 0 {
                // |part × W − total × w| < W  ⇔  |part − exact share| < 1 cent.
                let diff = i128::from(part.0) * i128::from(weight_sum) - i128::from(total) * i128::from(w);
                prop_assert!(diff.abs() < i128::from(weight_sum));
                if w == 0 { prop_assert_eq!(part.0, 0) }
            }
        }
    }

    #[test]
    fn allocate_of_a_negative_total_mirrors_the_positive_one(
        total in 0i64..i64::MAX,
        weights in prop::collection::vec(any::<u64>(), 1..10),
    ) {
        let positive = allocate(Cents(total), &weights);
        let negative = allocate(Cents(-total), &weights);
        prop_assert_eq!(negative, positive.iter().map(|c| Cents(-c.0)).collect::<Vec<_>>());
    }

    #[test]
    fn calendar_year_split_sums_to_the_amount((start, end) in period(), amount in any::<i64>()) {
        let shares = split_by_calendar_year(Cents(amount), start, end).unwrap();
        prop_assert_eq!(sum(shares.iter().map(|s| s.amount)), i128::from(amount));
        prop_assert_eq!(shares.iter().map(|s| s.months).sum::<u32>(), months_touched(start, end));
        prop_assert!(shares.iter().all(|s| s.months >= 1));
        if amount >= 0 { prop_assert!(shares.iter().all(|s| s.amount.0 >= 0)) }
    }

    #[test]
    fn payment_schedules_sum_to_the_amount(
        (start, end) in period(),
        amount in any::<i64>(),
        scheme in scheme(),
    ) {
        let lines = payment_schedule(Cents(amount), start, end, scheme).unwrap();
        prop_assert_eq!(sum(lines.iter().map(|l| l.amount)), i128::from(amount));
        if amount >= 0 { prop_assert!(lines.iter().all(|l| l.amount.0 >= 0)) }
    }

    #[test]
    fn settlement_plus_paid_is_entitled_and_entitled_within_the_grant(
        (start, end) in period(),
        stop_offset in -400i64..2600,
        granted in 0i64..100_000_000_000,
        paid in -100_000_000_000i64..100_000_000_000,
    ) {
        let stop = add_days(start, stop_offset);
        let s = settle(Cents(granted), start, end, stop, Cents(paid)).unwrap();
        prop_assert_eq!(i128::from(s.settlement.0) + i128::from(paid), i128::from(s.entitled.0));
        prop_assert!(0 <= s.entitled.0 && s.entitled.0 <= granted);
        // Stopping later never entitles to less.
        let later = settle(Cents(granted), start, end, add_days(stop, 31), Cents(paid)).unwrap();
        prop_assert!(later.entitled >= s.entitled);
    }

    #[test]
    fn stopping_is_reducing_to_nothing_from_the_next_day(
        (start, end) in period(),
        stop_offset in 0i64..2200,
        granted in 0i64..100_000_000_000,
        paid in 0i64..100_000_000_000,
    ) {
        let stop = add_days(start, stop_offset);
        let stopped = settle(Cents(granted), start, end, stop, Cents(paid)).unwrap();
        let reduced =
            settle_reduced(Cents(granted), Cents::ZERO, start, end, add_days(stop, 1), Cents(paid)).unwrap();
        prop_assert_eq!(stopped, reduced);
    }

    #[test]
    fn reduced_entitlement_lies_between_the_new_and_the_granted_amount(
        (start, end) in period(),
        effective_offset in -400i64..2600,
        granted in 0i64..100_000_000_000,
        fraction in 0u32..=100,
        paid in 0i64..100_000_000_000,
    ) {
        let new_amount = granted / 100 * i64::from(fraction);
        let effective = add_days(start, effective_offset);
        let s = settle_reduced(Cents(granted), Cents(new_amount), start, end, effective, Cents(paid)).unwrap();
        prop_assert!(new_amount <= s.entitled.0 && s.entitled.0 <= granted);
        prop_assert_eq!(i128::from(s.settlement.0) + i128::from(paid), i128::from(s.entitled.0));
    }

    #[test]
    fn formatted_amounts_parse_back(cents in any::<i64>()) {
        prop_assert_eq!(Cents::parse_euros(&Cents(cents).format_nl()), Ok(Cents(cents)));
        prop_assert_eq!(Cents::parse_euros(&Cents(cents).to_decimal_string()), Ok(Cents(cents)));
    }

    #[test]
    fn formatted_hours_parse_back(minutes in 0u32..10_000_000) {
        prop_assert_eq!(Minutes::parse_hours(&Minutes(minutes).format_hours_nl()), Ok(Minutes(minutes)));
        prop_assert_eq!(Minutes::parse_hours(&Minutes(minutes).to_decimal_string()), Ok(Minutes(minutes)));
    }

    #[test]
    fn expected_cost_is_within_half_a_cent_of_the_exact_cost(
        direct in 0u32..10_000,
        indirect in 0u32..10_000,
        rate in 0i64..100_000,
        weeks in 0u32..60,
    ) {
        let cost = expected_cost(Minutes(direct), Minutes(indirect), Cents(rate), weeks);
        let exact_times_60 = (i128::from(direct) + i128::from(indirect)) * i128::from(rate) * i128::from(weeks);
        // |cost − exact| ≤ ½ cent  ⇔  |60 × cost − 60 × exact| ≤ 30.
        prop_assert!((i128::from(cost.0) * 60 - exact_times_60).abs() <= 30);
    }
}
