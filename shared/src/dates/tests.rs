use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

#[test]
fn school_year_of_switches_on_first_of_august() {
    assert_eq!(SchoolYear::of(d(2027, 7, 31)), SchoolYear { start_year: 2026 });
    assert_eq!(SchoolYear::of(d(2027, 8, 1)), SchoolYear { start_year: 2027 });
    assert_eq!(SchoolYear::of(d(2026, 12, 31)), SchoolYear { start_year: 2026 });
    assert_eq!(SchoolYear::of(d(2027, 1, 1)), SchoolYear { start_year: 2026 });
}

#[test]
fn school_year_first_and_last_day_bound_the_year() {
    let sy = SchoolYear { start_year: 2026 };
    assert_eq!(sy.first_day(), d(2026, 8, 1));
    assert_eq!(sy.last_day(), d(2027, 7, 31));
    assert!(sy.contains(sy.first_day()) && sy.contains(sy.last_day()));
    assert!(!sy.contains(d(2026, 7, 31)) && !sy.contains(d(2027, 8, 1)));
    assert_eq!(SchoolYear::of(sy.last_day()), sy);
    assert_eq!(add_days(sy.last_day(), 1), sy.next().first_day());
    // A school year spanning a leap day is one day longer.
    let leap = SchoolYear { start_year: 2027 };
    assert_eq!(DateRange::new(leap.first_day(), leap.last_day()).unwrap().days(), 366);
    assert_eq!(DateRange::new(sy.first_day(), sy.last_day()).unwrap().days(), 365);
}

#[test]
fn school_year_displays_and_parses_both_separators() {
    let sy = SchoolYear { start_year: 2026 };
    assert_eq!(sy.to_string(), "2026/2027");
    assert_eq!(SchoolYear::parse("2026/2027"), Ok(sy));
    assert_eq!(SchoolYear::parse(" 2026-2027 "), Ok(sy));
    assert_eq!("2026 / 2027".parse::<SchoolYear>(), Ok(sy));
    assert_eq!(SchoolYear::parse(&sy.to_string()), Ok(sy));
}

#[test]
fn school_year_parse_rejects_malformed_and_non_consecutive() {
    for bad in ["", "2026", "26/27", "2026/27", "abcd/efgh", "2026/2027/2028", "+2026/2027"] {
        assert_eq!(SchoolYear::parse(bad), Err(SchoolYearError::Malformed), "{bad:?}");
    }
    assert_eq!(SchoolYear::parse("2026/2028"), Err(SchoolYearError::NotConsecutive));
    assert_eq!(SchoolYear::parse("2027/2026").unwrap_err().code(), "school_year_not_consecutive");
}

