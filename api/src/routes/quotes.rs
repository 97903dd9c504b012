use actix_web::{HttpResponse, get, post, web};
use arrangeer_shared::api::quotes::{CreateQuoteRequest, CreateReportRequest, QuoteResponse, ReportResponse};
use arrangeer_shared::ids::ArrangementId;

use super::extract::Json;
use crate::auth::AuthUser;
use crate::db::Db;
use crate::error::ApiError;
use crate::services;

/// Submit a quote (offerte) as the arrangement's chosen executor.
#[utoipa::path(
    tag = "executors",
    security(("bearer" = [])),
    params(("id" = ArrangementId, Path, description = "Arrangement id")),
    request_body = CreateQuoteRequest,
    responses(
        (status = 201, description = "Submitted", body = QuoteResponse),
        (status = 403, description = "Only executors quote"),
        (status = 404, description = "Not an arrangement this executor was chosen for"),
        (status = 409, description = "The application is already definitive"),
        (status = 422, description = "Hours, rate, amount or period out of range"),
    )
)]
#[post("/arrangements/{id}/quotes")]
pub async fn submit_quote(
    db: web::Data<Db>,
    user: AuthUser,
    id: web::Path<ArrangementId>,
    Json(request): Json<CreateQuoteRequest>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Created()
        .json(services::quotes::submit_quote(&db, user, id.into_inner(), request).await?))
}

/// The quotes of a dossier.
#[utoipa::path(
    tag = "executors",
    security(("bearer" = [])),
    params(("id" = ArrangementId, Path, description = "Arrangement id")),
    responses(
        (status = 200, description = "Oldest first", body = Vec<QuoteResponse>),
        (status = 403, description = "Parents do not see quotes"),
        (status = 404, description = "No such arrangement within the caller's scope"),
    )
)]
#[get("/arrangements/{id}/quotes")]
pub async fn list_quotes(
    db: web::Data<Db>,
    user: AuthUser,
    id: web::Path<ArrangementId>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(services::quotes::list_quotes(&db, user, id.into_inner()).await?))
}

/// Accept a quote (school staff); the other open quotes are declined.
#[utoipa::path(
    tag = "executors",
    security(("bearer" = [])),
    params(
        ("id" = ArrangementId, Path, description = "Arrangement id"),
        ("quoteId" = uuid::Uuid, Path, description = "Quote id"),
    ),
    responses(
        (status = 200, description = "Accepted", body = QuoteResponse),
        (status = 403, description = "Only school staff accept quotes"),
        (status = 404, description = "No such quote within the caller's scope"),
        (status = 409, description = "Already decided on"),
    )
)]
#[post("/arrangements/{id}/quotes/{quoteId}/accept")]
pub async fn accept_quote(
    db: web::Data<Db>,
    user: AuthUser,
    path: web::Path<(ArrangementId, uuid::Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (id, quote) = path.into_inner();
    let quote = quote.to_string();
    Ok(HttpResponse::Ok().json(services::quotes::accept_quote(&db, user, id, quote).await?))
}

/// Report progress as the executor, during execution.
#[utoipa::path(
    tag = "executors",
    security(("bearer" = [])),
    params(("id" = ArrangementId, Path, description = "Arrangement id")),
    request_body = CreateReportRequest,
    responses(
        (status = 201, description = "Added", body = ReportResponse),
        (status = 403, description = "Only executors report progress"),
        (status = 404, description = "Not an arrangement this executor was chosen for"),
        (status = 409, description = "Not in execution"),
        (status = 422, description = "Empty report or a period that ends before it starts"),
    )
)]
#[post("/arrangements/{id}/reports")]
pub async fn add_report(
    db: web::Data<Db>,
    user: AuthUser,
    id: web::Path<ArrangementId>,
    Json(request): Json<CreateReportRequest>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Created().json(services::quotes::add_report(&db, user, id.into_inner(), request).await?))
}

/// The executor's progress reports of a dossier.
#[utoipa::path(
    tag = "executors",
    security(("bearer" = [])),
    params(("id" = ArrangementId, Path, description = "Arrangement id")),
    responses(
        (status = 200, description = "By period", body = Vec<ReportResponse>),
        (status = 403, description = "Parents do not read progress reports"),
        (status = 404, description = "No such arrangement within the caller's scope"),
    )
)]
#[get("/arrangements/{id}/reports")]
pub async fn list_reports(
    db: web::Data<Db>,
    user: AuthUser,
    id: web::Path<ArrangementId>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(services::quotes::list_reports(&db, user, id.into_inner()).await?))
}
