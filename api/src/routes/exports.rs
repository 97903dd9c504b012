//! Files for spreadsheets: `GET /exports/{arrangements,payments,statistics}?format=csv|xlsx`.

use actix_web::{HttpRequest, HttpResponse, get, http::header, web};
use arrangeer_shared::api::attachments::FileBytes;
use arrangeer_shared::api::exports::ExportFormat;
use arrangeer_shared::ids::SchoolId;
use arrangeer_shared::kinds::ArrangementKind;
use arrangeer_shared::workflow::Status;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::AuthUser;
use crate::db::Db;
use crate::error::ApiError;
use crate::services;
use crate::services::exports::{ArrangementFilter, ExportFile};
use crate::services::statistics::StatisticsQuery;

/// The media type of an Excel workbook.
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The file as a download.
pub fn download(file: ExportFile) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(file.format.content_type())
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{}\"", file.file_name()),
        ))
        .body(file.body)
}

/// Filters of the arrangements export: those of the list, and the format.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ArrangementExportParams {
    pub format: ExportFormat,
    pub status: Option<Status>,
    pub kind: Option<ArrangementKind>,
    pub school_id: Option<SchoolId>,
}

/// The arrangements the caller may see (as the list shows them, with its filters) as CSV or
/// Excel: one row per arrangement with school, board, period and expected cost; no pupil data.
/// Text that a spreadsheet would run as a formula gets a leading apostrophe. Recorded in the
/// export log. SWV office, school staff and consultants.
#[utoipa::path(
    tag = "exports",
    security(("bearer" = [])),
    params(ArrangementExportParams),
    responses(
        (status = 200, description = "The file", content(
            (String = "text/csv"),
            (FileBytes = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 400, description = "Missing or malformed format or filter, or an unknown query key"),
        (status = 403, description = "Executors and parents export nothing"),
        (status = 422, description = "More rows than one export holds: narrow the filters"),
    )
)]
#[get("/exports/arrangements")]
pub async fn export_arrangements(
    db: web::Data<Db>,
    user: AuthUser,
    req: HttpRequest,
    query: web::Query<ArrangementExportParams>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let filter =
        ArrangementFilter { status: q.status, kind: q.kind, school_id: q.school_id.map(|s| s.to_string()) };
    let caller = super::opps::caller(user, &req);
    let file = services::exports::export_arrangements(&db, caller, filter, q.format).await?;
    Ok(download(file))
}

/// Which payment round, in which format.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PaymentsExportParams {
    pub format: ExportFormat,
    /// The calendar (budget) year, 2000–2100.
    #[param(minimum = 2000, maximum = 2100)]
    pub year: i32,
}

/// The payment round of one calendar year per school board (the lines of `GET /payments`) as
/// CSV or Excel. Recorded in the export log. SWV office only.
#[utoipa::path(
    tag = "exports",
    security(("bearer" = [])),
    params(PaymentsExportParams),
    responses(
        (status = 200, description = "The file", content(
            (String = "text/csv"),
            (FileBytes = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 400, description = "Missing or malformed year or format, or an unknown query key"),
        (status = 403, description = "Only the SWV office exports the payments"),
        (status = 422, description = "Year out of range"),
    )
)]
#[get("/exports/payments")]
pub async fn export_payments(
    db: web::Data<Db>,
    user: AuthUser,
    req: HttpRequest,
    query: web::Query<PaymentsExportParams>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let caller = super::opps::caller(user, &req);
    Ok(download(services::exports::export_payments(&db, caller, q.year, q.format).await?))
}

/// Which statistics, in which format.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct StatisticsExportParams {
    pub format: ExportFormat,
    /// The calendar year, 2000–2100.
    #[param(minimum = 2000, maximum = 2100)]
    pub year: i32,
    /// Only this school (within the caller's scope).
    pub school_id: Option<SchoolId>,
    /// Only this kind of arrangement.
    pub kind: Option<ArrangementKind>,
}

/// The figures of `GET /statistics` as CSV or Excel, one row per figure (`section, key, name,
/// value`). Recorded in the export log. SWV office, school staff and consultants.
#[utoipa::path(
    tag = "exports",
    security(("bearer" = [])),
    params(StatisticsExportParams),
    responses(
        (status = 200, description = "The file", content(
            (String = "text/csv"),
            (FileBytes = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 400, description = "Missing or malformed year, format or filter, or an unknown query key"),
        (status = 403, description = "Executors and parents see no statistics"),
        (status = 404, description = "The school is not within the caller's scope"),
        (status = 422, description = "Year out of range"),
    )
)]
#[get("/exports/statistics")]
pub async fn export_statistics(
    db: web::Data<Db>,
    user: AuthUser,
    req: HttpRequest,
    query: web::Query<StatisticsExportParams>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let statistics = StatisticsQuery { year: q.year, school_id: q.school_id, kind: q.kind };
    let caller = super::opps::caller(user, &req);
    Ok(download(services::exports::export_statistics(&db, caller, statistics, q.format).await?))
}
