//! The routing table: every API route is registered here, in one place.
//!
//! Register handlers with `.service(...)` and `#[get]`/`#[post]` attributes only:
//! utoipa-actix-web silently leaves routes added with `.route(...)` out of the OpenAPI document.

pub mod arrangement_actions;
pub mod arrangements;
pub mod attachments;
pub mod auth;
pub mod bench;
pub mod consultations;
pub mod costs;
pub mod deadlines;
pub mod evaluations;
pub mod extract;
pub mod findings;
pub mod health;
pub mod integral_actions;
pub mod me;
pub mod partnerships;
pub mod payments;
pub mod pupils;
pub mod quotes;
pub mod reductions;
pub mod schools;
pub mod spa;
pub mod users;

pub mod audit;
pub mod exports;
pub mod invitations;
pub mod opps;
pub mod preferences;
pub mod short_term_joiners;
pub mod statistics;

pub mod notification_preferences;
pub mod school_imports;
pub mod totp;

use actix_web::middleware::DefaultHeaders;
use actix_web::{HttpRequest, HttpResponse, HttpResponseBuilder, http::Method, http::header};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::scope;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::error::ApiError;
use crate::services::ServiceError;

/// The base path of this major version.
pub const API_BASE: &str = "/api/v1";

/// Query keys every collection accepts.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
    /// Opaque position from a previous page's `nextCursor`.
    pub cursor: Option<String>,
}

/// Registers `/api/v1` and everything under it.
pub fn api_v1(cfg: &mut ServiceConfig<'_>) {
    cfg.service(
        scope::scope(API_BASE)
            // personal data must never be stored by caches along the way
            .wrap(DefaultHeaders::new().add((header::CACHE_CONTROL, "no-store")))
            .service(auth::login)
            .service(me::get_me)
            .service(schools::list_schools)
            .service(schools::get_school)
            .service(schools::list_executors)
            .service(users::list_users)
            .service(pupils::create_pupil)
            .service(pupils::list_pupils)
            .service(pupils::get_pupil)
            .service(pupils::add_guardian)
            .service(arrangements::create_arrangement)
            .service(arrangements::list_arrangements)
            .service(arrangements::get_arrangement)
            .service(arrangements::update_arrangement)
            .service(arrangements::get_arrangement_history)
            .service(arrangement_actions::take_arrangement_action)
            .service(findings::get_arrangement_findings)
            .service(costs::get_arrangement_costs)
            .service(evaluations::plan_evaluation)
            .service(evaluations::list_evaluations)
            .service(evaluations::record_evaluation)
            .service(evaluations::extend_arrangement)
            .service(evaluations::add_logbook_entry)
            .service(evaluations::list_logbook)
            .service(quotes::submit_quote)
            .service(quotes::list_quotes)
            .service(quotes::accept_quote)
            .service(quotes::add_report)
            .service(quotes::list_reports)
            .service(deadlines::list_deadlines)
            .service(deadlines::create_feed_token)
            .service(deadlines::revoke_feed_token)
            .service(deadlines::get_deadlines_calendar)
            .service(attachments::upload_attachment)
            .service(attachments::list_attachments)
            .service(attachments::download_attachment)
            .service(partnerships::get_policy)
            .service(partnerships::replace_policy)
            .service(opps::create_opp)
            .service(opps::list_opps)
            .service(opps::get_opp)
            .service(opps::update_opp)
            .service(opps::publish_opp)
            .service(opps::list_opp_versions)
            .service(opps::get_opp_version)
            .service(opps::give_opp_consent)
            .service(opps::list_opp_consents)
            .service(opps::record_opp_meeting)
            .service(opps::list_opp_meetings)
            .service(opps::evaluate_opp_goal)
            .service(opps::list_opp_goal_evaluations)
            .service(audit::list_audit_events)
            .service(audit::get_pupil_access_log)
            .service(invitations::invite_guardian)
            .service(invitations::accept_invitation)
            .service(consultations::create_consultation)
            .service(consultations::list_consultations)
            .service(consultations::get_consultation)
            .service(consultations::triage_consultation)
            .service(consultations::add_consultation_meeting)
            .service(consultations::list_consultation_meetings)
            .service(consultations::link_consultation_arrangement)
            .service(integral_actions::create_integral_action)
            .service(integral_actions::list_integral_actions)
            .service(integral_actions::update_integral_action)
            .service(reductions::create_reduction)
            .service(reductions::list_reductions)
            .service(auth::refresh_session)
            .service(auth::logout)
            .service(payments::list_payments)
            .service(preferences::update_my_preferences)
            .service(statistics::get_statistics)
            .service(exports::export_arrangements)
            .service(exports::export_payments)
            .service(exports::export_statistics)
            .service(short_term_joiners::add_short_term_joiner)
            .service(short_term_joiners::list_short_term_joiners)
            .service(notification_preferences::get_notification_preferences)
            .service(notification_preferences::put_notification_preferences)
            .service(school_imports::import_schools)
            .service(totp::get_totp_status)
            .service(totp::enroll_totp)
            .service(totp::confirm_totp)
            .service(totp::reset_user_totp)
            .default_service(actix_web::web::to(api_fallback)),
    );
}

/// Unknown API paths are a problem+json 404; a known path with another method is a 405.
pub async fn api_fallback(req: HttpRequest) -> Result<HttpResponse, ApiError> {
    let known_path = req.resource_map().has_resource(req.path());
    Err(if known_path && req.method() != Method::OPTIONS {
        ApiError::MethodNotAllowed
    } else {
        ApiError::RouteNotFound
    })
}

/// Sets the strong ETag of a versioned resource: `"<version>"`.
pub fn with_etag(mut builder: HttpResponseBuilder, version: i32) -> HttpResponseBuilder {
    builder.insert_header((header::ETAG, format!("\"{version}\"")));
    builder
}

/// The version an update expects, from `If-Match: "<version>"`; `None` when the header is
/// missing (the service answers 428), 412 when it is not an ETag this API hands out.
pub fn if_match(req: &HttpRequest) -> Result<Option<i32>, ApiError> {
    let Some(value) = req.headers().get(header::IF_MATCH) else { return Ok(None) };
    value
        .to_str()
        .ok()
        .map(str::trim)
        .and_then(|v| v.strip_prefix('"'))
        .and_then(|v| v.strip_suffix('"'))
        .and_then(|v| v.parse::<i32>().ok())
        .map(Some)
        .ok_or(ApiError::Service(ServiceError::PreconditionFailed { current: 0 }))
}
