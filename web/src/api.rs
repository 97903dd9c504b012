//! Talking to the API: one request helper that owns the base path, the bearer token and the
//! mapping of problem+json to [`ClientError`], and typed functions per endpoint using the
//! `arrangeer-shared` types.

pub mod rules;

use arrangeer_shared::api::arrangements::{
    ActionRequest, ArrangementEvent, ArrangementResponse, ArrangementSummary, CreateArrangementRequest,
    UpdateArrangementRequest,
};
use arrangeer_shared::api::auth::{LoginRequest, LoginResponse, MeResponse, RefreshRequest};
use arrangeer_shared::api::page::{MAX_LIMIT, Page};
use arrangeer_shared::api::problem::{FieldError, Problem};
use arrangeer_shared::api::pupils::{CreatePupilRequest, PupilResponse};
use arrangeer_shared::ids::{ArrangementId, OppId, PupilId};
use arrangeer_shared::kinds::ArrangementKind;
use arrangeer_shared::workflow::{Action, Status};
use gloo_net::http::{Request, RequestBuilder, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;

pub mod consultations;
pub mod dashboard;
mod json;
pub mod opps;
pub mod statistics;
pub mod totp;
pub mod upload;

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

impl ClientError {
    /// The HTTP status of a reported problem.
    pub fn status(&self) -> Option<u16> {
        match self {
            ClientError::Unauthenticated(p) | ClientError::Problem(p) => Some(p.status),
            ClientError::Network(_) => None,
        }
    }

    /// The offending fields of a validation problem (422), empty otherwise.
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            ClientError::Problem(p) if p.status == 422 || p.status == 400 => &p.errors,
            _ => &[],
        }
    }
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

fn network(e: gloo_net::Error) -> ClientError {
    ClientError::Network(e.to_string())
}

/// The body of a successful answer, or the problem the server reported. Not generic, so
/// there is one copy of it in the WASM, whatever the number of answer types.
async fn answer_text(response: Response) -> Result<String, ClientError> {
    if response.ok() {
        return response.text().await.map_err(network);
    }
    let status = response.status();
    let problem = match response.text().await {
        Ok(text) => decode::<Problem>(&text).ok(),
        Err(_) => None,
    };
    let problem = problem.unwrap_or_else(|| Problem {
        kind: "about:blank".into(),
        title: response.status_text(),
        status,
        detail: String::new(),
        errors: Vec::new(),
        allowed_actions: Vec::new(),
        enrollment_token: None,
    });
    Err(if status == 401 { ClientError::Unauthenticated(problem) } else { ClientError::Problem(problem) })
}

/// The typed value of an answer's JSON body: the only part that is generic (see [`json`]).
// the ClientError that every call in this module returns (the async ones are not linted)
#[allow(clippy::result_large_err)]
pub(crate) fn decode<T: DeserializeOwned>(text: &str) -> Result<T, ClientError> {
    json::from_str::<T>(text).map_err(|e| ClientError::Network(e.to_string()))
}

/// The one place that turns an answer into a value or a [`ClientError`].
async fn read<T: DeserializeOwned>(response: Response) -> Result<T, ClientError> {
    decode(&answer_text(response).await?)
}

/// Sends a request built by `builder` (with the token and an optional JSON body) and returns
/// the text of the answer. A 401 on a call with a token is answered by refreshing the session
/// once and sending the request again. Not generic: one copy in the WASM.
async fn send(
    builder: RequestBuilder,
    body: Option<String>,
    token: Option<&str>,
) -> Result<String, ClientError> {
    // after a refresh the stored token is newer than the one the page holds
    let token = token.map(|t| crate::session::stored().map(|s| s.token).unwrap_or_else(|| t.to_owned()));
    let builder = authorised(builder, token.as_deref());
    let built = match body {
        Some(json) => builder.header("Content-Type", "application/json").body(json),
        None => builder.build(),
    }
    .map_err(network)?;
    let raw = web_sys::Request::from(built);
    let spare = token.as_ref().and_then(|_| raw.clone().ok());
    let response = Request::from(raw).send().await.map_err(network)?;
    if response.status() == 401
        && let (Some(stale), Some(spare)) = (token, spare)
        && let Some(fresh) = refreshed_token(&stale).await
    {
        let _ = spare.headers().set("Authorization", &format!("Bearer {fresh}"));
        return answer_text(Request::from(spare).send().await.map_err(network)?).await;
    }
    answer_text(response).await
}

/// [`send`] with `body` as JSON, decoding the answer as `T`.
async fn request<T: DeserializeOwned>(
    builder: RequestBuilder,
    body: Option<&(impl Serialize + ?Sized)>,
    token: Option<&str>,
) -> Result<T, ClientError> {
    let body = match body {
        Some(body) => Some(serde_json::to_string(body).map_err(|e| ClientError::Network(e.to_string()))?),
        None => None,
    };
    decode(&send(builder, body, token).await?)
}

async fn get<T: DeserializeOwned>(builder: RequestBuilder, token: &str) -> Result<T, ClientError> {
    request(builder, None::<&()>, Some(token)).await
}

async fn post<B: Serialize, T: DeserializeOwned>(
    path: &str,
    body: &B,
    token: Option<&str>,
) -> Result<T, ClientError> {
    request(Request::post(&url(path)), Some(body), token).await
}

/// `PUT` of a versioned resource: `If-Match: "<version>"` (412 when someone changed it since).
async fn put<B: Serialize, T: DeserializeOwned>(
    path: &str,
    version: i32,
    body: &B,
    token: &str,
) -> Result<T, ClientError> {
    let builder = Request::put(&url(path)).header("If-Match", &format!("\"{version}\""));
    request(builder, Some(body), Some(token)).await
}

