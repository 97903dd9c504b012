//! The three partnerships of DOMAIN.md ("Three partnerships, three rule sets") as presets.
//! A new partnership starts from one of these and its SWV admin edits the numbers.

use super::{
    AmountCapBySchoolType, AttachmentRule, CentsLimit, Check, CountLimit, DeadlineSettings, DecidingBody,
    DecisionSettings, MinutesLimit, MonthsLimit, POLICY_FORMAT, PaymentScheme, PercentLimit, Policy,
    Precondition, PreconditionRule, RuleSet, SchoolYearPeriod, Severity, StaffRate, StaffRateTable,
};
use crate::kinds::{AttachmentKind, SalaryScale, StaffFunction};

/// The presets as (code, name, policy): `utrecht-po`, `liemers-po`, `holland-rijnland-po`.
pub fn presets() -> Vec<(&'static str, &'static str, Policy)> {
    vec![
        ("utrecht-po", "SWV Utrecht PO", Policy::utrecht_po()),
        ("liemers-po", "SWV de Liemers", Policy::de_liemers()),
        ("holland-rijnland-po", "SWV Holland Rijnland", Policy::holland_rijnland()),
    ]
}

fn required(any_of: &[AttachmentKind], per_pupil: bool) -> AttachmentRule {
    AttachmentRule { any_of: any_of.to_vec(), per_pupil, severity: Severity::Block }
}

fn must(condition: Precondition, severity: Severity) -> PreconditionRule {
    PreconditionRule { condition, severity }
}

/// The typical required set (DOMAIN.md, "Application"): an OPP per pupil, the quote or
/// agreement (or an hours statement for internal staff), the report of the start meeting, the
/// consultant's advice and the goals for teacher and school.
fn utrecht_attachments() -> Vec<AttachmentRule> {
    use AttachmentKind::*;
    vec![
        required(&[Opp], true),
        required(&[Quote, Agreement, HoursStatement], false),
        required(&[StartMeetingReport], false),
        required(&[ConsultantAdvice], false),
        required(&[TeacherSchoolGoals], false),
    ]
}

/// Research reports not older than two years (warn).
const RESEARCH_REPORT_AGE: Option<MonthsLimit> = Some(MonthsLimit { months: 24, severity: Severity::Warn });

/// Maximum hourly rates for the school's own staff, by function × salary scale.
///
/// ILLUSTRATIVE DEFAULTS, not SWV Utrecht's figures: plausible 2026 hourly personnel costs
/// (CAO PO salary at the top of the scale plus employer charges, divided by ~1,659 working hours a
/// year), rounded to whole euros. An SWV admin must check them against the partnership's own
/// table before use.
pub fn illustrative_staff_rates() -> Vec<StaffRate> {
    use SalaryScale::*;
    use StaffFunction::*;
    let rate = |function, scale, euros: i64| StaffRate { function, scale, max_cents_per_hour: euros * 100 };
    vec![
        rate(Teacher, La, 52),
        rate(Teacher, Lb, 57),
        rate(Specialist, Lb, 57),
        rate(Specialist, Lc, 62),
        rate(InternalCoach, Lb, 57),
        rate(InternalCoach, Scale11, 60),
        rate(Orthopedagogue, Scale11, 60),
        rate(Orthopedagogue, Lc, 62),
        rate(TeachingAssistant, Scale4, 33),
    ]
}

/// ILLUSTRATIVE DEFAULT: the yearly cost of one weekly hour of a teaching assistant in scale 4
/// (about €52,000 a year for 40 hours a week ≈ €1,300, rounded up to €1,350). An SWV admin must
/// check it against de Liemers' current figure.
pub const LIEMERS_YEARLY_RATE_PER_WEEKLY_HOUR_CENTS: i64 = 135_000;

impl Policy {
    /// SWV Utrecht PO: individual (the TLC decides; €7,000/€3,500 a year; staff rate table; at
    /// most 40 school weeks and one year from the grant) and cluster (the consultant decides; no
    /// amount cap but justify it; €100 an hour; advice outside the class ≤ 2.5 h/week and
    /// indirect time ≤ 30% of direct, both warn; anonymised at the request stage).
    pub fn utrecht_po() -> Self {
        let individual = RuleSet {
            amount_cap_cents: Some(AmountCapBySchoolType {
                regular: Some(700_000),
                sbo: Some(350_000),
                so: None,
                severity: Severity::Block,
            }),
            staff_rates: Some(StaffRateTable {
                rates: illustrative_staff_rates(),
                severity: Severity::Block,
                unlisted_severity: Severity::Warn,
            }),
            max_weeks_per_year: Some(CountLimit { count: 40, severity: Severity::Block }),
            max_months_from_grant: Some(MonthsLimit { months: 12, severity: Severity::Block }),
            attachments: utrecht_attachments(),
            max_research_report_age_months: RESEARCH_REPORT_AGE,
            deadlines: DeadlineSettings { opp_weeks_after_grant: Some(6), ..DeadlineSettings::default() },
            payment: Some(PaymentScheme::PerCalendarYear),
            ..RuleSet::new(DecisionSettings { decided_by: DecidingBody::Tlc, weeks: 6, escalation_weeks: 10 })
        };
        let cluster = RuleSet {
            min_pupils: Some(CountLimit { count: 2, severity: Severity::Block }),
            amount_justification: Some(Check { severity: Severity::Warn }),
            hourly_rate_cap_cents: Some(CentsLimit { cents: 10_000, severity: Severity::Block }),
            max_outside_class_minutes_per_week: Some(MinutesLimit { minutes: 150, severity: Severity::Warn }),
            max_indirect_percent_of_direct: Some(PercentLimit { percent: 30, severity: Severity::Warn }),
            preconditions: vec![must(Precondition::AnonymisedAtRequest, Severity::Block)],
            attachments: utrecht_attachments(),
            max_research_report_age_months: RESEARCH_REPORT_AGE,
            deadlines: DeadlineSettings {
                opp_weeks_after_grant: Some(6),
                application_weeks_after_direct_start: Some(6),
                support_start_weeks_after_grant: None,
            },
            payment: Some(PaymentScheme::PerAgreement),
            // DOMAIN.md gives the decision terms for the individual route; the same service
            // level (6 weeks, at most 10) is assumed for the consultant's decision on a cluster.
            ..RuleSet::new(DecisionSettings {
                decided_by: DecidingBody::Consultant,
                weeks: 6,
                escalation_weeks: 10,
            })
        };
        Policy {
            format: POLICY_FORMAT,
            name: "SWV Utrecht PO".into(),
            individual: Some(individual),
            cluster: Some(cluster),
            integral: None,
        }
    }

