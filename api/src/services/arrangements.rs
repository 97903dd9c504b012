//! Arrangements: creating and editing the proposal, reading dossiers and their history.

use arrangeer_shared::Role;
use arrangeer_shared::api::arrangements::{
    Actor, ArrangementEvent, ArrangementResponse, ArrangementSummary, CreateArrangementRequest, Proposal,
    UpdateArrangementRequest,
};
use arrangeer_shared::api::auth::SchoolRef;
use arrangeer_shared::api::page::Page;
use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::api::pupils::PupilRef;
use arrangeer_shared::ids::ArrangementId;
use arrangeer_shared::kinds::{
    ArrangementKind, CareScope, ExecutorKind, SalaryScale, StaffFunction, StartRoute,
};
use arrangeer_shared::text;
use arrangeer_shared::workflow::{self, Status};
use chrono::NaiveDateTime;

use super::{ServiceError, cursor, policy};
use crate::auth::AuthUser;
use crate::auth::scope::{self, Reach};
use crate::db::arrangements::{self, ArrangementRow, EventRow, ListFilter, ProposalChangeset, Visibility};
use crate::db::{Db, DbConnection, DbError, new_id, now, organisations, parse_id, pupils, users, utc};

/// Largest number of minutes per week for any one kind of time (40 hours).
const MAX_MINUTES_PER_WEEK: u32 = 40 * 60;
/// Longest arrangement, in weeks (two school years).
const MAX_WEEKS: u32 = 104;
/// Highest hourly rate accepted at all (policy caps are lower), in cents.
const MAX_RATE_CENTS: i64 = 100_000;

