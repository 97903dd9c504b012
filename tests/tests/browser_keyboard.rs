//! Keyboard only (WebDriver key actions: Tab, Shift+Tab, Enter, Space; no clicks): the
//! consultant logs in, opens the submitted dossier from the start page and approves it.

use arrangeer_shared::Role;
use arrangeer_shared::api::arrangements::ArrangementResponse;
use arrangeer_shared::workflow::Status;
use arrangeer_tests::browser::Browser;
use arrangeer_tests::seed::seed_dossiers;
use arrangeer_tests::{TestApp, UTRECHT, demo_account, web_dir};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;

/// Presses and releases each key in turn (characters are typed the same way).
async fn keys(browser: &Browser, pressed: &[char]) {
    let mut actions = KeyActions::new("keyboard".into());
    for key in pressed {
        actions = actions.then(KeyAction::Down { value: *key }).then(KeyAction::Up { value: *key });
    }
    browser.client.perform_actions(actions).await.expect("key actions");
}

async fn type_text(browser: &Browser, text: &str) {
    keys(browser, &text.chars().collect::<Vec<_>>()).await;
}

async fn shift_tab(browser: &Browser) {
    let (shift, tab) = (char::from(Key::Shift), char::from(Key::Tab));
    let actions = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: shift })
        .then(KeyAction::Down { value: tab })
        .then(KeyAction::Up { value: tab })
        .then(KeyAction::Up { value: shift });
    browser.client.perform_actions(actions).await.expect("shift+tab");
}

/// What has the focus: its id, or else its `href`.
async fn focused(browser: &Browser) -> String {
    let script = "const e = document.activeElement; return e ? (e.id || e.getAttribute('href') || '') : '';";
    let value = browser.client.execute(script, vec![]).await.expect("script");
    value.as_str().unwrap_or_default().to_owned()
}

/// Presses Tab until `wanted` holds for the focused element; fails after 60 presses.
async fn tab_to(browser: &Browser, what: &str, wanted: impl Fn(&str) -> bool) {
    for _ in 0..60 {
        if wanted(&focused(browser).await) {
            return;
        }
        keys(browser, &[char::from(Key::Tab)]).await;
    }
    panic!("Tab never reached {what}; focus is on {:?}", focused(browser).await);
}

#[tokio::test]
async fn consultant_logs_in_and_approves_a_dossier_with_the_keyboard_only() {
    assert!(web_dir().join("index.html").exists(), "build the web app first: `cargo xtask build-web`");
    let app = TestApp::spawn().await;
    let seeded = seed_dossiers(&app).await;
    let browser = Browser::start().await;
    let account = demo_account(Role::Consultant, UTRECHT);

    browser.client.goto(&app.url("/inloggen")).await.expect("open the app");
    browser.wait_for_text("h1", "Inloggen").await;
    // the page's heading has the focus; backwards, the skip link is the first stop of the page
    assert_eq!(focused(&browser).await, "main-heading", "the heading has the focus on arrival");
    for _ in 0..10 {
        if focused(&browser).await == "#main" {
            break;
        }
        shift_tab(&browser).await;
    }
    assert_eq!(focused(&browser).await, "#main", "Shift+Tab reaches the skip link");
    tab_to(&browser, "the e-mail field", |f| f == "email").await;
    type_text(&browser, &account.email).await;
    keys(&browser, &[char::from(Key::Tab)]).await;
    assert_eq!(focused(&browser).await, "password");
    shift_tab(&browser).await;
    assert_eq!(focused(&browser).await, "email", "Shift+Tab goes back");
    keys(&browser, &[char::from(Key::Tab)]).await;
    type_text(&browser, arrangeer_api::services::demo::DEMO_PASSWORD).await;
    keys(&browser, &[char::from(Key::Enter)]).await;
    browser.wait_for_text("h1", "Welkom").await;

    // from the review queue to the dossier
    browser.wait_for_text("#review-queue-list", "Rekenen Sara").await;
    let link = format!("/dossiers/{}", seeded.submitted.id);
    tab_to(&browser, "the dossier in the review queue", |f| f == link).await;
    keys(&browser, &[char::from(Key::Enter)]).await;
    browser.wait_for_text("h1", "Rekenen Sara").await;
    assert_eq!(focused(&browser).await, "main-heading", "after navigation the heading has the focus");

    // a comment, then "Akkoord geven" with the space bar
    tab_to(&browser, "the comment field", |f| f == "action-comment").await;
    type_text(&browser, "Compleet, ga door.").await;
    tab_to(&browser, "the approve button", |f| f == "action-approve").await;
    keys(&browser, &[' ']).await;
    browser.wait_for_text("#action-result", "De status is nu: Akkoord consulent").await;
    assert_eq!(focused(&browser).await, "action-result", "the result gets the focus");
    browser.wait_for_text("#history", "Compleet, ga door.").await;

    let consultant = app.token(Role::Consultant, UTRECHT).await;
    let after: ArrangementResponse =
        app.get_ok(&format!("/api/v1/arrangements/{}", seeded.submitted.id), &consultant).await;
    assert_eq!(after.status, Status::Approved);
    browser.close().await;
}
