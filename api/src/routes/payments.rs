use actix_web::{HttpRequest, HttpResponse, get, http::header, web};
use arrangeer_shared::api::payments::{PaymentAmounts, PaymentsResponse};
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
/// formula get a leading apostrophe). SWV office only.
#[utoipa::path(
    tag = "finance",
    security(("bearer" = [])),
    params(PaymentsQuery),
    responses(
        (status = 200, description = "One line per school board, by board number", content(
            (PaymentsResponse = "application/json"),
            (String = "text/csv"),
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
    let report = services::payments::payments_of_year(&db, caller.user, year).await?;
    if wants_csv(&req) {
        let body = to_csv(&report).map_err(|e| ApiError::Internal(format!("payments CSV: {e}")))?;
        return Ok(HttpResponse::Ok()
            .content_type("text/csv; charset=utf-8; header=present")
            .insert_header((
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"betalingen-{year}.csv\""),
            ))
            .body(body));
    }
    Ok(HttpResponse::Ok().json(report))
}

/// Whether the client asks for CSV (and not JSON first).
fn wants_csv(req: &HttpRequest) -> bool {
    let accept = req.headers().get(header::ACCEPT).and_then(|v| v.to_str().ok()).unwrap_or("");
    accept
        .split(',')
        .map(|part| part.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
        .find(|media| media == "text/csv" || media == "application/json")
        .is_some_and(|media| media == "text/csv")
}

/// The report as CSV: a header row, then one row per school board.
fn to_csv(report: &PaymentsResponse) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record([
        "year",
        "boardNumber",
        "schoolBoard",
        "arrangements",
        "grantedCents",
        "paidAtGrantCents",
        "afterAccountabilityCents",
        "settlementCents",
        "totalCents",
    ])?;
    for board in &report.boards {
        let PaymentAmounts {
            granted_cents,
            paid_at_grant_cents,
            after_accountability_cents,
            settlement_cents,
            total_cents,
        } = board.amounts;
        out.write_record([
            report.year.to_string(),
            spreadsheet_safe(&board.board_number),
            spreadsheet_safe(&board.name),
            board.arrangements.to_string(),
            granted_cents.to_string(),
            paid_at_grant_cents.to_string(),
            after_accountability_cents.to_string(),
            settlement_cents.to_string(),
            total_cents.to_string(),
        ])?;
    }
    Ok(out.into_inner()?)
}

/// A text cell a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or
/// a carriage return) gets a leading apostrophe. Numbers are written by us, not users, and are
/// left as numbers.
pub fn spreadsheet_safe(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::spreadsheet_safe;

    #[test]
    fn spreadsheet_safe_defuses_formulas_and_keeps_plain_text() {
        for risky in ["=1+1", "+31", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(spreadsheet_safe(risky), format!("'{risky}"));
        }
        assert_eq!(spreadsheet_safe("Stichting Primo"), "Stichting Primo");
        assert_eq!(spreadsheet_safe(""), "");
    }
}
