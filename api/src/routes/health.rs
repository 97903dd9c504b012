use actix_web::{HttpResponse, get, web};
use serde_json::json;

use crate::db::Db;

/// Liveness and readiness: 200 when the database answers, 503 otherwise.
#[get("/health")]
pub async fn health(db: web::Data<Db>) -> HttpResponse {
    let backend = db.backend().name();
    match db.run(crate::db::ping).await {
        Ok(()) => HttpResponse::Ok().json(json!({ "status": "ok", "database": backend })),
        Err(e) => {
            tracing::error!(error = %e, "health check: database unreachable");
            HttpResponse::ServiceUnavailable().json(json!({ "status": "unavailable", "database": backend }))
        }
    }
}

/// Liveness without the database: a constant answer (also the benchmark's baseline).
#[get("/health/live")]
pub async fn live() -> HttpResponse {
    HttpResponse::Ok().json(json!({ "status": "ok" }))
}
