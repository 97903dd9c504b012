//! Access and refresh tokens against a real server: forged access tokens of every kind are
//! refused with 401 and a bearer challenge, key rotation keeps the previous key's tokens
//! valid, refresh tokens rotate on use and a reused one ends the whole session, logout and
//! deactivation end sessions.

use arrangeer_api::db::DbError;
use arrangeer_shared::Role;
use arrangeer_shared::api::auth::{LoginResponse, MeResponse};
use arrangeer_shared::api::problem::Problem;
use arrangeer_tests::{TestApp, UTRECHT};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{Value, json};

/// What `TestApp` configures: the HMAC key and its `kid`.
const SECRET: &[u8] = b"test-secret-test-secret-test-secret!";
const KID: &str = "test";
/// A key pair made for this test only (PKCS#1 DER private key, PEM public key).
const RSA_PRIVATE: &[u8] = include_bytes!("../fixtures/rs256-test-only.key.der");
const RSA_PUBLIC: &[u8] = include_bytes!("../fixtures/rs256-test-only.pub.pem");

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// Claims exactly as the server issues them, for `me`.
fn claims(me: &MeResponse) -> Value {
    let now = now();
    json!({
        "sub": me.id, "role": me.role, "partnership": me.partnership.id,
        "iss": "arrangeer", "aud": "arrangeer-api", "iat": now, "nbf": now, "exp": now + 600,
    })
}

fn with(mut claims: Value, key: &str, value: Value) -> Value {
    claims[key] = value;
    claims
}

fn hs256(claims: &Value, kid: Option<&str>, secret: &[u8]) -> String {
    let mut header = Header::new(Algorithm::HS256);
    header.kid = kid.map(str::to_owned);
    jsonwebtoken::encode(&header, claims, &EncodingKey::from_secret(secret)).expect("sign HS256")
}

fn rs256(claims: &Value) -> String {
    let mut header = Header::new(Algorithm::RS256);
    header.kid = Some(KID.to_owned());
    let key = EncodingKey::from_rsa_der(RSA_PRIVATE);
    jsonwebtoken::encode(&header, claims, &key).expect("sign RS256")
}

/// An unsigned token (`alg: none`), which no library should produce and no server accept.
fn unsigned(claims: &Value) -> String {
    let header = json!({ "alg": "none", "typ": "JWT", "kid": KID });
    let part = |v: &Value| URL_SAFE_NO_PAD.encode(serde_json::to_vec(v).expect("json"));
    format!("{}.{}.", part(&header), part(claims))
}

async fn assert_refused(app: &TestApp, case: &str, token: &str) {
    let response = app.get("/api/v1/me", token).await;
    assert_eq!(response.status(), 401, "{case}");
    let challenge =
        response.headers().get("www-authenticate").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    assert!(challenge.starts_with("Bearer"), "{case}: {challenge}");
    let problem: Problem = response.json().await.expect("problem body");
    assert_eq!(problem.kind, "urn:arrangeer:problem:unauthenticated", "{case}");
}

#[tokio::test]
async fn forged_expired_and_misaddressed_tokens_get_401_with_a_bearer_challenge() {
    let app = TestApp::spawn().await;
    let session = app.session(Role::SwvAdmin, UTRECHT).await;
    let me = &session.user;
    let good = claims(me);
    // the helpers themselves make a token the server accepts
    assert_eq!(app.get("/api/v1/me", &hs256(&good, Some(KID), SECRET)).await.status(), 200);

    let hour = 3600;
    let cases: Vec<(&str, String)> = vec![
        ("alg none", unsigned(&good)),
        ("alg none without signature dot", unsigned(&good).trim_end_matches('.').to_owned()),
        ("RS256 signed with a key pair", rs256(&good)),
        ("HS256 with the public key PEM as HMAC secret", hs256(&good, Some(KID), RSA_PUBLIC)),
        ("HS256 with another secret", hs256(&good, Some(KID), b"another-secret-another-secret-xx")),
        (
            "expired",
            hs256(
                &with(with(good.clone(), "exp", json!(now() - hour)), "nbf", json!(now() - 2 * hour)),
                Some(KID),
                SECRET,
            ),
        ),
        ("not yet valid", hs256(&with(good.clone(), "nbf", json!(now() + hour)), Some(KID), SECRET)),
        ("wrong issuer", hs256(&with(good.clone(), "iss", json!("someone-else")), Some(KID), SECRET)),
        ("wrong audience", hs256(&with(good.clone(), "aud", json!("another-api")), Some(KID), SECRET)),
        (
            "no expiry",
            hs256(
                &{
                    let mut c = good.clone();
                    c.as_object_mut().map(|o| o.remove("exp"));
                    c
                },
                Some(KID),
                SECRET,
            ),
        ),
        ("unknown kid", hs256(&good, Some("k-unknown"), SECRET)),
        ("no kid", hs256(&good, None, SECRET)),
        ("refresh token as bearer", session.refresh_token.clone()),
    ];
    for (case, token) in &cases {
        assert_refused(&app, case, token).await;
    }
}

