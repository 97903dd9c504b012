use actix_web::{HttpResponse, get, web};
use arrangeer_shared::api::auth::ExecutorRef;
use arrangeer_shared::api::page::Page;
use arrangeer_shared::api::schools::SchoolResponse;
use arrangeer_shared::ids::SchoolId;

use super::ListQuery;
use crate::auth::Authorized;
use crate::auth::user::roles::Staff;
use crate::db::Db;
use crate::error::ApiError;
use crate::services;

/// The schools the caller may see: all of the partnership for SWV staff, the caseload for a
/// consultant, their own school for school staff.
#[utoipa::path(
    tag = "organisations",
    security(("bearer" = [])),
    params(ListQuery),
    responses(
        (status = 200, description = "One page of schools, by name", body = Page<SchoolResponse>),
        (status = 403, description = "Parents have no access to schools"),
    )
)]
#[get("/schools")]
pub async fn list_schools(
    db: web::Data<Db>,
    caller: Authorized<Staff>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    let ListQuery { limit, cursor } = query.into_inner();
    Ok(HttpResponse::Ok().json(services::schools::list_schools(&db, caller.user, limit, cursor).await?))
}

/// One school, if it is within the caller's scope.
#[utoipa::path(
    tag = "organisations",
    security(("bearer" = [])),
    params(("id" = SchoolId, Path, description = "School id")),
    responses(
        (status = 200, description = "The school", body = SchoolResponse),
        (status = 403, description = "Parents have no access to schools"),
        (status = 404, description = "No such school within the caller's scope"),
    )
)]
#[get("/schools/{id}")]
pub async fn get_school(
    db: web::Data<Db>,
    caller: Authorized<Staff>,
    id: web::Path<SchoolId>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(services::schools::get_school(&db, caller.user, id.into_inner()).await?))
}

/// The partnership's executor organisations (to choose one in a proposal).
#[utoipa::path(
    tag = "organisations",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "By name", body = Vec<ExecutorRef>),
        (status = 403, description = "Parents do not choose executors"),
    )
)]
#[get("/executors")]
pub async fn list_executors(db: web::Data<Db>, caller: Authorized<Staff>) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(services::schools::list_executors(&db, caller.user).await?))
}
