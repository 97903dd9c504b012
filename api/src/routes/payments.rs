use actix_web::{HttpRequest, HttpResponse, get, http::header, web};
use arrangeer_shared::api::attachments::FileBytes;
use arrangeer_shared::api::exports::ExportFormat;
use arrangeer_shared::api::payments::PaymentsResponse;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::Authorized;
use crate::auth::user::roles::SwvAdmin;
use crate::db::Db;
use crate::error::ApiError;
use crate::services;

/// Which payment round.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PaymentsQuery {
    /// The calendar (budget) year, 2000–2100.
    #[param(minimum = 2000, maximum = 2100)]
    pub year: i32,
}

/// The payment round of one calendar year per school board of the partnership: granted (the
/// year's part of the grants, pro rata by month), paid at grant, paid after accountability,
/// settlements of early terminations and the total, in euro cents. With `Accept: text/csv` the
/// same lines as CSV (RFC 4180, a header row; text cells that a spreadsheet would read as a
/// formula get a leading apostrophe), with the Excel media type as a workbook; both are
/// recorded in the export log (as `GET /exports/payments`). SWV office only.
#[utoipa::path(
    tag = "finance",
    security(("bearer" = [])),
    params(PaymentsQuery),
    responses(
        (status = 200, description = "One line per school board, by board number", content(
            (PaymentsResponse = "application/json"),
            (String = "text/csv"),
            (FileBytes = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 400, description = "Missing or malformed year, or an unknown query key"),
        (status = 403, description = "Only the SWV office sees the payments"),
        (status = 422, description = "Year out of range"),
    )
)]
#[get("/payments")]
pub async fn list_payments(
    db: web::Data<Db>,
    caller: Authorized<SwvAdmin>,
    query: web::Query<PaymentsQuery>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let year = query.into_inner().year;
    if let Some(format) = wanted_file(&req) {
        let caller = super::opps::caller(caller.user, &req);
        let file = services::exports::export_payments(&db, caller, year, format).await?;
        return Ok(super::exports::download(file));
    }
    let report = services::payments::payments_of_year(&db, caller.user, year).await?;
    Ok(HttpResponse::Ok().json(report))
}

/// The file the client asks for with `Accept` (CSV or Excel before JSON), if any.
fn wanted_file(req: &HttpRequest) -> Option<ExportFormat> {
    let accept = req.headers().get(header::ACCEPT).and_then(|v| v.to_str().ok()).unwrap_or("");
    accept
        .split(',')
        .map(|part| part.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
        .find(|media| media == "text/csv" || media == super::exports::XLSX || media == "application/json")
        .and_then(|media| match media.as_str() {
            "text/csv" => Some(ExportFormat::Csv),
            "application/json" => None,
            _ => Some(ExportFormat::Xlsx),
        })
}
