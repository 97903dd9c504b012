//! Request body and parameter parsing that reports problems as problem+json with the field
//! named: `Json<T>` (unknown fields, wrong types and missing fields become 400s whose
//! `errors[].field` is the JSON path) and the error handlers for actix's own extractors.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::error::{PathError, QueryPayloadError};
use actix_web::{FromRequest, HttpRequest, http::header, web};
use futures_util::StreamExt;
use serde::de::DeserializeOwned;

use crate::auth::limits::LoginLimits;
use crate::error::ApiError;

/// The client's address as the audit log records it: the TCP peer, or with
/// `ARRANGEER_TRUST_FORWARDED_FOR` the address the proxy forwarded (the same rule as the login
/// limits, which own the setting).
pub fn client_address(req: &HttpRequest) -> Option<String> {
    let address = match req.app_data::<web::Data<LoginLimits>>() {
        Some(limits) => limits.client_address(req),
        None => req.peer_addr().map(|a| a.ip()),
    };
    address.map(|ip| ip.to_string())
}

/// Largest JSON body accepted (uploads have their own limits).
pub const JSON_LIMIT: usize = 256 * 1024;

/// A JSON request body, parsed strictly.
#[derive(Debug)]
pub struct Json<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let content_type =
            req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
        let mut payload = payload.take();
        Box::pin(async move {
            let essence = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
            if essence != "application/json" && !essence.ends_with("+json") {
                return Err(ApiError::UnsupportedMediaType(if content_type.is_empty() {
                    "no Content-Type".to_owned()
                } else {
                    content_type
                }));
            }
            let mut body = web::BytesMut::new();
            while let Some(chunk) = payload.next().await {
                let chunk = chunk.map_err(|e| ApiError::malformed("", "unreadable_body", e.to_string()))?;
                if body.len() + chunk.len() > JSON_LIMIT {
                    return Err(ApiError::PayloadTooLarge { limit: JSON_LIMIT });
                }
                body.extend_from_slice(&chunk);
            }
            parse(&body).map(Json)
        })
    }
}

/// Parses JSON, naming the offending field on failure.
pub fn parse<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    let de = &mut serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(de).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.inner();
        let message = inner.to_string();
        let (field, code) = classify(&path, &message, inner);
        ApiError::malformed(&field, code, strip_position(&message))
    })
}

fn classify(path: &str, message: &str, err: &serde_json::Error) -> (String, &'static str) {
    use serde_json::error::Category;
    let join =
        |name: &str| if path == "." || path.is_empty() { name.to_owned() } else { format!("{path}.{name}") };
    let backticked = || message.split('`').nth(1).unwrap_or("").to_owned();
    match err.classify() {
        Category::Syntax | Category::Eof | Category::Io => (String::new(), "invalid_json"),
        // serde_path_to_error's path already ends in the unknown field's name
        Category::Data if message.starts_with("unknown field") => {
            (path.trim_start_matches('.').to_owned(), "unknown_field")
        }
        Category::Data if message.starts_with("missing field") => (join(&backticked()), "required"),
        Category::Data if message.starts_with("invalid type") => {
            (path.trim_start_matches('.').to_owned(), "invalid_type")
        }
        Category::Data => (path.trim_start_matches('.').to_owned(), "invalid_value"),
    }
}

/// serde_json appends " at line 1 column 42"; the field name says more to a client.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// For `web::Query`: unknown or malformed query parameters are a 400 that names them.
pub fn query_error(err: QueryPayloadError, _: &HttpRequest) -> actix_web::Error {
    let message = err.to_string();
    let detail = message.trim_start_matches("Query deserialize error: ").to_owned();
    let field = detail.split('`').nth(1).unwrap_or("").to_owned();
    let code = if detail.starts_with("unknown field") { "unknown_parameter" } else { "invalid_value" };
    ApiError::malformed(&field, code, detail).into()
}

/// For `web::Path`: a malformed path segment (such as an id that is no UUID) is a 400.
pub fn path_error(err: PathError, _: &HttpRequest) -> actix_web::Error {
    ApiError::malformed("path", "invalid_value", format!("invalid path parameter: {err}")).into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrangeer_shared::api::auth::LoginRequest;

    fn field_and_code(body: &str) -> (String, String) {
        match parse::<LoginRequest>(body.as_bytes()) {
            Err(ApiError::Malformed { errors, .. }) => (errors[0].field.clone(), errors[0].code.clone()),
            other => panic!("expected a malformed-request error, got {other:?}"),
        }
    }

    #[test]
    fn json_errors_name_the_field() {
        assert_eq!(field_and_code(r#"{"email":"a@b.nl"}"#), ("password".into(), "required".into()));
        assert_eq!(field_and_code(r#"{"email":1,"password":"x"}"#), ("email".into(), "invalid_type".into()));
        assert_eq!(
            field_and_code(r#"{"email":"a@b.nl","password":"x","remember":true}"#),
            ("remember".into(), "unknown_field".into())
        );
        assert_eq!(field_and_code(r#"{"email":"#), ("".into(), "invalid_json".into()));
    }

    #[test]
    fn well_formed_json_parses() {
        let req: LoginRequest = parse(br#"{"email":"a@b.nl","password":"x"}"#).expect("parse");
        assert_eq!(req.email, "a@b.nl");
    }
}
