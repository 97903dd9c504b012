//! [`validate`]: rejects a policy that makes no sense before it is stored.

use serde::{Deserialize, Serialize};

use super::{
    CentsLimit, MinutesLimit, MonthsLimit, POLICY_FORMAT, PaymentScheme, PercentLimit, Policy, RuleSet,
};
use crate::api::problem::FieldError;
use crate::kinds::ArrangementKind;

/// Why a policy value is rejected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PolicyProblemCode {
    UnsupportedFormat,
    Required,
    Empty,
    /// Zero or negative where only a positive number makes sense (a cap, a rate, weeks).
    MustBePositive,
    TooLarge,
    PercentOver100,
    /// The escalation deadline lies before the normal one.
    EscalationBeforeNormal,
    /// A cluster needs at least two pupils.
    TooFewPupils,
    NotApplicable,
    Duplicate,
    InvalidMonth,
}

impl PolicyProblemCode {
    /// The wire form (`must_be_positive`).
    pub fn as_str(self) -> &'static str {
        match self {
            PolicyProblemCode::UnsupportedFormat => "unsupported_format",
            PolicyProblemCode::Required => "required",
            PolicyProblemCode::Empty => "empty",
            PolicyProblemCode::MustBePositive => "must_be_positive",
            PolicyProblemCode::TooLarge => "too_large",
            PolicyProblemCode::PercentOver100 => "percent_over_100",
            PolicyProblemCode::EscalationBeforeNormal => "escalation_before_normal",
            PolicyProblemCode::TooFewPupils => "too_few_pupils",
            PolicyProblemCode::NotApplicable => "not_applicable",
            PolicyProblemCode::Duplicate => "duplicate",
            PolicyProblemCode::InvalidMonth => "invalid_month",
        }
    }
}

/// One rejected value of a policy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct PolicyProblem {
    /// JSON path in the policy document (`individual.amountCapCents.sbo`,
    /// `cluster.attachments[1].anyOf`); empty for the document as a whole.
    pub field: String,
    pub code: PolicyProblemCode,
    /// For the SWV admin, in English.
    pub message: String,
}

impl From<PolicyProblem> for FieldError {
    fn from(p: PolicyProblem) -> Self {
        FieldError::new(p.field, p.code.as_str(), p.message)
    }
}

/// Upper bounds for sanity: a week has 10,080 minutes; deadlines beyond a year are typos.
const MINUTES_PER_WEEK: u32 = 7 * 24 * 60;
const MAX_WEEKS: u32 = 52;
const MAX_SCHOOL_WEEKS: u32 = 53;
const MAX_MONTHS: u32 = 120;

/// Checks a policy; returns every problem found (in document order), or `Ok(())`.
pub fn validate(policy: &Policy) -> Result<(), Vec<PolicyProblem>> {
    let mut p = Problems(Vec::new());
    if policy.format != POLICY_FORMAT {
        p.add("format", PolicyProblemCode::UnsupportedFormat, format!("format must be {POLICY_FORMAT}"));
    }
    if policy.name.trim().is_empty() {
        p.add("name", PolicyProblemCode::Required, "the partnership's name is required".into());
    }
    let sets = [
        (ArrangementKind::Individual, &policy.individual),
        (ArrangementKind::Cluster, &policy.cluster),
        (ArrangementKind::Integral, &policy.integral),
    ];
    if sets.iter().all(|(_, set)| set.is_none()) {
        p.add(
            "",
            PolicyProblemCode::Empty,
            "a policy needs at least one rule set (individual, cluster or integral)".into(),
        );
    }
    for (kind, set) in sets {
        if let Some(set) = set {
            rule_set(&mut p, kind, set);
        }
    }
    if p.0.is_empty() { Ok(()) } else { Err(p.0) }
}

struct Problems(Vec<PolicyProblem>);

impl Problems {
    fn add(&mut self, field: impl Into<String>, code: PolicyProblemCode, message: String) {
        self.0.push(PolicyProblem { field: field.into(), code, message });
    }

    fn cents(&mut self, field: String, cents: i64) {
        if cents <= 0 {
            self.add(
                field,
                PolicyProblemCode::MustBePositive,
                format!("must be more than 0 cents, not {cents}"),
            );
        }
    }

    fn count(&mut self, field: String, value: u32, max: u32) {
        if value == 0 {
            self.add(field, PolicyProblemCode::MustBePositive, "must be more than 0".into());
        } else if value > max {
            self.add(field, PolicyProblemCode::TooLarge, format!("must be at most {max}, not {value}"));
        }
    }

    fn percent(&mut self, field: String, percent: u32) {
        if percent > 100 {
            self.add(
                field,
                PolicyProblemCode::PercentOver100,
                format!("must be at most 100 percent, not {percent}"),
            );
        }
    }
}

