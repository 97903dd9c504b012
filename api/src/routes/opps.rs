use actix_web::{HttpRequest, HttpResponse, get, post, put, web};
use arrangeer_shared::Role;
use arrangeer_shared::api::opps::{
    ConsentRequest, ConsentResponse, CreateGoalEvaluationRequest, CreateOppMeetingRequest, CreateOppRequest,
    GoalEvaluationResponse, OppMeetingResponse, OppResponse, OppSummary, OppVersionResponse,
    OppVersionSummary, UpdateOppRequest,
};
use arrangeer_shared::api::page::Page;
use arrangeer_shared::ids::{OppId, PupilId};
use serde::Deserialize;
use utoipa::IntoParams;

use super::extract::Json;
use super::{if_match, with_etag};
use crate::auth::user::RoleSet;
use crate::auth::user::roles::{School, StaffOrParent};
use crate::auth::{AuthUser, Authorized};
use crate::db::Db;
use crate::error::ApiError;
use crate::services;
use crate::services::audit::Caller;

/// Guardians only: the one thing they write is their answer on a plan.
pub struct Guardian;
impl RoleSet for Guardian {
    const ROLES: &'static [Role] = &[Role::Parent];
}

/// The caller as the audit log records them: the account and the client's address.
pub fn caller(user: AuthUser, req: &HttpRequest) -> Caller {
    Caller { user, address: super::extract::client_address(req) }
}

/// Filters of the plan list (allow-listed; anything else is a 400).
#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct OppListQuery {
    /// Only the plan of this pupil.
    pub pupil_id: Option<PupilId>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
    /// Opaque position from a previous page's `nextCursor`.
    pub cursor: Option<String>,
}

/// Start the development plan of a pupil of the caller's school (school staff), as a draft.
#[utoipa::path(
    tag = "opps",
    security(("bearer" = [])),
    request_body = CreateOppRequest,
    responses(
        (status = 201, description = "The new plan; ETag is its version", body = OppResponse),
        (status = 403, description = "Only school staff write plans"),
        (status = 409, description = "The pupil already has a plan"),
        (status = 422, description = "Not a pupil of the caller's school, or a field breaks a rule"),
    )
)]
#[post("/opps")]
pub async fn create_opp(
    db: web::Data<Db>,
    school: Authorized<School>,
    req: HttpRequest,
    Json(request): Json<CreateOppRequest>,
) -> Result<HttpResponse, ApiError> {
    let opp = services::opps::create_opp(&db, caller(school.user, &req), request).await?;
    Ok(with_etag(HttpResponse::Created(), opp.version).json(opp))
}

/// The plans the caller may see, by pupil name (guardians: their children's published plans).
#[utoipa::path(
    tag = "opps",
    security(("bearer" = [])),
    params(OppListQuery),
    responses(
        (status = 200, description = "One page of plans", body = Page<OppSummary>),
        (status = 403, description = "Executors do not read plans"),
    )
)]
#[get("/opps")]
pub async fn list_opps(
    db: web::Data<Db>,
    reader: Authorized<StaffOrParent>,
    query: web::Query<OppListQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let query = services::opps::OppQuery { pupil_id: q.pupil_id, limit: q.limit, cursor: q.cursor };
    Ok(HttpResponse::Ok().json(services::opps::list_opps(&db, reader.user, query).await?))
}

/// One plan: the draft (not for guardians), the latest published version and its consent.
/// Every read is written to the audit log.
#[utoipa::path(
    tag = "opps",
    security(("bearer" = [])),
    params(("id" = OppId, Path, description = "Plan id")),
    responses(
        (status = 200, description = "The plan; ETag is its version", body = OppResponse),
        (status = 403, description = "Executors do not read plans"),
        (status = 404, description = "No such plan within the caller's scope (guardians: nothing published yet)"),
    )
)]
#[get("/opps/{id}")]
pub async fn get_opp(
    db: web::Data<Db>,
    reader: Authorized<StaffOrParent>,
    req: HttpRequest,
    id: web::Path<OppId>,
) -> Result<HttpResponse, ApiError> {
    let opp = services::opps::get_opp(&db, caller(reader.user, &req), id.into_inner()).await?;
    Ok(with_etag(HttpResponse::Ok(), opp.version).json(opp))
}