#[tokio::test]
async fn after_key_rotation_tokens_of_the_previous_key_still_work() {
    let app = TestApp::spawn_with(|s| {
        s.jwt_secret = Some("the-new-key-the-new-key-the-new-key!".into());
        s.jwt_key_id = "k2".into();
        s.jwt_previous_secret = Some(String::from_utf8_lossy(SECRET).into_owned());
        s.jwt_previous_key_id = Some(KID.into());
    })
    .await;
    let session = app.session(Role::School, UTRECHT).await;
    let header = jsonwebtoken::decode_header(&session.access_token).expect("header");
    assert_eq!(header.kid.as_deref(), Some("k2"), "new tokens are signed with the current key");
    assert_eq!(app.get("/api/v1/me", &session.access_token).await.status(), 200);

    let me = &session.user;
    let old = hs256(&claims(me), Some(KID), SECRET);
    let me_again: MeResponse = app.get_ok("/api/v1/me", &old).await;
    assert_eq!(me_again.id, me.id, "a token of the previous key is accepted until it expires");
    // the previous key under the current kid, and the current key under the previous kid
    assert_refused(&app, "previous key, current kid", &hs256(&claims(me), Some("k2"), SECRET)).await;
    let current = b"the-new-key-the-new-key-the-new-key!";
    assert_refused(&app, "current key, previous kid", &hs256(&claims(me), Some(KID), current)).await;
}

async fn refresh(app: &TestApp, token: &str) -> reqwest::Response {
    app.post_anonymous("/api/v1/auth/refresh", &json!({ "refreshToken": token })).await
}

#[tokio::test]
async fn refresh_rotates_the_pair_and_a_reused_token_ends_the_session() {
    let app = TestApp::spawn().await;
    let first = app.session(Role::Consultant, UTRECHT).await;
    assert_eq!(first.expires_in, 900, "access tokens live 15 minutes");
    assert_eq!(first.refresh_expires_in, 30 * 24 * 3600);

    let response = refresh(&app, &first.refresh_token).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers().get("cache-control").and_then(|v| v.to_str().ok()), Some("no-store"));
    let second: LoginResponse = response.json().await.expect("pair");
    assert_ne!(second.refresh_token, first.refresh_token, "every use hands out a new refresh token");
    assert_eq!(second.user, first.user);
    assert_eq!(app.get("/api/v1/me", &second.access_token).await.status(), 200);

    // the old token again: someone holds a copy, so the whole session ends
    let reused = refresh(&app, &first.refresh_token).await;
    assert_eq!(reused.status(), 401);
    assert!(reused.headers().contains_key("www-authenticate"));
    let problem: Problem = reused.json().await.expect("problem");
    assert_eq!(problem.kind, "urn:arrangeer:problem:invalid-refresh-token");
    assert_eq!(refresh(&app, &second.refresh_token).await.status(), 401, "the newer token is revoked too");

    // another login of the same account is a separate session and is untouched
    let other = app.session(Role::Consultant, UTRECHT).await;
    assert_eq!(refresh(&app, &other.refresh_token).await.status(), 200);

    for bad in [json!({ "refreshToken": "made-up" }), json!({ "refreshToken": "" })] {
        assert_eq!(app.post_anonymous("/api/v1/auth/refresh", &bad).await.status(), 401, "{bad}");
    }
    let unknown_field = json!({ "refreshToken": "x", "extra": 1 });
    assert_eq!(app.post_anonymous("/api/v1/auth/refresh", &unknown_field).await.status(), 400);
}

#[tokio::test]
async fn two_refreshes_racing_with_one_token_leave_at_most_one_winner() {
    let app = TestApp::spawn().await;
    let session = app.session(Role::School, UTRECHT).await;
    let (a, b) = tokio::join!(refresh(&app, &session.refresh_token), refresh(&app, &session.refresh_token));
    let mut statuses = [a.status().as_u16(), b.status().as_u16()];
    statuses.sort();
    assert_eq!(statuses, [200, 401]);
}

#[tokio::test]
async fn logout_ends_the_refresh_token() {
    let app = TestApp::spawn().await;
    let session = app.session(Role::Parent, UTRECHT).await;
    let rotated: LoginResponse = refresh(&app, &session.refresh_token).await.json().await.expect("pair");
    let logout =
        app.post_anonymous("/api/v1/auth/logout", &json!({ "refreshToken": rotated.refresh_token })).await;
    assert_eq!(logout.status(), 204);
    assert_eq!(refresh(&app, &rotated.refresh_token).await.status(), 401);
    // logging out twice, or with a token nobody knows, reveals nothing
    let again = app.post_anonymous("/api/v1/auth/logout", &json!({ "refreshToken": "made-up" })).await;
    assert_eq!(again.status(), 204);
}

#[tokio::test]
async fn deactivating_an_account_ends_its_sessions() {
    let app = TestApp::spawn().await;
    let session = app.session(Role::Executor, UTRECHT).await;
    let id = session.user.id.to_string();
    app.db
        .run(move |conn| -> Result<(), DbError> {
            use diesel::RunQueryDsl;
            diesel::sql_query(format!("UPDATE users SET active = false WHERE id = '{id}'")).execute(conn)?;
            Ok(())
        })
        .await
        .expect("deactivate");
    assert_eq!(refresh(&app, &session.refresh_token).await.status(), 401);
    assert_eq!(app.get("/api/v1/me", &session.access_token).await.status(), 401);
    let account = arrangeer_tests::demo_account(Role::Executor, UTRECHT);
    let login = app.login(&account.email, arrangeer_api::services::demo::DEMO_PASSWORD).await;
    assert_eq!(login.status(), 401);
}
