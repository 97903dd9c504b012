//! Typed calls for consultations and the actions of integral arrangements.

use arrangeer_shared::api::consultations::{
    ConsultationResponse, ConsultationSummary, CreateConsultationRequest, CreateMeetingRequest,
    LinkArrangementRequest, MeetingResponse, TriageRequest,
};
use arrangeer_shared::api::integral_actions::{
    CreateIntegralActionRequest, IntegralActionResponse, UpdateIntegralActionRequest,
};
use arrangeer_shared::api::page::Page;
use arrangeer_shared::ids::ArrangementId;
use gloo_net::http::Request;

use super::{ClientError, get, post, put, url};

pub async fn list_consultations(
    token: &str,
    cursor: Option<&str>,
) -> Result<Page<ConsultationSummary>, ClientError> {
    let query: Vec<(&str, String)> = cursor.map(|c| ("cursor", c.to_owned())).into_iter().collect();
    get(Request::get(&url("/consultations")).query(query), token).await
}

pub async fn create_consultation(
    token: &str,
    body: &CreateConsultationRequest,
) -> Result<ConsultationResponse, ClientError> {
    post("/consultations", body, Some(token)).await
}

pub async fn get_consultation(token: &str, id: &str) -> Result<ConsultationResponse, ClientError> {
    get(Request::get(&url(&format!("/consultations/{id}"))), token).await
}

pub async fn triage_consultation(
    token: &str,
    id: &str,
    version: i32,
    body: &TriageRequest,
) -> Result<ConsultationResponse, ClientError> {
    put(&format!("/consultations/{id}/triage"), version, body, token).await
}

pub async fn add_meeting(
    token: &str,
    id: &str,
    body: &CreateMeetingRequest,
) -> Result<MeetingResponse, ClientError> {
    post(&format!("/consultations/{id}/meetings"), body, Some(token)).await
}

pub async fn link_arrangement(
    token: &str,
    id: &str,
    arrangement_id: ArrangementId,
) -> Result<ConsultationResponse, ClientError> {
    post(
        &format!("/consultations/{id}/arrangements"),
        &LinkArrangementRequest { arrangement_id },
        Some(token),
    )
    .await
}

pub async fn list_integral_actions(
    token: &str,
    id: ArrangementId,
) -> Result<Vec<IntegralActionResponse>, ClientError> {
    get(Request::get(&url(&format!("/arrangements/{id}/integral-actions"))), token).await
}

pub async fn create_integral_action(
    token: &str,
    id: ArrangementId,
    body: &CreateIntegralActionRequest,
) -> Result<IntegralActionResponse, ClientError> {
    post(&format!("/arrangements/{id}/integral-actions"), body, Some(token)).await
}

pub async fn update_integral_action(
    token: &str,
    id: ArrangementId,
    action: &IntegralActionResponse,
    body: &UpdateIntegralActionRequest,
) -> Result<IntegralActionResponse, ClientError> {
    put(&format!("/arrangements/{id}/integral-actions/{}", action.id), action.version, body, token).await
}
