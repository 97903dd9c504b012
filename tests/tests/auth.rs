//! Login, `/me`, role guards and scope, over real HTTP against a real database.

use arrangeer_api::services::demo::DEMO_PASSWORD;
use arrangeer_shared::Role;
use arrangeer_shared::api::auth::{LoginResponse, MeResponse};
use arrangeer_shared::api::page::Page;
use arrangeer_shared::api::problem::Problem;
use arrangeer_shared::api::schools::SchoolResponse;
use arrangeer_tests::{LIEMERS, TestApp, UTRECHT, demo_account};

async fn problem(response: reqwest::Response) -> Problem {
    let content_type =
        response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    assert_eq!(content_type, "application/problem+json", "problem responses are problem+json");
    response.json().await.expect("problem body")
}

#[tokio::test]
async fn login_then_me_works_for_every_role_in_two_partnerships() {
    let app = TestApp::spawn().await;
    for partnership in [UTRECHT, LIEMERS] {
        for role in Role::ALL {
            let account = demo_account(role, partnership);
            let response = app.login(&account.email.to_uppercase(), DEMO_PASSWORD).await;
            assert_eq!(response.status(), 200, "{role} in {partnership}");
            assert_eq!(
                response.headers().get("cache-control").and_then(|v| v.to_str().ok()),
                Some("no-store")
            );
            let login: LoginResponse = response.json().await.expect("login body");
            assert_eq!(login.token_type, "Bearer");
            assert_eq!((login.user.role, login.user.name.as_str()), (role, account.name));

            let me = app.get("/api/v1/me", &login.access_token).await;
            assert_eq!(me.status(), 200);
            assert!(me.headers().contains_key("api-version"));
            let me: MeResponse = me.json().await.expect("me body");
            assert_eq!(me, login.user);
            assert_eq!(me.partnership.name, partnership);
            assert_eq!(me.school.is_some(), role == Role::School, "only school staff have a school");
            assert_eq!(me.executor.is_some(), role == Role::Executor, "only executors have an organisation");
        }
    }
}

