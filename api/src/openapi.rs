//! The OpenAPI document: generated from the handlers by utoipa, then brought in line with the
//! API conventions (NL API Design Rules) in one place instead of in every handler:
//! paths relative to the `/api/v1` server, an `API-Version` header on every success,
//! problem+json for every error, and the 400/401/415/500 answers every operation can give.

use actix_web::App;
use arrangeer_shared::api::problem::{FieldError, Problem};
use utoipa::OpenApi;
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{
    ContactBuilder, ContentBuilder, HeaderBuilder, LicenseBuilder, Ref, RefOr, Response, ResponseBuilder,
    ServerBuilder,
};
use utoipa_actix_web::AppExt;

use crate::routes::{self, API_BASE};

/// The API's semantic version, also sent as the `API-Version` header.
pub const API_VERSION: &str = env!("CARGO_PKG_VERSION");

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Arrangeer API",
        description = "Support arrangements for pupils in Dutch primary education \
            (samenwerkingsverbanden passend onderwijs): dossiers, rules, money, deadlines, \
            development plans and parents' consent.",
    ),
    components(schemas(Problem, FieldError, arrangeer_shared::api::exports::ExportFormat)),
    tags(
        (name = "auth", description = "Logging in and the current user"),
        (name = "organisations", description = "Partnerships, schools, executors and users"),
        (name = "pupils", description = "Pupils and their guardians"),
        (name = "arrangements", description = "Dossiers: proposal, actions, history, findings"),
        (name = "attachments", description = "Documents of a dossier"),
        (name = "evaluations", description = "Evaluations, extensions and the consultant's logbook"),
        (name = "executors", description = "The executor's workspace: quotes and progress reports"),
        (name = "deadlines", description = "Clocks computed from events and the partnership's rules"),
        (name = "opps", description = "Development plans: drafts, published versions, consent, OOGO, goal evaluations"),
        (name = "audit", description = "Who read or changed what: the audit log and a guardian's access log"),
        (name = "invitations", description = "Inviting guardians to a parent account"),
        (name = "consultations", description = "The school's support question, the consultant's triage and the meetings"),
        (name = "finance", description = "Payments per school board per calendar year"),
        (name = "statistics", description = "Figures of the caller's scope: counts, money, throughput, goals, overdue deadlines"),
        (name = "exports", description = "CSV and Excel files of arrangements, payments and statistics, each recorded in the export log"),
    )
)]
struct ApiDoc;

/// The complete document, exactly as served at `/api/v1/openapi.json` and committed in
/// `openapi/openapi.json`.
pub fn document() -> utoipa::openapi::OpenApi {
    let (_, mut api) =
        App::new().into_utoipa_app().openapi(ApiDoc::openapi()).configure(routes::api_v1).split_for_parts();
    apply_conventions(&mut api);
    api
}

/// The document as pretty JSON with a trailing newline (the committed file's form).
pub fn document_json() -> String {
    let mut json = document().to_pretty_json().unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    json.push('\n');
    json
}

fn apply_conventions(api: &mut utoipa::openapi::OpenApi) {
    api.info.version = API_VERSION.to_owned();
    api.info.contact = Some(
        ContactBuilder::new()
            .name(Some("Arrangeer maintainers"))
            .email(Some("security@arrangeer.nl"))
            .url(Some("https://github.com/arrangeer/arrangeer"))
            .build(),
    );
    api.info.license = Some(LicenseBuilder::new().name("EUPL-1.2").identifier(Some("EUPL-1.2")).build());
    api.servers = Some(vec![ServerBuilder::new().url(API_BASE).description(Some("This server")).build()]);

    let components = api.components.get_or_insert_with(Default::default);
    components.add_security_scheme(
        "bearer",
        SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).bearer_format("JWT").build()),
    );

    let paths = std::mem::take(&mut api.paths.paths);
    for (path, mut item) in paths {
        for op in [&mut item.get, &mut item.put, &mut item.post, &mut item.delete, &mut item.patch]
            .into_iter()
            .flatten()
        {
            let secured = op.security.as_ref().is_some_and(|s| !s.is_empty());
            let responses = &mut op.responses.responses;
            responses.entry("400".into()).or_insert_with(|| problem("Malformed request: the field is named"));
            if op.request_body.is_some() {
                responses
                    .entry("415".into())
                    .or_insert_with(|| problem("The body is not of a media type this operation accepts"));
            }
            if secured {
                responses
                    .entry("401".into())
                    .or_insert_with(|| problem("Missing, expired or invalid bearer token"));
            }
            responses
                .entry("500".into())
                .or_insert_with(|| problem("Internal error (details are logged, never sent)"));
            for (status, response) in responses.iter_mut() {
                let RefOr::T(response) = response else { continue };
                if status.starts_with('2') || status.starts_with('3') {
                    response.headers.insert("API-Version".into(), api_version_header());
                } else if status.starts_with('4') || status.starts_with('5') {
                    response.content.clear();
                    response.content.insert("application/problem+json".into(), problem_content());
                }
            }
        }
        let relative = path.strip_prefix(API_BASE).unwrap_or(&path).to_owned();
        api.paths.paths.insert(relative, item);
    }
}

