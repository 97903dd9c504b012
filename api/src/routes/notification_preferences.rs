use actix_web::{HttpResponse, get, put, web};
use arrangeer_shared::api::notifications::NotificationPreferences;

use super::extract::Json;
use crate::auth::AuthUser;
use crate::db::Db;
use crate::error::ApiError;
use crate::services;

/// Which notification mails the caller gets (every event is on until switched off).
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    responses((status = 200, description = "The caller's switches", body = NotificationPreferences))
)]
#[get("/me/notification-preferences")]
pub async fn get_notification_preferences(
    db: web::Data<Db>,
    user: AuthUser,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(services::notifications::get_preferences(&db, user).await?))
}

/// Replace the caller's switches, all at once. The document belongs to the caller alone and
/// is replaced whole, so no `If-Match` is asked.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    request_body = NotificationPreferences,
    responses((status = 200, description = "The switches as stored", body = NotificationPreferences))
)]
#[put("/me/notification-preferences")]
pub async fn put_notification_preferences(
    db: web::Data<Db>,
    user: AuthUser,
    Json(preferences): Json<NotificationPreferences>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(services::notifications::put_preferences(&db, user, preferences).await?))
}
