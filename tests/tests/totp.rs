//! Two-factor authentication (TOTP) of staff: enrollment, login with a code, wrong and replayed
//! codes, the policy that requires it, the SWV office's reset, and parents (who have none).

use arrangeer_api::services::demo::DEMO_PASSWORD;
use arrangeer_shared::Role;
use arrangeer_shared::api::auth::LoginResponse;
use arrangeer_shared::api::problem::Problem;
use arrangeer_shared::api::totp::{TotpEnrollmentResponse, TotpStatusResponse};
use arrangeer_tests::{TestApp, UTRECHT, demo_account};
use serde_json::json;
use totp_rs::{Algorithm, Secret, TOTP};

/// The code an authenticator app shows `offset` steps from now.
fn code(secret: &str, offset: i64) -> String {
    let bytes = Secret::Encoded(secret.to_owned()).to_bytes().expect("base32 secret");
    let totp = TOTP::new(Algorithm::SHA1, 6, 1, 30, bytes, None, String::new()).expect("totp");
    let now = chrono::Utc::now().timestamp() + offset * 30;
    totp.generate(u64::try_from(now).expect("time"))
}

async fn login(app: &TestApp, email: &str, totp_code: Option<&str>) -> reqwest::Response {
    let mut body = json!({ "email": email, "password": DEMO_PASSWORD });
    if let Some(c) = totp_code {
        body["totpCode"] = json!(c);
    }
    app.post_anonymous("/api/v1/auth/login", &body).await
}

async fn problem(response: reqwest::Response, status: u16) -> Problem {
    assert_eq!(response.status(), status);
    response.json().await.expect("problem body")
}

/// Enrolls `role`'s demo account with a session token; returns the secret (confirmed with the
/// current code, so the next usable code is the one of the next step).
async fn enroll(app: &TestApp, token: &str) -> String {
    let enrollment: TotpEnrollmentResponse = app.post_ok("/api/v1/me/totp", token, &json!({})).await;
    assert_eq!((enrollment.digits, enrollment.period_seconds), (6, 30));
    assert!(enrollment.otpauth_uri.starts_with("otpauth://totp/"), "{}", enrollment.otpauth_uri);
    assert!(enrollment.qr_svg.starts_with("<svg"));
    let status: TotpStatusResponse =
        app.post_ok("/api/v1/me/totp/confirm", token, &json!({ "code": code(&enrollment.secret, 0) })).await;
    assert!(status.enabled);
    assert!(status.session.is_none(), "a session token gets no second session");
    enrollment.secret
}

#[tokio::test]
async fn enrolled_staff_log_in_with_a_code_and_wrong_or_replayed_codes_are_401() {
    let app = TestApp::spawn().await;
    let account = demo_account(Role::Consultant, UTRECHT);
    let token = app.token(Role::Consultant, UTRECHT).await;
    let secret = enroll(&app, &token).await;

    // the secret is never shown again
    let status: TotpStatusResponse = app.get_ok("/api/v1/me/totp", &token).await;
    assert!(status.enabled && !status.required);
    let again = app.post("/api/v1/me/totp", &token, &json!({})).await;
    assert_eq!(again.status(), 409, "a second enrollment would hand out a new secret");

    // the password alone is no longer enough
    let p = problem(login(&app, &account.email, None).await, 401).await;
    assert_eq!(p.kind, "urn:arrangeer:problem:totp-required");
    assert_eq!(p.errors[0].field, "totpCode");

    // a wrong code
    let current = code(&secret, 1);
    let wrong = if current == "000000" { "111111" } else { "000000" };
    let p = problem(login(&app, &account.email, Some(wrong)).await, 401).await;
    assert_eq!(p.kind, "urn:arrangeer:problem:totp-invalid");

    // the right code (the next step: the current one was spent on the confirmation)
    let ok = login(&app, &account.email, Some(&current)).await;
    assert_eq!(ok.status(), 200);
    let session: LoginResponse = ok.json().await.expect("session");
    let me = app.get("/api/v1/me", &session.access_token).await;
    assert_eq!(me.status(), 200);

    // the same code a second time: replay
    let p = problem(login(&app, &account.email, Some(&current)).await, 401).await;
    assert_eq!(p.kind, "urn:arrangeer:problem:totp-invalid");
    // and the code the confirmation used is older still
    let p = problem(login(&app, &account.email, Some(&code(&secret, 0))).await, 401).await;
    assert_eq!(p.kind, "urn:arrangeer:problem:totp-invalid");
}

#[tokio::test]
async fn wrong_codes_spend_the_accounts_login_budget() {
    let app = TestApp::spawn_with(|s| s.login_account_failures = 2).await;
    let account = demo_account(Role::School, UTRECHT);
    let token = app.token(Role::School, UTRECHT).await;
    let secret = enroll(&app, &token).await;
    let right = code(&secret, 1);
    let wrong = if right == "000000" { "111111" } else { "000000" };
    for _ in 0..2 {
        assert_eq!(login(&app, &account.email, Some(wrong)).await.status(), 401);
    }
    let locked = login(&app, &account.email, Some(wrong)).await;
    assert_eq!(locked.status(), 429);
    assert!(locked.headers().contains_key("retry-after"));
    // even the right code waits now
    assert_eq!(login(&app, &account.email, Some(&right)).await.status(), 429);
}

