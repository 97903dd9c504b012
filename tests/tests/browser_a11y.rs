//! axe-core (WCAG 2.1 A/AA and best practices) on every main page, in Dutch, with the seeded
//! Utrecht dossiers: 0 violations. Add a page by adding a line to `pages()`.
//! The parent's pages are also checked at a phone's width (360 CSS px): nothing scrolls sideways.

use arrangeer_shared::Role;
use arrangeer_tests::axe::{assert_no_axe_violations, axe_violations, describe};
use arrangeer_tests::browser::{Browser, log_in_as};
use arrangeer_tests::seed::{Seeded, seed_dossiers};
use arrangeer_tests::{TestApp, UTRECHT, web_dir};

/// One page to check: who looks (`None`: logged out), where, and the text that shows it has
/// loaded its data.
struct Page {
    name: &'static str,
    role: Option<Role>,
    path: String,
    ready: (&'static str, &'static str),
}

fn pages(s: &Seeded) -> Vec<Page> {
    let page = |name, role, path: String, ready| Page { name, role, path, ready };
    vec![
        page("login", None, "/inloggen".into(), ("h1", "Inloggen")),
        page(
            "start page school",
            Some(Role::School),
            "/".into(),
            ("#status-group-draft", "Leesbegeleiding Daan"),
        ),
        page(
            "dossier page",
            Some(Role::School),
            format!("/dossiers/{}", s.definitive.id),
            ("#timeline-due", "Besluit"),
        ),
        page("dossier list", Some(Role::School), "/dossiers".into(), ("#dossier-list", "Taal Liam")),
        page(
            "start page consultant",
            Some(Role::Consultant),
            "/".into(),
            ("#review-queue-list", "Rekenen Sara"),
        ),
        page(
            "start page executor",
            Some(Role::Executor),
            "/".into(),
            ("#quotes-to-write-list", "Leesbegeleiding Daan"),
        ),
        page("start page SWV office", Some(Role::SwvAdmin), "/".into(), ("#decisions-list", "Taal Liam")),
        page("start page parent", Some(Role::Parent), "/".into(), ("#asked-of-me-list", "Daan Jansen")),
        page("parent's OPP page", Some(Role::Parent), "/mijn-kind".into(), ("#action-part", "Leesgroep")),
        page(
            "OPP editor",
            Some(Role::School),
            format!("/leerlingen/{}/opp", s.daan),
            ("#opp-versions", "Versie 1"),
        ),
        page(
            "OPP read-only view",
            Some(Role::Consultant),
            format!("/leerlingen/{}/opp", s.daan),
            ("#opp-versions", "Versie 1"),
        ),
        page("statistics", Some(Role::SwvAdmin), "/statistieken".into(), ("h1", "Statistieken")),
        page(
            "account and two-factor",
            Some(Role::School),
            "/mijn-account".into(),
            ("#totp-status", "staat uit"),
        ),
    ]
}

async fn no_sideways_scrolling(browser: &Browser, name: &str) {
    let script = "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];";
    let sizes = browser.client.execute(script, vec![]).await.expect("script");
    let (scroll, client) = (sizes[0].as_i64().unwrap_or(0), sizes[1].as_i64().unwrap_or(0));
    assert!(scroll <= client, "{name} scrolls sideways at a phone's width: {scroll} > {client}");
}

#[tokio::test]
async fn every_main_page_has_no_axe_violations() {
    assert!(web_dir().join("index.html").exists(), "build the web app first: `cargo xtask build-web`");
    let app = TestApp::spawn().await;
    let seeded = seed_dossiers(&app).await;
    let browser = Browser::start().await;
    let mut logged_in: Option<Role> = None;
    for page in pages(&seeded) {
        if page.role != logged_in {
            match page.role {
                Some(role) => log_in_as(&browser, &app, role, UTRECHT).await,
                None => {
                    browser.client.goto(&app.url("/health")).await.expect("open");
                    browser.client.execute("sessionStorage.clear();", vec![]).await.expect("log out");
                }
            }
            logged_in = page.role;
        }
        browser.client.goto(&app.url(&page.path)).await.expect("open the page");
        browser.wait_for_text(page.ready.0, page.ready.1).await;
        // wait until every panel of the page has loaded (no "Bezig met laden…" left)
        for _ in 0..100 {
            let loading =
                browser.client.execute("return document.querySelectorAll('.loading').length", vec![]);
            if loading.await.expect("script").as_i64() == Some(0) {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert_no_axe_violations(&browser.client, page.name).await;
    }

    // the check can fail: an image without a text alternative is reported
    let script = "const i = document.createElement('img'); i.id = 'axe-probe'; i.src = '/style.css'; \
                  document.querySelector('main').appendChild(i);";
    browser.client.execute(script, vec![]).await.expect("add an image without alt");
    let found = axe_violations(&browser.client).await;
    assert!(found.iter().any(|v| v.id == "image-alt"), "{}", describe("probe", &found));
    browser.client.execute("document.getElementById('axe-probe').remove();", vec![]).await.expect("remove");

    // the parent at a phone's width
    browser.client.set_window_size(360, 800).await.expect("phone width");
    for path in ["/", "/mijn-kind"] {
        browser.client.goto(&app.url(path)).await.expect("open");
        browser.wait_for_text("main", "Daan Jansen").await;
        let name = format!("parent at 360px: {path}");
        assert_no_axe_violations(&browser.client, &name).await;
        no_sideways_scrolling(&browser, &name).await;
    }
    // and with "who viewed the file" opened (a table of four columns on a phone)
    browser.click(".access-log button").await;
    for _ in 0..100 {
        let open =
            browser.client.execute("return document.querySelector('.access-log button') === null", vec![]);
        if open.await.expect("script").as_bool() == Some(true) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let shown = browser.wait_for_text(".access-log", "Wie").await;
    assert!(!shown.contains("Toon wie"), "the log did not open: {shown}");
    assert_no_axe_violations(&browser.client, "parent at 360px: who viewed the file").await;
    no_sideways_scrolling(&browser, "parent at 360px: who viewed the file").await;
    browser.close().await;
}
