//! Arrangements (dossiers): the proposal, the route through its statuses, the history.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::api::auth::SchoolRef;
use crate::api::preconditions::PreconditionAnswers;
use crate::api::pupils::PupilRef;
use crate::ids::{ArrangementId, EventId, ExecutorId, PupilId, UserId};
use crate::kinds::{ArrangementKind, CareScope, ExecutorKind, SalaryScale, StaffFunction, StartRoute};
use crate::money::{self, Cents, Minutes};
use crate::policy::ArrangementFacts;
use crate::role::Role;
use crate::workflow::{Action, Status};

/// The proposal part (arrangementsvoorstel). Everything but the texts may be left empty in a
/// draft; the rules say what must be filled in before it can go on.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Proposal {
    /// Goals for the pupil(s): what goes well or badly, why, what we aim for.
    #[serde(default)]
    pub goals_pupils: String,
    #[serde(default)]
    pub goals_teacher: String,
    #[serde(default)]
    pub goals_school: String,
    /// The support: what is done, by whom, inside or outside the class.
    #[serde(default)]
    pub support_description: String,
    /// Direct support per week, in minutes.
    pub direct_minutes_per_week: Option<u32>,
    /// Indirect time (preparation, consultation, reporting) per week, in minutes.
    pub indirect_minutes_per_week: Option<u32>,
    /// Of the direct support, how much takes place outside the class, in minutes per week.
    pub outside_class_minutes_per_week: Option<u32>,
    pub weeks: Option<u32>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub executor_kind: Option<ExecutorKind>,
    /// The executor organisation, for an external executor.
    pub executor_id: Option<ExecutorId>,
    /// Function and scale of internal staff, for an internal executor.
    pub staff_function: Option<StaffFunction>,
    pub salary_scale: Option<SalaryScale>,
    /// Hourly rate in euro cents.
    pub hourly_rate_cents: Option<i64>,
    /// Integral arrangements: the case director (regievoerder), by name and organisation.
    pub case_director: Option<String>,
    /// The answers to the partnership's preconditions; from `make-definitive` on an unanswered
    /// one counts as not met.
    #[serde(default)]
    pub preconditions: PreconditionAnswers,
}

impl Proposal {
    /// Direct + indirect hours × hourly rate × weeks, when all are known.
    pub fn expected_cost(&self) -> Option<Cents> {
        let direct = Minutes(self.direct_minutes_per_week?);
        let indirect = Minutes(self.indirect_minutes_per_week.unwrap_or(0));
        Some(money::expected_cost(direct, indirect, Cents(self.hourly_rate_cents?), self.weeks?))
    }

    /// The expected amount in the calendar year that carries most of it (the yearly caps
    /// compare against this); the whole amount when the period is not known yet.
    pub fn expected_amount_per_year(&self) -> Option<Cents> {
        let total = self.expected_cost()?;
        match (self.start_date, self.end_date) {
            (Some(start), Some(end)) => money::split_by_calendar_year(total, start, end)
                .ok()
                .and_then(|shares| shares.into_iter().map(|s| s.amount).max())
                .or(Some(total)),
            _ => Some(total),
        }
    }

    /// What the partnership's rules need to know of this proposal. The caller adds what the
    /// proposal does not hold (school type, pupils, documents, the grant date); the web app
    /// evaluates the same facts while the user types.
    pub fn facts(&self, kind: ArrangementKind, today: NaiveDate) -> ArrangementFacts {
        let mut facts = ArrangementFacts {
            direct_minutes_per_week: self.direct_minutes_per_week,
            indirect_minutes_per_week: self.indirect_minutes_per_week,
            outside_class_minutes_per_week: self.outside_class_minutes_per_week,
            weeks: self.weeks,
            start_date: self.start_date,
            end_date: self.end_date,
            hourly_rate_cents: self.hourly_rate_cents,
            executor_kind: self.executor_kind,
            staff_function: self.staff_function,
            salary_scale: self.salary_scale,
            amount_per_year_cents: self.expected_amount_per_year().map(|c| c.0),
            case_director_named: (kind == ArrangementKind::Integral)
                .then(|| self.case_director.as_deref().is_some_and(|c| !c.trim().is_empty())),
            ..ArrangementFacts::new(kind, today)
        };
        self.preconditions.apply(&mut facts);
        facts
    }
}

/// `POST /api/v1/arrangements` (school staff).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateArrangementRequest {
    pub kind: ArrangementKind,
    pub title: String,
    /// One pupil for individual and integral arrangements; at least two for a cluster.
    pub pupil_ids: Vec<PupilId>,
    pub start_route: StartRoute,
    pub care_scope: CareScope,
    #[serde(default)]
    pub proposal: Proposal,
}

/// `PUT /api/v1/arrangements/{id}` with `If-Match`: replaces the editable part.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UpdateArrangementRequest {
    pub title: String,
    pub pupil_ids: Vec<PupilId>,
    pub start_route: StartRoute,
    pub care_scope: CareScope,
    pub proposal: Proposal,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ArrangementResponse {
    pub id: ArrangementId,
    pub school: SchoolRef,
    pub kind: ArrangementKind,
    pub status: Status,
    pub title: String,
    pub pupils: Vec<PupilRef>,
    pub start_route: StartRoute,
    pub care_scope: CareScope,
    pub proposal: Proposal,
    /// Direct + indirect hours × rate × weeks, when all are known.
    pub expected_cost_cents: Option<i64>,
    /// The version of the partnership's policy recorded at submission.
    pub policy_version: Option<i32>,
    /// The arrangement this one extends.
    pub previous_id: Option<ArrangementId>,
    /// After an early termination: the last day support was given.
    pub terminated_on: Option<NaiveDate>,
    /// What the caller may do now.
    pub allowed_actions: Vec<Action>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

/// A row of a list: enough to find the dossier.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ArrangementSummary {
    pub id: ArrangementId,
    pub school: SchoolRef,
    pub kind: ArrangementKind,
    pub status: Status,
    pub title: String,
    pub pupil_count: u32,
    // written without chrono's formatting: the list's busiest field (`dates::wire`)
    #[serde(serialize_with = "crate::dates::wire::serialize")]
    pub updated_at: DateTime<Utc>,
}

/// Body of `POST /api/v1/arrangements/{id}/actions/{action}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ActionRequest {
    /// Shown in the history (e.g. what the consultant wants changed).
    pub comment: Option<String>,
    /// Required when a rule warns: why deviating is justified.
    pub justification: Option<String>,
    /// `terminate` only: the last day support was given (the reason goes in `comment`).
    pub terminated_on: Option<NaiveDate>,
}

/// One entry of `GET /api/v1/arrangements/{id}/history`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ArrangementEvent {
    pub id: EventId,
    /// The action taken (`create` for the creation of the draft).
    pub action: String,
    pub from_status: Option<Status>,
    pub to_status: Status,
    pub actor: Actor,
    pub comment: Option<String>,
    pub justification: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// Who did something.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Actor {
    pub id: UserId,
    pub name: String,
    pub role: Role,
}
