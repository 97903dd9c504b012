//! What the one binary serves besides the API: health, the OpenAPI document and its viewer,
//! the web app with deep links, and problem+json for unknown API paths.

use arrangeer_tests::TestApp;

#[tokio::test]
async fn health_reports_the_database() {
    let app = TestApp::spawn().await;
    let response = app.client.get(app.url("/health")).send().await.expect("request");
    assert_eq!(response.status(), 200);
    let body: serde_json::Value = response.json().await.expect("json");
    assert_eq!(body["status"], "ok");
    assert_eq!(body["database"], app.backend);
}

#[tokio::test]
async fn the_served_openapi_document_is_the_committed_one() {
    let app = TestApp::spawn().await;
    let response = app.client.get(app.url("/api/v1/openapi.json")).send().await.expect("request");
    assert_eq!(response.status(), 200);
    let served: serde_json::Value = response.json().await.expect("json");
    let committed: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(arrangeer_tests::in_workspace("openapi/openapi.json"))
            .expect("committed spec"),
    )
    .expect("committed spec is JSON");
    assert_eq!(served, committed, "openapi/openapi.json is stale: run `cargo xtask openapi`");

    let docs = app.client.get(app.url("/api/docs/")).send().await.expect("request");
    assert_eq!(docs.status(), 200);
    assert!(docs.text().await.expect("html").contains("swagger"), "Swagger UI is served offline");
}

