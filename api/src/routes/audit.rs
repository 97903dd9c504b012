use actix_web::{HttpResponse, get, web};
use arrangeer_shared::api::audit::{AccessLogEntry, AuditEventResponse, AuditObject};
use arrangeer_shared::api::page::Page;
use arrangeer_shared::ids::PupilId;
use serde::Deserialize;
use utoipa::IntoParams;

use super::ListQuery;
use super::opps::Guardian;
use crate::auth::Authorized;
use crate::auth::user::roles::SwvAdmin;
use crate::db::Db;
use crate::error::ApiError;
use crate::services;

/// Filters of the audit log (allow-listed; anything else is a 400).
#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct AuditListQuery {
    /// Only events concerning this pupil.
    pub pupil_id: Option<PupilId>,
    /// Only events on this kind of object.
    pub object_type: Option<AuditObject>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
    /// Opaque position from a previous page's `nextCursor`.
    pub cursor: Option<String>,
}

/// The partnership's audit log, newest first: who read or changed what, when, from where
/// (SWV office staff). Append-only: there is no way to change or delete an entry.
#[utoipa::path(
    tag = "audit",
    security(("bearer" = [])),
    params(AuditListQuery),
    responses(
        (status = 200, description = "One page of events, newest first", body = Page<AuditEventResponse>),
        (status = 403, description = "Only SWV office staff read the audit log"),
    )
)]
#[get("/audit-events")]
pub async fn list_audit_events(
    db: web::Data<Db>,
    admin: Authorized<SwvAdmin>,
    query: web::Query<AuditListQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let query = services::audit::AuditQuery {
        pupil_id: q.pupil_id,
        object_type: q.object_type,
        limit: q.limit,
        cursor: q.cursor,
    };
    Ok(HttpResponse::Ok().json(services::audit::list_audit_events(&db, admin.user, query).await?))
}

/// "Who viewed my child's file": the staff who read or changed the pupil's records, newest
/// first (the pupil's guardians only).
#[utoipa::path(
    tag = "audit",
    security(("bearer" = [])),
    params(("id" = PupilId, Path, description = "Pupil id"), ListQuery),
    responses(
        (status = 200, description = "One page, newest first", body = Page<AccessLogEntry>),
        (status = 403, description = "Only guardians read this"),
        (status = 404, description = "Not a child of the caller"),
    )
)]
#[get("/pupils/{id}/access-log")]
pub async fn get_pupil_access_log(
    db: web::Data<Db>,
    guardian: Authorized<Guardian>,
    id: web::Path<PupilId>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    let ListQuery { limit, cursor } = query.into_inner();
    Ok(HttpResponse::Ok()
        .json(services::audit::access_log(&db, guardian.user, id.into_inner(), limit, cursor).await?))
}
