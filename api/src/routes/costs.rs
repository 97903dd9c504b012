use actix_web::{HttpResponse, get, web};
use arrangeer_shared::api::costs::CostsResponse;
use arrangeer_shared::ids::ArrangementId;

use crate::auth::AuthUser;
use crate::db::Db;
use crate::error::ApiError;
use crate::services;

/// The expected cost, its split over calendar years (pro rata by month) and the payments the
/// partnership's scheme makes of it. Amounts in euro cents; parts always add up to the whole.
#[utoipa::path(
    tag = "arrangements",
    security(("bearer" = [])),
    params(("id" = ArrangementId, Path, description = "Arrangement id")),
    responses(
        (status = 200, description = "The money of the arrangement", body = CostsResponse),
        (status = 403, description = "Parents do not see the finances"),
        (status = 404, description = "No such arrangement within the caller's scope"),
    )
)]
#[get("/arrangements/{id}/costs")]
pub async fn get_arrangement_costs(
    db: web::Data<Db>,
    user: AuthUser,
    id: web::Path<ArrangementId>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(services::costs::arrangement_costs(&db, user, id.into_inner()).await?))
}
