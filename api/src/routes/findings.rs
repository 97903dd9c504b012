use actix_web::{HttpResponse, get, web};
use arrangeer_shared::ids::ArrangementId;
use arrangeer_shared::policy::Finding;

use crate::auth::AuthUser;
use crate::db::Db;
use crate::error::ApiError;
use crate::services;

/// What the partnership's rules say about this dossier: each finding names its rule, the
/// field it concerns, its severity (`block`: cannot go on; `warn`: needs a justification;
/// `info`) and why, in Dutch and English.
#[utoipa::path(
    tag = "arrangements",
    security(("bearer" = [])),
    params(("id" = ArrangementId, Path, description = "Arrangement id")),
    responses(
        (status = 200, description = "The findings, in a stable order", body = Vec<Finding>),
        (status = 404, description = "No such arrangement within the caller's scope"),
    )
)]
#[get("/arrangements/{id}/findings")]
pub async fn get_arrangement_findings(
    db: web::Data<Db>,
    user: AuthUser,
    id: web::Path<ArrangementId>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(services::findings::arrangement_findings(&db, user, id.into_inner()).await?))
}