#[tokio::test]
async fn wrong_password_and_unknown_account_get_the_same_401() {
    let app = TestApp::spawn().await;
    let known = demo_account(Role::School, UTRECHT).email;
    let wrong = app.login(&known, "not-the-password").await;
    let unknown = app.login("nobody@nowhere.example", DEMO_PASSWORD).await;
    assert_eq!((wrong.status().as_u16(), unknown.status().as_u16()), (401, 401));
    for r in [&wrong, &unknown] {
        assert_eq!(
            r.headers().get("www-authenticate").and_then(|v| v.to_str().ok()),
            Some(r#"Bearer realm="arrangeer""#)
        );
    }
    let (wrong, unknown) = (problem(wrong).await, problem(unknown).await);
    assert_eq!(wrong, unknown, "the answer must not reveal whether the account exists");
    assert_eq!(wrong.kind, "urn:arrangeer:problem:invalid-credentials");
}

#[tokio::test]
async fn malformed_login_bodies_get_400_naming_the_field() {
    let app = TestApp::spawn().await;
    let cases = [
        (r#"{"email":"a@b.nl"}"#, "password", "required"),
        (r#"{"email":"a@b.nl","password":"x","rememberMe":true}"#, "rememberMe", "unknown_field"),
        (r#"{"email":42,"password":"x"}"#, "email", "invalid_type"),
        (r#"{"email":"","password":""}"#, "email", "required"),
        (r#"{"email": "#, "", "invalid_json"),
    ];
    for (body, field, code) in cases {
        let response = app
            .client
            .post(app.url("/api/v1/auth/login"))
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .expect("request");
        assert_eq!(response.status(), 400, "{body}");
        let p = problem(response).await;
        assert_eq!(p.status, 400);
        assert_eq!((p.errors[0].field.as_str(), p.errors[0].code.as_str()), (field, code), "{body}");
    }
    let not_json =
        app.client.post(app.url("/api/v1/auth/login")).body("email=a").send().await.expect("request");
    assert_eq!(not_json.status(), 415);
    let huge = format!(r#"{{"email":"a@b.nl","password":"{}"}}"#, "x".repeat(300 * 1024));
    let too_large = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .header("content-type", "application/json")
        .body(huge)
        .send()
        .await
        .expect("request");
    assert_eq!(too_large.status(), 413);
}

#[tokio::test]
async fn missing_and_forged_tokens_get_401_with_a_bearer_challenge() {
    let app = TestApp::spawn().await;
    let missing = app.client.get(app.url("/api/v1/me")).send().await.expect("request");
    assert_eq!(missing.status(), 401);
    assert!(missing.headers().contains_key("www-authenticate"));
    assert_eq!(problem(missing).await.kind, "urn:arrangeer:problem:unauthenticated");

    let token = app.token(Role::School, UTRECHT).await;
    let mut forged = token.clone();
    forged.pop();
    forged.push(if token.ends_with('A') { 'B' } else { 'A' });
    for bad in [forged.as_str(), "not.a.jwt", ""] {
        let response = app.get("/api/v1/me", bad).await;
        assert_eq!(response.status(), 401, "{bad:?}");
        let challenge =
            response.headers().get("www-authenticate").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
        assert!(challenge.starts_with("Bearer"), "{challenge}");
    }
}

#[tokio::test]
async fn roles_outside_a_guard_get_403() {
    let app = TestApp::spawn().await;
    let parent = app.token(Role::Parent, UTRECHT).await;
    let school = app.token(Role::School, UTRECHT).await;
    let admin = app.token(Role::SwvAdmin, UTRECHT).await;
    assert_eq!(app.get("/api/v1/schools", &parent).await.status(), 403);
    let forbidden = app.get("/api/v1/users", &school).await;
    assert_eq!(forbidden.status(), 403);
    assert_eq!(problem(forbidden).await.kind, "urn:arrangeer:problem:forbidden");
    let users: Page<serde_json::Value> = app.get("/api/v1/users", &admin).await.json().await.expect("users");
    assert_eq!(users.items.len(), 5, "one account per role in the partnership, none of another");
}

#[tokio::test]
async fn a_forbidden_role_gets_403_even_when_the_body_does_not_parse() {
    let app = TestApp::spawn().await;
    let school = app.session(Role::School, UTRECHT).await;
    let parent = app.token(Role::Parent, UTRECHT).await;
    let policy = format!("/api/v1/partnerships/{}/policy", school.user.partnership.id);
    // the role is in the token: the 403 is decided before the body is read
    let cases = [
        (reqwest::Method::PUT, policy.as_str(), &school.access_token),
        (reqwest::Method::POST, "/api/v1/arrangements", &parent),
    ];
    for (method, path, token) in cases {
        for (content_type, body) in [("application/json", "{not json"), ("text/plain", "hello")] {
            let response = app
                .client
                .request(method.clone(), app.url(path))
                .bearer_auth(token)
                .header("content-type", content_type)
                .header("if-match", "\"1\"")
                .body(body)
                .send()
                .await
                .expect("request");
            assert_eq!(response.status(), 403, "{method} {path} with {content_type}");
            assert_eq!(problem(response).await.kind, "urn:arrangeer:problem:forbidden");
        }
    }
}

#[tokio::test]
async fn schools_outside_the_callers_scope_are_404_not_403() {
    let app = TestApp::spawn().await;
    let admin = app.token(Role::SwvAdmin, UTRECHT).await;
    let all: Page<SchoolResponse> = app.get("/api/v1/schools", &admin).await.json().await.expect("schools");
    assert_eq!(all.items.len(), 4, "Utrecht has four demo schools");
    let names: Vec<_> = all.items.iter().map(|s| s.name.as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "ordered by name");

    // school staff see their own school only
    let school = app.token(Role::School, UTRECHT).await;
    let own: Page<SchoolResponse> = app.get("/api/v1/schools", &school).await.json().await.expect("schools");
    assert_eq!(own.items.len(), 1);
    let other = all.items.iter().find(|s| s.id != own.items[0].id).expect("another school");
    assert_eq!(app.get(&format!("/api/v1/schools/{}", own.items[0].id), &school).await.status(), 200);
    assert_eq!(app.get(&format!("/api/v1/schools/{}", other.id), &school).await.status(), 404);

    // the consultant sees the caseload: all but one school
    let consultant = app.token(Role::Consultant, UTRECHT).await;
    let caseload: Page<SchoolResponse> =
        app.get("/api/v1/schools", &consultant).await.json().await.expect("schools");
    assert_eq!(caseload.items.len(), 3);

    // another partnership's admin cannot see Utrecht's schools at all
    let liemers_admin = app.token(Role::SwvAdmin, LIEMERS).await;
    let response = app.get(&format!("/api/v1/schools/{}", other.id), &liemers_admin).await;
    assert_eq!(response.status(), 404);
    assert_eq!(problem(response).await.kind, "urn:arrangeer:problem:not-found");

    // a malformed id is a 400 that names the path
    assert_eq!(app.get("/api/v1/schools/not-a-uuid", &admin).await.status(), 400);
}

#[tokio::test]
async fn pages_follow_the_cursor_and_reject_bad_parameters() {
    let app = TestApp::spawn().await;
    let admin = app.token(Role::SwvAdmin, UTRECHT).await;
    let first: Page<SchoolResponse> =
        app.get("/api/v1/schools?limit=3", &admin).await.json().await.expect("page 1");
    assert_eq!(first.items.len(), 3);
    let cursor = first.next_cursor.expect("a next page");
    let second: Page<SchoolResponse> = app
        .get(&format!("/api/v1/schools?limit=3&cursor={cursor}"), &admin)
        .await
        .json()
        .await
        .expect("page 2");
    assert_eq!(second.items.len(), 1);
    assert_eq!(second.next_cursor, None);
    assert!(first.items.iter().all(|a| second.items.iter().all(|b| a.id != b.id)));

    for (query, field) in
        [("limit=0", "limit"), ("limit=201", "limit"), ("cursor=%21%21", "cursor"), ("colour=blue", "colour")]
    {
        let response = app.get(&format!("/api/v1/schools?{query}"), &admin).await;
        assert_eq!(response.status(), 400, "{query}");
        assert_eq!(problem(response).await.errors[0].field, field, "{query}");
    }
}

fn header(response: &reqwest::Response, name: &str) -> String {
    response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned()
}

#[tokio::test]
async fn pages_and_api_answers_carry_the_browser_security_headers() {
    let app = TestApp::spawn().await;
    let token = app.token(Role::School, UTRECHT).await;
    let page = app.client.get(app.url("/")).send().await.expect("request");
    let api = app.get("/api/v1/me", &token).await;
    let problem = app.client.get(app.url("/api/v1/me")).send().await.expect("request");
    for (what, r) in [("/", &page), ("/api/v1/me", &api), ("a 401 problem", &problem)] {
        let csp = header(r, "content-security-policy");
        for directive in
            ["default-src 'self'", "'wasm-unsafe-eval'", "frame-ancestors 'none'", "object-src 'none'"]
        {
            assert!(csp.contains(directive), "{what}: CSP lacks {directive}: {csp}");
        }
        assert!(!csp.contains("'unsafe-eval'"), "{what}: {csp}");
        assert_eq!(header(r, "x-content-type-options"), "nosniff", "{what}");
        assert_eq!(header(r, "referrer-policy"), "no-referrer", "{what}");
        assert_eq!(header(r, "x-frame-options"), "DENY", "{what}");
    }
    assert_eq!(header(&api, "cache-control"), "no-store", "personal data is never cached");
    assert_eq!(header(&problem, "cache-control"), "no-store");
}

/// Every type a client sends (the ones that are not answers) refuses unknown fields, so a typo
/// or an injected field is a 400, never silently ignored. Checked on the source, so a new
/// request type cannot forget it.
#[test]
fn every_request_type_denies_unknown_fields() {
    let dir = arrangeer_tests::in_workspace("shared/src/api");
    let answers = ["Response", "Summary", "Ref", "Event", "Actor", "Page", "Problem", "FieldError"];
    // parts of answers whose names do not say so
    let answer_parts =
        ["GuardianConsent", "OppChange", "BoardPayments", "PaymentAmounts", "AccessLogEntry", "Triage"];
    let mut offenders = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("shared/src/api") {
        let path = entry.expect("entry").path();
        let source = std::fs::read_to_string(&path).expect("source");
        let mut attributes = String::new();
        for line in source.lines().map(str::trim) {
            if line.starts_with("#[") || line.starts_with("///") {
                attributes.push_str(line);
                continue;
            }
            if let Some(rest) = line.strip_prefix("pub struct ") {
                let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                // (a macro template has no name here; its expansions are answers)
                let is_answer = name.is_empty()
                    || answers.iter().any(|a| name.ends_with(a))
                    || answer_parts.contains(&name.as_str());
                if attributes.contains("Deserialize")
                    && !is_answer
                    && !attributes.contains("deny_unknown_fields")
                {
                    offenders.push(format!("{}: {name}", path.display()));
                }
            }
            attributes.clear();
        }
    }
    assert!(offenders.is_empty(), "request types without deny_unknown_fields: {offenders:?}");
}
