//! [`Minutes`]: hours of support kept as whole minutes, parsed from "2,5", "2.5" or "2:30".

use std::fmt;

use serde::{Deserialize, Serialize};

/// A duration in whole minutes, used for hours of support per week (`Minutes(150)` is 2,5 uur).
/// Integer so that 30 × 2,5 h is exact. On the wire: a JSON integer of minutes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(transparent)]
pub struct Minutes(pub u32);

/// Why an hours value typed by a user was not accepted.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum HoursError {
    #[error("hours are empty")]
    Empty,
    #[error("hours have at most two decimals (2,25)")]
    TooManyDecimals,
    #[error("minutes after the colon must be two digits from 00 to 59 (2:30)")]
    InvalidMinutes,
    #[error("hours must look like 2, 2,5, 2.5 or 2:30")]
    Malformed,
    #[error("too many hours")]
    TooLarge,
}

impl HoursError {
    /// Stable machine code for the `errors[].code` of a problem response.
    pub fn code(&self) -> &'static str {
        match self {
            HoursError::Empty => "required",
            HoursError::TooManyDecimals => "too_many_decimals",
            HoursError::InvalidMinutes => "invalid_minutes",
            HoursError::Malformed => "invalid_hours",
            HoursError::TooLarge => "out_of_range",
        }
    }
}

impl Minutes {
    /// Whole hours as minutes (`Minutes::from_hours(3)` is 180 minutes).
    pub const fn from_hours(hours: u32) -> Minutes {
        Minutes(hours.saturating_mul(60))
    }

    /// Parses hours as typed in a form: `2`, `2,5`, `2.5` (decimal hours, at most two decimals)
    /// or `2:30` (hours and minutes). A trailing `uur`, `u` or `h` is allowed, so everything
    /// [`Minutes::format_hours_nl`] writes parses back. Decimal hours that are not whole minutes
    /// (`1,33` h = 79,8 min) round half-up to the nearest minute; two decimals are never exactly
    /// half a minute off, so this rounding is never a tie.
    pub fn parse_hours(raw: &str) -> Result<Self, HoursError> {
        let lower = raw.trim().to_lowercase();
        let s = ["uur", "u", "h"]
            .iter()
            .find_map(|suffix| lower.strip_suffix(suffix))
            .unwrap_or(&lower)
            .trim_end();
        if s.is_empty() {
            return Err(HoursError::Empty);
        }
        let minutes = if let Some((hours, minutes)) = s.split_once(':') {
            if minutes.len() != 2 || !minutes.bytes().all(|b| b.is_ascii_digit()) {
                return Err(HoursError::InvalidMinutes);
            }
            let minutes = u64::from(digits(minutes)?);
            if minutes >= 60 {
                return Err(HoursError::InvalidMinutes);
            }
            u64::from(digits(hours)?) * 60 + minutes
        } else {
            let (hours, fraction) = match s.split_once([',', '.']) {
                Some((hours, fraction)) => (hours, fraction),
                None => (s, "00"),
            };
            if fraction.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()) {
                return Err(HoursError::Malformed);
            }
            if fraction.len() > 2 {
                return Err(HoursError::TooManyDecimals);
            }
            // Hundredths of an hour: "5" is 50, "25" is 25; 60/100 of that is minutes.
            let hundredths = u64::from(digits(fraction)?) * if fraction.len() == 1 { 10 } else { 1 };
            u64::from(digits(hours)?) * 60 + (hundredths * 3 + 2) / 5
        };
        u32::try_from(minutes).map(Minutes).map_err(|_| HoursError::TooLarge)
    }

    /// Decimal hours with a dot and at most two decimals, trailing zeros dropped: `2.5`, `2`,
    /// `1.33` (80 minutes). For exports and form fields.
    pub fn to_decimal_string(self) -> String {
        self.decimal_hours('.')
    }

    /// Decimal hours the Dutch way: `2,5 uur`, `1 uur`, `0,25 uur`.
    pub fn format_hours_nl(self) -> String {
        format!("{} uur", self.decimal_hours(','))
    }

    /// `self + other`, or `None` on overflow.
    pub fn checked_add(self, other: Minutes) -> Option<Minutes> {
        self.0.checked_add(other.0).map(Minutes)
    }

    fn decimal_hours(self, separator: char) -> String {
        let (hours, rest) = (self.0 / 60, self.0 % 60);
        // Nearest hundredth of an hour; at most 98 for 59 minutes, so it never carries.
        let hundredths = (rest * 100 + 30) / 60;
        match hundredths {
            0 => hours.to_string(),
            h if h.is_multiple_of(10) => format!("{hours}{separator}{}", h / 10),
            h => format!("{hours}{separator}{h:02}"),
        }
    }
}

