//! Reference answers for `cargo xtask bench`, registered only with `ARRANGEER_BENCH_ROUTES=true`
//! (never in the OpenAPI document): a page shaped like the arrangement list's, (1) written once
//! and sent as it is, (2) built and serialised per request, (3) as (2) after the token and the
//! account check. Loaded beside the constant answer and the real list, they show what a page of
//! that size can reach on the machine before any database work, and so where the list's time
//! goes (README "Benchmarks").

use std::sync::LazyLock;

use actix_web::web::{Bytes, ServiceConfig};
use actix_web::{HttpResponse, get};
use arrangeer_shared::api::arrangements::ArrangementSummary;
use arrangeer_shared::api::auth::SchoolRef;
use arrangeer_shared::api::page::Page;
use arrangeer_shared::kinds::ArrangementKind;
use arrangeer_shared::workflow::Status;
use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::auth::AuthUser;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(page_written).service(page_serialised).service(page_checked);
}

/// 50 lines, as the web app asks for, with the seeded partnership's shapes of title and name.
fn page() -> Page<ArrangementSummary> {
    let school = SchoolRef {
        id: Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_0001).into(),
        name: "Basisschool 17".to_owned(),
    };
    let at = DateTime::<Utc>::from_timestamp_micros(1_796_000_000_123_456).unwrap_or_default();
    let items = (0..50u32)
        .map(|line| ArrangementSummary {
            id: Uuid::from_u128(0x0193_1111_0000_7000_8000_0000_0000_0000 + u128::from(line)).into(),
            school: school.clone(),
            kind: ArrangementKind::Individual,
            status: Status::InExecution,
            title: format!("Ondersteuning {}", 400_001 + line),
            pupil_count: 1,
            updated_at: at - chrono::Duration::seconds(i64::from(line)),
        })
        .collect();
    Page {
        items,
        next_cursor: Some(
            "MjAyNi0xMS0xNFQxMDo1MzoyMC4xMjM0NTYsMDE5MzExMTEtMDAwMC03MDAwLTgwMDAtMDAwMDAwMDAwMDMx".to_owned(),
        ),
    }
}

static WRITTEN: LazyLock<Bytes> =
    LazyLock::new(|| serde_json::to_vec(&page()).map(Bytes::from).unwrap_or_default());

/// The page, serialised once at the first request.
#[get("/bench/page-written")]
async fn page_written() -> HttpResponse {
    HttpResponse::Ok().content_type("application/json").body(WRITTEN.clone())
}

/// The page, built and serialised for each request.
#[get("/bench/page-serialised")]
async fn page_serialised() -> HttpResponse {
    HttpResponse::Ok().json(page())
}

/// The page after the bearer token and the account check (one trip to the database).
#[get("/bench/page-checked")]
async fn page_checked(_caller: AuthUser) -> HttpResponse {
    HttpResponse::Ok().json(page())
}
