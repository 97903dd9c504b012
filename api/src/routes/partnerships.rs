use actix_web::{HttpRequest, HttpResponse, get, put, web};
use arrangeer_shared::api::policy::PolicyResponse;
use arrangeer_shared::ids::PartnershipId;
use arrangeer_shared::policy::Policy;

use super::extract::Json;
use super::{if_match, with_etag};
use crate::auth::user::roles::SwvAdmin;
use crate::auth::{AuthUser, Authorized};
use crate::db::Db;
use crate::error::ApiError;
use crate::services;

/// The partnership's rules in force (readable by everyone in the partnership).
#[utoipa::path(
    tag = "organisations",
    security(("bearer" = [])),
    params(("id" = PartnershipId, Path, description = "Partnership id")),
    responses(
        (status = 200, description = "The policy in force; ETag is its version", body = PolicyResponse),
        (status = 404, description = "Not the caller's partnership"),
    )
)]
#[get("/partnerships/{id}/policy")]
pub async fn get_policy(
    db: web::Data<Db>,
    user: AuthUser,
    id: web::Path<PartnershipId>,
) -> Result<HttpResponse, ApiError> {
    let policy = services::policy::get_policy(&db, user, id.into_inner()).await?;
    Ok(with_etag(HttpResponse::Ok(), policy.version).json(policy))
}

/// Replace the rules (SWV office), with `If-Match: "<version>"`. The old version stays: every
/// arrangement keeps being judged by the version it was submitted under.
#[utoipa::path(
    tag = "organisations",
    security(("bearer" = [])),
    params(
        ("id" = PartnershipId, Path, description = "Partnership id"),
        ("If-Match" = String, Header, description = "The version last read, e.g. \"1\""),
    ),
    request_body = Policy,
    responses(
        (status = 200, description = "The new version", body = PolicyResponse),
        (status = 403, description = "Only the SWV office edits the rules"),
        (status = 404, description = "Not the caller's partnership"),
        (status = 412, description = "Someone else changed the rules since"),
        (status = 422, description = "The rules make no sense (e.g. a negative cap); fields named"),
        (status = 428, description = "If-Match is missing"),
    )
)]
#[put("/partnerships/{id}/policy")]
pub async fn replace_policy(
    db: web::Data<Db>,
    caller: Authorized<SwvAdmin>,
    req: HttpRequest,
    id: web::Path<PartnershipId>,
    Json(policy): Json<Policy>,
) -> Result<HttpResponse, ApiError> {
    let expected = if_match(&req)?;
    let policy =
        services::policy::replace_policy(&db, caller.user, id.into_inner(), expected, policy).await?;
    Ok(with_etag(HttpResponse::Ok(), policy.version).json(policy))
}
