use actix_web::{HttpRequest, HttpResponse, get, post, put, web};
use arrangeer_shared::api::consultations::{
    ConsultationKind, ConsultationResponse, ConsultationSummary, CreateConsultationRequest,
    CreateMeetingRequest, LinkArrangementRequest, MeetingResponse, TriageRequest,
};
use arrangeer_shared::api::page::Page;
use arrangeer_shared::ids::SchoolId;
use serde::Deserialize;
use utoipa::IntoParams;

use super::extract::Json;
use super::{if_match, with_etag};
use crate::auth::AuthUser;
use crate::db::Db;
use crate::error::ApiError;
use crate::services;

/// Filters of the consultation list (allow-listed; anything else is a 400).
#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ConsultationListQuery {
    pub kind: Option<ConsultationKind>,
    pub school_id: Option<SchoolId>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
    /// Opaque position from a previous page's `nextCursor`.
    pub cursor: Option<String>,
}

/// Ask the SWV to think along (school staff): the support question with anonymised pupil
/// information. A text naming a pupil of the school is refused.
#[utoipa::path(
    tag = "consultations",
    security(("bearer" = [])),
    request_body = CreateConsultationRequest,
    responses(
        (status = 201, description = "Created", body = ConsultationResponse),
        (status = 403, description = "Only school staff ask for consultations"),
        (status = 422, description = "A field breaks a rule: a pupil's name, no code, a cluster without information"),
    )
)]
#[post("/consultations")]
pub async fn create_consultation(
    db: web::Data<Db>,
    user: AuthUser,
    Json(request): Json<CreateConsultationRequest>,
) -> Result<HttpResponse, ApiError> {
    let created = services::consultations::create_consultation(&db, user, request).await?;
    Ok(with_etag(HttpResponse::Created(), created.version).json(created))
}

/// The consultations the caller may see (own school, caseload, or all for the SWV office),
/// most recently changed first.
#[utoipa::path(
    tag = "consultations",
    security(("bearer" = [])),
    params(ConsultationListQuery),
    responses(
        (status = 200, description = "One page of consultations", body = Page<ConsultationSummary>),
        (status = 403, description = "Executors and parents do not see consultations"),
    )
)]
#[get("/consultations")]
pub async fn list_consultations(
    db: web::Data<Db>,
    user: AuthUser,
    query: web::Query<ConsultationListQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let query = services::consultations::ListQuery {
        kind: q.kind,
        school_id: q.school_id.map(|s| s.to_string()),
        limit: q.limit,
        cursor: q.cursor,
    };
    Ok(HttpResponse::Ok().json(services::consultations::list_consultations(&db, user, query).await?))
}

/// One consultation with its triage, meetings and the arrangements it led to.
#[utoipa::path(
    tag = "consultations",
    security(("bearer" = [])),
    params(("id" = uuid::Uuid, Path, description = "Consultation id")),
    responses(
        (status = 200, description = "The consultation", body = ConsultationResponse),
        (status = 403, description = "Executors and parents do not see consultations"),
        (status = 404, description = "No such consultation within the caller's scope"),
    )
)]
#[get("/consultations/{id}")]
pub async fn get_consultation(
    db: web::Data<Db>,
    user: AuthUser,
    id: web::Path<uuid::Uuid>,
) -> Result<HttpResponse, ApiError> {
    let found = services::consultations::get_consultation(&db, user, id.into_inner().to_string()).await?;
    Ok(with_etag(HttpResponse::Ok(), found.version).json(found))
}

/// Record the triage (the caseload consultant): is the information sufficient, should the
/// board or youth care join. Requires `If-Match`.
#[utoipa::path(
    tag = "consultations",
    security(("bearer" = [])),
    params(
        ("id" = uuid::Uuid, Path, description = "Consultation id"),
        ("If-Match" = String, Header, description = "The ETag of the consultation read last"),
    ),
    request_body = TriageRequest,
    responses(
        (status = 200, description = "Triaged", body = ConsultationResponse),
        (status = 403, description = "Only consultants triage"),
        (status = 404, description = "No such consultation within the caller's scope"),
        (status = 412, description = "The consultation changed since it was read"),
        (status = 422, description = "The note names a pupil"),
        (status = 428, description = "If-Match is missing"),
    )
)]
#[put("/consultations/{id}/triage")]
pub async fn triage_consultation(
    db: web::Data<Db>,
    req: HttpRequest,
    user: AuthUser,
    id: web::Path<uuid::Uuid>,
    Json(request): Json<TriageRequest>,
) -> Result<HttpResponse, ApiError> {
    let version = if_match(&req)?;
    let id = id.into_inner().to_string();
    let triaged = services::consultations::triage_consultation(&db, user, id, version, request).await?;
    Ok(with_etag(HttpResponse::Ok(), triaged.version).json(triaged))
}

/// Record a meeting held (the caseload consultant): date, participants with or without an
/// account, minutes and agreements.
#[utoipa::path(
    tag = "consultations",
    security(("bearer" = [])),
    params(("id" = uuid::Uuid, Path, description = "Consultation id")),
    request_body = CreateMeetingRequest,
    responses(
        (status = 201, description = "Recorded", body = MeetingResponse),
        (status = 403, description = "Only consultants record meetings"),
        (status = 404, description = "No such consultation within the caller's scope"),
        (status = 422, description = "No participants, no minutes, or a text names a pupil"),
    )
)]
#[post("/consultations/{id}/meetings")]
pub async fn add_consultation_meeting(
    db: web::Data<Db>,
    user: AuthUser,
    id: web::Path<uuid::Uuid>,
    Json(request): Json<CreateMeetingRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().to_string();
    Ok(HttpResponse::Created().json(services::consultations::add_meeting(&db, user, id, request).await?))
}

/// The meetings of a consultation, oldest first.
#[utoipa::path(
    tag = "consultations",
    security(("bearer" = [])),
    params(("id" = uuid::Uuid, Path, description = "Consultation id")),
    responses(
        (status = 200, description = "Oldest first", body = Vec<MeetingResponse>),
        (status = 403, description = "Executors and parents do not see consultations"),
        (status = 404, description = "No such consultation within the caller's scope"),
    )
)]
#[get("/consultations/{id}/meetings")]
pub async fn list_consultation_meetings(
    db: web::Data<Db>,
    user: AuthUser,
    id: web::Path<uuid::Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().to_string();
    Ok(HttpResponse::Ok().json(services::consultations::list_meetings(&db, user, id).await?))
}

/// Link an arrangement of the same school to the consultation it came from (school staff).
#[utoipa::path(
    tag = "consultations",
    security(("bearer" = [])),
    params(("id" = uuid::Uuid, Path, description = "Consultation id")),
    request_body = LinkArrangementRequest,
    responses(
        (status = 200, description = "Linked", body = ConsultationResponse),
        (status = 403, description = "Only school staff link arrangements"),
        (status = 404, description = "No such consultation within the caller's scope"),
        (status = 422, description = "Unknown arrangement, another school's, or linked elsewhere"),
    )
)]
#[post("/consultations/{id}/arrangements")]
pub async fn link_consultation_arrangement(
    db: web::Data<Db>,
    user: AuthUser,
    id: web::Path<uuid::Uuid>,
    Json(request): Json<LinkArrangementRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().to_string();
    let linked = services::consultations::link_arrangement(&db, user, id, request).await?;
    Ok(with_etag(HttpResponse::Ok(), linked.version).json(linked))
}
