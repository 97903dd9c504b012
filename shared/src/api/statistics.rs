//! Statistics of the caller's scope (`GET /api/v1/statistics?year=`): what the partnership's
//! money achieved, for the SWV office (the partnership), school staff (their school) and
//! consultants (their caseload). Counts, euro cents and whole days; the same numbers on SQLite
//! and PostgreSQL.

use serde::{Deserialize, Serialize};

use crate::deadlines::DeadlineKind;
use crate::ids::{SchoolBoardId, SchoolId};
use crate::kinds::ArrangementKind;
use crate::workflow::Status;

/// The figures of one calendar year (and the money of the years around it) within the caller's
/// scope.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StatisticsResponse {
    pub year: i32,
    /// Whose figures these are: the whole partnership, one school, or a consultant's caseload.
    pub scope: StatisticsScope,
    /// Arrangements requested (created) in the year.
    pub arrangements: u64,
    /// Every kind, zeros included.
    pub by_kind: Vec<KindCount>,
    /// Every status (the arrangement's status now), zeros included.
    pub by_status: Vec<StatusCount>,
    /// Every school in scope, by name, zeros included.
    pub by_school: Vec<SchoolCount>,
    /// The boards of the schools in scope, by name.
    pub by_board: Vec<BoardCount>,
    /// Granted amounts and payments per calendar year, for the year and the two years before
    /// and after it that have money, ascending.
    pub money: Vec<YearMoney>,
    pub throughput: Throughput,
    /// Results of the OPP goal evaluations recorded in the year.
    pub goals: GoalAttainment,
    /// Deadlines that are overdue today.
    pub overdue_deadlines: OverdueDeadlines,
}

vocabulary! {
    /// Whose figures a statistics answer holds.
    StatisticsScope {
        /// The SWV office: every school of the partnership.
        Partnership = "partnership",
        /// School staff: their own school.
        School = "school",
        /// A consultant: the schools of their caseload.
        Caseload = "caseload",
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct KindCount {
    pub kind: ArrangementKind,
    pub count: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StatusCount {
    pub status: Status,
    pub count: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SchoolCount {
    pub school_id: SchoolId,
    pub name: String,
    pub count: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BoardCount {
    pub school_board_id: SchoolBoardId,
    pub name: String,
    pub count: u64,
}

/// The money of one calendar year (payment round), in euro cents, computed by the same
/// calendar-year split and payment schedule as `GET /payments`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct YearMoney {
    pub year: i32,
    /// Granted arrangements with a part in this year.
    pub arrangements: u64,
    /// This year's part of the grants (pro rata by month).
    pub granted_cents: i64,
    pub paid_at_grant_cents: i64,
    pub after_accountability_cents: i64,
    /// Settlements of early terminations (negative: paid back).
    pub settlement_cents: i64,
    /// `paidAtGrant + afterAccountability + settlement`.
    pub total_cents: i64,
}

/// How long the route takes, in calendar days.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Throughput {
    /// First submission → decision (grant or rejection), for decisions taken in the year.
    pub request_to_decision: DurationStats,
    /// Last "make definitive" → decision, for decisions taken in the year, against the
    /// partnership's decision term.
    pub definitive_to_decision: DurationStats,
    /// Grant → start of the support, for starts in the year.
    pub grant_to_start: DurationStats,
}

/// Median, average and extremes of a number of durations (days).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DurationStats {
    pub count: u64,
    /// The middle value (the mean of the two middle ones for an even count); none when empty.
    pub median_days: Option<f64>,
    /// Rounded to one decimal; none when empty.
    pub average_days: Option<f64>,
    pub min_days: Option<i64>,
    pub max_days: Option<i64>,
    /// How many took longer than the partnership's term (only for definitive → decision).
    pub over_deadline: Option<u64>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GoalAttainment {
    pub achieved: u64,
    pub partly_achieved: u64,
    pub not_achieved: u64,
}

/// Overdue deadlines now, per kind of deadline (only kinds with a count above zero).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OverdueDeadlines {
    pub total: u64,
    pub by_kind: Vec<DeadlineKindCount>,
    /// Kinds of deadline this count leaves out (they depend on the OPPs' consent state, which
    /// is not aggregated; `GET /deadlines` lists them per dossier).
    pub not_counted: Vec<DeadlineKind>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeadlineKindCount {
    pub kind: DeadlineKind,
    pub count: u64,
}

impl YearMoney {
    /// The table/CSV row of this year.
    pub fn cells(&self) -> [i64; 5] {
        [
            self.granted_cents,
            self.paid_at_grant_cents,
            self.after_accountability_cents,
            self.settlement_cents,
            self.total_cents,
        ]
    }
}
