//! Rules on the period: duration from the grant, and periods bound to the school year.

use chrono::{Datelike, Months, NaiveDate};

use super::evaluate::{Findings, months_text};
use super::text;
use super::{ArrangementFacts, RuleSet, Severity};

/// The end date lies at most `months` after the grant. Before the grant, a start-to-end span
/// beyond the limit yields an `info` finding (the grant date decides later).
pub(super) fn check_duration(rules: &RuleSet, facts: &ArrangementFacts, out: &mut Findings) {
    let (Some(limit), Some(end)) = (rules.max_months_from_grant, facts.end_date) else { return };
    let span = months_text(limit.months);
    if let Some(grant) = facts.grant_date {
        let Some(last) = grant.checked_add_months(Months::new(limit.months)) else { return };
        if end <= last {
            return;
        }
        let (end_t, grant_t, last_t) = (text::date(end), text::date(grant), text::date(last));
        out.push(
            "max_duration_from_grant",
            limit.severity,
            "endDate",
            format!(
                "De einddatum {} ligt meer dan {} na de toekenning op {}; het arrangement mag{} hooguit tot {} duren.",
                end_t.nl, span.nl, grant_t.nl, out.of.nl, last_t.nl
            ),
            format!(
                "The end date {} is more than {} after the grant on {}; the limit{} is {} (until {}).",
                end_t.en, span.en, grant_t.en, out.of.en, span.en, last_t.en
            ),
            [
                ("endDate", end.to_string()),
                ("grantDate", grant.to_string()),
                ("lastDate", last.to_string()),
                ("maxMonths", limit.months.to_string()),
            ],
        );
    } else if let Some(start) = facts.start_date {
        let Some(last) = start.checked_add_months(Months::new(limit.months)) else { return };
        if end <= last {
            return;
        }
        let (start_t, end_t) = (text::date(start), text::date(end));
        out.push(
            "max_duration_from_grant",
            Severity::Info,
            "endDate",
            format!(
                "Van {} tot {} is langer dan {}; vanaf de toekenning mag het arrangement{} hooguit {} duren.",
                start_t.nl, end_t.nl, span.nl, out.of.nl, span.nl
            ),
            format!(
                "From {} to {} is longer than {}; counted from the grant, the limit{} is {}.",
                start_t.en, end_t.en, span.en, out.of.en, span.en
            ),
            [
                ("startDate", start.to_string()),
                ("endDate", end.to_string()),
                ("maxMonths", limit.months.to_string()),
            ],
        );
    }
}

/// 31 July that ends the school year (1 August – 31 July) in which `date` lies.
fn school_year_end(date: NaiveDate) -> Option<NaiveDate> {
    let year = if date.month() >= 8 { date.year() + 1 } else { date.year() };
    NaiveDate::from_ymd_opt(year, 7, 31)
}

/// Start and end months bound to the school year, and at most one school year.
pub(super) fn check_school_year(rules: &RuleSet, facts: &ArrangementFacts, out: &mut Findings) {
    let Some(period) = &rules.school_year_period else { return };
    if let Some(start) = facts.start_date
        && !period.start_months.contains(&start.month())
    {
        let (date, month, allowed) =
            (text::date(start), text::month(start.month()), text::months(&period.start_months));
        out.push(
            "school_year_start",
            period.severity,
            "startDate",
            format!(
                "De startdatum {} valt in {}; een arrangement{} begint in {}.",
                date.nl, month.nl, out.of.nl, allowed.nl
            ),
            format!(
                "The start date {} is in {}; an arrangement{} starts in {}.",
                date.en, month.en, out.of.en, allowed.en
            ),
            [("startDate", start.to_string()), ("allowedMonths", months_param(&period.start_months))],
        );
    }
    let Some(end) = facts.end_date else { return };
    if !period.end_months.contains(&end.month()) {
        let (date, month, allowed) =
            (text::date(end), text::month(end.month()), text::months(&period.end_months));
        out.push(
            "school_year_end",
            period.severity,
            "endDate",
            format!(
                "De einddatum {} valt in {}; een arrangement{} eindigt in {}.",
                date.nl, month.nl, out.of.nl, allowed.nl
            ),
            format!(
                "The end date {} is in {}; an arrangement{} ends in {}.",
                date.en, month.en, out.of.en, allowed.en
            ),
            [("endDate", end.to_string()), ("allowedMonths", months_param(&period.end_months))],
        );
    }
    if !period.single_school_year {
        return;
    }
    let Some(start) = facts.start_date else { return };
    let Some(year_end) = school_year_end(start) else { return };
    if end > year_end {
        let (date, last) = (text::date(end), text::date(year_end));
        let year = format!("{}/{}", year_end.year() - 1, year_end.year());
        out.push(
            "school_year_single",
            period.severity,
            "endDate",
            format!(
                "De einddatum {} ligt na het einde van schooljaar {year} ({}), waarin het arrangement begint; \
                 een arrangement{} duurt hooguit één schooljaar.",
                date.nl, last.nl, out.of.nl
            ),
            format!(
                "The end date {} is after the end of school year {year} ({}), in which the arrangement starts; \
                 an arrangement{} lasts one school year at most.",
                date.en, last.en, out.of.en
            ),
            [("endDate", end.to_string()), ("schoolYearEnd", year_end.to_string())],
        );
    }
}

fn months_param(months: &[u32]) -> String {
    months.iter().map(u32::to_string).collect::<Vec<_>>().join(",")
}
