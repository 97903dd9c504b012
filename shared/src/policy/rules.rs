//! The parts of a [`RuleSet`]: every rule is a number or table plus its [`Severity`].
//! `None` (JSON `null`) or an empty list means "this partnership has no such rule".

use serde::{Deserialize, Serialize};

use super::Severity;
use crate::kinds::{AttachmentKind, SalaryScale, StaffFunction};

/// The rules for one kind of arrangement in one partnership.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RuleSet {
    /// Who takes the formal decision, and within how many weeks.
    pub decision: DecisionSettings,
    /// Minimum number of pupils (clusters: at least 2).
    pub min_pupils: Option<CountLimit>,
    /// Cap on the amount per year, by school type (Utrecht individual: regular €7,000, SBO €3,500).
    pub amount_cap_cents: Option<AmountCapBySchoolType>,
    /// Cap on the amount per year as funded hours per week × a fixed yearly rate per weekly hour
    /// (de Liemers: the yearly rate of a teaching assistant, scale 4).
    pub amount_per_weekly_hour_cents: Option<CentsLimit>,
    /// No cap, but the amount must be justified as fitting (Utrecht cluster): a finding with this
    /// severity whenever an amount is filled in.
    pub amount_justification: Option<Check>,
    /// Flat cap on the hourly rate of any executor (Utrecht cluster: €100).
    pub hourly_rate_cap_cents: Option<CentsLimit>,
    /// Hourly-rate caps for the school's own staff by function × salary scale (Utrecht individual).
    pub staff_rates: Option<StaffRateTable>,
    /// Cap on funded time (direct + indirect) per week (de Liemers: 3 hours).
    pub max_minutes_per_week: Option<MinutesLimit>,
    /// Cap on advice/guidance outside the class per week (Utrecht cluster: 2.5 hours).
    pub max_outside_class_minutes_per_week: Option<MinutesLimit>,
    /// Cap on indirect time as a percentage of direct time (Utrecht cluster: 30%).
    pub max_indirect_percent_of_direct: Option<PercentLimit>,
    /// The school's own share of the needed hours (own + direct), at least this percentage
    /// (de Liemers: 50%).
    pub min_school_share_percent: Option<PercentLimit>,
    /// Cap on the number of school weeks of support per year (Utrecht individual: 40).
    pub max_weeks_per_year: Option<CountLimit>,
    /// The end date lies at most this many months after the grant (Utrecht individual: 12).
    pub max_months_from_grant: Option<MonthsLimit>,
    /// Periods bound to the school year (de Liemers).
    pub school_year_period: Option<SchoolYearPeriod>,
    /// Statements that must be confirmed true before the application can proceed.
    #[serde(default)]
    pub preconditions: Vec<PreconditionRule>,
    /// Documents the application needs; it stays incomplete until all are there.
    #[serde(default)]
    pub attachments: Vec<AttachmentRule>,
    /// Research reports (onderzoeksverslagen) may be at most this many months old (24).
    pub max_research_report_age_months: Option<MonthsLimit>,
    /// Deadline settings; the clocks are computed elsewhere (`dates`).
    pub deadlines: DeadlineSettings,
    /// How the money is paid; computed elsewhere (`money`). `None`: not funded through this system.
    pub payment: Option<PaymentScheme>,
}

impl RuleSet {
    /// A rule set with only a decision and no other rules; presets fill in the rest.
    pub fn new(decision: DecisionSettings) -> Self {
        Self {
            decision,
            min_pupils: None,
            amount_cap_cents: None,
            amount_per_weekly_hour_cents: None,
            amount_justification: None,
            hourly_rate_cap_cents: None,
            staff_rates: None,
            max_minutes_per_week: None,
            max_outside_class_minutes_per_week: None,
            max_indirect_percent_of_direct: None,
            min_school_share_percent: None,
            max_weeks_per_year: None,
            max_months_from_grant: None,
            school_year_period: None,
            preconditions: Vec::new(),
            attachments: Vec::new(),
            max_research_report_age_months: None,
            deadlines: DeadlineSettings::default(),
            payment: None,
        }
    }
}

/// Who takes the formal decision on an application.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DecidingBody {
    /// Toelaatbaarheidscommissie (meets weekly).
    Tlc,
    /// The consultant, on behalf of the SWV.
    Consultant,
    /// The SWV director.
    Director,
    /// The broad meeting (breed overleg) agrees; the school keeps the regie over the OPP.
    BroadMeeting,
}

/// Who decides and the service level for the decision, in weeks after the application is
/// definitive: `weeks` normally, never later than `escalation_weeks`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DecisionSettings {
    pub decided_by: DecidingBody,
    pub weeks: u32,
    pub escalation_weeks: u32,
}

/// A limit in cents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CentsLimit {
    pub cents: i64,
    pub severity: Severity,
}

/// A limit in minutes (per week).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MinutesLimit {
    pub minutes: u32,
    pub severity: Severity,
}

/// A limit in whole percent (0–100).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PercentLimit {
    pub percent: u32,
    pub severity: Severity,
}

/// A limit on a count (pupils, weeks).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CountLimit {
    pub count: u32,
    pub severity: Severity,
}