    /// SWV de Liemers, "arrangement basisonderwijs" (individual and cluster alike): the director
    /// decides; amount ≤ funded hours per week × the yearly rate of a teaching assistant scale 4;
    /// at most 3 h/week (block); the school provides ≥ 50% of the needed hours itself (warn); per
    /// school year, starting in August/September or January and ending in July; counsellor
    /// involved, OPP signed by parents, half a year of needs-based work; 75% paid at the grant.
    pub fn de_liemers() -> Self {
        let base = RuleSet {
            amount_per_weekly_hour_cents: Some(CentsLimit {
                cents: LIEMERS_YEARLY_RATE_PER_WEEKLY_HOUR_CENTS,
                severity: Severity::Block,
            }),
            max_minutes_per_week: Some(MinutesLimit { minutes: 180, severity: Severity::Block }),
            min_school_share_percent: Some(PercentLimit { percent: 50, severity: Severity::Warn }),
            // School-year start = 1 August; in practice the first school day, so August and
            // September both count. Warn, not block: a grant in October with a start "within 4
            // weeks" is a well-argued reason to deviate.
            school_year_period: Some(SchoolYearPeriod {
                start_months: vec![8, 9, 1],
                end_months: vec![7],
                single_school_year: true,
                severity: Severity::Warn,
            }),
            preconditions: vec![
                must(Precondition::CounsellorSupports, Severity::Block),
                must(Precondition::OppSignedByParents, Severity::Block),
                must(Precondition::HalfYearNeedsBasedWork, Severity::Block),
            ],
            attachments: vec![
                required(&[AttachmentKind::Opp], true),
                required(
                    &[AttachmentKind::Quote, AttachmentKind::Agreement, AttachmentKind::HoursStatement],
                    false,
                ),
            ],
            max_research_report_age_months: RESEARCH_REPORT_AGE,
            deadlines: DeadlineSettings {
                opp_weeks_after_grant: Some(6),
                application_weeks_after_direct_start: None,
                support_start_weeks_after_grant: Some(4),
            },
            payment: Some(PaymentScheme::AdvanceAndSettlement { advance_percent: 75 }),
            // No decision term in DOMAIN.md: 6 weeks, at most the Awb's 8.
            ..RuleSet::new(DecisionSettings {
                decided_by: DecidingBody::Director,
                weeks: 6,
                escalation_weeks: 8,
            })
        };
        let cluster =
            RuleSet { min_pupils: Some(CountLimit { count: 2, severity: Severity::Block }), ..base.clone() };
        Policy {
            format: POLICY_FORMAT,
            name: "SWV de Liemers".into(),
            individual: Some(base),
            cluster: Some(cluster),
            integral: None,
        }
    }

    /// SWV Holland Rijnland: integral arrangements designed in the broad meeting, which agrees;
    /// the school keeps the regie over the OPP. No caps, no fixed duration (until the evaluation
    /// says otherwise); the school's own support route comes first, one case director is named and
    /// the evaluation moment is agreed in the meeting.
    pub fn holland_rijnland() -> Self {
        let integral = RuleSet {
            preconditions: vec![
                must(Precondition::OwnSupportRouteFollowed, Severity::Block),
                must(Precondition::CaseDirectorNamed, Severity::Block),
                must(Precondition::EvaluationMomentAgreed, Severity::Warn),
            ],
            attachments: vec![required(&[AttachmentKind::Opp], true)],
            max_research_report_age_months: RESEARCH_REPORT_AGE,
            deadlines: DeadlineSettings { opp_weeks_after_grant: Some(6), ..DeadlineSettings::default() },
            payment: None,
            // No decision term in DOMAIN.md: 6 weeks, at most the Awb's 8.
            ..RuleSet::new(DecisionSettings {
                decided_by: DecidingBody::BroadMeeting,
                weeks: 6,
                escalation_weeks: 8,
            })
        };
        Policy {
            format: POLICY_FORMAT,
            name: "SWV Holland Rijnland".into(),
            individual: None,
            cluster: None,
            integral: Some(integral),
        }
    }
}
