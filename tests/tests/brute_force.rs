//! Login rate limits: guessing one account's password, and many attempts from one address,
//! end in 429 problem+json with `Retry-After`; normal use never does.

use arrangeer_api::services::demo::DEMO_PASSWORD;
use arrangeer_shared::Role;
use arrangeer_shared::api::problem::Problem;
use arrangeer_tests::{LIEMERS, TestApp, UTRECHT, demo_account};
use serde_json::json;

fn retry_after(response: &reqwest::Response) -> u64 {
    response
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("a 429 carries Retry-After in seconds: {:?}", response.headers()))
}

#[tokio::test]
async fn repeated_wrong_passwords_get_429_with_retry_after() {
    let app = TestApp::spawn().await;
    let victim = demo_account(Role::SwvAdmin, UTRECHT).email;
    for attempt in 1..=5 {
        // the address is normalised: case and spaces do not buy extra guesses
        let spelled = if attempt % 2 == 0 { victim.to_uppercase() } else { format!(" {victim} ") };
        assert_eq!(app.login(&spelled, "guess").await.status(), 401, "failure {attempt} is an ordinary 401");
    }
    let limited = app.login(&victim, "guess").await;
    assert_eq!(limited.status(), 429);
    let wait = retry_after(&limited);
    assert!((1..=15 * 60).contains(&wait), "Retry-After {wait}");
    assert_eq!(
        limited.headers().get("content-type").and_then(|v| v.to_str().ok()),
        Some("application/problem+json")
    );
    let problem: Problem = limited.json().await.expect("problem");
    assert_eq!((problem.status, problem.kind.as_str()), (429, "urn:arrangeer:problem:too-many-attempts"));
    assert_eq!(problem.errors[0].field, "email");

    // while locked, even the right password is refused, so guesses learn nothing
    assert_eq!(app.login(&victim, DEMO_PASSWORD).await.status(), 429);
    // other accounts are not affected
    let other = demo_account(Role::SwvAdmin, LIEMERS).email;
    assert_eq!(app.login(&other, DEMO_PASSWORD).await.status(), 200);
    // unknown accounts are limited the same way, so the limit does not reveal which exist
    for _ in 1..=5 {
        assert_eq!(app.login("nobody@nowhere.example", "guess").await.status(), 401);
    }
    assert_eq!(app.login("nobody@nowhere.example", "guess").await.status(), 429);
}

#[tokio::test]
async fn successful_logins_do_not_count_against_the_account() {
    let app = TestApp::spawn().await;
    let account = demo_account(Role::School, UTRECHT).email;
    for _ in 0..8 {
        assert_eq!(app.login(&account, DEMO_PASSWORD).await.status(), 200);
    }
    for _ in 0..4 {
        assert_eq!(app.login(&account, "typo").await.status(), 401);
    }
    assert_eq!(app.login(&account, DEMO_PASSWORD).await.status(), 200, "four typos then the right one");
}

#[tokio::test]
async fn many_attempts_from_one_address_get_429() {
    let app = TestApp::spawn_with(|s| s.login_address_attempts = 3).await;
    let emails: Vec<String> = Role::ALL.iter().map(|r| demo_account(*r, UTRECHT).email).collect();
    for email in &emails[..3] {
        assert_eq!(
            app.login(email, DEMO_PASSWORD).await.status(),
            200,
            "every attempt counts, good ones too"
        );
    }
    let limited = app.login(&emails[3], DEMO_PASSWORD).await;
    assert_eq!(limited.status(), 429);
    assert!((1..=60).contains(&retry_after(&limited)));
    let problem: Problem = limited.json().await.expect("problem");
    assert!(problem.errors.is_empty(), "an address limit is about no field");

    // X-Forwarded-For is not trusted by default: a forged header buys no new budget
    let forged = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .header("x-forwarded-for", "198.51.100.23")
        .json(&json!({ "email": emails[4], "password": DEMO_PASSWORD }))
        .send()
        .await
        .expect("request");
    assert_eq!(forged.status(), 429);
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_forwarded_address_is_limited() {
    let app = TestApp::spawn_with(|s| {
        s.login_address_attempts = 1;
        s.trust_forwarded_for = true;
    })
    .await;
    let email = demo_account(Role::Parent, UTRECHT).email;
    let from = |ip: &'static str| {
        app.client
            .post(app.url("/api/v1/auth/login"))
            .header("x-forwarded-for", ip)
            .json(&json!({ "email": email, "password": DEMO_PASSWORD }))
            .send()
    };
    assert_eq!(from("198.51.100.1").await.expect("request").status(), 200);
    assert_eq!(from("198.51.100.2").await.expect("request").status(), 200, "another client behind the proxy");
    assert_eq!(from("198.51.100.1").await.expect("request").status(), 429);
}
