use actix_web::{HttpRequest, HttpResponse, get, post, put, web};
use arrangeer_shared::api::integral_actions::{
    CreateIntegralActionRequest, IntegralActionResponse, UpdateIntegralActionRequest,
};
use arrangeer_shared::ids::ArrangementId;

use super::extract::Json;
use super::{if_match, with_etag};
use crate::auth::AuthUser;
use crate::db::Db;
use crate::error::ApiError;
use crate::services;

/// Agree an action of an integral arrangement (school or consultant): what, who (with or
/// without an account) and by when.
#[utoipa::path(
    tag = "arrangements",
    security(("bearer" = [])),
    params(("id" = ArrangementId, Path, description = "Arrangement id")),
    request_body = CreateIntegralActionRequest,
    responses(
        (status = 201, description = "Added", body = IntegralActionResponse),
        (status = 403, description = "Only the school and the consultant change actions"),
        (status = 404, description = "No such arrangement within the caller's scope"),
        (status = 409, description = "The dossier is closed"),
        (status = 422, description = "Not an integral arrangement, or a field breaks a rule"),
    )
)]
#[post("/arrangements/{id}/integral-actions")]
pub async fn create_integral_action(
    db: web::Data<Db>,
    user: AuthUser,
    id: web::Path<ArrangementId>,
    Json(request): Json<CreateIntegralActionRequest>,
) -> Result<HttpResponse, ApiError> {
    let created =
        services::integral_actions::create_integral_action(&db, user, id.into_inner(), request).await?;
    Ok(with_etag(HttpResponse::Created(), created.version).json(created))
}

/// The actions of an integral arrangement, soonest due first.
#[utoipa::path(
    tag = "arrangements",
    security(("bearer" = [])),
    params(("id" = ArrangementId, Path, description = "Arrangement id")),
    responses(
        (status = 200, description = "Soonest due first", body = Vec<IntegralActionResponse>),
        (status = 403, description = "Parents do not read the action list"),
        (status = 404, description = "No such arrangement within the caller's scope"),
    )
)]
#[get("/arrangements/{id}/integral-actions")]
pub async fn list_integral_actions(
    db: web::Data<Db>,
    user: AuthUser,
    id: web::Path<ArrangementId>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok()
        .json(services::integral_actions::list_integral_actions(&db, user, id.into_inner()).await?))
}

/// Replace an action, e.g. mark it done or cancelled (school or consultant), with `If-Match`.
#[utoipa::path(
    tag = "arrangements",
    security(("bearer" = [])),
    params(
        ("id" = ArrangementId, Path, description = "Arrangement id"),
        ("actionId" = uuid::Uuid, Path, description = "Action id"),
        ("If-Match" = String, Header, description = "The ETag last read, e.g. \"1\""),
    ),
    request_body = UpdateIntegralActionRequest,
    responses(
        (status = 200, description = "Updated", body = IntegralActionResponse),
        (status = 403, description = "Only the school and the consultant change actions"),
        (status = 404, description = "No such action within the caller's scope"),
        (status = 409, description = "The dossier is closed"),
        (status = 412, description = "Someone else changed it since (stale If-Match)"),
        (status = 422, description = "A field breaks a rule"),
        (status = 428, description = "If-Match is missing"),
    )
)]
#[put("/arrangements/{id}/integral-actions/{actionId}")]
pub async fn update_integral_action(
    db: web::Data<Db>,
    req: HttpRequest,
    user: AuthUser,
    path: web::Path<(ArrangementId, uuid::Uuid)>,
    Json(request): Json<UpdateIntegralActionRequest>,
) -> Result<HttpResponse, ApiError> {
    let version = if_match(&req)?;
    let (id, action) = path.into_inner();
    let updated = services::integral_actions::update_integral_action(
        &db,
        user,
        id,
        action.to_string(),
        version,
        request,
    )
    .await?;
    Ok(with_etag(HttpResponse::Ok(), updated.version).json(updated))
}
