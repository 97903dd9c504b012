//! Arrangements: creating and editing the proposal, reading dossiers and their history.

use arrangeer_shared::Role;
use arrangeer_shared::api::arrangements::{
    Actor, ArrangementEvent, ArrangementResponse, ArrangementSummary, CreateArrangementRequest,
    UpdateArrangementRequest,
};
use arrangeer_shared::api::page::Page;
use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::ids::ArrangementId;
use arrangeer_shared::kinds::ArrangementKind;
use arrangeer_shared::workflow::{self, Status};
use chrono::NaiveDateTime;

mod input;
mod view;

use input::{changeset, check_input, precondition_row};
use view::to_summaries;
pub(crate) use view::{preconditions_of, proposal_of, to_response};

use super::{ServiceError, cursor, policy};
use crate::auth::scope;
use crate::auth::{AuthUser, Unchecked};
use crate::db::arrangements::{self, ArrangementInsert, ArrangementRow, EventRow, ListFilter, ListScope};
use crate::db::{Db, DbConnection, DbError, new_id, now, parse_id, preconditions, users, utc};

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
        let row = insert_draft(conn, &user, school_id, &request, &pupil_ids, None)?;
        to_response(conn, &user, row)
    })
    .await
}

/// Stores a new draft with its pupils and the `create` event (`previous`: the arrangement it
/// extends).
pub(crate) fn insert_draft(
    conn: &mut DbConnection,
    user: &AuthUser,
    school_id: String,
    request: &CreateArrangementRequest,
    pupil_ids: &[String],
    previous: Option<String>,
) -> Result<ArrangementRow, ServiceError> {
    let at = now();
    let editable = UpdateArrangementRequest {
        title: request.title.clone(),
        pupil_ids: request.pupil_ids.clone(),
        start_route: request.start_route,
        care_scope: request.care_scope,
        proposal: request.proposal.clone(),
    };
    let insert = ArrangementInsert {
        id: new_id(),
        partnership_id: user.partnership.to_string(),
        school_id,
        kind: request.kind.as_str().to_owned(),
        status: Status::Draft.as_str().to_owned(),
        proposal: changeset(&editable, at),
        previous_id: previous.clone(),
        created_by: user.id.to_string(),
        created_at: at,
        version: 1,
    };
    arrangements::insert(conn, &insert)?;
    preconditions::save(conn, &precondition_row(&insert.id, &request.proposal, at))?;
    arrangements::set_pupils(conn, &insert.id, pupil_ids)?;
    arrangements::insert_event(
        conn,
        &EventRow {
            id: new_id(),
            arrangement_id: insert.id.clone(),
            actor_id: user.id.to_string(),
            action: "create".to_owned(),
            from_status: None,
            to_status: Status::Draft.as_str().to_owned(),
            comment: previous.map(|p| format!("extension of {p}")),
            justification: None,
            created_at: at,
        },
    )?;
    arrangements::find(conn, &insert.id)?.ok_or(ServiceError::NotFound("arrangement"))
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
        preconditions::save(conn, &precondition_row(&row.id, &request.proposal, changes.updated_at))?;
        arrangements::set_pupils(conn, &row.id, &pupil_ids)?;
        let updated = arrangements::find(conn, &row.id)?.ok_or(ServiceError::NotFound("arrangement"))?;
        to_response(conn, &user, updated)
    })
    .await
}

/// One dossier; the read is written to the audit log once per pupil it names, durably, before
/// the dossier is answered. The account check and the reads share one blocking hop; the read
/// itself takes no write lock: its events are committed together with those of concurrent
/// reads (`AuditWriter`).
pub async fn get_arrangement(
    db: &Db,
    audit_log: &crate::db::audit_batch::AuditWriter,
    caller: Unchecked,
    address: Option<String>,
    id: ArrangementId,
) -> Result<ArrangementResponse, ServiceError> {
    use arrangeer_shared::api::audit::{AuditAction, AuditObject};
    let (response, events) = db
        .run(move |conn| -> Result<_, ServiceError> {
            let checked = caller.check(conn)?;
            let row = match arrangements::find(conn, &id.to_string())? {
                Some(row) if scope::checked_sees_arrangement(conn, &checked, &row)? => row,
                _ => return Err(ServiceError::NotFound("arrangement")),
            };
            let caller = crate::services::audit::Caller { user: checked.user, address };
            let pupils = arrangements::pupils_of(conn, &row.id)?;
            let events: Vec<_> = pupils
                .iter()
                .map(|pupil| {
                    let (read, object) = (AuditAction::Read, AuditObject::Arrangement);
                    crate::services::audit::event(&caller, read, object, &row.id, Some(&pupil.id))
                })
                .collect();
            Ok((view::to_response_with(conn, &caller.user, row, pupils)?, events))
        })
        .await?;
    audit_log.record(events).await?;
    Ok(response)
}

/// One page of the arrangements the caller may see: the account check, the caller's scope
/// and the page (with school names and pupil counts) on one connection in one blocking hop.
pub async fn list_arrangements(
    db: &Db,
    caller: Unchecked,
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
        status: query.status.map(|s| s.as_str()),
        kind: query.kind.map(|k| k.as_str()),
        school_id: query.school_id,
    };
    db.run(move |conn| {
        // the list's statement checks the account (one round trip, not two)
        let rows = caller.read_with_check(conn, |conn, user| {
            let id = user.id.to_string();
            let scope = match user.role {
                Role::SwvAdmin => ListScope::Partnership,
                Role::Consultant => ListScope::Caseload(&id),
                Role::School => ListScope::SchoolOf(&id),
                Role::Executor => ListScope::ExecutorOf(&id),
                Role::Parent => ListScope::ChildrenOf(&id),
            };
            let partnership = user.partnership.to_string();
            Ok(arrangements::summaries(conn, &id, &partnership, scope, &filter, before, limit + 1)?)
        })?;
        let page = cursor::page(
            rows,
            limit,
            |r| (r.updated_at.format("%Y-%m-%dT%H:%M:%S%.f").to_string(), r.id.clone()),
            Ok::<_, ServiceError>,
        )?;
        Ok(Page { items: to_summaries(conn, page.items)?, next_cursor: page.next_cursor })
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
