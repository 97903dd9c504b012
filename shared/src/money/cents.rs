//! [`Cents`]: an amount of money in whole euro cents, parsed from and written as Dutch users type it.

use std::fmt;

use serde::{Deserialize, Serialize};

/// An amount in euro cents (`Cents(123456)` is € 1.234,56). Integer so that sums are exact;
/// negative amounts occur in settlements (money to be paid back). On the wire: a JSON integer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(transparent)]
pub struct Cents(pub i64);

/// Why an amount typed by a user was not accepted.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum AmountError {
    #[error("amount is empty")]
    Empty,
    #[error("an amount has at most two decimals (cents)")]
    TooManyDecimals,
    #[error("amount must look like 1234, 1234,56 or € 1.234,56")]
    Malformed,
    #[error("amount is too large")]
    TooLarge,
}

impl AmountError {
    /// Stable machine code for the `errors[].code` of a problem response.
    pub fn code(&self) -> &'static str {
        match self {
            AmountError::Empty => "required",
            AmountError::TooManyDecimals => "too_many_decimals",
            AmountError::Malformed => "invalid_amount",
            AmountError::TooLarge => "out_of_range",
        }
    }
}

impl Cents {
    pub const ZERO: Cents = Cents(0);
    pub const MAX: Cents = Cents(i64::MAX);
    pub const MIN: Cents = Cents(i64::MIN);

    /// Parses an amount in euros as typed in a form.
    ///
    /// Accepted: `1234`, `1234,56`, `1234.56`, `1.234,56`, `€ 1.234,56`, `€1234`, `1.234,-`
    /// (Dutch for whole euros), and a leading minus before or after the euro sign (`-€ 5,00`),
    /// so everything [`Cents::format_nl`] writes parses back.
    ///
    /// Separators: when a comma is present it is the decimal separator and dots group thousands
    /// (in threes). Without a comma a single dot followed by one or two digits is a decimal point
    /// (`1234.5`); dots followed by groups of exactly three digits group thousands, as in Dutch
    /// (`1.234` is € 1.234,00, never € 1,23). More than two decimals is an error, not a rounding.
    pub fn parse_euros(raw: &str) -> Result<Self, AmountError> {
        let mut s = raw.trim();
        let mut negative = false;
        if let Some(rest) = s.strip_prefix('-') {
            negative = true;
            s = rest;
        }
        if let Some(rest) = s.strip_prefix('€') {
            s = rest.trim_start();
        }
        if !negative && let Some(rest) = s.strip_prefix('-') {
            negative = true;
            s = rest;
        }
        if s.is_empty() {
            return Err(AmountError::Empty);
        }
        let (whole, fraction) = match s.split_once(',') {
            Some((whole, fraction)) => (whole, Some(fraction)),
            None => match s.split_once('.') {
                Some((whole, fraction)) if !fraction.contains('.') && fraction.len() != 3 => {
                    (whole, Some(fraction))
                }
                _ => (s, None),
            },
        };
        let euros = parse_grouped(whole)?;
        let cents = fraction.map_or(Ok(0), parse_fraction)?;
        let magnitude =
            euros.checked_mul(100).and_then(|e| e.checked_add(cents)).ok_or(AmountError::TooLarge)?;
        let value = if negative { -magnitude } else { magnitude };
        i64::try_from(value).map(Cents).map_err(|_| AmountError::TooLarge)
    }

    /// The amount as Dutch users read it: `€ 1.234,56`; negative `-€ 1.234,56`.
    pub fn format_nl(self) -> String {
        let magnitude = self.0.unsigned_abs();
        let sign = if self.0 < 0 { "-" } else { "" };
        format!("{sign}€ {},{:02}", group_thousands(magnitude / 100), magnitude % 100)
    }

    /// Plain decimal form with a dot and two decimals (`1234.56`, `-0.05`), for exports.
    pub fn to_decimal_string(self) -> String {
        let magnitude = self.0.unsigned_abs();
        let sign = if self.0 < 0 { "-" } else { "" };
        format!("{sign}{}.{:02}", magnitude / 100, magnitude % 100)
    }

    /// `self + other`, or `None` on overflow.
    pub fn checked_add(self, other: Cents) -> Option<Cents> {
        self.0.checked_add(other.0).map(Cents)
    }

    /// `self - other`, or `None` on overflow.
    pub fn checked_sub(self, other: Cents) -> Option<Cents> {
        self.0.checked_sub(other.0).map(Cents)
    }

    /// The sum of all amounts, or `None` on overflow.
    pub fn checked_sum(amounts: impl IntoIterator<Item = Cents>) -> Option<Cents> {
        amounts.into_iter().try_fold(Cents::ZERO, Cents::checked_add)
    }

    /// Whether the amount is below zero (e.g. a settlement to be paid back).
    pub fn is_negative(self) -> bool {
        self.0 < 0
    }
}

impl fmt::Display for Cents {
    /// Same as [`Cents::format_nl`]: `€ 1.234,56`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format_nl())
    }
}

