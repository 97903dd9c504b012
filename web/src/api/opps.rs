//! Typed calls for the school's OPP editor, invitations and short-term joiners.

use arrangeer_shared::api::attachments::AttachmentResponse;
use arrangeer_shared::api::auth::LoginResponse;
use arrangeer_shared::api::invitations::{
    AcceptInvitationRequest, CreateInvitationRequest, InvitationResponse,
};
use arrangeer_shared::api::opps::{
    ConsentResponse, CreateGoalEvaluationRequest, CreateOppMeetingRequest, CreateOppRequest,
    GoalEvaluationResponse, OppMeetingResponse, OppResponse, OppVersionResponse, OppVersionSummary,
    UpdateOppRequest,
};
use arrangeer_shared::api::short_term_joiners::{CreateShortTermJoinerRequest, ShortTermJoinerResponse};
use arrangeer_shared::ids::{ArrangementId, OppId, PupilId};
use gloo_net::http::Request;
use serde::Serialize;

use super::{ClientError, get, post, put, read, url};

/// The empty body of an action.
#[derive(Serialize)]
struct Empty {}

/// "Who viewed my child's file": the staff who read or changed the pupil's file, newest first
/// (a guardian only).
pub async fn pupil_access_log(
    token: &str,
    pupil: PupilId,
) -> Result<arrangeer_shared::api::page::Page<arrangeer_shared::api::audit::AccessLogEntry>, ClientError> {
    get(Request::get(&url(&format!("/pupils/{pupil}/access-log"))).query([("limit", "200")]), token).await
}

pub async fn create_opp(token: &str, body: &CreateOppRequest) -> Result<OppResponse, ClientError> {
    post("/opps", body, Some(token)).await
}

pub async fn update_opp(
    token: &str,
    id: OppId,
    version: i32,
    body: &UpdateOppRequest,
) -> Result<OppResponse, ClientError> {
    put(&format!("/opps/{id}"), version, body, token).await
}

pub async fn publish_opp(token: &str, id: OppId) -> Result<OppVersionResponse, ClientError> {
    post(&format!("/opps/{id}/actions/publish"), &Empty {}, Some(token)).await
}

pub async fn list_versions(token: &str, id: OppId) -> Result<Vec<OppVersionSummary>, ClientError> {
    get(Request::get(&url(&format!("/opps/{id}/versions"))), token).await
}

pub async fn get_version(token: &str, id: OppId, number: i32) -> Result<OppVersionResponse, ClientError> {
    get(Request::get(&url(&format!("/opps/{id}/versions/{number}"))), token).await
}

pub async fn list_consents(token: &str, id: OppId) -> Result<Vec<ConsentResponse>, ClientError> {
    get(Request::get(&url(&format!("/opps/{id}/consents"))), token).await
}

pub async fn list_meetings(token: &str, id: OppId) -> Result<Vec<OppMeetingResponse>, ClientError> {
    get(Request::get(&url(&format!("/opps/{id}/meetings"))), token).await
}

pub async fn record_meeting(
    token: &str,
    id: OppId,
    body: &CreateOppMeetingRequest,
) -> Result<OppMeetingResponse, ClientError> {
    post(&format!("/opps/{id}/meetings"), body, Some(token)).await
}

pub async fn list_goal_evaluations(
    token: &str,
    id: OppId,
) -> Result<Vec<GoalEvaluationResponse>, ClientError> {
    get(Request::get(&url(&format!("/opps/{id}/goal-evaluations"))), token).await
}

pub async fn evaluate_goal(
    token: &str,
    id: OppId,
    body: &CreateGoalEvaluationRequest,
) -> Result<GoalEvaluationResponse, ClientError> {
    post(&format!("/opps/{id}/goal-evaluations"), body, Some(token)).await
}

pub async fn invite_guardian(
    token: &str,
    pupil: PupilId,
    body: &CreateInvitationRequest,
) -> Result<InvitationResponse, ClientError> {
    post(&format!("/pupils/{pupil}/invitations"), body, Some(token)).await
}

/// Follows an invitation link: no token yet, the answer is a new session.
pub async fn accept_invitation(body: &AcceptInvitationRequest) -> Result<LoginResponse, ClientError> {
    post("/invitations/actions/accept", body, None).await
}

pub async fn list_joiners(
    token: &str,
    id: ArrangementId,
) -> Result<Vec<ShortTermJoinerResponse>, ClientError> {
    get(Request::get(&url(&format!("/arrangements/{id}/short-term-joiners"))), token).await
}

pub async fn add_joiner(
    token: &str,
    id: ArrangementId,
    body: &CreateShortTermJoinerRequest,
) -> Result<ShortTermJoinerResponse, ClientError> {
    post(&format!("/arrangements/{id}/short-term-joiners"), body, Some(token)).await
}

/// Uploads a document to a dossier (multipart: `kind`, optional `pupilId`, `file`).
pub async fn upload_attachment(
    token: &str,
    id: ArrangementId,
    kind: &str,
    pupil: Option<PupilId>,
    file: &web_sys::File,
) -> Result<AttachmentResponse, ClientError> {
    let network = |e: wasm_bindgen::JsValue| ClientError::Network(format!("{e:?}"));
    let form = web_sys::FormData::new().map_err(network)?;
    form.append_with_str("kind", kind).map_err(network)?;
    if let Some(p) = pupil {
        form.append_with_str("pupilId", &p.to_string()).map_err(network)?;
    }
    form.append_with_blob_and_filename("file", file, &file.name()).map_err(network)?;
    let token = crate::session::stored().map(|s| s.token).unwrap_or_else(|| token.to_owned());
    let request = Request::post(&url(&format!("/arrangements/{id}/attachments")))
        .header("Accept", "application/json")
        .header("Authorization", &format!("Bearer {token}"))
        .body(form)
        .map_err(|e| ClientError::Network(e.to_string()))?;
    let response = request.send().await.map_err(|e| ClientError::Network(e.to_string()))?;
    read(response).await
}
