//! Turning rows into what the API answers.

use arrangeer_shared::Role;
use arrangeer_shared::api::arrangements::{ArrangementResponse, ArrangementSummary, Proposal};
use arrangeer_shared::api::auth::SchoolRef;
use arrangeer_shared::api::preconditions::PreconditionAnswers;
use arrangeer_shared::api::pupils::PupilRef;
use arrangeer_shared::kinds::{
    ArrangementKind, CareScope, ExecutorKind, SalaryScale, StaffFunction, StartRoute,
};
use arrangeer_shared::workflow::Status;

use super::input::to_u32;
use super::{allowed, kind_of, status_of};
use crate::auth::AuthUser;
use crate::db::arrangements::{self, ArrangementRow, SummaryRow};
use crate::db::{DbConnection, DbError, organisations, parse_id, preconditions, pupils, utc};
use crate::services::ServiceError;

fn school_ref(conn: &mut DbConnection, school_id: &str) -> Result<SchoolRef, ServiceError> {
    let (school, _) = organisations::find_school(conn, school_id)?.ok_or(ServiceError::NotFound("school"))?;
    Ok(SchoolRef { id: parse_id("schools.id", &school.id)?, name: school.name })
}

/// A page of list rows as summaries, with their schools' names (one lookup per school that
/// the rows do not name).
pub(super) fn to_summaries(
    conn: &mut DbConnection,
    rows: Vec<SummaryRow>,
) -> Result<Vec<ArrangementSummary>, ServiceError> {
    let mut unnamed: Vec<&str> =
        rows.iter().filter(|r| r.school_name.is_none()).map(|r| r.school_id.as_str()).collect();
    unnamed.sort_unstable();
    unnamed.dedup();
    let names = arrangements::school_names(conn, &unnamed)?;
    rows.into_iter()
        .map(|row| {
            let name = match row.school_name {
                Some(name) => name,
                None => names.get(&row.school_id).cloned().ok_or(ServiceError::NotFound("school"))?,
            };
            Ok(ArrangementSummary {
                id: parse_id("arrangements.id", &row.id)?,
                school: SchoolRef { id: parse_id("schools.id", &row.school_id)?, name },
                kind: ArrangementKind::parse(&row.kind).ok_or_else(|| DbError::Corrupt {
                    column: "arrangements.kind",
                    value: row.kind.clone(),
                })?,
                status: Status::parse(&row.status).ok_or_else(|| DbError::Corrupt {
                    column: "arrangements.status",
                    value: row.status.clone(),
                })?,
                title: row.title,
                pupil_count: u32::try_from(row.pupil_count).unwrap_or(0),
                updated_at: utc(row.updated_at),
            })
        })
        .collect()
}

pub(crate) fn to_response(
    conn: &mut DbConnection,
    user: &AuthUser,
    row: ArrangementRow,
) -> Result<ArrangementResponse, ServiceError> {
    let pupils = arrangements::pupils_of(conn, &row.id)?;
    to_response_with(conn, user, row, pupils)
}