/// Whole euros, optionally grouped in thousands with dots (`1.234.567`), as an exact integer.
fn parse_grouped(whole: &str) -> Result<i128, AmountError> {
    let groups: Vec<&str> = whole.split('.').collect();
    let well_formed = groups.iter().enumerate().all(|(i, g)| {
        let len_ok = if groups.len() == 1 {
            !g.is_empty()
        } else if i == 0 {
            (1..=3).contains(&g.len())
        } else {
            g.len() == 3
        };
        len_ok && g.bytes().all(|b| b.is_ascii_digit())
    });
    if !well_formed {
        return Err(AmountError::Malformed);
    }
    groups.iter().flat_map(|g| g.bytes()).try_fold(0i128, |acc, b| {
        acc.checked_mul(10).and_then(|a| a.checked_add(i128::from(b - b'0'))).ok_or(AmountError::TooLarge)
    })
}

/// The cents after the decimal separator: one or two digits, or `-`/`--` for whole euros.
/// Nothing after the separator (`12,`) is malformed.
fn parse_fraction(fraction: &str) -> Result<i128, AmountError> {
    if fraction == "-" || fraction == "--" {
        return Ok(0);
    }
    if !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AmountError::Malformed);
    }
    match fraction.as_bytes() {
        [] => Err(AmountError::Malformed),
        [d] => Ok(i128::from(d - b'0') * 10),
        [d1, d2] => Ok(i128::from(d1 - b'0') * 10 + i128::from(d2 - b'0')),
        _ => Err(AmountError::TooManyDecimals),
    }
}

/// `1234567` → `1.234.567`.
fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_euros_accepts_the_dutch_and_plain_notations() {
        let cases = [
            ("1234", 123_400),
            ("1234,56", 123_456),
            ("1234.56", 123_456),
            ("1.234,56", 123_456),
            ("€ 1.234,56", 123_456),
            ("€1234,5", 123_450),
            ("  € 7.000  ", 700_000),
            ("1.234", 123_400),
            ("1.234.567,89", 123_456_789),
            ("1234.5", 123_450),
            ("0,05", 5),
            ("1.234,-", 123_400),
            ("12,--", 1200),
            ("-€ 1.234,56", -123_456),
            ("€ -5", -500),
            ("-0,01", -1),
        ];
        for (raw, cents) in cases {
            assert_eq!(Cents::parse_euros(raw), Ok(Cents(cents)), "{raw:?}");
        }
    }

    #[test]
    fn parse_euros_rejects_empty_garbage_and_fractions_of_cents() {
        assert_eq!(Cents::parse_euros(""), Err(AmountError::Empty));
        assert_eq!(Cents::parse_euros(" € "), Err(AmountError::Empty));
        assert_eq!(Cents::parse_euros("1234,567"), Err(AmountError::TooManyDecimals));
        assert_eq!(Cents::parse_euros("1.2345"), Err(AmountError::TooManyDecimals));
        assert_eq!(Cents::parse_euros("1,005").unwrap_err().code(), "too_many_decimals");
        for bad in [
            "abc", "12a", "1,2,3", "1,234.56", "12.34.56", "1.23.456", ",50", "12,", "12.", "--5", "€€5",
            "1 234",
        ] {
            assert_eq!(Cents::parse_euros(bad), Err(AmountError::Malformed), "{bad:?}");
        }
        assert_eq!(Cents::parse_euros("99999999999999999999"), Err(AmountError::TooLarge));
        assert_eq!(Cents::parse_euros(&"9".repeat(60)), Err(AmountError::TooLarge));
    }

    #[test]
    fn format_nl_groups_thousands_and_shows_the_sign_before_the_euro() {
        assert_eq!(Cents(123_456).format_nl(), "€ 1.234,56");
        assert_eq!(Cents(-123_456).format_nl(), "-€ 1.234,56");
        assert_eq!(Cents(5).format_nl(), "€ 0,05");
        assert_eq!(Cents(100_000_000).format_nl(), "€ 1.000.000,00");
        assert_eq!(Cents(99_900).to_string(), "€ 999,00");
        assert_eq!(Cents::MIN.format_nl(), "-€ 92.233.720.368.547.758,08");
        assert_eq!(Cents::parse_euros(&Cents::MIN.format_nl()), Ok(Cents::MIN));
    }

    #[test]
    fn to_decimal_string_uses_a_dot_and_two_decimals() {
        assert_eq!(Cents(123_456).to_decimal_string(), "1234.56");
        assert_eq!(Cents(-5).to_decimal_string(), "-0.05");
        assert_eq!(Cents(0).to_decimal_string(), "0.00");
    }

    #[test]
    fn checked_arithmetic_reports_overflow() {
        assert_eq!(Cents(100).checked_add(Cents(-30)), Some(Cents(70)));
        assert_eq!(Cents(100).checked_sub(Cents(130)), Some(Cents(-30)));
        assert_eq!(Cents::MAX.checked_add(Cents(1)), None);
        assert_eq!(Cents::MIN.checked_sub(Cents(1)), None);
        assert_eq!(Cents::checked_sum([Cents(1), Cents(2), Cents(3)]), Some(Cents(6)));
        assert_eq!(Cents::checked_sum([Cents::MAX, Cents(1)]), None);
        assert!(Cents(-1).is_negative() && !Cents::ZERO.is_negative());
    }

    #[test]
    fn cents_serialise_as_a_plain_integer() {
        assert_eq!(serde_json::to_string(&Cents(123_456)).unwrap(), "123456");
        assert_eq!(serde_json::from_str::<Cents>("-5").unwrap(), Cents(-5));
    }
}
