use actix_web::{HttpRequest, HttpResponse, post, web};
use arrangeer_shared::api::auth::LoginResponse;
use arrangeer_shared::api::invitations::{
    AcceptInvitationRequest, CreateInvitationRequest, InvitationResponse,
};
use arrangeer_shared::ids::PupilId;

use super::extract::Json;
use super::opps::caller;
use crate::auth::limits::LoginLimits;
use crate::auth::refresh::RefreshSettings;
use crate::auth::user::roles::School;
use crate::auth::{Authorized, JwtKeys};
use crate::db::Db;
use crate::error::ApiError;
use crate::services;
use crate::services::invitations::InvitationSettings;

/// Invite a guardian of a pupil of the caller's school by e-mail address (school staff):
/// a one-time link, valid for a limited time, to set a password for a parent account.
#[utoipa::path(
    tag = "invitations",
    security(("bearer" = [])),
    params(("id" = PupilId, Path, description = "Pupil id")),
    request_body = CreateInvitationRequest,
    responses(
        (status = 201, description = "Invited (in demo mode `demoLink` holds the link)", body = InvitationResponse),
        (status = 403, description = "Only school staff invite guardians"),
        (status = 404, description = "No such pupil within the caller's scope"),
        (status = 422, description = "Not an e-mail address, or one of a non-parent account"),
    )
)]
#[post("/pupils/{id}/invitations")]
pub async fn invite_guardian(
    db: web::Data<Db>,
    settings: web::Data<InvitationSettings>,
    school: Authorized<School>,
    req: HttpRequest,
    id: web::Path<PupilId>,
    Json(request): Json<CreateInvitationRequest>,
) -> Result<HttpResponse, ApiError> {
    let invitation = services::invitations::invite_guardian(
        &db,
        &settings,
        caller(school.user, &req),
        id.into_inner(),
        request,
    )
    .await?;
    Ok(HttpResponse::Created().json(invitation))
}

/// Follow an invitation link (no login needed): set the password; the parent account is
/// created or activated, linked to the pupil, and logged in. A link works once.
#[utoipa::path(
    tag = "invitations",
    request_body = AcceptInvitationRequest,
    responses(
        (status = 201, description = "The account is ready; a bearer token to go on with", body = LoginResponse),
        (status = 404, description = "No invitation with this token"),
        (status = 410, description = "The link was used (`invitation-used`) or has expired (`invitation-expired`)"),
        (status = 422, description = "The password is too short"),
    )
)]
#[post("/invitations/actions/accept")]
pub async fn accept_invitation(
    db: web::Data<Db>,
    keys: web::Data<JwtKeys>,
    refresh: web::Data<RefreshSettings>,
    limits: web::Data<LoginLimits>,
    req: HttpRequest,
    Json(request): Json<AcceptInvitationRequest>,
) -> Result<HttpResponse, ApiError> {
    // accepting logs the parent in: the same limits and session as a login
    let context = super::auth::login_context(&req, &keys, &refresh, &limits);
    let address = context.client.map(|ip| ip.to_string());
    let login = services::invitations::accept_invitation(&db, context, address, request).await?;
    Ok(HttpResponse::Created().json(login))
}