/// [`to_response`] with the arrangement's pupils already read.
pub(crate) fn to_response_with(
    conn: &mut DbConnection,
    user: &AuthUser,
    row: ArrangementRow,
    pupils: Vec<crate::db::pupils::PupilRow>,
) -> Result<ArrangementResponse, ServiceError> {
    let corrupt = |column: &'static str, value: &str| DbError::Corrupt { column, value: value.to_owned() };
    let pupils = pupils
        .into_iter()
        .map(|p| {
            // parents see their own child's name only; other pupils of a cluster by group
            let name = if user.role == Role::Parent {
                match pupils::is_guardian(conn, &p.id, &user.id.to_string())? {
                    true => format!("{} {}", p.first_name, p.last_name),
                    false => "—".to_owned(),
                }
            } else {
                format!("{} {}", p.first_name, p.last_name)
            };
            Ok(PupilRef { id: parse_id("pupils.id", &p.id)?, name, group_name: p.group_name })
        })
        .collect::<Result<Vec<_>, ServiceError>>()?;
    let mut proposal = proposal_of(&row)?;
    proposal.preconditions = preconditions_of(conn, &row.id)?;
    let expected_cost_cents = proposal.expected_cost().map(|c| c.0);
    Ok(ArrangementResponse {
        id: parse_id("arrangements.id", &row.id)?,
        school: school_ref(conn, &row.school_id)?,
        kind: kind_of(&row)?,
        status: status_of(&row)?,
        title: row.title.clone(),
        pupils,
        start_route: StartRoute::parse(&row.start_route)
            .ok_or_else(|| corrupt("arrangements.start_route", &row.start_route))?,
        care_scope: CareScope::parse(&row.care_scope)
            .ok_or_else(|| corrupt("arrangements.care_scope", &row.care_scope))?,
        proposal,
        expected_cost_cents,
        policy_version: row.policy_version,
        previous_id: row
            .previous_id
            .as_deref()
            .map(|p| parse_id("arrangements.previous_id", p))
            .transpose()?,
        terminated_on: row.terminated_on,
        allowed_actions: allowed(conn, user, &row)?,
        created_at: utc(row.created_at),
        updated_at: utc(row.updated_at),
        version: row.version,
    })
}

/// The proposal part of a stored arrangement.
pub(crate) fn proposal_of(row: &ArrangementRow) -> Result<Proposal, DbError> {
    let corrupt = |column: &'static str, value: &str| DbError::Corrupt { column, value: value.to_owned() };
    Ok(Proposal {
        goals_pupils: row.goals_pupils.clone(),
        goals_teacher: row.goals_teacher.clone(),
        goals_school: row.goals_school.clone(),
        support_description: row.support_description.clone(),
        direct_minutes_per_week: to_u32(row.direct_minutes_per_week),
        indirect_minutes_per_week: to_u32(row.indirect_minutes_per_week),
        outside_class_minutes_per_week: to_u32(row.outside_class_minutes_per_week),
        weeks: to_u32(row.weeks),
        start_date: row.start_date,
        end_date: row.end_date,
        executor_kind: row
            .executor_kind
            .as_deref()
            .map(|k| ExecutorKind::parse(k).ok_or_else(|| corrupt("arrangements.executor_kind", k)))
            .transpose()?,
        executor_id: row
            .executor_id
            .as_deref()
            .map(|e| parse_id("arrangements.executor_id", e))
            .transpose()?,
        staff_function: row
            .staff_function
            .as_deref()
            .map(|f| StaffFunction::parse(f).ok_or_else(|| corrupt("arrangements.staff_function", f)))
            .transpose()?,
        salary_scale: row
            .salary_scale
            .as_deref()
            .map(|s| SalaryScale::parse(s).ok_or_else(|| corrupt("arrangements.salary_scale", s)))
            .transpose()?,
        hourly_rate_cents: row.hourly_rate_cents,
        case_director: row.case_director.clone(),
        // stored in a table of their own: see `preconditions_of`
        preconditions: PreconditionAnswers::default(),
    })
}

/// The precondition answers stored with an arrangement's proposal (none answered when absent).
pub(crate) fn preconditions_of(
    conn: &mut DbConnection,
    arrangement_id: &str,
) -> Result<PreconditionAnswers, DbError> {
    Ok(preconditions::find(conn, arrangement_id)?.map_or_else(PreconditionAnswers::default, |r| {
        PreconditionAnswers {
            counsellor_supports: r.counsellor_supports,
            opp_signed_by_parents: r.opp_signed_by_parents,
            half_year_needs_based_work: r.half_year_needs_based_work,
            own_support_route_followed: r.own_support_route_followed,
            anonymised_at_request: r.anonymised_at_request,
        }
    }))
}
