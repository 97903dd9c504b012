use actix_web::{HttpResponse, get, web};
use arrangeer_shared::api::auth::MeResponse;

use crate::auth::AuthUser;
use crate::db::Db;
use crate::error::ApiError;
use crate::services;

/// The logged-in user: name, role, partnership and organisation.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    responses((status = 200, description = "The caller's account", body = MeResponse))
)]
#[get("/me")]
pub async fn get_me(db: web::Data<Db>, user: AuthUser) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(services::auth::me(&db, user).await?))
}
