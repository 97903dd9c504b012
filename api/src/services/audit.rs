//! The audit log: recording (inside the caller's transaction) and reading it back, for the
//! SWV office and, as "who viewed my child's file", for a pupil's guardians.

use arrangeer_shared::Role;
use arrangeer_shared::api::audit::{AccessLogEntry, AuditAction, AuditEventResponse, AuditObject};
use arrangeer_shared::api::page::Page;
use arrangeer_shared::ids::PupilId;
use chrono::NaiveDateTime;

use super::{ServiceError, cursor};
use crate::auth::AuthUser;
use crate::auth::scope;
use crate::db::audit::{self, AuditFilter, AuditRow};
use crate::db::{Db, DbConnection, DbError, new_ordered_id, now, parse_id, pupils, utc};

/// Who asked, from where: what every audit event records about the caller.
#[derive(Clone, Debug)]
pub struct Caller {
    pub user: AuthUser,
    /// The client's IP address as the server saw it.
    pub address: Option<String>,
}

/// Appends one event; call it inside the transaction of the read or change it records.
pub fn record(
    conn: &mut DbConnection,
    caller: &Caller,
    action: AuditAction,
    object_type: AuditObject,
    object_id: &str,
    pupil_id: Option<&str>,
) -> Result<(), DbError> {
    audit::insert(conn, &event(caller, action, object_type, object_id, pupil_id)).map_err(DbError::from)
}

/// The event [`record`] appends, for writing it later (see `crate::db::audit_batch`).
pub fn event(
    caller: &Caller,
    action: AuditAction,
    object_type: AuditObject,
    object_id: &str,
    pupil_id: Option<&str>,
) -> AuditRow {
    AuditRow {
        id: new_ordered_id(),
        partnership_id: caller.user.partnership.to_string(),
        actor_id: caller.user.id.to_string(),
        actor_role: caller.user.role.as_str().to_owned(),
        action: action.as_str().to_owned(),
        object_type: object_type.as_str().to_owned(),
        object_id: object_id.to_owned(),
        pupil_id: pupil_id.map(str::to_owned),
        client_address: caller.address.clone(),
        created_at: now(),
    }
}

const CURSOR_TIME: &str = "%Y-%m-%dT%H:%M:%S%.6f";

fn after(cursor: Option<String>) -> Result<Option<(NaiveDateTime, String)>, ServiceError> {
    let Some(c) = cursor else { return Ok(None) };
    let position = cursor::decode(&c)?;
    let at = NaiveDateTime::parse_from_str(&position.name, CURSOR_TIME).map_err(|_| {
        ServiceError::BadRequest(vec![arrangeer_shared::api::problem::FieldError::new(
            "cursor",
            "invalid_cursor",
            "the cursor is not one this API handed out",
        )])
    })?;
    Ok(Some((at, position.id)))
}

fn parse_row(row: &AuditRow) -> Result<(Role, AuditAction, AuditObject), DbError> {
    let corrupt = |column: &'static str, value: &str| DbError::Corrupt { column, value: value.to_owned() };
    Ok((
        row.actor_role.parse().map_err(|_| corrupt("audit_events.actor_role", &row.actor_role))?,
        AuditAction::parse(&row.action).ok_or_else(|| corrupt("audit_events.action", &row.action))?,
        AuditObject::parse(&row.object_type)
            .ok_or_else(|| corrupt("audit_events.object_type", &row.object_type))?,
    ))
}

/// The filters of `GET /api/v1/audit-events`.
#[derive(Debug, Default)]
pub struct AuditQuery {
    pub pupil_id: Option<PupilId>,
    pub object_type: Option<AuditObject>,
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

/// The partnership's audit log, newest first (SWV office staff; the route checks the role).
pub async fn list_audit_events(
    db: &Db,
    user: AuthUser,
    query: AuditQuery,
) -> Result<Page<AuditEventResponse>, ServiceError> {
    let limit = cursor::limit(query.limit)?;
    let after = after(query.cursor)?;
    let filter = AuditFilter {
        pupil_id: query.pupil_id.map(|p| p.to_string()),
        object_type: query.object_type.map(|o| o.as_str().to_owned()),
        actor_roles: None,
    };
    db.run(move |conn| {
        let rows = audit::list(conn, &user.partnership.to_string(), &filter, after, limit + 1)?;
        cursor::page(
            rows,
            limit,
            |(r, _)| (r.created_at.format(CURSOR_TIME).to_string(), r.id.clone()),
            |(r, name)| -> Result<_, ServiceError> {
                let (actor_role, action, object_type) = parse_row(&r)?;
                Ok(AuditEventResponse {
                    actor_id: parse_id("audit_events.actor_id", &r.actor_id)?,
                    actor_name: name,
                    actor_role,
                    action,
                    object_type,
                    object_id: r.object_id,
                    pupil_id: r
                        .pupil_id
                        .as_deref()
                        .map(|p| parse_id("audit_events.pupil_id", p))
                        .transpose()?,
                    client_address: r.client_address,
                    created_at: utc(r.created_at),
                    id: r.id,
                })
            },
        )
    })
    .await
}

/// "Who viewed my child's file": the staff who read or changed the pupil's records, newest
/// first. Only a guardian of the pupil reads this; other pupils are not found.
pub async fn access_log(
    db: &Db,
    user: AuthUser,
    pupil: PupilId,
    limit: Option<u32>,
    cursor: Option<String>,
) -> Result<Page<AccessLogEntry>, ServiceError> {
    if user.role != Role::Parent {
        return Err(ServiceError::Forbidden("read a parent's access log".into()));
    }
    let limit = cursor::limit(limit)?;
    let after = after(cursor)?;
    db.run(move |conn| {
        match pupils::find(conn, &pupil.to_string())? {
            Some(row) if scope::sees_pupil(conn, &user, &row)? => {}
            _ => return Err(ServiceError::NotFound("pupil")),
        }
        let staff = [Role::School, Role::Consultant, Role::Executor, Role::SwvAdmin];
        let filter = AuditFilter {
            pupil_id: Some(pupil.to_string()),
            object_type: None,
            actor_roles: Some(staff.iter().map(|r| r.as_str().to_owned()).collect()),
        };
        let rows = audit::list(conn, &user.partnership.to_string(), &filter, after, limit + 1)?;
        cursor::page(
            rows,
            limit,
            |(r, _)| (r.created_at.format(CURSOR_TIME).to_string(), r.id.clone()),
            |(r, name)| -> Result<_, ServiceError> {
                let (role, action, object_type) = parse_row(&r)?;
                Ok(AccessLogEntry { name, role, action, object_type, created_at: utc(r.created_at) })
            },
        )
    })
    .await
}
