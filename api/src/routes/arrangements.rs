use actix_web::{HttpRequest, HttpResponse, get, post, put, web};
use arrangeer_shared::api::arrangements::{
    ArrangementEvent, ArrangementResponse, ArrangementSummary, CreateArrangementRequest,
    UpdateArrangementRequest,
};
use arrangeer_shared::api::page::Page;
use arrangeer_shared::ids::{ArrangementId, SchoolId};
use arrangeer_shared::kinds::ArrangementKind;
use arrangeer_shared::workflow::Status;
use serde::Deserialize;
use utoipa::IntoParams;

use super::extract::Json;
use super::{if_match, with_etag};
use crate::auth::user::roles::School;
use crate::auth::{AuthUser, Authorized, Unchecked};
use crate::db::Db;
use crate::error::ApiError;
use crate::services;

/// Filters of the arrangement list (allow-listed; anything else is a 400).
#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ArrangementListQuery {
    pub status: Option<Status>,
    pub kind: Option<ArrangementKind>,
    pub school_id: Option<SchoolId>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
    /// Opaque position from a previous page's `nextCursor`.
    pub cursor: Option<String>,
}

/// Start a new arrangement as a draft at the caller's school (school staff).
#[utoipa::path(
    tag = "arrangements",
    security(("bearer" = [])),
    request_body = CreateArrangementRequest,
    responses(
        (status = 201, description = "The new draft", body = ArrangementResponse),
        (status = 403, description = "Only school staff start arrangements"),
        (status = 422, description = "A field breaks a rule, e.g. a cluster of one pupil"),
    )
)]
#[post("/arrangements")]
pub async fn create_arrangement(
    db: web::Data<Db>,
    caller: Authorized<School>,
    Json(request): Json<CreateArrangementRequest>,
) -> Result<HttpResponse, ApiError> {
    let arrangement = services::arrangements::create_arrangement(&db, caller.user, request).await?;
    Ok(with_etag(HttpResponse::Created(), arrangement.version).json(arrangement))
}

/// The arrangements the caller may see, most recently changed first.
#[utoipa::path(
    tag = "arrangements",
    security(("bearer" = [])),
    params(ArrangementListQuery),
    responses((status = 200, description = "One page of arrangements", body = Page<ArrangementSummary>))
)]
#[get("/arrangements")]
pub async fn list_arrangements(
    db: web::Data<Db>,
    caller: Unchecked,
    query: web::Query<ArrangementListQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let query = services::arrangements::ListQuery {
        status: q.status,
        kind: q.kind,
        school_id: q.school_id.map(|s| s.to_string()),
        limit: q.limit,
        cursor: q.cursor,
    };
    Ok(HttpResponse::Ok().json(services::arrangements::list_arrangements(&db, caller, query).await?))
}

/// One dossier, with what the caller may do now (`allowedActions`).
#[utoipa::path(
    tag = "arrangements",
    security(("bearer" = [])),
    params(("id" = ArrangementId, Path, description = "Arrangement id")),
    responses(
        (status = 200, description = "The arrangement; ETag is its version", body = ArrangementResponse),
        (status = 404, description = "No such arrangement within the caller's scope"),
    )
)]
#[get("/arrangements/{id}")]
pub async fn get_arrangement(
    db: web::Data<Db>,
    audit_log: web::Data<crate::db::audit_batch::AuditWriter>,
    caller: Unchecked,
    req: HttpRequest,
    id: web::Path<ArrangementId>,
) -> Result<HttpResponse, ApiError> {
    let address = super::extract::client_address(&req);
    let arrangement =
        services::arrangements::get_arrangement(&db, &audit_log, caller, address, id.into_inner()).await?;
    Ok(with_etag(HttpResponse::Ok(), arrangement.version).json(arrangement))
}

/// Replace the proposal of a draft (school staff), with `If-Match: "<version>"`.
#[utoipa::path(
    tag = "arrangements",
    security(("bearer" = [])),
    params(
        ("id" = ArrangementId, Path, description = "Arrangement id"),
        ("If-Match" = String, Header, description = "The ETag last read, e.g. \"3\""),
    ),
    request_body = UpdateArrangementRequest,
    responses(
        (status = 200, description = "The updated arrangement", body = ArrangementResponse),
        (status = 403, description = "Only school staff edit proposals"),
        (status = 404, description = "No such arrangement within the caller's scope"),
        (status = 409, description = "Not editable in its current status"),
        (status = 412, description = "Someone else changed it since (stale If-Match)"),
        (status = 422, description = "A field breaks a rule"),
        (status = 428, description = "If-Match is missing"),
    )
)]
#[put("/arrangements/{id}")]
pub async fn update_arrangement(
    db: web::Data<Db>,
    caller: Authorized<School>,
    req: HttpRequest,
    id: web::Path<ArrangementId>,
    Json(request): Json<UpdateArrangementRequest>,
) -> Result<HttpResponse, ApiError> {
    let expected = if_match(&req)?;
    let arrangement =
        services::arrangements::update_arrangement(&db, caller.user, id.into_inner(), expected, request)
            .await?;
    Ok(with_etag(HttpResponse::Ok(), arrangement.version).json(arrangement))
}

/// The dossier's history: every action, who took it, when, and why.
#[utoipa::path(
    tag = "arrangements",
    security(("bearer" = [])),
    params(("id" = ArrangementId, Path, description = "Arrangement id")),
    responses(
        (status = 200, description = "Oldest first", body = Vec<ArrangementEvent>),
        (status = 404, description = "No such arrangement within the caller's scope"),
    )
)]
#[get("/arrangements/{id}/history")]
pub async fn get_arrangement_history(
    db: web::Data<Db>,
    user: AuthUser,
    id: web::Path<ArrangementId>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok()
        .json(services::arrangements::arrangement_history(&db, user, id.into_inner()).await?))
}
