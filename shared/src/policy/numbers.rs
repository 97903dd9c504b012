//! Rules on numbers: pupils, amounts, hourly rates, hours per week and weeks.

use super::evaluate::{Findings, count_of, hours_text, kind_label};
use super::text;
use super::{ArrangementFacts, RuleSet, Severity};
use crate::kinds::ExecutorKind;

/// Minimum number of pupils (clusters).
pub(super) fn check_pupils(rules: &RuleSet, facts: &ArrangementFacts, out: &mut Findings) {
    let (Some(limit), Some(count)) = (rules.min_pupils, facts.effective_pupil_count()) else { return };
    if count >= limit.count {
        return;
    }
    let has = count_of(u64::from(count), ("leerling", "leerlingen"), ("pupil", "pupils"));
    let min = count_of(u64::from(limit.count), ("leerling", "leerlingen"), ("pupil", "pupils"));
    let kind = kind_label(facts.kind);
    out.push(
        "min_pupils",
        limit.severity,
        "pupilCount",
        format!("Dit arrangement heeft {}; {}{} vraagt minstens {}.", has.nl, kind.nl, out.of.nl, min.nl),
        format!("This arrangement has {}; {}{} needs at least {}.", has.en, kind.en, out.of.en, min.en),
        [("pupilCount", count.to_string()), ("minPupils", limit.count.to_string())],
    );
}

/// Amount caps: by school type, per weekly hour, or "no cap, justify".
pub(super) fn check_amounts(rules: &RuleSet, facts: &ArrangementFacts, out: &mut Findings) {
    let Some(amount) = facts.amount_per_year_cents else { return };
    let shown = text::euros(amount);
    if let Some(caps) = rules.amount_cap_cents {
        match facts.school_type {
            None if caps.regular.is_some() || caps.sbo.is_some() || caps.so.is_some() => out.push(
                "amount_cap",
                Severity::Info,
                "schoolType",
                format!("Kies het schooltype om het bedrag te toetsen aan het maximum{}.", out.of.nl),
                format!("Choose the school type to check the amount against the cap{}.", out.of.en),
                [("amountPerYearCents", amount.to_string())],
            ),
            None => {}
            Some(school_type) => {
                let cap = match school_type {
                    crate::api::schools::SchoolType::Regular => caps.regular,
                    crate::api::schools::SchoolType::Sbo => caps.sbo,
                    crate::api::schools::SchoolType::So => caps.so,
                };
                if let Some(cap) = cap.filter(|&cap| amount > cap) {
                    let max = text::euros(cap);
                    let (type_nl, type_en) = text::school_type(school_type);
                    out.push(
                        "amount_cap",
                        caps.severity,
                        "amountPerYearCents",
                        format!(
                            "{} per jaar is meer dan het maximum van {} per jaar voor {}{}.",
                            shown.nl, max.nl, type_nl, out.of.nl
                        ),
                        format!(
                            "{} per year is more than the maximum of {} per year for {}{}.",
                            shown.en, max.en, type_en, out.of.en
                        ),
                        [
                            ("amountPerYearCents", amount.to_string()),
                            ("capCents", cap.to_string()),
                            ("schoolType", school_type.as_str().to_string()),
                        ],
                    );
                }
            }
        }
    }
    if let (Some(rate), Some(minutes)) = (rules.amount_per_weekly_hour_cents, facts.funded_minutes_per_week())
    {
        // amount > rate × minutes / 60, compared without rounding.
        if i128::from(amount) * 60 > i128::from(rate.cents) * i128::from(minutes) {
            let cap = i64::try_from(i128::from(rate.cents) * i128::from(minutes) / 60).unwrap_or(i64::MAX);
            let (max, per_hour, hours) = (text::euros(cap), text::euros(rate.cents), hours_text(minutes));
            out.push(
                "amount_per_weekly_hour",
                rate.severity,
                "amountPerYearCents",
                format!(
                    "{} per jaar is meer dan {} per week × {} per jaar per wekelijks uur = {}{}.",
                    shown.nl, hours.nl, per_hour.nl, max.nl, out.of.nl
                ),
                format!(
                    "{} per year is more than {} per week × {} per year per weekly hour = {}{}.",
                    shown.en, hours.en, per_hour.en, max.en, out.of.en
                ),
                [
                    ("amountPerYearCents", amount.to_string()),
                    ("capCents", cap.to_string()),
                    ("fundedMinutesPerWeek", minutes.to_string()),
                    ("yearlyRateCents", rate.cents.to_string()),
                ],
            );
        }
    }
    if let Some(check) = rules.amount_justification {
        out.push(
            "amount_justification",
            check.severity,
            "amountPerYearCents",
            format!(
                "Er geldt geen maximumbedrag{}, maar {} per jaar moet passend zijn: onderbouw waarom.",
                out.of.nl, shown.nl
            ),
            format!(
                "There is no cap on the amount{}, but {} per year must be fitting: explain why.",
                out.of.en, shown.en
            ),
            [("amountPerYearCents", amount.to_string())],
        );
    }
}