/// A limit in calendar months.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MonthsLimit {
    pub months: u32,
    pub severity: Severity,
}

/// A rule without a number: it holds or reports with this severity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Check {
    pub severity: Severity,
}

/// Cap on the amount per year, per school type; `None` for a type means no cap for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AmountCapBySchoolType {
    /// Regular primary school (basisschool).
    pub regular: Option<i64>,
    /// Speciaal basisonderwijs.
    pub sbo: Option<i64>,
    /// Speciaal onderwijs.
    pub so: Option<i64>,
    pub severity: Severity,
}

/// The maximum hourly rate for internal staff of one function and salary scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StaffRate {
    pub function: StaffFunction,
    pub scale: SalaryScale,
    pub max_cents_per_hour: i64,
}

/// Hourly-rate caps for internal staff (executor kind `internal`). A rate above the row's cap
/// reports with `severity`; a function × scale missing from the table with `unlisted_severity`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StaffRateTable {
    pub rates: Vec<StaffRate>,
    pub severity: Severity,
    pub unlisted_severity: Severity,
}

/// Periods bound to the school year (1 August – 31 July). In practice an arrangement starts on
/// the first school day, so the start is judged by month: `start_months` lists the accepted
/// months (1 = January … 12 = December), `end_months` likewise for the end date. With
/// `single_school_year` the end must also lie in the school year in which the start lies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SchoolYearPeriod {
    pub start_months: Vec<u32>,
    pub end_months: Vec<u32>,
    pub single_school_year: bool,
    pub severity: Severity,
}

/// A statement the school (or consultant) confirms on the application.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Precondition {
    /// The ambulant counsellor (ambulant begeleider) is already involved and supports it.
    CounsellorSupports,
    /// The parents have signed the OPP.
    OppSignedByParents,
    /// At least half a year of planned, needs-based work (handelingsgericht werken) preceded it.
    HalfYearNeedsBasedWork,
    /// The school's own support route was followed first.
    OwnSupportRouteFollowed,
    /// The request was anonymised at the request stage.
    AnonymisedAtRequest,
    /// One case director (regievoerder) is named.
    CaseDirectorNamed,
    /// The evaluation moment was agreed in the (broad) meeting.
    EvaluationMomentAgreed,
}

impl Precondition {
    pub const ALL: [Precondition; 7] = [
        Precondition::CounsellorSupports,
        Precondition::OppSignedByParents,
        Precondition::HalfYearNeedsBasedWork,
        Precondition::OwnSupportRouteFollowed,
        Precondition::AnonymisedAtRequest,
        Precondition::CaseDirectorNamed,
        Precondition::EvaluationMomentAgreed,
    ];

    /// The wire form (`counsellor_supports`), also used in rule ids.
    pub fn as_str(self) -> &'static str {
        match self {
            Precondition::CounsellorSupports => "counsellor_supports",
            Precondition::OppSignedByParents => "opp_signed_by_parents",
            Precondition::HalfYearNeedsBasedWork => "half_year_needs_based_work",
            Precondition::OwnSupportRouteFollowed => "own_support_route_followed",
            Precondition::AnonymisedAtRequest => "anonymised_at_request",
            Precondition::CaseDirectorNamed => "case_director_named",
            Precondition::EvaluationMomentAgreed => "evaluation_moment_agreed",
        }
    }

    /// The [`ArrangementFacts`](super::ArrangementFacts) field that answers it (lowerCamelCase).
    pub fn field(self) -> &'static str {
        match self {
            Precondition::CounsellorSupports => "counsellorSupports",
            Precondition::OppSignedByParents => "oppSignedByParents",
            Precondition::HalfYearNeedsBasedWork => "halfYearNeedsBasedWork",
            Precondition::OwnSupportRouteFollowed => "ownSupportRouteFollowed",
            Precondition::AnonymisedAtRequest => "anonymisedAtRequest",
            Precondition::CaseDirectorNamed => "caseDirectorNamed",
            Precondition::EvaluationMomentAgreed => "evaluationMomentAgreed",
        }
    }
}

/// A precondition that must be confirmed true.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PreconditionRule {
    pub condition: Precondition,
    pub severity: Severity,
}

/// A required document: at least one attachment of one of `any_of` (so "quote OR agreement OR
/// hours statement" is one rule); with `per_pupil`, one for every pupil (an OPP per pupil).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AttachmentRule {
    pub any_of: Vec<AttachmentKind>,
    pub per_pupil: bool,
    pub severity: Severity,
}

/// Deadline settings in weeks; `None` means the partnership sets no such deadline.
/// The decision deadline lives in [`DecisionSettings`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeadlineSettings {
    /// The OPPs must be set within this many weeks of the grant (by law: 6).
    pub opp_weeks_after_grant: Option<u32>,
    /// After a direct start, the application must be in the system within this many weeks.
    pub application_weeks_after_direct_start: Option<u32>,
    /// The support must start within this many weeks of the grant.
    pub support_start_weeks_after_grant: Option<u32>,
}

/// How a granted amount is paid out: the money module's scheme, so the rules and the
/// payment computation cannot drift apart.
pub use crate::money::PaymentScheme;
