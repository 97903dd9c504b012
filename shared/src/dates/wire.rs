//! Timestamps written into JSON exactly as chrono writes them (`2026-12-07T09:15:02.123456Z`),
//! without going through `fmt`.
//!
//! chrono serialises a `DateTime<Utc>` through its `Debug` formatting, ~210 ns a value; in a
//! list page of 50 lines that was 10.5 of the page's 23 µs of serialising (measured in the
//! release build, 2026-12-07). For the usual timestamps (years 0–9999, no leap second) this
//! writes the same text directly; any other falls back to chrono. Use it on the timestamps of
//! the busiest answers with `#[serde(serialize_with = "crate::dates::wire::serialize")]`.

use chrono::{DateTime, Datelike, Timelike, Utc};
use serde::Serializer;

/// Serialises `at` as chrono's `Serialize` does.
pub fn serialize<S: Serializer>(at: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error> {
    let mut buffer = [0u8; 30];
    match write(at, &mut buffer) {
        Some(text) => serializer.serialize_str(text),
        None => serde::Serialize::serialize(at, serializer),
    }
}

/// `at` as chrono writes it, into `buffer`; `None` for a year outside 0–9999 or a leap second,
/// which chrono writes otherwise.
fn write<'b>(at: &DateTime<Utc>, buffer: &'b mut [u8; 30]) -> Option<&'b str> {
    let year = u32::try_from(at.year()).ok().filter(|y| *y <= 9999)?;
    let nanos = at.nanosecond();
    if nanos >= 1_000_000_000 {
        return None;
    }
    let mut end = 0;
    for (value, width, separator) in [
        (year, 4, b'-'),
        (at.month(), 2, b'-'),
        (at.day(), 2, b'T'),
        (at.hour(), 2, b':'),
        (at.minute(), 2, b':'),
        (at.second(), 2, b'.'),
    ] {
        end = digits(buffer, end, value, width);
        buffer[end] = separator;
        end += 1;
    }
    // chrono writes no fraction for a whole second, else 3, 6 or 9 digits, the fewest exact
    end = match nanos {
        0 => end - 1, // and no '.'
        n if n % 1_000_000 == 0 => digits(buffer, end, n / 1_000_000, 3),
        n if n % 1_000 == 0 => digits(buffer, end, n / 1_000, 6),
        n => digits(buffer, end, n, 9),
    };
    buffer[end] = b'Z';
    std::str::from_utf8(&buffer[..=end]).ok()
}

/// Writes the last `width` decimal digits of `value` at `from`; answers where they end.
fn digits(buffer: &mut [u8; 30], from: usize, mut value: u32, width: usize) -> usize {
    for place in buffer[from..from + width].iter_mut().rev() {
        *place = b'0' + (value % 10) as u8;
        value /= 10;
    }
    from + width
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, NaiveDate, TimeZone, Utc};
    use proptest::prelude::*;

    #[derive(serde::Serialize)]
    struct Fast(#[serde(serialize_with = "super::serialize")] DateTime<Utc>);

    fn same_as_chrono(at: DateTime<Utc>) {
        let chrono = serde_json::to_string(&at).expect("chrono serialises");
        let ours = serde_json::to_string(&Fast(at)).expect("ours serialises");
        assert_eq!(ours, chrono, "{at:?}");
    }

    #[test]
    fn writes_what_chrono_writes_for_every_kind_of_fraction_and_the_edges() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 7).expect("a date");
        for nanos in [0, 1, 999, 1_000, 123_000, 123_456_000, 120_000_000, 999_999_999, 5_000_000] {
            same_as_chrono(day.and_hms_nano_opt(9, 5, 2, nanos).expect("a time").and_utc());
        }
        same_as_chrono(Utc.with_ymd_and_hms(0, 1, 1, 0, 0, 0).single().expect("year 0"));
        same_as_chrono(Utc.with_ymd_and_hms(9999, 12, 31, 23, 59, 59).single().expect("year 9999"));
        // written by chrono, not by us: a year of five digits, a negative year, a leap second
        same_as_chrono(Utc.with_ymd_and_hms(10000, 1, 1, 0, 0, 0).single().expect("year 10000"));
        same_as_chrono(Utc.with_ymd_and_hms(-1, 6, 1, 12, 0, 0).single().expect("year -1"));
        let leap = day.and_hms_nano_opt(23, 59, 59, 1_500_000_000).expect("a leap second").and_utc();
        same_as_chrono(leap);
    }

    proptest! {
        #[test]
        fn writes_what_chrono_writes_for_any_instant(seconds in -62_167_219_200i64..253_402_300_800i64,
                                                     nanos in 0u32..1_000_000_000, round in 0u32..4) {
            // whole seconds, milliseconds and microseconds (what the databases store) as often as nanoseconds
            let nanos = match round { 0 => 0, 1 => nanos / 1_000_000 * 1_000_000, 2 => nanos / 1_000 * 1_000, _ => nanos };
            same_as_chrono(DateTime::from_timestamp(seconds, nanos).expect("in range"));
        }
    }
}
