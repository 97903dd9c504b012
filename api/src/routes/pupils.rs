use actix_web::{HttpResponse, get, post, web};
use arrangeer_shared::api::page::Page;
use arrangeer_shared::api::pupils::{AddGuardianRequest, CreatePupilRequest, PupilResponse};
use arrangeer_shared::ids::PupilId;

use super::extract::Json;
use super::{ListQuery, with_etag};
use crate::auth::user::roles::{School, StaffOrParent};
use crate::auth::{AuthUser, Authorized};
use crate::db::Db;
use crate::error::ApiError;
use crate::services;

/// Add a pupil to the caller's school (school staff).
#[utoipa::path(
    tag = "pupils",
    security(("bearer" = [])),
    request_body = CreatePupilRequest,
    responses(
        (status = 201, description = "Created", body = PupilResponse),
        (status = 403, description = "Only school staff add pupils"),
        (status = 422, description = "A field breaks a rule (named in `errors`)"),
    )
)]
#[post("/pupils")]
pub async fn create_pupil(
    db: web::Data<Db>,
    caller: Authorized<School>,
    Json(request): Json<CreatePupilRequest>,
) -> Result<HttpResponse, ApiError> {
    let pupil = services::pupils::create_pupil(&db, caller.user, request).await?;
    Ok(with_etag(HttpResponse::Created(), pupil.version).json(pupil))
}

/// The pupils the caller may see: a school's own, a consultant's caseload, all for SWV staff,
/// a parent's own children.
#[utoipa::path(
    tag = "pupils",
    security(("bearer" = [])),
    params(ListQuery),
    responses(
        (status = 200, description = "One page of pupils, by name", body = Page<PupilResponse>),
        (status = 403, description = "Executors see pupils only inside their dossiers"),
    )
)]
#[get("/pupils")]
pub async fn list_pupils(
    db: web::Data<Db>,
    caller: Authorized<StaffOrParent>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    let ListQuery { limit, cursor } = query.into_inner();
    Ok(HttpResponse::Ok().json(services::pupils::list_pupils(&db, caller.user, limit, cursor).await?))
}

/// One pupil, within the caller's scope.
#[utoipa::path(
    tag = "pupils",
    security(("bearer" = [])),
    params(("id" = PupilId, Path, description = "Pupil id")),
    responses(
        (status = 200, description = "The pupil", body = PupilResponse),
        (status = 404, description = "No such pupil within the caller's scope"),
    )
)]
#[get("/pupils/{id}")]
pub async fn get_pupil(
    db: web::Data<Db>,
    user: AuthUser,
    req: actix_web::HttpRequest,
    id: web::Path<PupilId>,
) -> Result<HttpResponse, ApiError> {
    let pupil = services::pupils::get_pupil(&db, super::opps::caller(user, &req), id.into_inner()).await?;
    Ok(with_etag(HttpResponse::Ok(), pupil.version).json(pupil))
}

/// Link a parent account of the partnership to a pupil (school staff).
#[utoipa::path(
    tag = "pupils",
    security(("bearer" = [])),
    params(("id" = PupilId, Path, description = "Pupil id")),
    request_body = AddGuardianRequest,
    responses(
        (status = 200, description = "The pupil with its guardians", body = PupilResponse),
        (status = 403, description = "Only school staff link parents"),
        (status = 404, description = "No such pupil within the caller's scope"),
        (status = 422, description = "No parent account with that e-mail address"),
    )
)]
#[post("/pupils/{id}/guardians")]
pub async fn add_guardian(
    db: web::Data<Db>,
    caller: Authorized<School>,
    id: web::Path<PupilId>,
    Json(request): Json<AddGuardianRequest>,
) -> Result<HttpResponse, ApiError> {
    let pupil = services::pupils::add_guardian(&db, caller.user, id.into_inner(), request).await?;
    Ok(with_etag(HttpResponse::Ok(), pupil.version).json(pupil))
}
