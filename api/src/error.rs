//! The one place where errors become HTTP: status code and an RFC 9457 problem+json body.
//! Causes are logged inside the request span; a 5xx body never carries them.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, ResponseError};
use arrangeer_shared::Role;
use arrangeer_shared::api::problem::{FieldError, Problem};

use crate::services::ServiceError;

pub const PROBLEM_JSON: &str = "application/problem+json";

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("not authenticated: {0}")]
    Unauthenticated(&'static str),
    #[error("role {role} may not do this")]
    Forbidden { role: Role },
    #[error("malformed request: {detail}")]
    Malformed { detail: String, errors: Vec<FieldError> },
    #[error("unsupported media type: {0}")]
    UnsupportedMediaType(String),
    #[error("request body too large (limit {limit} bytes)")]
    PayloadTooLarge { limit: usize },
    #[error("no resource at this path")]
    RouteNotFound,
    #[error("method not allowed")]
    MethodNotAllowed,
    #[error(transparent)]
    Service(#[from] ServiceError),
    #[error("internal error: {0}")]
    Internal(String),
}

impl ApiError {
    pub fn malformed(field: &str, code: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        ApiError::Malformed { detail: message.clone(), errors: vec![FieldError::new(field, code, message)] }
    }

    /// `(slug, title, detail, field errors)` of the problem body.
    fn parts(&self) -> (&'static str, &'static str, String, Vec<FieldError>) {
        match self {
            ApiError::Unauthenticated(why) => {
                ("unauthenticated", "Not authenticated", (*why).to_owned(), vec![])
            }
            ApiError::Forbidden { role } => (
                "forbidden",
                "Forbidden",
                format!("the role `{role}` may not perform this operation"),
                vec![],
            ),
            ApiError::Malformed { detail, errors } => {
                ("malformed-request", "Malformed request", detail.clone(), errors.clone())
            }
            ApiError::UnsupportedMediaType(what) => (
                "unsupported-media-type",
                "Unsupported media type",
                format!("expected application/json, got {what}"),
                vec![],
            ),
            ApiError::PayloadTooLarge { limit } => (
                "payload-too-large",
                "Request body too large",
                format!("the request body exceeds {limit} bytes"),
                vec![],
            ),
            ApiError::RouteNotFound => {
                ("not-found", "Not found", "there is no resource at this path".to_owned(), vec![])
            }
            ApiError::MethodNotAllowed => (
                "method-not-allowed",
                "Method not allowed",
                "this resource does not support the request method".to_owned(),
                vec![],
            ),
            ApiError::Service(e) => match e {
                ServiceError::InvalidCredentials => (
                    "invalid-credentials",
                    "Invalid credentials",
                    "the e-mail address or password is incorrect".to_owned(),
                    vec![],
                ),
                ServiceError::AccountInactive => (
                    "unauthenticated",
                    "Not authenticated",
                    "the account is no longer active".to_owned(),
                    vec![],
                ),
                ServiceError::InvalidRefreshToken => (
                    "invalid-refresh-token",
                    "Not authenticated",
                    "the refresh token is invalid, expired or revoked; log in again".to_owned(),
                    vec![],
                ),
                ServiceError::TooManyAttempts { retry_after_seconds, field } => (
                    "too-many-attempts",
                    "Too many login attempts",
                    format!("too many login attempts; try again in {retry_after_seconds} seconds"),
                    field
                        .map(|f| {
                            vec![FieldError::new(
                                f,
                                "rate_limited",
                                format!("too many failed logins; try again in {retry_after_seconds} seconds"),
                            )]
                        })
                        .unwrap_or_default(),
                ),
                ServiceError::TotpRequired => (
                    "totp-required",
                    "Two-factor code required",
                    "this account uses two-factor authentication: send the code of the authenticator app"
                        .to_owned(),
                    vec![FieldError::new("totpCode", "required", "enter the code of your authenticator app")],
                ),
                ServiceError::TotpInvalid => (
                    "totp-invalid",
                    "Invalid two-factor code",
                    "the two-factor code is wrong, expired or already used".to_owned(),
                    vec![FieldError::new(
                        "totpCode",
                        "invalid",
                        "the code is wrong or was already used; wait for the next code",
                    )],
                ),
                ServiceError::TotpEnrollmentRequired { .. } => (
                    "totp-enrollment-required",
                    "Two-factor authentication required",
                    "set up two-factor authentication with the enrollment token before you continue"
                        .to_owned(),
                    vec![],
                ),
                ServiceError::NotFound(what) => {
                    ("not-found", "Not found", format!("{what} not found"), vec![])
                }
                ServiceError::Unprocessable(errors) => (
                    "validation",
                    "Unprocessable request",
                    summary(errors, "the request breaks a rule"),
                    errors.clone(),
                ),
                ServiceError::BadRequest(errors) => (
                    "malformed-request",
                    "Malformed request",
                    summary(errors, "the request is malformed"),
                    errors.clone(),
                ),
                ServiceError::Forbidden(what) => {
                    ("forbidden", "Forbidden", format!("your role may not {what}"), vec![])
                }
                ServiceError::Conflict { detail, .. } => ("conflict", "Conflict", detail.clone(), vec![]),
                ServiceError::PreconditionRequired => (
                    "precondition-required",
                    "Precondition required",
                    "send If-Match with the ETag (version) you last read".to_owned(),
                    vec![],
                ),
                ServiceError::PreconditionFailed { current } => (
                    "precondition-failed",
                    "Precondition failed",
                    format!(
                        "someone else changed this in the meantime (now version {current}); reload and retry"
                    ),
                    vec![],
                ),
                ServiceError::Gone { slug, detail } => (slug, "Gone", detail.clone(), vec![]),
                ServiceError::Db(_) | ServiceError::Token(_) | ServiceError::Hash(_) => internal(),
                ServiceError::Document(_) => internal(),
            },
            ApiError::Internal(_) => internal(),
        }
    }
}

fn internal() -> (&'static str, &'static str, String, Vec<FieldError>) {
    (
        "internal",
        "Internal server error",
        "something went wrong on our side; it has been logged".to_owned(),
        vec![],
    )
}

fn summary(errors: &[FieldError], fallback: &str) -> String {
    match errors {
        [one] => format!("{}: {}", one.field, one.message),
        [] => fallback.to_owned(),
        many => format!(
            "{} fields are invalid: {}",
            many.len(),
            many.iter().map(|e| e.field.as_str()).collect::<Vec<_>>().join(", ")
        ),
    }
}

/// Logs an error with its whole cause chain.
fn log_chain(err: &(dyn std::error::Error + 'static), status: StatusCode) {
    let mut chain = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        chain.push_str(": ");
        chain.push_str(&cause.to_string());
        source = cause.source();
    }
    if status.is_server_error() {
        tracing::error!(%status, error = %chain, "request failed");
    } else {
        tracing::debug!(%status, error = %chain, "request rejected");
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::Unauthenticated(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden { .. } => StatusCode::FORBIDDEN,
            ApiError::Malformed { .. } => StatusCode::BAD_REQUEST,
            ApiError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::RouteNotFound => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Service(e) => match e {
                ServiceError::InvalidCredentials
                | ServiceError::AccountInactive
                | ServiceError::InvalidRefreshToken
                | ServiceError::TotpRequired
                | ServiceError::TotpInvalid => StatusCode::UNAUTHORIZED,
                ServiceError::TotpEnrollmentRequired { .. } => StatusCode::FORBIDDEN,
                ServiceError::TooManyAttempts { .. } => StatusCode::TOO_MANY_REQUESTS,
                ServiceError::NotFound(_) => StatusCode::NOT_FOUND,
                ServiceError::Unprocessable(_) => StatusCode::UNPROCESSABLE_ENTITY,
                ServiceError::BadRequest(_) => StatusCode::BAD_REQUEST,
                ServiceError::Forbidden(_) => StatusCode::FORBIDDEN,
                ServiceError::Conflict { .. } => StatusCode::CONFLICT,
                ServiceError::PreconditionRequired => StatusCode::PRECONDITION_REQUIRED,
                ServiceError::PreconditionFailed { .. } => StatusCode::PRECONDITION_FAILED,
                ServiceError::Gone { .. } => StatusCode::GONE,
                ServiceError::Db(_) | ServiceError::Token(_) | ServiceError::Hash(_) => {
                    StatusCode::INTERNAL_SERVER_ERROR
                }
                ServiceError::Document(_) => StatusCode::INTERNAL_SERVER_ERROR,
            },
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        log_chain(self, status);
        let (slug, title, detail, errors) = self.parts();
        let problem = Problem {
            kind: format!("urn:arrangeer:problem:{slug}"),
            title: title.to_owned(),
            status: status.as_u16(),
            detail,
            errors,
            allowed_actions: match self {
                ApiError::Service(ServiceError::Conflict { allowed_actions, .. }) => allowed_actions.clone(),
                _ => Vec::new(),
            },
            enrollment_token: match self {
                ApiError::Service(ServiceError::TotpEnrollmentRequired { enrollment_token }) => {
                    Some(enrollment_token.clone())
                }
                _ => None,
            },
        };
        let mut response = HttpResponse::build(status);
        response.content_type(PROBLEM_JSON).insert_header((header::CACHE_CONTROL, "no-store"));
        if status == StatusCode::UNAUTHORIZED {
            let challenge = match self {
                ApiError::Unauthenticated("missing bearer token") => r#"Bearer realm="arrangeer""#,
                ApiError::Service(ServiceError::InvalidCredentials) => r#"Bearer realm="arrangeer""#,
                _ => r#"Bearer realm="arrangeer", error="invalid_token""#,
            };
            response.insert_header((header::WWW_AUTHENTICATE, challenge));
        }
        if let ApiError::Service(ServiceError::TooManyAttempts { retry_after_seconds, .. }) = self {
            response.insert_header((header::RETRY_AFTER, retry_after_seconds.to_string()));
        }
        if status == StatusCode::METHOD_NOT_ALLOWED {
            response.insert_header((header::ALLOW, "GET, POST, PUT, PATCH, DELETE"));
        }
        response.json(problem)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::body::MessageBody;

    fn render(err: &ApiError) -> (StatusCode, actix_web::http::header::HeaderMap, serde_json::Value) {
        let resp = err.error_response();
        let (status, headers) = (resp.status(), resp.headers().clone());
        let raw = resp.into_body().try_into_bytes().unwrap_or_default();
        (status, headers, serde_json::from_slice(&raw).unwrap_or_default())
    }

    #[test]
    fn internal_errors_never_leak_their_cause() {
        let (status, _, json) = render(&ApiError::Internal("password=hunter2 at db.rs:42".into()));
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        assert!(!json.to_string().contains("hunter2"), "{json}");
        assert_eq!(json["status"], 500);
    }

    #[test]
    fn unauthenticated_carries_a_bearer_challenge_and_problem_type() {
        let (status, headers, json) =
            render(&ApiError::Unauthenticated("the access token is invalid or expired"));
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_eq!(json["type"], "urn:arrangeer:problem:unauthenticated");
        let challenge = headers.get(header::WWW_AUTHENTICATE).and_then(|v| v.to_str().ok());
        assert_eq!(challenge, Some(r#"Bearer realm="arrangeer", error="invalid_token""#));
        assert_eq!(headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()), Some(PROBLEM_JSON));
    }
}
