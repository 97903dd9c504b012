//! Calls for the statistics and the exports.

use arrangeer_shared::api::exports::ExportFormat;
use arrangeer_shared::api::statistics::StatisticsResponse;
use gloo_net::http::Request;

use super::{ClientError, get, read, url};

pub async fn statistics(token: &str, year: i32) -> Result<StatisticsResponse, ClientError> {
    get(Request::get(&url("/statistics")).query([("year", year.to_string())]), token).await
}

/// An export file (`/exports/{what}?format=…&<query>`) as bytes.
pub async fn export_file(
    token: &str,
    what: &str,
    format: ExportFormat,
    query: &[(&str, String)],
) -> Result<Vec<u8>, ClientError> {
    let response = Request::get(&url(&format!("/exports/{what}")))
        .query([("format", format.as_str().to_owned())])
        .query(query.iter().map(|(k, v)| (*k, v.clone())))
        .header("Authorization", &format!("Bearer {token}"))
        .send()
        .await
        .map_err(|e| ClientError::Network(e.to_string()))?;
    if response.ok() {
        return response.binary().await.map_err(|e| ClientError::Network(e.to_string()));
    }
    read::<Vec<u8>>(response).await
}
