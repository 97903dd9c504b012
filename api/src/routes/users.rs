use actix_web::{HttpResponse, get, web};
use arrangeer_shared::api::page::Page;
use arrangeer_shared::api::users::UserResponse;

use super::ListQuery;
use crate::auth::Authorized;
use crate::auth::user::roles::SwvAdmin;
use crate::db::Db;
use crate::error::ApiError;
use crate::services;

/// The partnership's user accounts (SWV office only).
#[utoipa::path(
    tag = "organisations",
    security(("bearer" = [])),
    params(ListQuery),
    responses(
        (status = 200, description = "One page of users, by name", body = Page<UserResponse>),
        (status = 403, description = "Only the SWV office manages users"),
    )
)]
#[get("/users")]
pub async fn list_users(
    db: web::Data<Db>,
    caller: Authorized<SwvAdmin>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    let ListQuery { limit, cursor } = query.into_inner();
    Ok(HttpResponse::Ok().json(services::users::list_users(&db, caller.user, limit, cursor).await?))
}
