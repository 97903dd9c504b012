//! Two-factor authentication (TOTP) of staff accounts: status, enrollment, confirmation, and
//! the SWV office's reset.

use actix_web::{HttpRequest, HttpResponse, delete, get, post, web};
use arrangeer_shared::api::totp::{ConfirmTotpRequest, TotpEnrollmentResponse, TotpStatusResponse};
use arrangeer_shared::ids::UserId;

use super::auth::login_context;
use super::extract::Json;
use crate::auth::JwtKeys;
use crate::auth::limits::LoginLimits;
use crate::auth::refresh::RefreshSettings;
use crate::auth::totp::TotpPolicy;
use crate::auth::user::EnrollingUser;
use crate::auth::user::roles::SwvAdmin;
use crate::auth::{AuthUser, Authorized};
use crate::db::Db;
use crate::error::ApiError;
use crate::services;

/// Whether the caller has two-factor authentication, and whether this server requires it.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    responses((status = 200, description = "The caller's two-factor status", body = TotpStatusResponse))
)]
#[get("/me/totp")]
pub async fn get_totp_status(
    db: web::Data<Db>,
    policy: web::Data<TotpPolicy>,
    user: AuthUser,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(services::totp::status(&db, user, policy.required).await?))
}

/// Start setting up two-factor authentication: a new secret for an authenticator app.
///
/// The secret (base32, as an `otpauth://` URI and as a QR code) is shown this once. It becomes
/// active with `POST /me/totp/confirm`. Accepts the enrollment token of a login that answered
/// `totp-enrollment-required`. Staff only.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    responses(
        (status = 201, description = "A new, not yet active secret", body = TotpEnrollmentResponse),
        (status = 403, description = "Parents have no two-factor authentication"),
        (status = 409, description = "Two-factor authentication is already active"),
    )
)]
#[post("/me/totp")]
pub async fn enroll_totp(db: web::Data<Db>, caller: EnrollingUser) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Created().json(services::totp::enroll(&db, caller.user).await?))
}

/// Activate two-factor authentication with the first code of the authenticator app.
///
/// Called with an enrollment token, the answer also carries the session (`session`) that the
/// login could not give yet. Wrong codes count against the account's login limit.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    request_body = ConfirmTotpRequest,
    responses(
        (status = 200, description = "Active", body = TotpStatusResponse),
        (status = 403, description = "Parents have no two-factor authentication"),
        (status = 409, description = "No enrollment in progress, or already active"),
        (status = 413, description = "Body too large"),
        (status = 422, description = "The code is wrong or expired (field `code`)"),
        (status = 429, description = "Too many wrong codes; see Retry-After",
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
    )
)]
#[post("/me/totp/confirm")]
pub async fn confirm_totp(
    req: HttpRequest,
    db: web::Data<Db>,
    keys: web::Data<JwtKeys>,
    refresh: web::Data<RefreshSettings>,
    limits: web::Data<LoginLimits>,
    caller: EnrollingUser,
    Json(request): Json<ConfirmTotpRequest>,
) -> Result<HttpResponse, ApiError> {
    let context = login_context(&req, &keys, &refresh, &limits);
    let status = services::totp::confirm(&db, &context, caller.user, request.code, caller.enrollment).await?;
    Ok(HttpResponse::Ok().json(status))
}

/// Reset a user's two-factor authentication (e.g. a lost phone); SWV office only.
///
/// Ends the user's sessions; at the next login they set up a new secret.
#[utoipa::path(
    tag = "organisations",
    security(("bearer" = [])),
    params(("id" = UserId, Path, description = "User id")),
    responses(
        (status = 204, description = "Reset"),
        (status = 403, description = "Only the SWV office resets two-factor authentication"),
        (status = 404, description = "No such user in the partnership, or no secret to reset"),
    )
)]
#[delete("/users/{id}/totp")]
pub async fn reset_user_totp(
    db: web::Data<Db>,
    caller: Authorized<SwvAdmin>,
    req: HttpRequest,
    id: web::Path<UserId>,
) -> Result<HttpResponse, ApiError> {
    services::totp::reset(&db, super::opps::caller(caller.user, &req), id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
