use actix_web::{HttpResponse, put, web};
use arrangeer_shared::api::preferences::{PreferencesResponse, UpdatePreferencesRequest};

use super::extract::Json;
use crate::auth::AuthUser;
use crate::db::Db;
use crate::error::ApiError;
use crate::services;

/// Replace the caller's own settings of the web app (the language). Every role may set its
/// own; nobody else's can be reached. `GET /me` returns the language. Not versioned with
/// `If-Match`: only the user writes it, and the body replaces the whole setting.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    request_body = UpdatePreferencesRequest,
    responses(
        (status = 200, description = "The settings as stored", body = PreferencesResponse),
        (status = 400, description = "Malformed body, or a language that is not offered"),
    )
)]
#[put("/me/preferences")]
pub async fn update_my_preferences(
    db: web::Data<Db>,
    user: AuthUser,
    Json(body): Json<UpdatePreferencesRequest>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(services::preferences::update_preferences(&db, user, body).await?))
}