#[test]
fn school_year_serialises_as_camel_case_object() {
    let json = serde_json::to_string(&SchoolYear { start_year: 2026 }).unwrap();
    assert_eq!(json, r#"{"startYear":2026}"#);
}

#[test]
fn add_days_and_weeks_cross_month_year_and_leap_day() {
    assert_eq!(add_days(d(2028, 2, 28), 1), d(2028, 2, 29));
    assert_eq!(add_days(d(2027, 2, 28), 1), d(2027, 3, 1));
    assert_eq!(add_days(d(2026, 12, 31), 1), d(2027, 1, 1));
    assert_eq!(add_days(d(2027, 1, 1), -1), d(2026, 12, 31));
    assert_eq!(add_weeks(d(2026, 11, 20), 6), d(2027, 1, 1));
    assert_eq!(add_weeks(d(2028, 2, 1), 4), d(2028, 2, 29));
    assert_eq!(add_weeks(d(2026, 3, 1), -1), d(2026, 2, 22));
    assert_eq!(add_days(d(2026, 1, 1), i64::MAX), NaiveDate::MAX);
    assert_eq!(add_weeks(d(2026, 1, 1), i64::MIN), NaiveDate::MIN);
}

#[test]
fn deadline_is_on_time_through_its_due_day() {
    let deadline = Deadline::weeks_after(d(2026, 9, 1), 6);
    assert_eq!(deadline.due, d(2026, 10, 13));
    assert_eq!(deadline.days_left(d(2026, 10, 3)), 10);
    assert_eq!(deadline.days_left(d(2026, 10, 13)), 0);
    assert!(!deadline.is_overdue(d(2026, 10, 13)));
    assert!(deadline.is_overdue(d(2026, 10, 14)));
    assert_eq!(deadline.days_left(d(2026, 10, 20)), -7);
    assert_eq!(Deadline::days_after(d(2026, 9, 1), 28), Deadline::weeks_after(d(2026, 9, 1), 4));
    let json = serde_json::to_string(&deadline).unwrap();
    assert_eq!(json, r#"{"due":"2026-10-13"}"#);
}

#[test]
fn months_touched_counts_calendar_months_with_a_day_in_the_period() {
    assert_eq!(months_touched(d(2026, 12, 1), d(2027, 2, 28)), 3);
    assert_eq!(months_touched(d(2026, 12, 31), d(2027, 1, 1)), 2);
    assert_eq!(months_touched(d(2026, 5, 10), d(2026, 5, 10)), 1);
    assert_eq!(months_touched(d(2026, 8, 1), d(2027, 7, 31)), 12);
    assert_eq!(months_touched(d(2026, 12, 15), d(2027, 12, 14)), 13);
    assert_eq!(months_touched(d(2027, 1, 1), d(2026, 12, 31)), 0);
}

#[test]
fn date_range_rejects_end_before_start_with_field_code() {
    let err = DateRange::new(d(2026, 9, 2), d(2026, 9, 1)).unwrap_err();
    assert_eq!(err.code(), "end_before_start");
    assert_eq!(err.field(), "end");
    assert!(DateRange::new(d(2026, 9, 1), d(2026, 9, 1)).is_ok());
}

#[test]
fn date_range_parse_names_the_bad_field() {
    let range = DateRange::parse("2026-08-01", " 2027-07-31").unwrap();
    assert_eq!(range, DateRange { start: d(2026, 8, 1), end: d(2027, 7, 31) });
    assert_eq!(DateRange::parse("1-8-2026", "2027-07-31"), Err(DateRangeError::InvalidStart));
    assert_eq!(DateRange::parse("2026-08-01", "2027-02-30").unwrap_err().field(), "end");
    assert_eq!(DateRange::parse("2026-08-01", "2026-07-31").unwrap_err().code(), "end_before_start");
}

#[test]
fn date_range_counts_days_weeks_and_membership() {
    let range = DateRange::new(d(2028, 2, 1), d(2028, 3, 1)).unwrap();
    assert_eq!(range.days(), 30); // 29 days of a leap February plus 1 March
    assert_eq!(range.weeks_ceil(), 5);
    assert_eq!(range.months(), 2);
    assert!(range.contains(d(2028, 2, 1)) && range.contains(d(2028, 3, 1)));
    assert!(!range.contains(d(2028, 1, 31)) && !range.contains(d(2028, 3, 2)));
    let one_day = DateRange::new(d(2026, 1, 1), d(2026, 1, 1)).unwrap();
    assert_eq!((one_day.days(), one_day.weeks_ceil()), (1, 1));
    let two_weeks = DateRange::new(d(2026, 1, 1), d(2026, 1, 14)).unwrap();
    assert_eq!(two_weeks.weeks_ceil(), 2);
}

#[test]
fn date_range_deserialising_checks_order() {
    let ok: DateRange = serde_json::from_str(r#"{"start":"2026-08-01","end":"2027-07-31"}"#).unwrap();
    assert_eq!(ok.days(), 365);
    let bad = serde_json::from_str::<DateRange>(r#"{"start":"2026-08-01","end":"2026-07-01"}"#);
    assert!(bad.is_err());
    assert_eq!(serde_json::to_string(&ok).unwrap(), r#"{"start":"2026-08-01","end":"2027-07-31"}"#);
}

#[test]
fn dates_are_written_out_in_dutch_and_english() {
    assert_eq!(format_nl(d(2026, 12, 1)), "1 december 2026");
    assert_eq!(format_en(d(2026, 12, 1)), "1 December 2026");
    assert_eq!(format_nl(d(2028, 2, 29)), "29 februari 2028");
    assert_eq!(format_nl(d(2027, 3, 15)), "15 maart 2027");
    assert_eq!(format_en(d(2027, 5, 31)), "31 May 2027");
}
