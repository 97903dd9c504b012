//! Calendar rules of the domain: school years, deadlines, inclusive date ranges, and dates written
//! out the way Dutch (and English) users read them.
//!
//! Every function is pure and total: no clock is read here (the caller passes `today`), so the
//! server and the SPA compute the same deadlines.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

pub mod wire;

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
mod tests;
