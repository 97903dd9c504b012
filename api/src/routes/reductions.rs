use actix_web::{HttpResponse, get, post, web};
use arrangeer_shared::api::reductions::{CreateReductionRequest, ReductionResponse};
use arrangeer_shared::ids::ArrangementId;

use super::extract::Json;
use crate::auth::AuthUser;
use crate::db::Db;
use crate::error::ApiError;
use crate::services;

/// Report a reduction without termination (school staff): fewer hours per week, or a reduced
/// amount, from a date. The costs then show the settlement.
#[utoipa::path(
    tag = "arrangements",
    security(("bearer" = [])),
    params(("id" = ArrangementId, Path, description = "Arrangement id")),
    request_body = CreateReductionRequest,
    responses(
        (status = 201, description = "Recorded", body = ReductionResponse),
        (status = 403, description = "Only school staff report reductions"),
        (status = 404, description = "No such arrangement within the caller's scope"),
        (status = 409, description = "Not granted or in execution"),
        (status = 422, description = "Not a reduction, a date outside the period, or no reason"),
    )
)]
#[post("/arrangements/{id}/reductions")]
pub async fn create_reduction(
    db: web::Data<Db>,
    user: AuthUser,
    id: web::Path<ArrangementId>,
    Json(request): Json<CreateReductionRequest>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Created()
        .json(services::reductions::create_reduction(&db, user, id.into_inner(), request).await?))
}

/// The reductions of a dossier, oldest first; the last one is in force.
#[utoipa::path(
    tag = "arrangements",
    security(("bearer" = [])),
    params(("id" = ArrangementId, Path, description = "Arrangement id")),
    responses(
        (status = 200, description = "Oldest first", body = Vec<ReductionResponse>),
        (status = 403, description = "Parents do not see the finances of a dossier"),
        (status = 404, description = "No such arrangement within the caller's scope"),
    )
)]
#[get("/arrangements/{id}/reductions")]
pub async fn list_reductions(
    db: web::Data<Db>,
    user: AuthUser,
    id: web::Path<ArrangementId>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(services::reductions::list_reductions(&db, user, id.into_inner()).await?))
}
