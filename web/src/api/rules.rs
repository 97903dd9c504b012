//! Calls for the partnership's rules, money and deadlines.

use arrangeer_shared::api::costs::CostsResponse;
use arrangeer_shared::api::deadlines::{DeadlineResponse, FeedTokenResponse};
use arrangeer_shared::api::payments::PaymentsResponse;
use arrangeer_shared::api::policy::PolicyResponse;
use arrangeer_shared::ids::{ArrangementId, PartnershipId};
use arrangeer_shared::policy::{Finding, Policy};
use gloo_net::http::Request;

use super::{ClientError, get, post, put, read, url};

pub async fn get_policy(token: &str, partnership: PartnershipId) -> Result<PolicyResponse, ClientError> {
    get(Request::get(&url(&format!("/partnerships/{partnership}/policy"))), token).await
}

/// Saves `policy` as the next version after `version` (412 when someone saved in between).
pub async fn replace_policy(
    token: &str,
    partnership: PartnershipId,
    version: i32,
    policy: &Policy,
) -> Result<PolicyResponse, ClientError> {
    put(&format!("/partnerships/{partnership}/policy"), version, policy, token).await
}

pub async fn arrangement_findings(token: &str, id: ArrangementId) -> Result<Vec<Finding>, ClientError> {
    get(Request::get(&url(&format!("/arrangements/{id}/findings"))), token).await
}

pub async fn arrangement_costs(token: &str, id: ArrangementId) -> Result<CostsResponse, ClientError> {
    get(Request::get(&url(&format!("/arrangements/{id}/costs"))), token).await
}

pub async fn list_deadlines(token: &str) -> Result<Vec<DeadlineResponse>, ClientError> {
    get(Request::get(&url("/deadlines")), token).await
}

pub async fn create_feed_token(token: &str) -> Result<FeedTokenResponse, ClientError> {
    post("/deadlines/feed-token", &(), Some(token)).await
}

pub async fn revoke_feed_token(token: &str) -> Result<(), ClientError> {
    let response = Request::delete(&url("/deadlines/feed-token"))
        .header("Authorization", &format!("Bearer {token}"))
        .send()
        .await
        .map_err(|e| ClientError::Network(e.to_string()))?;
    if response.ok() {
        return Ok(());
    }
    read::<()>(response).await
}

pub async fn payments(token: &str, year: i32) -> Result<PaymentsResponse, ClientError> {
    get(Request::get(&url("/payments")).query([("year", year.to_string())]), token).await
}

/// The same payment round as CSV text (`Accept: text/csv`).
pub async fn payments_csv(token: &str, year: i32) -> Result<String, ClientError> {
    let response = Request::get(&url("/payments"))
        .query([("year", year.to_string())])
        .header("Accept", "text/csv")
        .header("Authorization", &format!("Bearer {token}"))
        .send()
        .await
        .map_err(|e| ClientError::Network(e.to_string()))?;
    if response.ok() {
        return response.text().await.map_err(|e| ClientError::Network(e.to_string()));
    }
    read::<String>(response).await
}