#[tokio::test]
async fn required_two_factor_gives_no_data_before_enrollment_and_parents_are_unaffected() {
    let app = TestApp::spawn_with(|s| s.totp_required = Some(true)).await;
    let account = demo_account(Role::School, UTRECHT);

    // the right password gives no session, only an enrollment token
    let p = problem(login(&app, &account.email, None).await, 403).await;
    assert_eq!(p.kind, "urn:arrangeer:problem:totp-enrollment-required");
    let enrollment_token = p.enrollment_token.expect("an enrollment token");

    // which reaches no data
    for path in ["/api/v1/me", "/api/v1/arrangements", "/api/v1/pupils", "/api/v1/schools"] {
        let response = app.get(path, &enrollment_token).await;
        assert_eq!(response.status(), 401, "{path} with an enrollment token");
    }
    let status = app.get("/api/v1/me/totp", &enrollment_token).await;
    assert_eq!(status.status(), 401, "even the status needs a session");

    // enrolling with it, then confirming, starts the session
    let enrollment: TotpEnrollmentResponse =
        app.post_ok("/api/v1/me/totp", &enrollment_token, &json!({})).await;
    let wrong = app.post("/api/v1/me/totp/confirm", &enrollment_token, &json!({ "code": "12345" })).await;
    assert_eq!(wrong.status(), 422);
    let confirmed: TotpStatusResponse = app
        .post_ok(
            "/api/v1/me/totp/confirm",
            &enrollment_token,
            &json!({ "code": code(&enrollment.secret, 0) }),
        )
        .await;
    assert!(confirmed.enabled && confirmed.required);
    let session = confirmed.session.expect("the session the login could not give");
    assert_eq!(app.get("/api/v1/arrangements", &session.access_token).await.status(), 200);

    // from now on: password and code
    assert_eq!(login(&app, &account.email, None).await.status(), 401);
    assert_eq!(login(&app, &account.email, Some(&code(&enrollment.secret, 1))).await.status(), 200);

    // parents have no second factor, required or not
    let parent = demo_account(Role::Parent, UTRECHT);
    assert_eq!(login(&app, &parent.email, None).await.status(), 200);
    let parent_token = app.token(Role::Parent, UTRECHT).await;
    assert_eq!(app.post("/api/v1/me/totp", &parent_token, &json!({})).await.status(), 403);
}

#[tokio::test]
async fn the_swv_office_resets_a_users_two_factor_and_their_sessions_end() {
    let app = TestApp::spawn_with(|s| s.totp_required = Some(true)).await;
    let admin_login = demo_account(Role::SwvAdmin, UTRECHT);
    let p = problem(login(&app, &admin_login.email, None).await, 403).await;
    let admin_token = p.enrollment_token.expect("token");
    let e: TotpEnrollmentResponse = app.post_ok("/api/v1/me/totp", &admin_token, &json!({})).await;
    let confirmed: TotpStatusResponse =
        app.post_ok("/api/v1/me/totp/confirm", &admin_token, &json!({ "code": code(&e.secret, 0) })).await;
    let admin = confirmed.session.expect("admin session").access_token;

    // a consultant enrolls and has a session
    let consultant = demo_account(Role::Consultant, UTRECHT);
    let p = problem(login(&app, &consultant.email, None).await, 403).await;
    let token = p.enrollment_token.expect("token");
    let e: TotpEnrollmentResponse = app.post_ok("/api/v1/me/totp", &token, &json!({})).await;
    let confirmed: TotpStatusResponse =
        app.post_ok("/api/v1/me/totp/confirm", &token, &json!({ "code": code(&e.secret, 0) })).await;
    let session = confirmed.session.expect("session");
    let me: arrangeer_shared::api::auth::MeResponse = app.get_ok("/api/v1/me", &session.access_token).await;

    // another partnership's office cannot reset, this one can
    let path = format!("/api/v1/users/{}/totp", me.id);
    let reset =
        app.client.delete(app.url(&path)).bearer_auth(&session.access_token).send().await.expect("delete");
    assert_eq!(reset.status(), 403, "a consultant may not reset");
    let reset = app.client.delete(app.url(&path)).bearer_auth(&admin).send().await.expect("delete");
    assert_eq!(reset.status(), 204);
    let again = app.client.delete(app.url(&path)).bearer_auth(&admin).send().await.expect("delete");
    assert_eq!(again.status(), 404, "nothing left to reset");
    // the reset (one, not the refused ones) is in the audit log: who, whose, from where
    let events = app.audit_events(&admin, "user").await;
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].action, arrangeer_shared::api::audit::AuditAction::ResetTwoFactor);
    assert_eq!(events[0].object_id, me.id.to_string());
    assert_eq!(events[0].actor_role, Role::SwvAdmin);
    assert!(events[0].client_address.is_some());

    // the refresh token no longer continues the session; the next login enrolls again
    let refreshed =
        app.post_anonymous("/api/v1/auth/refresh", &json!({ "refreshToken": session.refresh_token })).await;
    assert_eq!(refreshed.status(), 401);
    let p = problem(login(&app, &consultant.email, None).await, 403).await;
    assert_eq!(p.kind, "urn:arrangeer:problem:totp-enrollment-required");
}