/// Hourly-rate caps: a flat cap, and the table for the school's own staff.
pub(super) fn check_rates(rules: &RuleSet, facts: &ArrangementFacts, out: &mut Findings) {
    if let (Some(cap), Some(rate)) = (rules.hourly_rate_cap_cents, facts.hourly_rate_cents)
        && rate > cap.cents
    {
        let (shown, max) = (text::euros(rate), text::euros(cap.cents));
        out.push(
            "hourly_rate_cap",
            cap.severity,
            "hourlyRateCents",
            format!(
                "Een uurtarief van {} is hoger dan het maximum van {} per uur{}.",
                shown.nl, max.nl, out.of.nl
            ),
            format!(
                "An hourly rate of {} is more than the maximum of {} per hour{}.",
                shown.en, max.en, out.of.en
            ),
            [("hourlyRateCents", rate.to_string()), ("capCents", cap.cents.to_string())],
        );
    }
    let Some(table) = &rules.staff_rates else { return };
    if facts.executor_kind != Some(ExecutorKind::Internal) {
        return;
    }
    let (Some(function), Some(scale)) = (facts.staff_function, facts.salary_scale) else {
        if facts.hourly_rate_cents.is_some() {
            let field = if facts.staff_function.is_none() { "staffFunction" } else { "salaryScale" };
            out.push(
                "staff_rate",
                Severity::Info,
                field,
                format!(
                    "Kies functie en schaal van de eigen medewerker om het uurtarief te toetsen{}.",
                    out.of.nl
                ),
                format!(
                    "Choose the function and scale of the school's own staff member to check the rate{}.",
                    out.of.en
                ),
                [],
            );
        }
        return;
    };
    let (function_nl, function_en) = text::staff_function(function);
    let (scale_nl, scale_en) = text::salary_scale(scale);
    let Some(row) = table.rates.iter().find(|r| r.function == function && r.scale == scale) else {
        out.push(
            "staff_rate_unlisted",
            table.unlisted_severity,
            "salaryScale",
            format!(
                "Voor {function_nl} in {scale_nl} is geen maximumuurtarief vastgesteld{}; onderbouw het tarief.",
                out.of.nl
            ),
            format!("No maximum hourly rate is set for {function_en} in {scale_en}{}; justify the rate.", out.of.en),
            [("staffFunction", function.as_str().to_string()), ("salaryScale", scale.as_str().to_string())],
        );
        return;
    };
    let Some(rate) = facts.hourly_rate_cents.filter(|&rate| rate > row.max_cents_per_hour) else { return };
    let (shown, max) = (text::euros(rate), text::euros(row.max_cents_per_hour));
    out.push(
        "staff_rate",
        table.severity,
        "hourlyRateCents",
        format!(
            "Een uurtarief van {} is hoger dan het maximum van {} per uur voor {function_nl} in {scale_nl}{}.",
            shown.nl, max.nl, out.of.nl
        ),
        format!(
            "An hourly rate of {} is more than the maximum of {} per hour for {function_en} in {scale_en}{}.",
            shown.en, max.en, out.of.en
        ),
        [
            ("hourlyRateCents", rate.to_string()),
            ("capCents", row.max_cents_per_hour.to_string()),
            ("staffFunction", function.as_str().to_string()),
            ("salaryScale", scale.as_str().to_string()),
        ],
    );
}