/// Replace the draft (school staff), with `If-Match: "<version>"`. Published versions never change.
#[utoipa::path(
    tag = "opps",
    security(("bearer" = [])),
    params(
        ("id" = OppId, Path, description = "Plan id"),
        ("If-Match" = String, Header, description = "The ETag last read, e.g. \"3\""),
    ),
    request_body = UpdateOppRequest,
    responses(
        (status = 200, description = "The plan with the new draft", body = OppResponse),
        (status = 403, description = "Only school staff write plans"),
        (status = 404, description = "No such plan within the caller's scope"),
        (status = 412, description = "Someone else changed it since (stale If-Match)"),
        (status = 422, description = "A field breaks a rule"),
        (status = 428, description = "If-Match is missing"),
    )
)]
#[put("/opps/{id}")]
pub async fn update_opp(
    db: web::Data<Db>,
    school: Authorized<School>,
    req: HttpRequest,
    id: web::Path<OppId>,
    Json(request): Json<UpdateOppRequest>,
) -> Result<HttpResponse, ApiError> {
    let expected = if_match(&req)?;
    let opp = services::opps::update_opp(&db, caller(school.user, &req), id.into_inner(), expected, request)
        .await?;
    Ok(with_etag(HttpResponse::Ok(), opp.version).json(opp))
}

/// Publish the draft as the next numbered, immutable version; the guardians' consent on it
/// starts pending.
#[utoipa::path(
    tag = "opps",
    security(("bearer" = [])),
    params(("id" = OppId, Path, description = "Plan id")),
    responses(
        (status = 201, description = "The published version", body = OppVersionResponse),
        (status = 403, description = "Only school staff publish plans"),
        (status = 404, description = "No such plan within the caller's scope"),
        (status = 409, description = "The draft is the same as the latest version"),
        (status = 422, description = "The draft is incomplete (goals, action part, pupil's voice, …)"),
    )
)]
#[post("/opps/{id}/actions/publish")]
pub async fn publish_opp(
    db: web::Data<Db>,
    mailer: web::Data<crate::services::mailer::Mailer>,
    school: Authorized<School>,
    req: HttpRequest,
    id: web::Path<OppId>,
) -> Result<HttpResponse, ApiError> {
    let opp = id.into_inner();
    let version = services::opps::publish_opp(&db, caller(school.user, &req), opp).await?;
    services::notifications::opp_published(&db, &mailer, opp.to_string());
    Ok(HttpResponse::Created().json(version))
}

/// The published versions, oldest first, with their consent and how much changed (staff).
#[utoipa::path(
    tag = "opps",
    security(("bearer" = [])),
    params(("id" = OppId, Path, description = "Plan id")),
    responses(
        (status = 200, description = "Oldest first", body = Vec<OppVersionSummary>),
        (status = 403, description = "Guardians see the latest version only; executors nothing"),
        (status = 404, description = "No such plan within the caller's scope"),
    )
)]
#[get("/opps/{id}/versions")]
pub async fn list_opp_versions(
    db: web::Data<Db>,
    reader: Authorized<StaffOrParent>,
    req: HttpRequest,
    id: web::Path<OppId>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok()
        .json(services::opps::list_versions(&db, caller(reader.user, &req), id.into_inner()).await?))
}

/// One published version with what changed since the previous one (guardians: the latest only).
#[utoipa::path(
    tag = "opps",
    security(("bearer" = [])),
    params(
        ("id" = OppId, Path, description = "Plan id"),
        ("number" = i32, Path, description = "Version number, from 1"),
    ),
    responses(
        (status = 200, description = "The version", body = OppVersionResponse),
        (status = 403, description = "Executors do not read plans"),
        (status = 404, description = "No such version within the caller's scope"),
    )
)]
#[get("/opps/{id}/versions/{number}")]
pub async fn get_opp_version(
    db: web::Data<Db>,
    reader: Authorized<StaffOrParent>,
    req: HttpRequest,
    path: web::Path<(OppId, i32)>,
) -> Result<HttpResponse, ApiError> {
    let (id, number) = path.into_inner();
    Ok(HttpResponse::Ok()
        .json(services::opps::get_version(&db, caller(reader.user, &req), id, number).await?))
}

/// A guardian's answer on the action part of the latest version: `agree`, `disagree`, or
/// `withdraw` an agreement, with an optional view (zienswijze). The only thing parents write.
#[utoipa::path(
    tag = "opps",
    security(("bearer" = [])),
    params(
        ("id" = OppId, Path, description = "Plan id"),
        ("number" = i32, Path, description = "Version number, from 1"),
    ),
    request_body = ConsentRequest,
    responses(
        (status = 201, description = "Recorded", body = ConsentResponse),
        (status = 403, description = "Only guardians answer"),
        (status = 404, description = "No such version of a plan of the guardian's child"),
        (status = 409, description = "Not the latest version, or nothing to withdraw"),
        (status = 422, description = "The view is too long"),
    )
)]
#[post("/opps/{id}/versions/{number}/consents")]
pub async fn give_opp_consent(
    db: web::Data<Db>,
    guardian: Authorized<Guardian>,
    req: HttpRequest,
    path: web::Path<(OppId, i32)>,
    Json(request): Json<ConsentRequest>,
) -> Result<HttpResponse, ApiError> {
    let (id, number) = path.into_inner();
    let consent =
        services::opp_consents::give_consent(&db, caller(guardian.user, &req), id, number, request).await?;
    Ok(HttpResponse::Created().json(consent))
}

