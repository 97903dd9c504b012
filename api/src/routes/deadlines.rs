use actix_web::{HttpResponse, delete, get, post, web};
use arrangeer_shared::api::deadlines::{DeadlineResponse, FeedTokenResponse};
use serde::Deserialize;
use utoipa::IntoParams;

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

/// Create a calendar feed address for the caller (revokes the previous one).
#[utoipa::path(
    tag = "deadlines",
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The token, shown once, and the feed's path", body = FeedTokenResponse),
        (status = 403, description = "Parents have no deadlines to meet"),
    )
)]
#[post("/deadlines/feed-token")]
pub async fn create_feed_token(db: web::Data<Db>, user: AuthUser) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Created().json(services::calendar::create_feed_token(&db, user).await?))
}

/// Revoke the caller's calendar feed addresses.
#[utoipa::path(
    tag = "deadlines",
    security(("bearer" = [])),
    responses((status = 204, description = "Revoked"))
)]
#[delete("/deadlines/feed-token")]
pub async fn revoke_feed_token(db: web::Data<Db>, user: AuthUser) -> Result<HttpResponse, ApiError> {
    services::calendar::revoke_feed_tokens(&db, user).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The token of a calendar feed address.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct FeedQuery {
    /// The secret from `POST /deadlines/feed-token`.
    pub token: String,
}

/// The caller's deadlines as an iCalendar feed, for calendar apps (which cannot send a bearer
/// token): read-only, revocable, without pupil names.
#[utoipa::path(
    tag = "deadlines",
    params(FeedQuery),
    responses(
        (status = 200, description = "iCalendar (RFC 5545)", content_type = "text/calendar", body = String),
        (status = 404, description = "Unknown or revoked token"),
    )
)]
#[get("/deadlines/calendar")]
pub async fn get_deadlines_calendar(
    db: web::Data<Db>,
    query: web::Query<FeedQuery>,
) -> Result<HttpResponse, ApiError> {
    let body = services::calendar::calendar(&db, query.into_inner().token).await?;
    Ok(HttpResponse::Ok().content_type("text/calendar; charset=utf-8").body(body))
}
