use actix_web::{HttpResponse, get, web};
use arrangeer_shared::api::statistics::StatisticsResponse;
use arrangeer_shared::ids::SchoolId;
use arrangeer_shared::kinds::ArrangementKind;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::Unchecked;
use crate::db::Db;
use crate::error::ApiError;
use crate::services;
use crate::services::statistics::StatisticsQuery;

/// Which figures (allow-listed; anything else is a 400).
#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct StatisticsParams {
    /// The calendar year, 2000–2100: arrangements requested, decisions taken, support started
    /// and goals evaluated in it. The money is given for it and the two years before and after.
    #[param(minimum = 2000, maximum = 2100)]
    pub year: i32,
    /// Only this school (within the caller's scope).
    pub school_id: Option<SchoolId>,
    /// Only this kind of arrangement.
    pub kind: Option<ArrangementKind>,
}

impl From<StatisticsParams> for StatisticsQuery {
    fn from(p: StatisticsParams) -> Self {
        StatisticsQuery { year: p.year, school_id: p.school_id, kind: p.kind }
    }
}

/// Statistics of the caller's scope: the SWV office sees the partnership, school staff their
/// school, consultants their caseload. Counts by kind, status, school and board (arrangements
/// requested in the year); granted amounts and payments per calendar year (euro cents, the
/// calendar-year split of the payment round); throughput in days (request → decision,
/// definitive → decision against the decision term, grant → start); OPP goal attainment;
/// overdue deadlines today. Computed with SQL aggregates.
#[utoipa::path(
    tag = "statistics",
    security(("bearer" = [])),
    params(StatisticsParams),
    responses(
        (status = 200, description = "The figures", body = StatisticsResponse),
        (status = 400, description = "Missing or malformed year or filter, or an unknown query key"),
        (status = 403, description = "Executors and parents see no statistics"),
        (status = 404, description = "The school is not within the caller's scope"),
        (status = 422, description = "Year out of range"),
    )
)]
#[get("/statistics")]
pub async fn get_statistics(
    db: web::Data<Db>,
    caller: Unchecked,
    query: web::Query<StatisticsParams>,
) -> Result<HttpResponse, ApiError> {
    let report = services::statistics::statistics_of(&db, caller, query.into_inner().into()).await?;
    Ok(HttpResponse::Ok().json(report))
}
