//! Two-factor authentication: status, enrollment and confirmation.

use arrangeer_shared::api::totp::{ConfirmTotpRequest, TotpEnrollmentResponse, TotpStatusResponse};
use gloo_net::http::Request;

use super::{ClientError, get, post, url};

pub async fn status(token: &str) -> Result<TotpStatusResponse, ClientError> {
    get(Request::get(&url("/me/totp")), token).await
}

/// A new secret; `token` may be the enrollment token of a login.
pub async fn enroll(token: &str) -> Result<TotpEnrollmentResponse, ClientError> {
    post("/me/totp", &serde_json::json!({}), Some(token)).await
}

pub async fn confirm(token: &str, code: &str) -> Result<TotpStatusResponse, ClientError> {
    post("/me/totp/confirm", &ConfirmTotpRequest { code: code.trim().to_owned() }, Some(token)).await
}