pub async fn login(request: &LoginRequest) -> Result<LoginResponse, ClientError> {
    post("/auth/login", request, None).await
}

pub async fn me(token: &str) -> Result<MeResponse, ClientError> {
    get(Request::get(&url("/me")), token).await
}

/// Filters of the arrangement list.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArrangementFilter {
    pub status: Option<Status>,
    pub kind: Option<ArrangementKind>,
    pub cursor: Option<String>,
}

pub async fn list_arrangements(
    token: &str,
    filter: &ArrangementFilter,
) -> Result<Page<ArrangementSummary>, ClientError> {
    let mut query: Vec<(&str, String)> = Vec::new();
    if let Some(status) = filter.status {
        query.push(("status", status.as_str().to_owned()));
    }
    if let Some(kind) = filter.kind {
        query.push(("kind", kind.as_str().to_owned()));
    }
    if let Some(cursor) = &filter.cursor {
        query.push(("cursor", cursor.clone()));
    }
    get(Request::get(&url("/arrangements")).query(query), token).await
}

pub async fn create_arrangement(
    token: &str,
    body: &CreateArrangementRequest,
) -> Result<ArrangementResponse, ClientError> {
    post("/arrangements", body, Some(token)).await
}

pub async fn get_arrangement(token: &str, id: ArrangementId) -> Result<ArrangementResponse, ClientError> {
    get(Request::get(&url(&format!("/arrangements/{id}"))), token).await
}

pub async fn update_arrangement(
    token: &str,
    id: ArrangementId,
    version: i32,
    body: &UpdateArrangementRequest,
) -> Result<ArrangementResponse, ClientError> {
    put(&format!("/arrangements/{id}"), version, body, token).await
}

pub async fn take_action(
    token: &str,
    id: ArrangementId,
    action: Action,
    body: &ActionRequest,
) -> Result<ArrangementResponse, ClientError> {
    post(&format!("/arrangements/{id}/actions/{action}"), body, Some(token)).await
}

pub async fn arrangement_history(
    token: &str,
    id: ArrangementId,
) -> Result<Vec<ArrangementEvent>, ClientError> {
    get(Request::get(&url(&format!("/arrangements/{id}/history"))), token).await
}

/// Every pupil the caller may see (all pages, at most a few thousand).
pub async fn all_pupils(token: &str) -> Result<Vec<PupilResponse>, ClientError> {
    let mut pupils = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..20 {
        let mut query = vec![("limit", MAX_LIMIT.to_string())];
        if let Some(c) = cursor.take() {
            query.push(("cursor", c));
        }
        let page: Page<PupilResponse> = get(Request::get(&url("/pupils")).query(query), token).await?;
        pupils.extend(page.items);
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    Ok(pupils)
}

pub async fn create_pupil(token: &str, body: &CreatePupilRequest) -> Result<PupilResponse, ClientError> {
    post("/pupils", body, Some(token)).await
}

pub async fn list_opps(
    token: &str,
    pupil: Option<PupilId>,
) -> Result<Page<arrangeer_shared::api::opps::OppSummary>, ClientError> {
    let mut query = vec![("limit", MAX_LIMIT.to_string())];
    if let Some(p) = pupil {
        query.push(("pupilId", p.to_string()));
    }
    get(Request::get(&url("/opps")).query(query), token).await
}

pub async fn get_opp(
    token: &str,
    id: OppId,
) -> Result<arrangeer_shared::api::opps::OppResponse, ClientError> {
    get(Request::get(&url(&format!("/opps/{id}"))), token).await
}

pub async fn give_consent(
    token: &str,
    id: OppId,
    number: i32,
    body: &arrangeer_shared::api::opps::ConsentRequest,
) -> Result<arrangeer_shared::api::opps::ConsentResponse, ClientError> {
    post(&format!("/opps/{id}/versions/{number}/consents"), body, Some(token)).await
}

thread_local! {
    /// Set while a refresh is under way, so that parallel requests wait for it instead of
    /// presenting the same refresh token twice (which the server treats as theft).
    static REFRESHING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// A new access token after `stale` was refused: from a refresh that another request already
/// did, or from `POST /auth/refresh` with the stored refresh token (whose answer is stored).
async fn refreshed_token(stale: &str) -> Option<String> {
    while REFRESHING.get() {
        yew::platform::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let session = crate::session::stored()?;
    if session.token != stale {
        return Some(session.token);
    }
    if session.refresh_token.is_empty() {
        return None;
    }
    REFRESHING.set(true);
    let body = RefreshRequest { refresh_token: session.refresh_token.clone() };
    let answer = match Request::post(&url("/auth/refresh")).json(&body) {
        Ok(request) => match request.send().await {
            Ok(response) => read::<LoginResponse>(response).await.ok(),
            Err(_) => None,
        },
        Err(_) => None,
    };
    REFRESHING.set(false);
    let Some(pair) = answer else {
        // refused: never present that refresh token again; the caller reports the expiry
        crate::session::store(&crate::session::Session { refresh_token: String::new(), ..session });
        return None;
    };
    crate::session::store(&crate::session::Session {
        token: pair.access_token.clone(),
        refresh_token: pair.refresh_token,
        user: session.user,
    });
    Some(pair.access_token)
}

/// Ends the session on the server (`POST /auth/logout`).
pub async fn logout(refresh_token: &str) -> Result<(), ClientError> {
    let body = RefreshRequest { refresh_token: refresh_token.to_owned() };
    let request =
        Request::post(&url("/auth/logout")).json(&body).map_err(|e| ClientError::Network(e.to_string()))?;
    let response = request.send().await.map_err(|e| ClientError::Network(e.to_string()))?;
    if response.ok() { Ok(()) } else { read::<()>(response).await }
}
