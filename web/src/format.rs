//! Dates, times, hours and money as Dutch (or English) users read and type them.

use arrangeer_shared::dates;
use arrangeer_shared::money::{Cents, Minutes};
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, TimeDelta, Timelike, Utc};

use crate::i18n::Lang;

/// Dutch civil time: CET (UTC+1), and CEST (UTC+2) from the last Sunday of March to the last
/// Sunday of October, switching at 01:00 UTC. Everyone using the app works in the Netherlands,
/// so this is the time to show, whatever the browser's time zone.
pub fn amsterdam(at: DateTime<Utc>) -> NaiveDateTime {
    let utc = at.naive_utc();
    let summer = match (last_sunday(at.year(), 3), last_sunday(at.year(), 10)) {
        (Some(start), Some(end)) => {
            let switch = |d: NaiveDate| d.and_hms_opt(1, 0, 0);
            matches!((switch(start), switch(end)), (Some(s), Some(e)) if utc >= s && utc < e)
        }
        _ => false,
    };
    utc + TimeDelta::hours(if summer { 2 } else { 1 })
}

fn last_sunday(year: i32, month: u32) -> Option<NaiveDate> {
    let first_of_next = NaiveDate::from_ymd_opt(year, month + 1, 1)?;
    let last = first_of_next.pred_opt()?;
    last.checked_sub_days(chrono::Days::new(u64::from(last.weekday().num_days_from_sunday())))
}

/// "1 december 2026" / "1 December 2026".
pub fn date(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::Nl => dates::format_nl(d),
        Lang::En => dates::format_en(d),
    }
}

/// The Dutch calendar day of a moment.
pub fn day(lang: Lang, at: DateTime<Utc>) -> String {
    date(lang, amsterdam(at).date())
}

/// "3 maart 2027, 14:05" in Dutch time.
pub fn moment(lang: Lang, at: DateTime<Utc>) -> String {
    let local = amsterdam(at);
    // by hand: chrono's strftime interpreter is large in WASM
    format!("{}, {:02}:{:02}", date(lang, local.date()), local.hour(), local.minute())
}

/// Hours per week for reading: "2,5 uur" / "2.5 hours".
pub fn hours(lang: Lang, minutes: u32) -> String {
    match lang {
        Lang::Nl => Minutes(minutes).format_hours_nl(),
        Lang::En => format!("{} hours", Minutes(minutes).to_decimal_string()),
    }
}

/// Hours as the user types them in a form: "2,5".
pub fn hours_input(minutes: u32) -> String {
    Minutes(minutes).to_decimal_string().replace('.', ",")
}

/// "€ 1.234,56" (euros are written the Dutch way in both languages).
pub fn money(cents: i64) -> String {
    Cents(cents).format_nl()
}

/// An amount as the user types it in a form: "80,00".
pub fn euros_input(cents: i64) -> String {
    Cents(cents).to_decimal_string().replace('.', ",")
}

/// A number with one decimal as users read it: "12,5" / "12.5". Through whole tenths, so
/// the web app carries no float formatting code (it is large in WASM).
pub fn decimal(lang: Lang, value: f64) -> String {
    let tenths = (value * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let separator = match lang {
        Lang::Nl => ',',
        Lang::En => '.',
    };
    format!("{sign}{}{separator}{}", (tenths / 10).abs(), (tenths % 10).abs())
}

#[cfg(test)]
mod tests {
    #[test]
    fn decimal_has_one_decimal_in_the_language_s_form() {
        use super::{Lang, decimal};
        assert_eq!(decimal(Lang::Nl, 12.5), "12,5");
        assert_eq!(decimal(Lang::En, 3.0), "3.0");
        assert_eq!(decimal(Lang::Nl, -0.25), "-0,3");
    }

    use super::*;
    use chrono::TimeZone;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).single().expect("valid test time")
    }

    #[test]
    fn dutch_time_follows_summer_time() {
        assert_eq!(moment(Lang::Nl, utc(2027, 1, 15, 13, 5)), "15 januari 2027, 14:05");
        assert_eq!(moment(Lang::Nl, utc(2027, 7, 1, 22, 30)), "2 juli 2027, 00:30");
        // 2027: summer time from 28 March 01:00 UTC to 31 October 01:00 UTC
        assert_eq!(moment(Lang::Nl, utc(2027, 3, 28, 0, 59)), "28 maart 2027, 01:59");
        assert_eq!(moment(Lang::Nl, utc(2027, 3, 28, 1, 0)), "28 maart 2027, 03:00");
        assert_eq!(moment(Lang::Nl, utc(2027, 10, 31, 0, 59)), "31 oktober 2027, 02:59");
        assert_eq!(moment(Lang::Nl, utc(2027, 10, 31, 1, 0)), "31 oktober 2027, 02:00");
        assert_eq!(day(Lang::En, utc(2026, 12, 31, 23, 30)), "1 January 2027");
    }

    #[test]
    fn hours_and_money_round_trip_through_the_form() {
        assert_eq!(hours_input(150), "2,5");
        assert_eq!(Minutes::parse_hours(&hours_input(150)), Ok(Minutes(150)));
        assert_eq!(hours(Lang::Nl, 60), "1 uur");
        assert_eq!(money(123_456), "€ 1.234,56");
        assert_eq!(euros_input(8_000), "80,00");
        assert_eq!(Cents::parse_euros(&euros_input(8_050)), Ok(Cents(8_050)));
    }
}
