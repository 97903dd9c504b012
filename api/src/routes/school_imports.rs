use actix_web::{HttpRequest, HttpResponse, http::header, post, web};
use arrangeer_shared::api::school_imports::SchoolImportReport;
use futures_util::StreamExt;

use crate::auth::Authorized;
use crate::auth::user::roles::SwvAdmin;
use crate::db::Db;
use crate::error::ApiError;
use crate::services;
use crate::services::school_imports::MAX_BYTES;

/// Import DUO's CSV "scholen per samenwerkingsverband primair onderwijs" (`text/csv`, UTF-8,
/// semicolon-separated, DUO's column names): creates and updates the partnership's school
/// boards by board number and schools by BRIN code, for the rows of the partnership's own DUO
/// code only. Idempotent: the same file again reports everything unchanged. One bad row
/// rejects the whole file (422, each error naming line and column). SWV office only.
#[utoipa::path(
    tag = "organisations",
    security(("bearer" = [])),
    request_body(content = String, content_type = "text/csv", description = "DUO's CSV file"),
    responses(
        (status = 200, description = "What was created, updated and left unchanged", body = SchoolImportReport),
        (status = 403, description = "Only the SWV office imports schools"),
        (status = 413, description = "Larger than 4 MiB"),
        (status = 415, description = "Not text/csv"),
        (status = 422, description = "A row or the header is wrong (field: `line N, COLUMN`), or the partnership has no DUO code"),
    )
)]
#[post("/school-imports")]
pub async fn import_schools(
    db: web::Data<Db>,
    admin: Authorized<SwvAdmin>,
    req: HttpRequest,
    mut body: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let content_type = req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let essence = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    if essence != "text/csv" {
        return Err(ApiError::UnsupportedMediaType(if content_type.is_empty() {
            "no content type (send text/csv)".to_owned()
        } else {
            format!("{content_type} (send text/csv)")
        }));
    }
    let mut csv = Vec::new();
    while let Some(chunk) = body.next().await {
        let chunk = chunk.map_err(|e| ApiError::malformed("", "invalid_body", e.to_string()))?;
        if csv.len() + chunk.len() > MAX_BYTES {
            return Err(ApiError::PayloadTooLarge { limit: MAX_BYTES });
        }
        csv.extend_from_slice(&chunk);
    }
    Ok(HttpResponse::Ok()
        .json(services::school_imports::import_for(&db, super::opps::caller(admin.user, &req), csv).await?))
}
