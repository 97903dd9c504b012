use actix_web::{HttpResponse, get, post, web};
use arrangeer_shared::api::arrangements::ArrangementResponse;
use arrangeer_shared::api::evaluations::{
    CreateLogbookEntryRequest, EvaluationResponse, LogbookEntryResponse, PlanEvaluationRequest,
    RecordEvaluationRequest,
};
use arrangeer_shared::ids::ArrangementId;

use super::extract::Json;
use super::with_etag;
use crate::auth::AuthUser;
use crate::db::Db;
use crate::error::ApiError;
use crate::services;

/// Plan an evaluation (school or consultant). A final evaluation includes the consultant.
#[utoipa::path(
    tag = "evaluations",
    security(("bearer" = [])),
    params(("id" = ArrangementId, Path, description = "Arrangement id")),
    request_body = PlanEvaluationRequest,
    responses(
        (status = 201, description = "Planned", body = EvaluationResponse),
        (status = 403, description = "Only the school and the consultant plan evaluations"),
        (status = 404, description = "No such arrangement within the caller's scope"),
        (status = 409, description = "Not before the proposal is approved"),
        (status = 422, description = "No participants, or a final evaluation without the consultant"),
    )
)]
#[post("/arrangements/{id}/evaluations")]
pub async fn plan_evaluation(
    db: web::Data<Db>,
    user: AuthUser,
    id: web::Path<ArrangementId>,
    Json(request): Json<PlanEvaluationRequest>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Created()
        .json(services::evaluations::plan_evaluation(&db, user, id.into_inner(), request).await?))
}

/// The evaluations of a dossier, planned and held.
#[utoipa::path(
    tag = "evaluations",
    security(("bearer" = [])),
    params(("id" = ArrangementId, Path, description = "Arrangement id")),
    responses(
        (status = 200, description = "By planned date", body = Vec<EvaluationResponse>),
        (status = 404, description = "No such arrangement within the caller's scope"),
    )
)]
#[get("/arrangements/{id}/evaluations")]
pub async fn list_evaluations(
    db: web::Data<Db>,
    user: AuthUser,
    id: web::Path<ArrangementId>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(services::evaluations::list_evaluations(&db, user, id.into_inner()).await?))
}

/// Record that an evaluation was held, with the outcome for every pupil and the reasons.
#[utoipa::path(
    tag = "evaluations",
    security(("bearer" = [])),
    params(
        ("id" = ArrangementId, Path, description = "Arrangement id"),
        ("evaluationId" = uuid::Uuid, Path, description = "Evaluation id"),
    ),
    request_body = RecordEvaluationRequest,
    responses(
        (status = 200, description = "Recorded", body = EvaluationResponse),
        (status = 403, description = "Only the school and the consultant record evaluations"),
        (status = 404, description = "No such evaluation within the caller's scope"),
        (status = 409, description = "Already recorded"),
        (status = 422, description = "Not exactly one outcome per pupil, or reasons missing"),
    )
)]
#[post("/arrangements/{id}/evaluations/{evaluationId}/record")]
pub async fn record_evaluation(
    db: web::Data<Db>,
    user: AuthUser,
    path: web::Path<(ArrangementId, uuid::Uuid)>,
    Json(request): Json<RecordEvaluationRequest>,
) -> Result<HttpResponse, ApiError> {
    let (id, evaluation) = path.into_inner();
    let evaluation = evaluation.to_string();
    let recorded = services::evaluations::record_evaluation(&db, user, id, evaluation, request).await?;
    Ok(with_etag(HttpResponse::Ok(), recorded.version).json(recorded))
}

/// Apply for an extension: a new draft copied from this (evaluated) arrangement and linked
/// to it. An extension is a new application, not a prolongation.
#[utoipa::path(
    tag = "evaluations",
    security(("bearer" = [])),
    params(("id" = ArrangementId, Path, description = "The arrangement to extend")),
    responses(
        (status = 201, description = "The new draft", body = ArrangementResponse),
        (status = 403, description = "Only school staff apply for extensions"),
        (status = 404, description = "No such arrangement within the caller's scope"),
        (status = 409, description = "Not in execution or closed"),
        (status = 422, description = "The arrangement has not been evaluated"),
    )
)]
#[post("/arrangements/{id}/extensions")]
pub async fn extend_arrangement(
    db: web::Data<Db>,
    user: AuthUser,
    id: web::Path<ArrangementId>,
) -> Result<HttpResponse, ApiError> {
    let draft = services::evaluations::extend_arrangement(&db, user, id.into_inner()).await?;
    Ok(with_etag(HttpResponse::Created(), draft.version).json(draft))
}

/// Add a process note to the consultant's logbook (consultants). Notes naming a pupil of the
/// dossier are refused: the logbook never holds notes about individual pupils.
#[utoipa::path(
    tag = "evaluations",
    security(("bearer" = [])),
    params(("id" = ArrangementId, Path, description = "Arrangement id")),
    request_body = CreateLogbookEntryRequest,
    responses(
        (status = 201, description = "Added", body = LogbookEntryResponse),
        (status = 403, description = "Only consultants write in the logbook"),
        (status = 404, description = "No such arrangement within the caller's scope"),
        (status = 409, description = "The dossier is closed"),
        (status = 422, description = "Empty, or names a pupil"),
    )
)]
#[post("/arrangements/{id}/logbook")]
pub async fn add_logbook_entry(
    db: web::Data<Db>,
    user: AuthUser,
    id: web::Path<ArrangementId>,
    Json(request): Json<CreateLogbookEntryRequest>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Created().json(services::logbook::add_note(&db, user, id.into_inner(), request).await?))
}

/// The consultant's logbook (consultants and the SWV office).
#[utoipa::path(
    tag = "evaluations",
    security(("bearer" = [])),
    params(("id" = ArrangementId, Path, description = "Arrangement id")),
    responses(
        (status = 200, description = "Oldest first", body = Vec<LogbookEntryResponse>),
        (status = 403, description = "Only consultants and the SWV office read the logbook"),
        (status = 404, description = "No such arrangement within the caller's scope"),
    )
)]
#[get("/arrangements/{id}/logbook")]
pub async fn list_logbook(
    db: web::Data<Db>,
    user: AuthUser,
    id: web::Path<ArrangementId>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(services::logbook::list_notes(&db, user, id.into_inner()).await?))
}