/// Allow-listed query keys of the arrangement list.
#[derive(Debug, Default)]
pub struct ListQuery {
    pub status: Option<Status>,
    pub kind: Option<ArrangementKind>,
    pub school_id: Option<String>,
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

/// Creates a draft at the caller's school (school staff only; the route guard checks the role).
pub async fn create_arrangement(
    db: &Db,
    user: AuthUser,
    request: CreateArrangementRequest,
) -> Result<ArrangementResponse, ServiceError> {
    db.write(move |conn| {
        let school_id = users::find(conn, &user.id.to_string())?
            .and_then(|u| u.school_id)
            .ok_or_else(|| ServiceError::Forbidden("create an arrangement".into()))?;
        let pupil_ids = check_input(
            conn,
            &user,
            &school_id,
            request.kind,
            &request.title,
            &request.pupil_ids,
            &request.proposal,
        )?;
        let at = now();
        let p = &request.proposal;
        let row = ArrangementRow {
            id: new_id(),
            partnership_id: user.partnership.to_string(),
            school_id,
            kind: request.kind.as_str().to_owned(),
            status: Status::Draft.as_str().to_owned(),
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
            consultant_id: None,
            policy_version: None,
            previous_id: None,
            created_by: user.id.to_string(),
            created_at: at,
            updated_at: at,
            version: 1,
        };
        arrangements::insert(conn, &row)?;
        arrangements::set_pupils(conn, &row.id, &pupil_ids)?;
        arrangements::insert_event(
            conn,
            &EventRow {
                id: new_id(),
                arrangement_id: row.id.clone(),
                actor_id: user.id.to_string(),
                action: "create".to_owned(),
                from_status: None,
                to_status: Status::Draft.as_str().to_owned(),
                comment: None,
                justification: None,
                created_at: at,
            },
        )?;
        to_response(conn, &user, row)
    })
    .await
}

/// Replaces the proposal of a draft (or one sent back for changes), if `expected_version`
/// is still the stored version.
pub async fn update_arrangement(
    db: &Db,
    user: AuthUser,
    id: ArrangementId,
    expected_version: Option<i32>,
    request: UpdateArrangementRequest,
) -> Result<ArrangementResponse, ServiceError> {
    let expected_version = expected_version.ok_or(ServiceError::PreconditionRequired)?;
    db.write(move |conn| {
        let row = visible(conn, &user, &id.to_string())?;
        if row.version != expected_version {
            return Err(ServiceError::PreconditionFailed { current: row.version });
        }
        let status = status_of(&row)?;
        if !status.proposal_editable() {
            return Err(ServiceError::Conflict {
                detail: format!("the proposal can only be edited in draft or after changes were requested, not when {status}"),
                allowed_actions: allowed(conn, &user, &row)?.iter().map(|a| a.as_str().to_owned()).collect(),
            });
        }
        let kind = kind_of(&row)?;
        let pupil_ids =
            check_input(conn, &user, &row.school_id, kind, &request.title, &request.pupil_ids, &request.proposal)?;
        let changes = changeset(&request, now());
        let editable = [Status::Draft.as_str(), Status::ChangesRequested.as_str()];
        if !arrangements::update_proposal(conn, &row.id, expected_version, &editable, &changes)? {
            let current = arrangements::find(conn, &row.id)?.map(|r| r.version).unwrap_or(row.version);
            return Err(ServiceError::PreconditionFailed { current });
        }
        arrangements::set_pupils(conn, &row.id, &pupil_ids)?;
        let updated = arrangements::find(conn, &row.id)?.ok_or(ServiceError::NotFound("arrangement"))?;
        to_response(conn, &user, updated)
    })
    .await
}

pub async fn get_arrangement(
    db: &Db,
    user: AuthUser,
    id: ArrangementId,
) -> Result<ArrangementResponse, ServiceError> {
    db.run(move |conn| {
        let row = visible(conn, &user, &id.to_string())?;
        to_response(conn, &user, row)
    })
    .await
}

pub async fn list_arrangements(
    db: &Db,
    user: AuthUser,
    query: ListQuery,
) -> Result<Page<ArrangementSummary>, ServiceError> {
    let limit = cursor::limit(query.limit)?;
    let before = query
        .cursor
        .as_deref()
        .map(|c| {
            let position = cursor::decode(c)?;
            NaiveDateTime::parse_from_str(&position.name, "%Y-%m-%dT%H:%M:%S%.f")
                .map(|at| (at, position.id))
                .map_err(|_| {
                    ServiceError::BadRequest(vec![FieldError::new(
                        "cursor",
                        "invalid_cursor",
                        "not a cursor of this list",
                    )])
                })
        })
        .transpose()?;
    let filter = ListFilter {
        status: query.status.map(|s| s.as_str().to_owned()),
        kind: query.kind.map(|k| k.as_str().to_owned()),
        school_id: query.school_id,
    };
    db.run(move |conn| {
        let reach = scope::reach(conn, &user)?;
        let visibility = match &reach {
            Reach::All => Visibility::All,
            Reach::Schools(ids) => Visibility::Schools(ids),
            Reach::Executor(executor) => Visibility::Executor(executor),
            Reach::Parent(parent) => Visibility::ChildrenOf(parent),
        };
        let rows =
            arrangements::list(conn, &user.partnership.to_string(), visibility, &filter, before, limit + 1)?;
        let page = cursor::page(
            rows,
            limit,
            |r| (r.updated_at.format("%Y-%m-%dT%H:%M:%S%.f").to_string(), r.id.clone()),
            Ok::<_, ServiceError>,
        )?;
        let items = page.items.into_iter().map(|row| to_summary(conn, row)).collect::<Result<_, _>>()?;
        Ok(Page { items, next_cursor: page.next_cursor })
    })
    .await
}

pub async fn arrangement_history(
    db: &Db,
    user: AuthUser,
    id: ArrangementId,
) -> Result<Vec<ArrangementEvent>, ServiceError> {
    db.run(move |conn| {
        let row = visible(conn, &user, &id.to_string())?;
        arrangements::events_of(conn, &row.id)?
            .into_iter()
            .map(|(event, name, role)| {
                Ok(ArrangementEvent {
                    id: parse_id("arrangement_events.id", &event.id)?,
                    action: event.action,
                    from_status: event.from_status.as_deref().map(parse_status).transpose()?,
                    to_status: parse_status(&event.to_status)?,
                    actor: Actor {
                        id: parse_id("arrangement_events.actor_id", &event.actor_id)?,
                        name,
                        role: role
                            .parse()
                            .map_err(|_| DbError::Corrupt { column: "users.role", value: role.clone() })?,
                    },
                    comment: event.comment,
                    justification: event.justification,
                    created_at: utc(event.created_at),
                })
            })
            .collect()
    })
    .await
}

/// The arrangement if the caller may see it; not found otherwise.
pub(super) fn visible(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
) -> Result<ArrangementRow, ServiceError> {
    match arrangements::find(conn, id)? {
        Some(row) if scope::sees_arrangement(conn, user, &row)? => Ok(row),
        _ => Err(ServiceError::NotFound("arrangement")),
    }
}

/// What the caller may do with the arrangement now.
pub(super) fn allowed(
    conn: &mut DbConnection,
    user: &AuthUser,
    row: &ArrangementRow,
) -> Result<Vec<workflow::Action>, ServiceError> {
    let config = policy::workflow_config(conn, &row.partnership_id, kind_of(row)?)?;
    Ok(workflow::allowed_actions(status_of(row)?, user.role, &config))
}

pub(super) fn status_of(row: &ArrangementRow) -> Result<Status, DbError> {
    parse_status(&row.status)
}

pub(super) fn kind_of(row: &ArrangementRow) -> Result<ArrangementKind, DbError> {
    ArrangementKind::parse(&row.kind)
        .ok_or_else(|| DbError::Corrupt { column: "arrangements.kind", value: row.kind.clone() })
}

fn parse_status(s: &str) -> Result<Status, DbError> {
    Status::parse(s).ok_or_else(|| DbError::Corrupt { column: "arrangements.status", value: s.to_owned() })
}

fn to_i32(v: Option<u32>) -> Option<i32> {
    v.and_then(|v| i32::try_from(v).ok())
}

fn to_u32(v: Option<i32>) -> Option<u32> {
    v.and_then(|v| u32::try_from(v).ok())
}

fn changeset(request: &UpdateArrangementRequest, at: NaiveDateTime) -> ProposalChangeset {
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

/// Checks a create or update request; returns the pupil ids as stored. Every problem is
/// reported at once, each with its field.
fn check_input(
    conn: &mut DbConnection,
    user: &AuthUser,
    school_id: &str,
    kind: ArrangementKind,
    title: &str,
    pupil_ids: &[arrangeer_shared::ids::PupilId],
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

fn school_ref(conn: &mut DbConnection, school_id: &str) -> Result<SchoolRef, ServiceError> {
    let (school, _) = organisations::find_school(conn, school_id)?.ok_or(ServiceError::NotFound("school"))?;
    Ok(SchoolRef { id: parse_id("schools.id", &school.id)?, name: school.name })
}

fn to_summary(conn: &mut DbConnection, row: ArrangementRow) -> Result<ArrangementSummary, ServiceError> {
    let pupil_count = arrangements::pupil_count(conn, &row.id)?;
    Ok(ArrangementSummary {
        id: parse_id("arrangements.id", &row.id)?,
        school: school_ref(conn, &row.school_id)?,
        kind: kind_of(&row)?,
        status: status_of(&row)?,
        title: row.title,
        pupil_count: u32::try_from(pupil_count).unwrap_or(u32::MAX),
        updated_at: utc(row.updated_at),
    })
}

pub(super) fn to_response(
    conn: &mut DbConnection,
    user: &AuthUser,
    row: ArrangementRow,
) -> Result<ArrangementResponse, ServiceError> {
    let corrupt = |column: &'static str, value: &str| DbError::Corrupt { column, value: value.to_owned() };
    let pupils = arrangements::pupils_of(conn, &row.id)?
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
    let proposal = Proposal {
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
    };
    let expected_cost_cents = expected_cost(&proposal);
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
        allowed_actions: allowed(conn, user, &row)?,
        created_at: utc(row.created_at),
        updated_at: utc(row.updated_at),
        version: row.version,
    })
}

/// Direct + indirect hours × hourly rate × weeks, when all are known.
fn expected_cost(p: &Proposal) -> Option<i64> {
    use arrangeer_shared::money::{self, Cents, Minutes};
    let direct = Minutes(p.direct_minutes_per_week?);
    let indirect = Minutes(p.indirect_minutes_per_week.unwrap_or(0));
    Some(money::expected_cost(direct, indirect, Cents(p.hourly_rate_cents?), p.weeks?).0)
}
