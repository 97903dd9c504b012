//! In a real headless Chromium: the English switch is remembered per user on the server (a
//! fresh browser speaks English after logging in), and a document goes up with a progress bar,
//! its errors tied to the field.

use arrangeer_shared::Role;
use arrangeer_shared::api::auth::MeResponse;
use arrangeer_shared::api::preferences::Language;
use arrangeer_tests::browser::{Browser, log_in_as};
use arrangeer_tests::seed::seed_dossiers;
use arrangeer_tests::{TINY_PDF, TestApp, UTRECHT, demo_account, web_dir};
use fantoccini::Locator;

#[tokio::test]
async fn the_english_switch_follows_the_user_to_another_browser() {
    assert!(web_dir().join("index.html").exists(), "build the web app first: `cargo xtask build-web`");
    let app = TestApp::spawn().await;
    let account = demo_account(Role::School, UTRECHT);
    let browser = Browser::start().await;
    log_in_as(&browser, &app, Role::School, UTRECHT).await;
    browser.wait_for_text("#dashboard-school", "Mijn dossiers per status").await;
    browser.click("#switch-language").await;
    browser.wait_for_text("h1", &format!("Welcome, {}", account.name)).await;
    browser.wait_for_text("#dashboard-school", "My dossiers by status").await;
    let lang = browser.client.execute("return document.documentElement.lang", vec![]).await.expect("lang");
    assert_eq!(lang.as_str(), Some("en"), "<html lang> follows");
    browser.client.refresh().await.expect("reload");
    browser.wait_for_text("h1", "Welcome").await;

    // the server remembers it for this user only
    let school = app.token(Role::School, UTRECHT).await;
    for _ in 0..50 {
        let me: MeResponse = app.get_ok("/api/v1/me", &school).await;
        if me.language == Some(Language::En) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let me: MeResponse = app.get_ok("/api/v1/me", &school).await;
    assert_eq!(me.language, Some(Language::En));
    let other: MeResponse = app.get_ok("/api/v1/me", &app.token(Role::Consultant, UTRECHT).await).await;
    assert_eq!(other.language, None);
    browser.close().await;

    // another browser: Dutch before logging in (nothing on this device), English after
    let fresh = Browser::start().await;
    fresh.client.goto(&app.url("/inloggen")).await.expect("open");
    fresh.wait_for_text("h1", "Inloggen").await;
    fresh.fill("#email", &account.email).await;
    fresh.fill("#password", arrangeer_api::services::demo::DEMO_PASSWORD).await;
    fresh.click("#login-submit").await;
    fresh.wait_for_text("h1", "Welcome").await;
    fresh.wait_for_text("#logout", "Log out").await;

    // back to Dutch, also on the server
    fresh.click("#switch-language").await;
    fresh.wait_for_text("h1", "Welkom").await;
    for _ in 0..50 {
        let me: MeResponse = app.get_ok("/api/v1/me", &school).await;
        if me.language == Some(Language::Nl) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let me: MeResponse = app.get_ok("/api/v1/me", &school).await;
    assert_eq!(me.language, Some(Language::Nl));
    fresh.close().await;
}

#[tokio::test]
async fn school_uploads_a_document_with_a_progress_bar_and_sees_it_listed() {
    assert!(web_dir().join("index.html").exists(), "build the web app first: `cargo xtask build-web`");
    let app = TestApp::spawn().await;
    let seeded = seed_dossiers(&app).await;
    let browser = Browser::start().await;
    log_in_as(&browser, &app, Role::School, UTRECHT).await;
    browser.client.goto(&app.url(&format!("/dossiers/{}", seeded.submitted.id))).await.expect("open");
    browser.wait_for_text("#documents-heading", "Documenten").await;
    browser.wait_for_text("#attachments-empty", "nog geen documenten").await;

    // no file chosen: the error is at the field, tied to it, and the field gets the focus
    browser.click("#upload-submit").await;
    browser.wait_for_text("#upload-file-error", "Kies een bestand.").await;
    let field = browser.client.find(Locator::Css("#upload-file")).await.expect("file field");
    assert_eq!(field.attr("aria-invalid").await.expect("attr").as_deref(), Some("true"));
    let described = field.attr("aria-describedby").await.expect("attr").unwrap_or_default();
    assert!(described.contains("upload-file-error"), "{described}");
    let focused = browser.client.execute("return document.activeElement.id", vec![]).await.expect("script");
    assert_eq!(focused.as_str(), Some("upload-file"));

    // a 2 MB PDF as "Overig": the progress bar shows while it goes up
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("verslag-leerkracht.pdf");
    let mut content = TINY_PDF.to_vec();
    content.extend(std::iter::repeat_n(b' ', 2 * 1024 * 1024));
    std::fs::write(&path, &content).expect("write the file");
    browser.choose("#upload-kind", "other").await;
    field.send_keys(&path.display().to_string()).await.expect("choose the file");
    let watch = "window.__progress = []; new MutationObserver(() => { const p = document.getElementById('upload-progress'); \
                 if (p) window.__progress.push(Number(p.value)); }).observe(document.body, \
                 { subtree: true, childList: true, attributes: true });";
    browser.client.execute(watch, vec![]).await.expect("watch the progress bar");
    browser.click("#upload-submit").await;
    browser.wait_for_text("#upload-result", "Toegevoegd: verslag-leerkracht.pdf").await;
    browser.wait_for_text("#attachments-list", "verslag-leerkracht.pdf").await;
    browser.wait_for_text("#attachments-list", "Overig").await;
    let seen = browser.client.execute("return window.__progress", vec![]).await.expect("script");
    let seen: Vec<f64> = serde_json::from_value(seen).expect("numbers");
    assert!(!seen.is_empty(), "the progress bar was shown");

    // the server has it
    let school = app.token(Role::School, UTRECHT).await;
    let list: Vec<serde_json::Value> =
        app.get_ok(&format!("/api/v1/arrangements/{}/attachments", seeded.submitted.id), &school).await;
    assert!(
        list.iter().any(|a| a["fileName"] == "verslag-leerkracht.pdf" && a["kind"] == "other"),
        "{list:?}"
    );
    browser.close().await;
}
