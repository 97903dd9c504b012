//! The rules in a real headless Chromium: a Liemers school sees the block on more than 3 hours
//! a week next to the hours field while typing, before saving or submitting anything; and the
//! SWV office changes a cap in the policy editor, which saves a new version.

use arrangeer_api::services::demo::DEMO_PASSWORD;
use arrangeer_shared::Role;
use arrangeer_shared::api::arrangements::ArrangementSummary;
use arrangeer_shared::api::auth::MeResponse;
use arrangeer_shared::api::page::Page;
use arrangeer_shared::api::policy::PolicyResponse;
use arrangeer_tests::browser::Browser;
use arrangeer_tests::{LIEMERS, TestApp, demo_account, web_dir};
use fantoccini::Locator;

async fn log_in(browser: &Browser, app: &TestApp, role: Role) {
    let account = demo_account(role, LIEMERS);
    browser.client.goto(&app.url("/")).await.expect("open the app");
    browser.wait_for_text("h1", "Inloggen").await;
    browser.fill("#email", &account.email).await;
    browser.fill("#password", DEMO_PASSWORD).await;
    browser.click("#login-submit").await;
    browser.wait_for_text("h1", "Welkom").await;
}

fn web_app_is_built() {
    assert!(
        web_dir().join("index.html").exists(),
        "the web app is not built at {}: run `cargo xtask build-web` (or `cargo xtask test`)",
        web_dir().display()
    );
}

#[tokio::test]
async fn school_typing_more_than_three_hours_a_week_in_liemers_sees_the_block_at_the_hours_field() {
    web_app_is_built();
    let app = TestApp::spawn().await;
    let browser = Browser::start().await;
    log_in(&browser, &app, Role::School).await;
    browser.click("#nav-dossiers").await;
    browser.click("#new-dossier").await;
    browser.wait_for_text("h1", "Nieuw dossier").await;
    // the rules are loaded (Liemers asks for its preconditions in the form) and nothing is
    // typed yet: no finding at the hours field
    browser.wait_for_text("#preconditions", "ambulant begeleider").await;
    assert!(browser.client.find(Locator::Css("#direct-hours-notes")).await.is_err());

    browser.fill("#direct-hours", "3,5").await;
    let note = browser.wait_for_text("#direct-hours-notes", "Blokkeert").await;
    assert!(note.contains("3,5 uur"), "{note}");
    assert!(note.contains("3 uur"), "names the maximum: {note}");
    // the note is tied to the field for screen readers
    let input = browser.client.find(Locator::Css("#direct-hours")).await.expect("hours field");
    let described = input.attr("aria-describedby").await.expect("attribute").unwrap_or_default();
    assert!(described.split(' ').any(|id| id == "direct-hours-notes"), "{described}");

    // within the rule the block goes away, still without saving
    let field = browser.client.find(Locator::Css("#direct-hours")).await.expect("hours field");
    field.clear().await.expect("clear");
    field.send_keys("2,5").await.expect("typing");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while browser.client.find(Locator::Css("#direct-hours-notes")).await.is_ok() {
        assert!(std::time::Instant::now() < deadline, "the block should go once the hours fit");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let school = app.token(Role::School, LIEMERS).await;
    let list: Page<ArrangementSummary> = app.get_ok("/api/v1/arrangements", &school).await;
    assert!(list.items.is_empty(), "nothing was saved: the findings came from the browser");
    browser.close().await;
}

#[tokio::test]
async fn swv_admin_changes_a_cap_in_the_policy_editor_and_saves_a_new_version() {
    web_app_is_built();
    let app = TestApp::spawn().await;
    let browser = Browser::start().await;
    log_in(&browser, &app, Role::SwvAdmin).await;
    browser.click("#nav-policy").await;
    browser.wait_for_text("h1", "Regels van het samenwerkingsverband").await;
    browser.wait_for_text("#policy-version", "1").await;

    // nonsense is refused at the field
    let field = browser.client.wait().for_element(Locator::Css("#policy-individual-maxMinutesPerWeek")).await;
    let field = field.expect("the weekly maximum of individual arrangements");
    assert_eq!(field.prop("value").await.expect("value").as_deref(), Some("3"));
    field.clear().await.expect("clear");
    field.send_keys("drie").await.expect("typing");
    browser.click("#policy-save").await;
    browser.wait_for_text("#policy-individual-maxMinutesPerWeek-error", "getal").await;

    field.clear().await.expect("clear");
    field.send_keys("2,5").await.expect("typing");
    browser.click("#policy-save").await;
    browser.wait_for_text("#policy-saved", "versie 2").await;
    browser.wait_for_text("#policy-version", "2").await;

    let admin = app.token(Role::SwvAdmin, LIEMERS).await;
    let me: MeResponse = app.get_ok("/api/v1/me", &admin).await;
    let saved: PolicyResponse =
        app.get_ok(&format!("/api/v1/partnerships/{}/policy", me.partnership.id), &admin).await;
    assert_eq!(saved.version, 2);
    let weekly = saved.policy.individual.and_then(|r| r.max_minutes_per_week).map(|l| l.minutes);
    assert_eq!(weekly, Some(150));
    browser.close().await;
}