/// Every answer of every guardian on every version, oldest first.
#[utoipa::path(
    tag = "opps",
    security(("bearer" = [])),
    params(("id" = OppId, Path, description = "Plan id")),
    responses(
        (status = 200, description = "Oldest first", body = Vec<ConsentResponse>),
        (status = 403, description = "Executors do not read plans"),
        (status = 404, description = "No such plan within the caller's scope"),
    )
)]
#[get("/opps/{id}/consents")]
pub async fn list_opp_consents(
    db: web::Data<Db>,
    reader: Authorized<StaffOrParent>,
    req: HttpRequest,
    id: web::Path<OppId>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok()
        .json(services::opp_consents::list_consents(&db, caller(reader.user, &req), id.into_inner()).await?))
}

/// Record the consensus-seeking meeting (OOGO) on the plan (school staff).
#[utoipa::path(
    tag = "opps",
    security(("bearer" = [])),
    params(("id" = OppId, Path, description = "Plan id")),
    request_body = CreateOppMeetingRequest,
    responses(
        (status = 201, description = "Recorded", body = OppMeetingResponse),
        (status = 403, description = "Only school staff record meetings"),
        (status = 404, description = "No such plan within the caller's scope"),
        (status = 422, description = "No participants or no outcome"),
    )
)]
#[post("/opps/{id}/meetings")]
pub async fn record_opp_meeting(
    db: web::Data<Db>,
    school: Authorized<School>,
    req: HttpRequest,
    id: web::Path<OppId>,
    Json(request): Json<CreateOppMeetingRequest>,
) -> Result<HttpResponse, ApiError> {
    let meeting =
        services::opp_consents::record_meeting(&db, caller(school.user, &req), id.into_inner(), request)
            .await?;
    Ok(HttpResponse::Created().json(meeting))
}

/// The meetings on the plan, by date.
#[utoipa::path(
    tag = "opps",
    security(("bearer" = [])),
    params(("id" = OppId, Path, description = "Plan id")),
    responses(
        (status = 200, description = "By date", body = Vec<OppMeetingResponse>),
        (status = 403, description = "Executors do not read plans"),
        (status = 404, description = "No such plan within the caller's scope"),
    )
)]
#[get("/opps/{id}/meetings")]
pub async fn list_opp_meetings(
    db: web::Data<Db>,
    reader: Authorized<StaffOrParent>,
    req: HttpRequest,
    id: web::Path<OppId>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok()
        .json(services::opp_consents::list_meetings(&db, caller(reader.user, &req), id.into_inner()).await?))
}

/// Evaluate a goal of the published plan: achieved, partly, or not, with a note (school staff).
#[utoipa::path(
    tag = "opps",
    security(("bearer" = [])),
    params(("id" = OppId, Path, description = "Plan id")),
    request_body = CreateGoalEvaluationRequest,
    responses(
        (status = 201, description = "Recorded", body = GoalEvaluationResponse),
        (status = 403, description = "Only school staff evaluate goals"),
        (status = 404, description = "No such plan within the caller's scope"),
        (status = 422, description = "Not a goal of the published plan, or no note"),
    )
)]
#[post("/opps/{id}/goal-evaluations")]
pub async fn evaluate_opp_goal(
    db: web::Data<Db>,
    school: Authorized<School>,
    req: HttpRequest,
    id: web::Path<OppId>,
    Json(request): Json<CreateGoalEvaluationRequest>,
) -> Result<HttpResponse, ApiError> {
    let evaluation =
        services::opp_consents::evaluate_goal(&db, caller(school.user, &req), id.into_inner(), request)
            .await?;
    Ok(HttpResponse::Created().json(evaluation))
}

/// The evaluations of the plan's goals over time, oldest first.
#[utoipa::path(
    tag = "opps",
    security(("bearer" = [])),
    params(("id" = OppId, Path, description = "Plan id")),
    responses(
        (status = 200, description = "Oldest first", body = Vec<GoalEvaluationResponse>),
        (status = 403, description = "Executors do not read plans"),
        (status = 404, description = "No such plan within the caller's scope"),
    )
)]
#[get("/opps/{id}/goal-evaluations")]
pub async fn list_opp_goal_evaluations(
    db: web::Data<Db>,
    reader: Authorized<StaffOrParent>,
    req: HttpRequest,
    id: web::Path<OppId>,
) -> Result<HttpResponse, ApiError> {
    let evaluations =
        services::opp_consents::list_goal_evaluations(&db, caller(reader.user, &req), id.into_inner())
            .await?;
    Ok(HttpResponse::Ok().json(evaluations))
}
