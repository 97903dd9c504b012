//! Calls the start pages and the dossier page compose: every dossier in scope, the schools,
//! quotes, reports, evaluations and documents of one dossier, and the user's preferences.

use arrangeer_shared::api::arrangements::ArrangementSummary;
use arrangeer_shared::api::attachments::AttachmentResponse;
use arrangeer_shared::api::evaluations::EvaluationResponse;
use arrangeer_shared::api::page::{MAX_LIMIT, Page};
use arrangeer_shared::api::preferences::{Language, PreferencesResponse, UpdatePreferencesRequest};
use arrangeer_shared::api::quotes::{QuoteResponse, ReportResponse};
use arrangeer_shared::api::schools::SchoolResponse;
use arrangeer_shared::ids::ArrangementId;
use gloo_net::http::Request;

use super::{ClientError, get, request, url};

/// At most this many pages of 200 are read for a start page (40 000 dossiers).
const MAX_PAGES: usize = 200;

/// Every dossier the caller may see, most recently changed first.
pub async fn all_arrangements(token: &str) -> Result<Vec<ArrangementSummary>, ClientError> {
    let mut all = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..MAX_PAGES {
        let mut query = vec![("limit", MAX_LIMIT.to_string())];
        if let Some(c) = cursor.take() {
            query.push(("cursor", c));
        }
        let page: Page<ArrangementSummary> =
            get(Request::get(&url("/arrangements")).query(query), token).await?;
        all.extend(page.items);
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    Ok(all)
}

/// The schools in the caller's scope (a consultant: the caseload).
pub async fn list_schools(token: &str) -> Result<Vec<SchoolResponse>, ClientError> {
    let query = [("limit", MAX_LIMIT.to_string())];
    let page: Page<SchoolResponse> = get(Request::get(&url("/schools")).query(query), token).await?;
    Ok(page.items)
}

pub async fn list_quotes(token: &str, id: ArrangementId) -> Result<Vec<QuoteResponse>, ClientError> {
    get(Request::get(&url(&format!("/arrangements/{id}/quotes"))), token).await
}

pub async fn list_reports(token: &str, id: ArrangementId) -> Result<Vec<ReportResponse>, ClientError> {
    get(Request::get(&url(&format!("/arrangements/{id}/reports"))), token).await
}

pub async fn list_evaluations(
    token: &str,
    id: ArrangementId,
) -> Result<Vec<EvaluationResponse>, ClientError> {
    get(Request::get(&url(&format!("/arrangements/{id}/evaluations"))), token).await
}

pub async fn list_attachments(
    token: &str,
    id: ArrangementId,
) -> Result<Vec<AttachmentResponse>, ClientError> {
    get(Request::get(&url(&format!("/arrangements/{id}/attachments"))), token).await
}

/// Remembers the language for this user on the server (`PUT /me/preferences`).
pub async fn set_language(token: &str, language: Language) -> Result<PreferencesResponse, ClientError> {
    let body = UpdatePreferencesRequest { language };
    request(Request::put(&url("/me/preferences")), Some(&body), Some(token)).await
}
