//! Calendar rules of the domain: school years, deadlines, inclusive date ranges, and dates written
//! out the way Dutch (and English) users read them.
//!
//! Every function is pure and total: no clock is read here (the caller passes `today`), so the
//! server and the SPA compute the same deadlines.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// A Dutch school year. It runs from **1 August** up to and including **31 July** of the next
/// calendar year (the legal school year of the WPO), so 2026/2027 is 2026-08-01..=2027-07-31.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct SchoolYear {
    /// The calendar year in which the school year starts (2026 for 2026/2027).
    pub start_year: i32,
}

/// Why a school-year text was not accepted.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SchoolYearError {
    #[error("school year must look like 2026/2027 or 2026-2027")]
    Malformed,
    #[error("the second year of a school year must follow the first (2026/2027)")]
    NotConsecutive,
}

impl SchoolYearError {
    /// Stable machine code for the `errors[].code` of a problem response.
    pub fn code(&self) -> &'static str {
        match self {
            SchoolYearError::Malformed => "invalid_school_year",
            SchoolYearError::NotConsecutive => "school_year_not_consecutive",
        }
    }
}

impl SchoolYear {
    /// The school year that contains `date`: dates from 1 August on belong to the year starting then.
    pub fn of(date: NaiveDate) -> Self {
        let start_year = if date.month() >= 8 { date.year() } else { date.year() - 1 };
        Self { start_year }
    }

    /// 1 August of the start year.
    pub fn first_day(self) -> NaiveDate {
        ymd_clamped(self.start_year, 8, 1)
    }

    /// 31 July of the following year.
    pub fn last_day(self) -> NaiveDate {
        ymd_clamped(self.start_year + 1, 7, 31)
    }

    /// Whether `date` falls inside this school year.
    pub fn contains(self, date: NaiveDate) -> bool {
        Self::of(date) == self
    }

    /// The school year after this one.
    pub fn next(self) -> Self {
        Self { start_year: self.start_year + 1 }
    }

    /// Parses "2026/2027" or "2026-2027" (surrounding whitespace allowed).
    pub fn parse(raw: &str) -> Result<Self, SchoolYearError> {
        let (first, second) = raw.trim().split_once(['/', '-']).ok_or(SchoolYearError::Malformed)?;
        let year = |s: &str| -> Result<i32, SchoolYearError> {
            let s = s.trim();
            if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err(SchoolYearError::Malformed);
            }
            s.parse().map_err(|_| SchoolYearError::Malformed)
        };
        let (start, end) = (year(first)?, year(second)?);
        if end != start + 1 {
            return Err(SchoolYearError::NotConsecutive);
        }
        Ok(Self { start_year: start })
    }
}

impl fmt::Display for SchoolYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.start_year, self.start_year + 1)
    }
}

impl FromStr for SchoolYear {
    type Err = SchoolYearError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

/// `NaiveDate::from_ymd_opt` for dates known to exist, clamped to chrono's range instead of
/// panicking for years beyond ±262,000 (which no school year reaches).
fn ymd_clamped(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(if year < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    })
}

/// `date` plus `days` (negative goes back). Saturates at chrono's limits (year ±262,143), which no
/// real deadline reaches, so callers need not handle an error that cannot happen in practice.
pub fn add_days(date: NaiveDate, days: i64) -> NaiveDate {
    let shifted = if days >= 0 {
        date.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    };
    shifted.unwrap_or(if days >= 0 { NaiveDate::MAX } else { NaiveDate::MIN })
}

/// `date` plus `weeks` whole weeks: the legal and policy terms ("within 6 weeks of the grant").
/// A term of n weeks from a Monday ends on the Monday n weeks later.
pub fn add_weeks(date: NaiveDate, weeks: i64) -> NaiveDate {
    add_days(date, weeks.saturating_mul(7))
}

/// Number of calendar months in which the inclusive period `start..=end` has at least one day
/// (2026-12-31..=2027-01-01 touches 2 months); 0 when `end < start`. This is the month rule of
/// the money module.
pub fn months_touched(start: NaiveDate, end: NaiveDate) -> u32 {
    if end < start {
        return 0;
    }
    let index = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
    u32::try_from(index(end) - index(start) + 1).unwrap_or(u32::MAX)
}

/// A date by which something must be done (decision, OPP, start of support). The deadline day
/// itself still counts as on time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Deadline {
    /// The last day on which the action is on time.
    pub due: NaiveDate,
}

impl Deadline {
    /// A deadline `weeks` weeks after `from` (e.g. the OPP within 6 weeks of the grant).
    pub fn weeks_after(from: NaiveDate, weeks: i64) -> Self {
        Self { due: add_weeks(from, weeks) }
    }

