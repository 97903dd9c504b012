//! Checking what a school typed into a proposal, and turning it into rows.

use arrangeer_shared::api::arrangements::{Proposal, UpdateArrangementRequest};
use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::ids::PupilId;
use arrangeer_shared::kinds::{ArrangementKind, ExecutorKind};
use arrangeer_shared::text;
use chrono::NaiveDateTime;

use crate::auth::AuthUser;
use crate::db::arrangements::ProposalChangeset;
use crate::db::preconditions::PreconditionRow;
use crate::db::{DbConnection, organisations, pupils};
use crate::services::ServiceError;

/// Largest number of minutes per week for any one kind of time (40 hours).
const MAX_MINUTES_PER_WEEK: u32 = 40 * 60;
/// Longest arrangement, in weeks (two school years).
const MAX_WEEKS: u32 = 104;
/// Highest hourly rate accepted at all (policy caps are lower), in cents.
const MAX_RATE_CENTS: i64 = 100_000;

fn to_i32(v: Option<u32>) -> Option<i32> {
    v.and_then(|v| i32::try_from(v).ok())
}

pub(super) fn to_u32(v: Option<i32>) -> Option<u32> {
    v.and_then(|v| u32::try_from(v).ok())
}

pub(super) fn changeset(request: &UpdateArrangementRequest, at: NaiveDateTime) -> ProposalChangeset {
    let p = &request.proposal;
    ProposalChangeset {
        title: request.title.trim().to_owned(),
        start_route: request.start_route.as_str().to_owned(),
        care_scope: request.care_scope.as_str().to_owned(),
        goals_pupils: p.goals_pupils.clone(),
        goals_teacher: p.goals_teacher.clone(),
        goals_school: p.goals_school.clone(),
        support_description: p.support_description.clone(),
        direct_minutes_per_week: to_i32(p.direct_minutes_per_week),
        indirect_minutes_per_week: to_i32(p.indirect_minutes_per_week),
        outside_class_minutes_per_week: to_i32(p.outside_class_minutes_per_week),
        weeks: to_i32(p.weeks),
        start_date: p.start_date,
        end_date: p.end_date,
        executor_kind: p.executor_kind.map(|k| k.as_str().to_owned()),
        executor_id: p.executor_id.map(|e| e.to_string()),
        staff_function: p.staff_function.map(|f| f.as_str().to_owned()),
        salary_scale: p.salary_scale.map(|s| s.as_str().to_owned()),
        hourly_rate_cents: p.hourly_rate_cents,
        case_director: p.case_director.clone(),
        updated_at: at,
    }
}

/// The precondition answers of a proposal, as stored for `arrangement_id`.
pub(super) fn precondition_row(arrangement_id: &str, p: &Proposal, at: NaiveDateTime) -> PreconditionRow {
    let a = &p.preconditions;
    PreconditionRow {
        arrangement_id: arrangement_id.to_owned(),
        counsellor_supports: a.counsellor_supports,
        opp_signed_by_parents: a.opp_signed_by_parents,
        half_year_needs_based_work: a.half_year_needs_based_work,
        own_support_route_followed: a.own_support_route_followed,
        anonymised_at_request: a.anonymised_at_request,
        updated_at: at,
    }
}