fn problem(description: &str) -> RefOr<Response> {
    RefOr::T(
        ResponseBuilder::new()
            .description(description)
            .content("application/problem+json", problem_content_inner())
            .build(),
    )
}

fn problem_content() -> RefOr<utoipa::openapi::Content> {
    RefOr::T(problem_content_inner())
}

fn problem_content_inner() -> utoipa::openapi::Content {
    ContentBuilder::new().schema(Some(Ref::from_schema_name("Problem"))).build()
}

fn api_version_header() -> RefOr<utoipa::openapi::Header> {
    RefOr::T(
        HeaderBuilder::new()
            .schema(Some(ObjectBuilder::new().schema_type(Type::String)))
            .description(Some("Semantic version of the API that answered"))
            .build(),
    )
}

/// Where the committed document lies: `openapi/openapi.json` of the checkout the program runs
/// in. `cargo run` and `cargo test` set `CARGO_MANIFEST_DIR` for the program too, and that is
/// the one to trust: with a shared `CARGO_TARGET_DIR` a binary built in one clone can be reused
/// by another, and the path compiled in (`env!`) would be the first clone's.
pub fn committed_path() -> String {
    let dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into());
    format!("{dir}/../openapi/openapi.json")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_document_is_up_to_date() {
        let committed = std::fs::read_to_string(committed_path()).unwrap_or_default();
        assert!(
            committed == document_json(),
            "openapi/openapi.json is stale or missing: run `cargo xtask openapi` and commit it"
        );
    }

    #[test]
    fn enum_values_in_the_document_are_the_wire_values() {
        // a macro-generated enum once showed its Rust variant names ("Individual") instead
        fn walk(value: &serde_json::Value, found: &mut Vec<String>) {
            match value {
                serde_json::Value::Object(map) => {
                    if let Some(serde_json::Value::Array(values)) = map.get("enum") {
                        found.extend(values.iter().filter_map(|v| v.as_str().map(str::to_owned)));
                    }
                    map.values().for_each(|v| walk(v, found));
                }
                serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, found)),
                _ => {}
            }
        }
        let json: serde_json::Value = serde_json::from_str(&document_json()).expect("json");
        let mut values = Vec::new();
        walk(&json, &mut values);
        assert!(
            values.contains(&"request-changes".to_owned()) && values.contains(&"in_execution".to_owned())
        );
        for v in values {
            assert!(
                v.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-'),
                "{v}"
            );
        }
    }

    #[test]
    fn every_operation_documents_problems_and_the_version_header() {
        let api = document();
        assert_eq!(api.info.version, API_VERSION);
        assert!(api.paths.paths.contains_key("/auth/login"), "paths are relative to the server");
        for (path, item) in &api.paths.paths {
            for op in [&item.get, &item.post, &item.put, &item.patch, &item.delete].into_iter().flatten() {
                let responses = &op.responses.responses;
                assert!(responses.contains_key("400"), "{path} lacks a 400");
                for (status, response) in responses {
                    let RefOr::T(response) = response else { continue };
                    if status.starts_with('2') {
                        assert!(response.headers.contains_key("API-Version"), "{path} {status}");
                    } else {
                        assert!(response.content.contains_key("application/problem+json"), "{path} {status}");
                    }
                }
            }
        }
    }
}
