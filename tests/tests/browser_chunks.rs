//! Pages loaded on demand, in a real headless Chromium: the login and every role's start page
//! fetch no chunk, a parent's "mijn kind" only its own; a lazily loaded page opens by a deep link
//! in a fresh browser and by a link in the app, fetching its chunk only then and only once; a
//! chunk that cannot be loaded shows the error state with "Opnieuw proberen", which then works.
//! What a page fetched is read from the browser (`performance.getEntriesByType('resource')`).

use arrangeer_shared::Role;
use arrangeer_tests::browser::{Browser, log_in_as};
use arrangeer_tests::{TestApp, UTRECHT, web_dir};

fn web_app_is_built() {
    assert!(
        web_dir().join("index.html").exists(),
        "the web app is not built at {}: run `cargo xtask build-web` (or `cargo xtask test`)",
        web_dir().display()
    );
}

/// The chunk files (`split_<name>.<build>.wasm`) and the modules chunks share
/// (`chunk_<n>.<build>.wasm`) this document has fetched so far, by file name.
async fn fetched_chunks(browser: &Browser) -> Vec<String> {
    let script = "return performance.getEntriesByType('resource')
        .map(e => new URL(e.name).pathname.slice(1))
        .filter(n => /^(split|chunk)_.*\\.wasm$/.test(n));";
    let value = browser.client.execute(script, vec![]).await.expect("read the resource entries");
    serde_json::from_value(value).expect("a list of file names")
}

/// The one chunk (a `split_…` file, not a shared module) among what was fetched; empty when
/// none or several were, or one was fetched twice.
fn only_split(fetched: &[String]) -> &str {
    match fetched.iter().filter(|n| n.starts_with("split_")).collect::<Vec<_>>().as_slice() {
        [one] => one,
        _ => "",
    }
}

#[tokio::test]
async fn login_and_every_start_page_fetch_no_chunk_and_my_child_only_its_own() {
    web_app_is_built();
    let app = TestApp::spawn().await;
    let browser = Browser::start().await;

    browser.client.goto(&app.url("/inloggen")).await.expect("open the login page");
    browser.wait_for_text("h1", "Inloggen").await;
    assert_eq!(fetched_chunks(&browser).await, Vec::<String>::new(), "the login page");

    for role in [Role::School, Role::Consultant, Role::Executor, Role::SwvAdmin, Role::Parent] {
        log_in_as(&browser, &app, role, UTRECHT).await;
        assert_eq!(fetched_chunks(&browser).await, Vec::<String>::new(), "{role:?} logging in");
        // the start page by its address, as after a reload
        browser.client.goto(&app.url("/")).await.expect("open the start page");
        browser.wait_for_text("h1", "Welkom").await;
        assert_eq!(fetched_chunks(&browser).await, Vec::<String>::new(), "{role:?} start page");
    }

    // the parent (still logged in) opens "mijn kind" by its address: its chunk and no other
    browser.client.goto(&app.url("/mijn-kind")).await.expect("open mijn kind");
    browser.wait_for_text("h1", "plan").await;
    let fetched = fetched_chunks(&browser).await;
    assert!(only_split(&fetched).starts_with("split_my_child."), "{fetched:?}");
    browser.close().await;
}

#[tokio::test]
async fn a_lazy_page_opens_by_deep_link_in_a_fresh_browser_and_by_a_link_fetching_its_chunk_then() {
    web_app_is_built();
    let app = TestApp::spawn().await;

    // a fresh browser, straight to an invitation link (no session needed): the page shows
    let browser = Browser::start().await;
    browser.client.goto(&app.url("/uitnodiging?token=unknown")).await.expect("open the invitation link");
    browser.wait_for_text("h1", "Uw account instellen").await;
    let fetched = fetched_chunks(&browser).await;
    assert!(only_split(&fetched).starts_with("split_account."), "{fetched:?}");
    browser.close().await;

    // in the app: the SWV office's start page has not fetched the office chunk; the link to the
    // rules fetches it, and the payments page (same chunk) does not fetch it again
    let browser = Browser::start().await;
    log_in_as(&browser, &app, Role::SwvAdmin, UTRECHT).await;
    assert_eq!(fetched_chunks(&browser).await, Vec::<String>::new(), "the start page");
    browser.click("#nav-policy").await;
    browser.wait_for_text("h1", "Regels van het samenwerkingsverband").await;
    browser.click("#nav-payments").await;
    browser.wait_for_text("h1", "Betalingen per schoolbestuur").await;
    let fetched = fetched_chunks(&browser).await;
    assert!(only_split(&fetched).starts_with("split_office."), "{fetched:?}");

    // a deep link with the session (a reload of the page): the chunk comes with the page
    browser.client.goto(&app.url("/regels")).await.expect("open the rules by their address");
    browser.wait_for_text("h1", "Regels van het samenwerkingsverband").await;
    let fetched = fetched_chunks(&browser).await;
    assert!(only_split(&fetched).starts_with("split_office."), "{fetched:?}");
    browser.close().await;
}

#[tokio::test]
async fn a_chunk_that_cannot_be_loaded_shows_the_error_state_and_loads_on_retry() {
    web_app_is_built();
    // the built app without the office chunk, as when the network drops it
    let web = tempfile::tempdir().expect("a web directory");
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(web_dir()).expect("the built web app").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let to = web.path().join(&name);
        if name.starts_with("split_office.") {
            missing.push((entry.path(), to));
        } else {
            std::fs::copy(entry.path(), to).expect("copy the web app");
        }
    }
    assert_eq!(missing.len(), 1, "one office chunk in {}", web_dir().display());
    let app = TestApp::spawn_with(|s| s.web_dir = web.path().to_path_buf()).await;
    let browser = Browser::start().await;
    log_in_as(&browser, &app, Role::SwvAdmin, UTRECHT).await;
    browser.click("#nav-policy").await;
    let error = browser.wait_for_text(".error-box", "De server is niet bereikbaar").await;
    assert!(error.contains("Opnieuw proberen"), "{error}");
    // the layout is still there, with its navigation
    browser.wait_for_text("#nav-home", "").await;

    // the chunk is back: "Opnieuw proberen" loads the page
    for (from, to) in missing {
        std::fs::copy(from, to).expect("restore the chunk");
    }
    browser.click(".error-box button").await;
    browser.wait_for_text("h1", "Regels van het samenwerkingsverband").await;
    browser.close().await;
}