/// Hours per week (funded, outside the class, indirect share, school's share) and weeks per year.
pub(super) fn check_hours(rules: &RuleSet, facts: &ArrangementFacts, out: &mut Findings) {
    if let (Some(max), Some(funded)) = (rules.max_minutes_per_week, facts.funded_minutes_per_week())
        && funded > max.minutes
    {
        let (has, limit) = (hours_text(funded), hours_text(max.minutes));
        let both = facts.indirect_minutes_per_week.unwrap_or(0) > 0;
        let (what_nl, what_en) =
            if both { (" (direct en indirect samen)", " (direct and indirect together)") } else { ("", "") };
        out.push(
            "max_minutes_per_week",
            max.severity,
            "directMinutesPerWeek",
            format!(
                "{} per week{what_nl} is meer dan het maximum van {} per week{}.",
                has.nl, limit.nl, out.of.nl
            ),
            format!(
                "{} per week{what_en} is more than the maximum of {} per week{}.",
                has.en, limit.en, out.of.en
            ),
            [("fundedMinutesPerWeek", funded.to_string()), ("maxMinutes", max.minutes.to_string())],
        );
    }
    if let (Some(max), Some(outside)) =
        (rules.max_outside_class_minutes_per_week, facts.outside_class_minutes_per_week)
        && outside > max.minutes
    {
        let (has, limit) = (hours_text(outside), hours_text(max.minutes));
        out.push(
            "max_outside_class_minutes_per_week",
            max.severity,
            "outsideClassMinutesPerWeek",
            format!(
                "{} per week advies en begeleiding buiten de klas is meer dan het maximum van {} per week{}.",
                has.nl, limit.nl, out.of.nl
            ),
            format!(
                "{} per week of advice and guidance outside the class is more than the maximum of {} per week{}.",
                has.en, limit.en, out.of.en
            ),
            [("outsideClassMinutesPerWeek", outside.to_string()), ("maxMinutes", max.minutes.to_string())],
        );
    }
    if let (Some(max), Some(direct), Some(indirect)) =
        (rules.max_indirect_percent_of_direct, facts.direct_minutes_per_week, facts.indirect_minutes_per_week)
        && u64::from(indirect) * 100 > u64::from(max.percent) * u64::from(direct)
    {
        let pct = text::percent(u64::from(indirect), u64::from(direct));
        let (ind, dir) = (hours_text(indirect), hours_text(direct));
        out.push(
            "max_indirect_percent",
            max.severity,
            "indirectMinutesPerWeek",
            format!(
                "Indirecte tijd is {}% van de directe tijd ({} tegen {} per week); het maximum{} is {}%.",
                pct.nl, ind.nl, dir.nl, out.of.nl, max.percent
            ),
            format!(
                "Indirect time is {}% of direct time ({} against {} per week); the maximum{} is {}%.",
                pct.en, ind.en, dir.en, out.of.en, max.percent
            ),
            [
                ("indirectMinutesPerWeek", indirect.to_string()),
                ("directMinutesPerWeek", direct.to_string()),
                ("maxPercent", max.percent.to_string()),
            ],
        );
    }
    if let (Some(min), Some(own), Some(direct)) =
        (rules.min_school_share_percent, facts.school_minutes_per_week, facts.direct_minutes_per_week)
    {
        let needed = u64::from(own) + u64::from(direct);
        if needed > 0 && u64::from(own) * 100 < u64::from(min.percent) * needed {
            let pct = text::percent(u64::from(own), needed);
            let (has, all) = (hours_text(own), hours_text(own.saturating_add(direct)));
            out.push(
                "min_school_share",
                min.severity,
                "schoolMinutesPerWeek",
                format!(
                    "De school levert zelf {}% van de benodigde uren ({} van {} per week); het minimum{} is {}%.",
                    pct.nl, has.nl, all.nl, out.of.nl, min.percent
                ),
                format!(
                    "The school itself provides {}% of the needed hours ({} of {} per week); the minimum{} is {}%.",
                    pct.en, has.en, all.en, out.of.en, min.percent
                ),
                [
                    ("schoolMinutesPerWeek", own.to_string()),
                    ("directMinutesPerWeek", direct.to_string()),
                    ("minPercent", min.percent.to_string()),
                ],
            );
        }
    }
    if let (Some(max), Some(weeks)) = (rules.max_weeks_per_year, facts.weeks)
        && weeks > max.count
    {
        let (has, limit) = (
            count_of(u64::from(weeks), ("schoolweek", "schoolweken"), ("school week", "school weeks")),
            count_of(u64::from(max.count), ("schoolweek", "schoolweken"), ("school week", "school weeks")),
        );
        out.push(
            "max_weeks_per_year",
            max.severity,
            "weeks",
            format!("{} per jaar is meer dan het maximum van {}{}.", has.nl, limit.nl, out.of.nl),
            format!("{} per year is more than the maximum of {}{}.", has.en, limit.en, out.of.en),
            [("weeks", weeks.to_string()), ("maxWeeks", max.count.to_string())],
        );
    }
}