impl fmt::Display for Minutes {
    /// Same as [`Minutes::format_hours_nl`]: `2,5 uur`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format_hours_nl())
    }
}

/// A non-empty run of ASCII digits as a number.
fn digits(s: &str) -> Result<u32, HoursError> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(HoursError::Malformed);
    }
    s.parse().map_err(|_| HoursError::TooLarge)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_hours_accepts_decimal_comma_dot_and_clock_notation() {
        let cases = [
            ("2", 120),
            ("2,5", 150),
            ("2.5", 150),
            ("2:30", 150),
            ("0:05", 5),
            ("0,25", 15),
            ("2,75", 165),
            ("1,33", 80),
            ("0,01", 1),
            (" 2,5 uur ", 150),
            ("3u", 180),
            ("1.5 h", 90),
            ("0", 0),
        ];
        for (raw, minutes) in cases {
            assert_eq!(Minutes::parse_hours(raw), Ok(Minutes(minutes)), "{raw:?}");
        }
    }

    #[test]
    fn parse_hours_rejects_bad_input_with_a_specific_error() {
        assert_eq!(Minutes::parse_hours(""), Err(HoursError::Empty));
        assert_eq!(Minutes::parse_hours(" uur"), Err(HoursError::Empty));
        assert_eq!(Minutes::parse_hours("2,125"), Err(HoursError::TooManyDecimals));
        assert_eq!(Minutes::parse_hours("2:60"), Err(HoursError::InvalidMinutes));
        assert_eq!(Minutes::parse_hours("2:5"), Err(HoursError::InvalidMinutes));
        for bad in ["-2", "2,", ",5", "two", "2,5,1", "2:30:00", "1 2", "2;30"] {
            assert!(Minutes::parse_hours(bad).is_err(), "{bad:?}");
        }
        assert_eq!(Minutes::parse_hours("abc").unwrap_err().code(), "invalid_hours");
        assert_eq!(Minutes::parse_hours("99999999"), Err(HoursError::TooLarge));
        assert_eq!(Minutes::parse_hours("99999999999999999999"), Err(HoursError::TooLarge));
    }

    #[test]
    fn hours_are_written_as_decimal_hours() {
        assert_eq!(Minutes(150).to_decimal_string(), "2.5");
        assert_eq!(Minutes(120).to_decimal_string(), "2");
        assert_eq!(Minutes(135).to_decimal_string(), "2.25");
        assert_eq!(Minutes(80).to_decimal_string(), "1.33");
        assert_eq!(Minutes(1).to_decimal_string(), "0.02");
        assert_eq!(Minutes(150).format_hours_nl(), "2,5 uur");
        assert_eq!(Minutes(60).to_string(), "1 uur");
        assert_eq!(Minutes(15).format_hours_nl(), "0,25 uur");
        assert_eq!(Minutes::parse_hours(&Minutes(80).format_hours_nl()), Ok(Minutes(80)));
    }

    #[test]
    fn minutes_helpers_and_wire_form() {
        assert_eq!(Minutes::from_hours(3), Minutes(180));
        assert_eq!(Minutes(30).checked_add(Minutes(45)), Some(Minutes(75)));
        assert_eq!(Minutes(u32::MAX).checked_add(Minutes(1)), None);
        assert_eq!(serde_json::to_string(&Minutes(150)).unwrap(), "150");
    }
}
