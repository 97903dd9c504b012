use actix_web::{HttpRequest, HttpResponse, post, web};
use arrangeer_shared::api::auth::{LoginRequest, LoginResponse, RefreshRequest};

use super::extract::Json;
use crate::auth::JwtKeys;
use crate::auth::limits::LoginLimits;
use crate::auth::refresh::RefreshSettings;
use crate::auth::totp::TotpPolicy;
use crate::db::Db;
use crate::error::ApiError;
use crate::services;
use crate::services::auth::LoginContext;

/// Log in with e-mail address and password.
///
/// Returns a short-lived bearer token and a refresh token. A wrong password and an unknown
/// account give the same 401, so the answer does not reveal which addresses have an account.
/// Repeated failures for one account, or many attempts from one address, get 429 with
/// `Retry-After`.
#[utoipa::path(
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Logged in", body = LoginResponse),
        (status = 400, description = "Malformed body"),
        (status = 401, description = "Wrong e-mail address or password; or (problem types \
            `totp-required`, `totp-invalid`) the account uses two-factor authentication and the \
            `totpCode` is missing, wrong or already used"),
        (status = 403, description = "Problem type `totp-enrollment-required`: the password is \
            right, but two-factor authentication must be set up first; the problem's \
            `enrollmentToken` reaches only `/me/totp` and `/me/totp/confirm`"),
        (status = 413, description = "Body too large"),
        (status = 415, description = "Body is not JSON"),
        (status = 429, description = "Too many login attempts; see Retry-After",
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
    )
)]
#[post("/auth/login")]
pub async fn login(
    req: HttpRequest,
    db: web::Data<Db>,
    keys: web::Data<JwtKeys>,
    refresh: web::Data<RefreshSettings>,
    limits: web::Data<LoginLimits>,
    Json(request): Json<LoginRequest>,
) -> Result<HttpResponse, ApiError> {
    let response = services::auth::login(&db, login_context(&req, &keys, &refresh, &limits), request).await?;
    Ok(HttpResponse::Ok().json(response))
}

/// Exchange a refresh token for a new access token and a new refresh token.
///
/// The given refresh token is revoked. Presenting a revoked one again revokes every token of
/// that login session (someone else holds a copy), and gets 401.
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 200, description = "A new token pair", body = LoginResponse),
        (status = 400, description = "Malformed body"),
        (status = 401, description = "Unknown, expired or revoked refresh token"),
    )
)]
#[post("/auth/refresh")]
pub async fn refresh_session(
    db: web::Data<Db>,
    keys: web::Data<JwtKeys>,
    refresh: web::Data<RefreshSettings>,
    totp: web::Data<TotpPolicy>,
    Json(request): Json<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    let response =
        services::sessions::refresh(&db, &keys, **refresh, request.refresh_token, totp.required).await?;
    Ok(HttpResponse::Ok().json(response))
}

/// Log out: revoke the refresh token and every token of its login session.
///
/// Needs no access token (it may have expired); answers 204 whether or not the token was
/// known. Access tokens already issued stay valid until they expire (at most their lifetime).
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 204, description = "Logged out"),
        (status = 400, description = "Malformed body"),
    )
)]
#[post("/auth/logout")]
pub async fn logout(
    db: web::Data<Db>,
    Json(request): Json<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    services::sessions::logout(&db, request.refresh_token).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// What a login needs besides the credentials: keys, session settings, limits and the client's
/// address (also used when accepting an invitation, which logs the parent in).
pub(super) fn login_context<'a>(
    req: &HttpRequest,
    keys: &'a JwtKeys,
    refresh: &RefreshSettings,
    limits: &'a LoginLimits,
) -> LoginContext<'a> {
    let totp_required = req.app_data::<web::Data<TotpPolicy>>().is_some_and(|policy| policy.required);
    LoginContext { keys, refresh: *refresh, limits, client: limits.client_address(req), totp_required }
}
