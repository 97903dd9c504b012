use actix_web::{HttpResponse, post, web};
use arrangeer_shared::api::auth::{LoginRequest, LoginResponse};

use super::extract::Json;
use crate::auth::JwtKeys;
use crate::db::Db;
use crate::error::ApiError;
use crate::services;

/// Log in with e-mail address and password.
///
/// Returns a short-lived bearer token. A wrong password and an unknown account give the same
/// 401, so the answer does not reveal which addresses have an account.
#[utoipa::path(
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Logged in", body = LoginResponse),
        (status = 401, description = "Wrong e-mail address or password"),
        (status = 413, description = "Body too large"),
        (status = 415, description = "Body is not JSON"),
    )
)]
#[post("/auth/login")]
pub async fn login(
    db: web::Data<Db>,
    keys: web::Data<JwtKeys>,
    Json(request): Json<LoginRequest>,
) -> Result<HttpResponse, ApiError> {
    let response = services::auth::login(&db, &keys, request).await?;
    Ok(HttpResponse::Ok().json(response))
}