    /// A deadline `days` days after `from`.
    pub fn days_after(from: NaiveDate, days: i64) -> Self {
        Self { due: add_days(from, days) }
    }

    /// True from the day after `due`.
    pub fn is_overdue(self, today: NaiveDate) -> bool {
        today > self.due
    }

    /// Days until the deadline: 0 on the day itself, negative once overdue (-1 the day after).
    pub fn days_left(self, today: NaiveDate) -> i64 {
        (self.due - today).num_days()
    }
}

/// An inclusive period `start..=end` with `start <= end`, e.g. the period of an arrangement.
/// Deserialising checks the order too, so a value of this type is always valid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", try_from = "RawDateRange")]
pub struct DateRange {
    /// First day of the period.
    pub start: NaiveDate,
    /// Last day of the period (inclusive).
    pub end: NaiveDate,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawDateRange {
    start: NaiveDate,
    end: NaiveDate,
}

impl TryFrom<RawDateRange> for DateRange {
    type Error = DateRangeError;
    fn try_from(raw: RawDateRange) -> Result<Self, Self::Error> {
        DateRange::new(raw.start, raw.end)
    }
}

/// Why a date range was rejected; [`DateRangeError::field`] names the offending input.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DateRangeError {
    #[error("start date must be a date like 2026-08-01")]
    InvalidStart,
    #[error("end date must be a date like 2027-07-31")]
    InvalidEnd,
    #[error("end date {end} is before start date {start}")]
    EndBeforeStart { start: NaiveDate, end: NaiveDate },
}

impl DateRangeError {
    /// Stable machine code for the `errors[].code` of a problem response.
    pub fn code(&self) -> &'static str {
        match self {
            DateRangeError::InvalidStart | DateRangeError::InvalidEnd => "invalid_date",
            DateRangeError::EndBeforeStart { .. } => "end_before_start",
        }
    }

    /// The request field the error belongs to (`start` or `end`).
    pub fn field(&self) -> &'static str {
        match self {
            DateRangeError::InvalidStart => "start",
            DateRangeError::InvalidEnd | DateRangeError::EndBeforeStart { .. } => "end",
        }
    }
}

impl DateRange {
    /// A range from two dates; rejects `end < start`. A one-day range (`start == end`) is fine.
    pub fn new(start: NaiveDate, end: NaiveDate) -> Result<Self, DateRangeError> {
        if end < start {
            return Err(DateRangeError::EndBeforeStart { start, end });
        }
        Ok(Self { start, end })
    }

    /// Parses two ISO dates (`2026-08-01`) as typed in a form, then checks their order.
    pub fn parse(start: &str, end: &str) -> Result<Self, DateRangeError> {
        let start = start.trim().parse().map_err(|_| DateRangeError::InvalidStart)?;
        let end = end.trim().parse().map_err(|_| DateRangeError::InvalidEnd)?;
        Self::new(start, end)
    }

    /// Whether `date` lies in the range (both ends included).
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// Number of days, both ends included (a one-day range has 1).
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }

    /// Number of weeks the range spans, a started week counting as whole (8 days → 2 weeks).
    pub fn weeks_ceil(&self) -> i64 {
        (self.days() + 6) / 7
    }

    /// Calendar months with at least one day in the range (see [`months_touched`]).
    pub fn months(&self) -> u32 {
        months_touched(self.start, self.end)
    }
}

#[rustfmt::skip]
const MONTHS_NL: [&str; 12] = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
];

#[rustfmt::skip]
const MONTHS_EN: [&str; 12] = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
];

/// The Dutch name of month `number` (1 = januari), if it is one.
pub fn month_nl(number: u32) -> Option<&'static str> {
    MONTHS_NL.get(usize::try_from(number).ok()?.checked_sub(1)?).copied()
}

/// The English name of month `number` (1 = January), if it is one.
pub fn month_en(number: u32) -> Option<&'static str> {
    MONTHS_EN.get(usize::try_from(number).ok()?.checked_sub(1)?).copied()
}

/// A date as Dutch users write it: "1 december 2026" (no leading zero, month in lower case).
pub fn format_nl(date: NaiveDate) -> String {
    format!("{} {} {}", date.day(), MONTHS_NL[date.month0() as usize], date.year())
}

/// A date in British English order: "1 December 2026".
pub fn format_en(date: NaiveDate) -> String {
    format!("{} {} {}", date.day(), MONTHS_EN[date.month0() as usize], date.year())
}

#[cfg(test)]
mod tests {
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
}
