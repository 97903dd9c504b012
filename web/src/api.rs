//! Talking to the API: one request helper that owns the base path, the bearer token and the
//! mapping of problem+json to [`ClientError`], and typed functions per endpoint using the
//! `arrangeer-shared` types.

use arrangeer_shared::api::auth::{LoginRequest, LoginResponse, MeResponse};
use arrangeer_shared::api::problem::Problem;
use gloo_net::http::{Request, RequestBuilder, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;

const BASE: &str = "/api/v1";

#[derive(Clone, Debug, PartialEq)]
pub enum ClientError {
    /// 401: the token is missing, expired or revoked (or the credentials are wrong).
    Unauthenticated(Problem),
    /// Any other problem the server reported.
    Problem(Problem),
    /// No answer, or an answer that is not what the API promises.
    Network(String),
}

fn url(path: &str) -> String {
    format!("{BASE}{path}")
}

fn authorised(builder: RequestBuilder, token: Option<&str>) -> RequestBuilder {
    let builder = builder.header("Accept", "application/json");
    match token {
        Some(token) => builder.header("Authorization", &format!("Bearer {token}")),
        None => builder,
    }
}

async fn read<T: DeserializeOwned>(response: Response) -> Result<T, ClientError> {
    if response.ok() {
        return response.json::<T>().await.map_err(|e| ClientError::Network(e.to_string()));
    }
    let status = response.status();
    let problem = response.json::<Problem>().await.unwrap_or_else(|_| Problem {
        kind: "about:blank".into(),
        title: response.status_text(),
        status,
        detail: String::new(),
        errors: Vec::new(),
        allowed_actions: Vec::new(),
    });
    Err(if status == 401 { ClientError::Unauthenticated(problem) } else { ClientError::Problem(problem) })
}

async fn get<T: DeserializeOwned>(path: &str, token: Option<&str>) -> Result<T, ClientError> {
    let response = authorised(Request::get(&url(path)), token)
        .send()
        .await
        .map_err(|e| ClientError::Network(e.to_string()))?;
    read(response).await
}

async fn post<B: Serialize, T: DeserializeOwned>(
    path: &str,
    body: &B,
    token: Option<&str>,
) -> Result<T, ClientError> {
    let response = authorised(Request::post(&url(path)), token)
        .json(body)
        .map_err(|e| ClientError::Network(e.to_string()))?
        .send()
        .await
        .map_err(|e| ClientError::Network(e.to_string()))?;
    read(response).await
}

pub async fn login(request: &LoginRequest) -> Result<LoginResponse, ClientError> {
    post("/auth/login", request, None).await
}

pub async fn me(token: &str) -> Result<MeResponse, ClientError> {
    get("/me", Some(token)).await
}
