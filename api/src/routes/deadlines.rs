use actix_web::{HttpResponse, get, web};
use arrangeer_shared::api::deadlines::DeadlineResponse;

use crate::auth::AuthUser;
use crate::db::Db;
use crate::error::ApiError;
use crate::services;

/// The running deadlines of the dossiers in the caller's scope, soonest first, computed from
/// what happened and the partnership's rules; `mine` marks those the caller's role must meet.
#[utoipa::path(
    tag = "deadlines",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Soonest first", body = Vec<DeadlineResponse>),
        (status = 403, description = "Parents have no deadlines to meet"),
    )
)]
#[get("/deadlines")]
pub async fn list_deadlines(db: web::Data<Db>, user: AuthUser) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(services::deadlines::list_deadlines(&db, user).await?))
}