fn rule_set(p: &mut Problems, kind: ArrangementKind, set: &RuleSet) {
    let at = |path: &str| format!("{}.{path}", kind.as_str());
    let d = &set.decision;
    p.count(at("decision.weeks"), d.weeks, MAX_WEEKS);
    if d.escalation_weeks < d.weeks {
        p.add(
            at("decision.escalationWeeks"),
            PolicyProblemCode::EscalationBeforeNormal,
            format!(
                "the escalation term ({}) must not be shorter than the normal term ({})",
                d.escalation_weeks, d.weeks
            ),
        );
    } else {
        p.count(at("decision.escalationWeeks"), d.escalation_weeks, MAX_WEEKS);
    }
    match (kind, set.min_pupils) {
        (ArrangementKind::Cluster, None) => p.add(
            at("minPupils"),
            PolicyProblemCode::Required,
            "a cluster needs a minimum of at least 2 pupils".into(),
        ),
        (ArrangementKind::Cluster, Some(min)) if min.count < 2 => p.add(
            at("minPupils.count"),
            PolicyProblemCode::TooFewPupils,
            format!("a cluster has at least 2 pupils, not {}", min.count),
        ),
        (ArrangementKind::Individual | ArrangementKind::Integral, Some(min)) if min.count > 1 => p.add(
            at("minPupils.count"),
            PolicyProblemCode::NotApplicable,
            format!("an {} arrangement is for one pupil", kind.as_str()),
        ),
        _ => {}
    }
    if let Some(caps) = set.amount_cap_cents {
        if caps.regular.is_none() && caps.sbo.is_none() && caps.so.is_none() {
            p.add(
                at("amountCapCents"),
                PolicyProblemCode::Empty,
                "set a cap for at least one school type".into(),
            );
        }
        for (name, cap) in [("regular", caps.regular), ("sbo", caps.sbo), ("so", caps.so)] {
            if let Some(cents) = cap {
                p.cents(at(&format!("amountCapCents.{name}")), cents);
            }
        }
    }
    let cents_limits: [(&str, Option<CentsLimit>); 2] = [
        ("amountPerWeeklyHourCents", set.amount_per_weekly_hour_cents),
        ("hourlyRateCapCents", set.hourly_rate_cap_cents),
    ];
    for (name, limit) in cents_limits {
        if let Some(limit) = limit {
            p.cents(at(&format!("{name}.cents")), limit.cents);
        }
    }
    if let Some(table) = &set.staff_rates {
        if table.rates.is_empty() {
            p.add(
                at("staffRates.rates"),
                PolicyProblemCode::Empty,
                "the staff rate table has no rows".into(),
            );
        }
        for (i, row) in table.rates.iter().enumerate() {
            p.cents(at(&format!("staffRates.rates[{i}].maxCentsPerHour")), row.max_cents_per_hour);
            if table.rates[..i].iter().any(|r| r.function == row.function && r.scale == row.scale) {
                p.add(
                    at(&format!("staffRates.rates[{i}]")),
                    PolicyProblemCode::Duplicate,
                    format!("{} in {} is listed twice", row.function, row.scale),
                );
            }
        }
    }
    let minutes: [(&str, Option<MinutesLimit>); 2] = [
        ("maxMinutesPerWeek", set.max_minutes_per_week),
        ("maxOutsideClassMinutesPerWeek", set.max_outside_class_minutes_per_week),
    ];
    for (name, limit) in minutes {
        if let Some(limit) = limit {
            p.count(at(&format!("{name}.minutes")), limit.minutes, MINUTES_PER_WEEK);
        }
    }
    let percents: [(&str, Option<PercentLimit>); 2] = [
        ("maxIndirectPercentOfDirect", set.max_indirect_percent_of_direct),
        ("minSchoolSharePercent", set.min_school_share_percent),
    ];
    for (name, limit) in percents {
        if let Some(limit) = limit {
            p.percent(at(&format!("{name}.percent")), limit.percent);
        }
    }
    if let Some(limit) = set.max_weeks_per_year {
        p.count(at("maxWeeksPerYear.count"), limit.count, MAX_SCHOOL_WEEKS);
    }
    let months: [(&str, Option<MonthsLimit>); 2] = [
        ("maxMonthsFromGrant", set.max_months_from_grant),
        ("maxResearchReportAgeMonths", set.max_research_report_age_months),
    ];
    for (name, limit) in months {
        if let Some(limit) = limit {
            p.count(at(&format!("{name}.months")), limit.months, MAX_MONTHS);
        }
    }
    if let Some(period) = &set.school_year_period {
        for (name, list) in [("startMonths", &period.start_months), ("endMonths", &period.end_months)] {
            if list.is_empty() {
                p.add(
                    at(&format!("schoolYearPeriod.{name}")),
                    PolicyProblemCode::Empty,
                    "list at least one month".into(),
                );
            }
            for (i, &m) in list.iter().enumerate() {
                if !(1..=12).contains(&m) {
                    p.add(
                        at(&format!("schoolYearPeriod.{name}[{i}]")),
                        PolicyProblemCode::InvalidMonth,
                        format!("a month is 1 to 12, not {m}"),
                    );
                }
            }
        }
    }
    for (i, rule) in set.preconditions.iter().enumerate() {
        if set.preconditions[..i].iter().any(|r| r.condition == rule.condition) {
            p.add(
                at(&format!("preconditions[{i}].condition")),
                PolicyProblemCode::Duplicate,
                format!("{} is listed twice", rule.condition.as_str()),
            );
        }
    }
    for (i, rule) in set.attachments.iter().enumerate() {
        if rule.any_of.is_empty() {
            p.add(
                at(&format!("attachments[{i}].anyOf")),
                PolicyProblemCode::Empty,
                "name at least one kind".into(),
            );
        }
    }
    let deadlines = [
        ("oppWeeksAfterGrant", set.deadlines.opp_weeks_after_grant),
        ("applicationWeeksAfterDirectStart", set.deadlines.application_weeks_after_direct_start),
        ("supportStartWeeksAfterGrant", set.deadlines.support_start_weeks_after_grant),
    ];
    for (name, weeks) in deadlines {
        if let Some(weeks) = weeks {
            p.count(at(&format!("deadlines.{name}")), weeks, MAX_WEEKS);
        }
    }
    if let Some(PaymentScheme::AdvanceAndSettlement { advance_percent }) = set.payment {
        p.percent(at("payment.advancePercent"), u32::from(advance_percent));
    }
}
