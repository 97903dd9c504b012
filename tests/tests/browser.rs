//! The web app in a real headless Chromium: log in through the page, see the start page,
//! log out.

use arrangeer_api::services::demo::DEMO_PASSWORD;
use arrangeer_shared::Role;
use arrangeer_tests::browser::Browser;
use arrangeer_tests::{TestApp, UTRECHT, demo_account, web_dir};

#[tokio::test]
async fn school_user_logs_in_sees_the_start_page_and_logs_out() {
    assert!(
        web_dir().join("index.html").exists(),
        "the web app is not built at {}: run `cargo xtask build-web` (or `cargo xtask test`)",
        web_dir().display()
    );
    let app = TestApp::spawn().await;
    let browser = Browser::start().await;
    let account = demo_account(Role::School, UTRECHT);

    browser.client.goto(&app.url("/")).await.expect("open the app");
    // not logged in: the app sends us to the Dutch login page
    browser.wait_for_text("h1", "Inloggen").await;
    assert!(browser.client.current_url().await.expect("url").path().ends_with("/inloggen"));

    // a wrong password is explained, nothing typed is lost
    browser.fill("#email", &account.email).await;
    browser.fill("#password", "wrong-password").await;
    browser.click("#login-submit").await;
    browser.wait_for_text("#login-error", "klopt niet").await;

    let password = browser.client.find(fantoccini::Locator::Css("#password")).await.expect("field");
    password.clear().await.expect("clear");
    password.send_keys(DEMO_PASSWORD).await.expect("type");
    browser.click("#login-submit").await;

    let greeting = browser.wait_for_text("h1", "Welkom").await;
    assert_eq!(greeting, format!("Welkom, {}", account.name));
    browser.wait_for_text("#role-line", "schoolmedewerker").await;
    browser.wait_for_text("main", "Basisschool De Regenboog").await;

    // a reload keeps the session (deep link to the start page)
    browser.client.refresh().await.expect("reload");
    browser.wait_for_text("h1", "Welkom").await;

    browser.click("#logout").await;
    browser.wait_for_text("h1", "Inloggen").await;
    browser.client.goto(&app.url("/")).await.expect("open again");
    browser.wait_for_text("h1", "Inloggen").await;
    browser.close().await;
}