#[tokio::test]
async fn the_web_app_is_served_with_deep_links_falling_back_to_index() {
    let app = TestApp::spawn().await;
    for path in ["/", "/inloggen", "/dossiers/123/tijdlijn"] {
        let response = app.client.get(app.url(path)).send().await.expect("request");
        assert_eq!(response.status(), 200, "{path}");
        let html = response.text().await.expect("html");
        assert!(html.contains(r#"<script type="module" src="/boot.js">"#), "{path} serves index.html");
    }
    let index = app.client.get(app.url("/")).send().await.expect("request");
    let csp =
        index.headers().get("content-security-policy").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    assert!(csp.contains("frame-ancestors 'none'") && csp.contains("'wasm-unsafe-eval'"), "{csp}");
    assert_eq!(index.headers().get("x-content-type-options").and_then(|v| v.to_str().ok()), Some("nosniff"));
    let wasm = app.client.get(app.url("/arrangeer_web_bg.wasm")).send().await.expect("request");
    assert_eq!(wasm.status(), 200);
    assert_eq!(wasm.headers().get("content-type").and_then(|v| v.to_str().ok()), Some("application/wasm"));
}

#[tokio::test]
async fn unknown_api_paths_and_methods_are_problems_not_the_web_app() {
    let app = TestApp::spawn().await;
    for path in ["/api/v1/nothing-here", "/api/v2/me", "/api/v1"] {
        let response = app.client.get(app.url(path)).send().await.expect("request");
        assert_eq!(response.status(), 404, "{path}");
        assert_eq!(
            response.headers().get("content-type").and_then(|v| v.to_str().ok()),
            Some("application/problem+json"),
            "{path}"
        );
    }
    let response = app.client.delete(app.url("/api/v1/me")).send().await.expect("request");
    assert_eq!(response.status(), 405);
    assert!(response.headers().contains_key("allow"));
}

#[tokio::test]
async fn a_missing_file_is_404_and_chunks_of_a_build_are_cached_for_good() {
    let app = TestApp::spawn().await;
    // a chunk of another build: a file, so a 404 rather than the shell with 200
    let missing = app.client.get(app.url("/split_office.000000000000.wasm")).send().await.expect("request");
    assert_eq!(missing.status(), 404);
    assert_eq!(
        missing.headers().get("content-type").and_then(|v| v.to_str().ok()),
        Some("application/problem+json")
    );

    let chunk = std::fs::read_dir(arrangeer_tests::web_dir())
        .expect("the built web app")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .find(|name| name.starts_with("split_") && name.ends_with(".wasm"))
        .expect("the build has chunks loaded on demand");
    let response = app.client.get(app.url(&format!("/{chunk}"))).send().await.expect("request");
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers().get("cache-control").and_then(|v| v.to_str().ok()),
        Some("public, max-age=31536000, immutable")
    );
    // the main module and the shell keep being revalidated: a new release must show at once
    let main = app.client.get(app.url("/arrangeer_web_bg.wasm")).send().await.expect("request");
    assert_ne!(
        main.headers().get("cache-control").and_then(|v| v.to_str().ok()),
        Some("public, max-age=31536000, immutable")
    );
    let shell = app.client.get(app.url("/dossiers")).send().await.expect("request");
    assert_eq!(shell.headers().get("cache-control").and_then(|v| v.to_str().ok()), Some("no-cache"));
}

#[tokio::test]
async fn the_benchmarks_reference_pages_are_served_only_when_asked_for() {
    use arrangeer_shared::Role;
    use arrangeer_shared::api::arrangements::ArrangementSummary;
    use arrangeer_shared::api::page::Page;
    let paths = ["/bench/page-written", "/bench/page-serialised", "/bench/page-checked"];

    // off by default: the web app answers these paths, not a page of the list's shape
    let app = TestApp::spawn().await;
    for path in paths {
        let response = app.client.get(app.url(path)).send().await.expect("request");
        let body = response.text().await.expect("body");
        assert!(serde_json::from_str::<Page<ArrangementSummary>>(&body).is_err(), "{path} is served: {body}");
    }

    let app = TestApp::spawn_with(|settings| settings.bench_routes = true).await;
    let token = app.token(Role::School, arrangeer_tests::UTRECHT).await;
    let checked = app.client.get(app.url(paths[2])).send().await.expect("request");
    assert_eq!(checked.status(), 401, "the checked page asks for a token");
    let mut bodies = Vec::new();
    for path in paths {
        let response = app.client.get(app.url(path)).bearer_auth(&token).send().await.expect("request");
        assert_eq!(response.status(), 200, "{path}");
        let body = response.text().await.expect("body");
        let page: Page<ArrangementSummary> = serde_json::from_str(&body).expect("a page of the list's shape");
        assert_eq!(page.items.len(), 50, "{path}");
        bodies.push(body);
    }
    assert!(bodies.iter().all(|b| *b == bodies[0]), "the three answers are the same page");
}

/// Sends `GET /health/live` on `stream` and reads its answer (`Content-Length` bodies only).
fn live_on(stream: &mut std::net::TcpStream) -> std::io::Result<String> {
    use std::io::{Read, Write};
    stream.write_all(b"GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")?;
    let mut answer = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let n = stream.read(&mut chunk)?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        answer.extend_from_slice(&chunk[..n]);
        let text = String::from_utf8_lossy(&answer).into_owned();
        if let Some((head, body)) = text.split_once("\r\n\r\n") {
            let length = head
                .lines()
                .find_map(|l| l.to_ascii_lowercase().strip_prefix("content-length: ").map(str::to_owned))
                .and_then(|v| v.trim().parse::<usize>().ok())
                .unwrap_or(0);
            if body.len() >= length {
                return Ok(text);
            }
        }
    }
}

#[tokio::test]
async fn idle_connections_close_after_the_configured_keep_alive() {
    for (keep_alive, still_open) in [(1, false), (30, true)] {
        let app = TestApp::spawn_with(|settings| settings.keep_alive_seconds = keep_alive).await;
        let address = app.address.trim_start_matches("http://").to_owned();
        let outcome = tokio::task::spawn_blocking(move || {
            let mut stream = std::net::TcpStream::connect(address).expect("connect");
            stream.set_read_timeout(Some(std::time::Duration::from_secs(10))).expect("timeout");
            let first = live_on(&mut stream).expect("first answer");
            assert!(first.starts_with("HTTP/1.1 200"), "{first}");
            // idle for longer than the short keep-alive, well within the long one
            std::thread::sleep(std::time::Duration::from_millis(2_500));
            live_on(&mut stream).map(|second| second.starts_with("HTTP/1.1 200"))
        })
        .await
        .expect("client thread");
        match (still_open, outcome) {
            (true, Ok(true)) => {}
            (false, Err(_)) => {}
            (expected, got) => panic!("keep-alive {keep_alive} s: open {expected} expected, got {got:?}"),
        }
    }
}