/// Checks a create or update request; returns the pupil ids as stored. Every problem is
/// reported at once, each with its field.
pub(super) fn check_input(
    conn: &mut DbConnection,
    user: &AuthUser,
    school_id: &str,
    kind: ArrangementKind,
    title: &str,
    pupil_ids: &[PupilId],
    p: &Proposal,
) -> Result<Vec<String>, ServiceError> {
    let mut errors: Vec<FieldError> = [
        text::check("title", title, true, text::SHORT),
        text::check("proposal.goalsPupils", &p.goals_pupils, false, text::LONG),
        text::check("proposal.goalsTeacher", &p.goals_teacher, false, text::LONG),
        text::check("proposal.goalsSchool", &p.goals_school, false, text::LONG),
        text::check("proposal.supportDescription", &p.support_description, false, text::LONG),
        p.case_director.as_deref().and_then(|c| text::check("proposal.caseDirector", c, false, text::SHORT)),
    ]
    .into_iter()
    .flatten()
    .collect();

    for (field, minutes) in [
        ("proposal.directMinutesPerWeek", p.direct_minutes_per_week),
        ("proposal.indirectMinutesPerWeek", p.indirect_minutes_per_week),
        ("proposal.outsideClassMinutesPerWeek", p.outside_class_minutes_per_week),
    ] {
        if minutes.is_some_and(|m| m > MAX_MINUTES_PER_WEEK) {
            errors.push(FieldError::new(
                field,
                "out_of_range",
                format!("at most {MAX_MINUTES_PER_WEEK} minutes per week"),
            ));
        }
    }
    if p.outside_class_minutes_per_week
        .zip(p.direct_minutes_per_week)
        .is_some_and(|(out, direct)| out > direct)
    {
        errors.push(FieldError::new(
            "proposal.outsideClassMinutesPerWeek",
            "exceeds_direct",
            "time outside the class is part of the direct time and cannot exceed it",
        ));
    }
    if p.weeks.is_some_and(|w| w == 0 || w > MAX_WEEKS) {
        errors.push(FieldError::new(
            "proposal.weeks",
            "out_of_range",
            format!("between 1 and {MAX_WEEKS} weeks"),
        ));
    }
    if p.hourly_rate_cents.is_some_and(|r| !(0..=MAX_RATE_CENTS).contains(&r)) {
        errors.push(FieldError::new(
            "proposal.hourlyRateCents",
            "out_of_range",
            "between 0 and 100000 cents",
        ));
    }
    if let (Some(start), Some(end)) = (p.start_date, p.end_date)
        && end < start
    {
        errors.push(FieldError::new(
            "proposal.endDate",
            "end_before_start",
            "the end date lies before the start date",
        ));
    }
    match p.executor_kind {
        Some(ExecutorKind::External) => match p.executor_id {
            Some(executor) => {
                let known = organisations::find_executor(conn, &executor.to_string())?
                    .is_some_and(|e| e.partnership_id == user.partnership.to_string());
                if !known {
                    errors.push(FieldError::new(
                        "proposal.executorId",
                        "unknown_executor",
                        "no such executor organisation",
                    ));
                }
            }
            None => errors.push(FieldError::new(
                "proposal.executorId",
                "required",
                "choose the executor organisation",
            )),
        },
        Some(ExecutorKind::Internal) | None => {
            if p.executor_id.is_some() {
                errors.push(FieldError::new(
                    "proposal.executorId",
                    "only_for_external",
                    "an executor organisation is only chosen for an external executor",
                ));
            }
        }
    }

    let mut ids: Vec<String> = pupil_ids.iter().map(|id| id.to_string()).collect();
    let before = ids.len();
    ids.sort();
    ids.dedup();
    if ids.len() != before {
        errors.push(FieldError::new("pupilIds", "duplicate", "a pupil is listed twice"));
    }
    match kind {
        ArrangementKind::Cluster if ids.len() < 2 => errors.push(FieldError::new(
            "pupilIds",
            "cluster_needs_two_pupils",
            "a cluster arrangement is for at least two pupils of one school",
        )),
        ArrangementKind::Individual | ArrangementKind::Integral if ids.len() != 1 => {
            errors.push(FieldError::new(
                "pupilIds",
                "exactly_one_pupil",
                format!("an {kind} arrangement is for exactly one pupil"),
            ))
        }
        _ => {}
    }
    let found = pupils::find_many(conn, &ids)?;
    for (i, id) in pupil_ids.iter().enumerate() {
        let at_school = found.iter().any(|p| p.id == id.to_string() && p.school_id == school_id);
        if !at_school {
            errors.push(FieldError::new(
                format!("pupilIds[{i}]"),
                "unknown_pupil",
                "no such pupil at this school",
            ));
        }
    }
    if errors.is_empty() { Ok(ids) } else { Err(ServiceError::Unprocessable(errors)) }
}
