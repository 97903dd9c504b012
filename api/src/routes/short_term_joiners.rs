use actix_web::{HttpRequest, HttpResponse, get, post, web};
use arrangeer_shared::api::short_term_joiners::{CreateShortTermJoinerRequest, ShortTermJoinerResponse};
use arrangeer_shared::ids::ArrangementId;

use super::extract::Json;
use super::opps::caller;
use crate::auth::AuthUser;
use crate::db::Db;
use crate::error::ApiError;
use crate::services;

/// Register a short-term joiner of a cluster arrangement (school staff of its school): a pupil
/// who joins one part of the offer for at most 13 weeks, without an OPP. Requires an uploaded
/// action plan (attachment of kind `action_plan`) and informed parents; no consent is asked and
/// no OPP deadline starts.
#[utoipa::path(
    tag = "arrangements",
    security(("bearer" = [])),
    params(("id" = ArrangementId, Path, description = "Arrangement id")),
    request_body = CreateShortTermJoinerRequest,
    responses(
        (status = 201, description = "Registered", body = ShortTermJoinerResponse),
        (status = 403, description = "Only school staff register short-term joiners"),
        (status = 404, description = "No such arrangement within the caller's scope"),
        (status = 409, description = "The dossier is closed, rejected or withdrawn"),
        (status = 422, description = "Not a cluster, no action plan, parents not informed, a period that is too long, or a pupil that cannot join (the field is named)"),
    )
)]
#[post("/arrangements/{id}/short-term-joiners")]
pub async fn add_short_term_joiner(
    db: web::Data<Db>,
    user: AuthUser,
    req: HttpRequest,
    id: web::Path<ArrangementId>,
    Json(request): Json<CreateShortTermJoinerRequest>,
) -> Result<HttpResponse, ApiError> {
    let joiner = services::short_term_joiners::add_short_term_joiner(
        &db,
        caller(user, &req),
        id.into_inner(),
        request,
    )
    .await?;
    Ok(HttpResponse::Created().json(joiner))
}

/// The short-term joiners of a dossier, by start date. Every read is written to the audit log.
#[utoipa::path(
    tag = "arrangements",
    security(("bearer" = [])),
    params(("id" = ArrangementId, Path, description = "Arrangement id")),
    responses(
        (status = 200, description = "By start date", body = Vec<ShortTermJoinerResponse>),
        (status = 403, description = "Parents do not see other pupils of a dossier"),
        (status = 404, description = "No such arrangement within the caller's scope"),
    )
)]
#[get("/arrangements/{id}/short-term-joiners")]
pub async fn list_short_term_joiners(
    db: web::Data<Db>,
    user: AuthUser,
    req: HttpRequest,
    id: web::Path<ArrangementId>,
) -> Result<HttpResponse, ApiError> {
    let list =
        services::short_term_joiners::list_short_term_joiners(&db, caller(user, &req), id.into_inner())
            .await?;
    Ok(HttpResponse::Ok().json(list))
}
