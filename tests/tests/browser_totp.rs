//! Two-factor authentication in the browser: logging in with a code, setting it up on the
//! account page, and the enrollment a required policy leads into at login. Codes are computed
//! here with the same crate the server checks them with.

use arrangeer_api::services::demo::DEMO_PASSWORD;
use arrangeer_shared::Role;
use arrangeer_shared::api::totp::{TotpEnrollmentResponse, TotpStatusResponse};
use arrangeer_tests::browser::Browser;
use arrangeer_tests::{TestApp, UTRECHT, demo_account};
use fantoccini::Locator;
use serde_json::json;
use totp_rs::{Algorithm, Secret, TOTP};

fn code(secret: &str, offset: i64) -> String {
    let bytes = Secret::Encoded(secret.replace(' ', "")).to_bytes().expect("base32 secret");
    let totp = TOTP::new(Algorithm::SHA1, 6, 1, 30, bytes, None, String::new()).expect("totp");
    totp.generate(u64::try_from(chrono::Utc::now().timestamp() + offset * 30).expect("time"))
}

async fn log_in(browser: &Browser, app: &TestApp, email: &str) {
    browser.client.goto(&app.url("/inloggen")).await.expect("open the login page");
    browser.wait_for_text("h1", "Inloggen").await;
    browser.fill("#email", email).await;
    browser.fill("#password", DEMO_PASSWORD).await;
    browser.click("#login-submit").await;
}

async fn secret_on_page(browser: &Browser) -> String {
    browser.wait_for_text("#totp-setup-heading", "Tweestapsverificatie instellen").await;
    let qr = browser.client.find(Locator::Css("#totp-qr")).await.expect("the QR code is shown");
    let src = qr.attr("src").await.expect("src").unwrap_or_default();
    assert!(src.starts_with("data:image/svg+xml;base64,"), "{src}");
    let alt = qr.attr("alt").await.expect("alt").unwrap_or_default();
    assert!(alt.contains("QR-code"), "the QR code has a text alternative: {alt}");
    let text = browser.client.find(Locator::Css("#totp-secret")).await.expect("secret").text().await;
    text.expect("secret text").replace(' ', "")
}

#[tokio::test]
async fn staff_log_in_with_a_code_and_set_it_up_on_the_account_page() {
    let app = TestApp::spawn().await;
    // the school's account has two-factor authentication (set up through the API)
    let school = demo_account(Role::School, UTRECHT);
    let token = app.token(Role::School, UTRECHT).await;
    let e: TotpEnrollmentResponse = app.post_ok("/api/v1/me/totp", &token, &json!({})).await;
    let _: TotpStatusResponse =
        app.post_ok("/api/v1/me/totp/confirm", &token, &json!({ "code": code(&e.secret, 0) })).await;

    let browser = Browser::start().await;
    log_in(&browser, &app, &school.email).await;
    // the password was right: the page asks for the code, the rest stays filled in
    browser.wait_for_text("#totp-needed", "authenticator-app").await;
    browser.fill("#totp-code", "000000").await;
    browser.click("#login-submit").await;
    browser.wait_for_text("#login-error", "klopt niet").await;
    browser.fill("#totp-code", &code(&e.secret, 1)).await;
    browser.click("#login-submit").await;
    browser.wait_for_text("h1", "Welkom").await;
    browser.click("#logout").await;
    browser.wait_for_text("h1", "Inloggen").await;

    // a consultant without it sets it up on "Mijn account"
    let consultant = demo_account(Role::Consultant, UTRECHT);
    log_in(&browser, &app, &consultant.email).await;
    browser.wait_for_text("h1", "Welkom").await;
    browser.click("a.user-name").await;
    browser.wait_for_text("h1", "Mijn account").await;
    browser.wait_for_text("#totp-status", "staat uit").await;
    browser.click("#totp-start").await;
    let secret = secret_on_page(&browser).await;
    browser.fill("#totp-setup-code", &code(&secret, 0)).await;
    browser.click("#totp-confirm").await;
    browser.wait_for_text("#totp-status", "ingesteld").await;
    browser.close().await;

    // the server agrees: the consultant now needs a code
    let answer = app.login(&consultant.email, DEMO_PASSWORD).await;
    assert_eq!(answer.status(), 401);
}

#[tokio::test]
async fn a_required_policy_leads_staff_into_enrollment_at_login() {
    let app = TestApp::spawn_with(|s| s.totp_required = Some(true)).await;
    let executor = demo_account(Role::Executor, UTRECHT);
    let browser = Browser::start().await;
    log_in(&browser, &app, &executor.email).await;
    let secret = secret_on_page(&browser).await;
    browser.fill("#totp-setup-code", "12345").await;
    browser.click("#totp-confirm").await;
    browser.wait_for_text("#totp-setup-error", "klopt niet").await;
    browser.set_value("#totp-setup-code", &code(&secret, 0)).await;
    browser.click("#totp-confirm").await;
    browser.wait_for_text("h1", "Welkom").await;
    browser.close().await;
}
